// Saved pages of a wiki (and of any site that links its own pages in running text): a paragraph that links
// every other noun, raised note references and the list of notes they point to, edit links beside the
// headings, icons set in a line of text, captions of figures, and a <title> of `heading - site`. Made-up
// pages in the shape such sites give.
import { describe, it, expect } from 'vitest';
import { htmlToMarkdown } from '../../../pipeline/ingest/formats/html.js';
import { checkEmphasisMarks, MAX_MARK_RUNS_PER_BLOCK } from '../../../pipeline/ingest/depth.js';

const page = (body: string, title = '示例新区 - 示例百科，自由的百科全书') =>
  `<html><head><title>${title}</title></head><body><header><h1 id="firstHeading">示例新区<span class="mw-editsection">[<a href="/w/index.php?title=x&action=edit">编辑</a>]</span></h1></header>
  <main><div id="content">${body}</div></main></body></html>`;

const para = (k: number) =>
  `<p>示例新区第${k}段：新区位于<a href="/wiki/A${k}" title="A">某省</a>东部，由<a href="/wiki/B${k}">甲县</a>、<a href="/wiki/C${k}">乙县</a>组成，规划面积约1770平方公里，并设立专门机构统筹推进各项建设工作。</p>`;

describe('a wiki page', () => {
  it('reads a paragraph that links many of the site’s own pages as its text (not refused as too much markup)', () => {
    const words = Array.from({ length: MAX_MARK_RUNS_PER_BLOCK + 20 }, (_, k) => `<a href="/wiki/W${k}">词${k}</a>`).join('、');
    const r = htmlToMarkdown(page(`<p>新区已承接的项目包括${words}等，均在有序推进之中。</p>${para(1)}${para(2)}`));
    expect(r.markdown).toContain('词0、词1、词2');
    expect(r.markdown).not.toContain('](/wiki/');
    expect(() => checkEmphasisMarks(r.markdown, 'source.html')).not.toThrow();
  });

  it('keeps a link that leaves the site', () => {
    const r = htmlToMarkdown(page(`${para(1)}<p>详见<a href="https://www.example.gov.cn/plan.html">规划纲要全文</a>，其中对新区的功能定位、空间布局和建设时序作了系统安排和具体部署。</p>${para(2)}`));
    expect(r.markdown).toContain('[规划纲要全文](https://www.example.gov.cn/plan.html)');
  });

  it('drops raised note references and the notes they point to, not a raised unit', () => {
    const r = htmlToMarkdown(
      page(`<p>新区规划面积约1770 km<sup>2</sup>，远期控制区面积约2000平方公里，并将逐步承接非首都功能疏解任务。<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>${para(1)}
      <h2>参考文献</h2><ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a> 某某报道. 示例日报. 2017-04-01.</li></ol>`),
    );
    expect(r.markdown).toContain('km2');
    expect(r.markdown).not.toMatch(/\[1\]|cite_note|示例日报/);
  });

  it('leaves the edit links out of the headings', () => {
    const r = htmlToMarkdown(page(`${para(1)}<h2>地理<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=x&action=edit&section=2">编辑</a><span class="mw-editsection-bracket">]</span></span></h2>${para(2)}`));
    expect(r.markdown).toMatch(/^## 地理$/m);
    expect(r.markdown).not.toContain('编辑');
  });

  it('reads an icon in a line of text as what it stands for, and keeps a picture', () => {
    const r = htmlToMarkdown(
      page(`<p>新区规划“四纵三横”高速公路网，其中“四纵”为<a href="/wiki/File:G4.svg"><img alt="G4" src="//img.example/G4.png" width="22" height="16"></a> 京港澳高速等，“三横”为津雄高速等。</p>${para(1)}
      <figure><a href="/wiki/File:Bus.jpg"><img src="//img.example/bus.jpg" width="220" height="147"></a><figcaption>运营中的新区公交</figcaption></figure>${para(2)}`),
    );
    expect(r.markdown).toContain('“四纵”为G4 京港澳高速');
    expect(r.markdown).toContain('![](//img.example/bus.jpg)');
    // the caption is set as captions are (in italics), so the reader does not take it for a paragraph
    expect(r.markdown).toMatch(/^\*运营中的新区公交\*$/m);
  });

  it('takes the site’s name from a `heading - site` title', () => {
    const r = htmlToMarkdown(page(`${para(1)}${para(2)}`));
    expect(r.markdown).toMatch(/^title: 示例新区$/m);
    expect(r.markdown).toMatch(/^outlet: 示例百科，自由的百科全书$/m);
    // a title whose first part is no heading the page shows names no site
    const other = htmlToMarkdown(page(`${para(1)}${para(2)}`, '数据安全管理办法 - 法规'));
    expect(other.markdown).not.toMatch(/^outlet:/m);
  });
});
