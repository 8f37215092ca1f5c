// A long official document published as a web page — a white paper as a government site sets it:
// the site's name in the <title> and a description that cites the paper, the issuer's block under the
// headline (organ, then month), the contents (目录) listing the parts that follow, the parts as bold
// paragraphs (前言, 一、…, （一）…, 结束语), and page furniture around it. The text is made up.
import { describe, it, expect } from 'vitest';
import { htmlToMarkdown } from '../../../pipeline/ingest/formats/html.js';
import { ingest } from '../../../pipeline/ingest/index.js';
import { findContents, readIssuerBlock } from '../../../pipeline/ingest/news/front-page.js';
import { allSections, docSegments } from '../../../pipeline/ingest/walk.js';

const PARTS = ['一、候鸟保护的基本理念', '二、候鸟保护的主要进展', '三、候鸟保护的国际合作'];

function page(opts: { cover?: string; contents?: boolean } = {}): string {
  const cover = opts.cover ?? '<p style="text-align:center">中华人民共和国<br>某某办公室<br>2030年1月</p>';
  const contents = opts.contents === false ? '' : `<p style="text-align:center"><strong>目录</strong></p><p>前言</p>${PARTS.map((p) => `<p>${p}</p>`).join('')}<p>结束语</p>`;
  return `<html><head><title>《新时代的中国候鸟保护》白皮书_中华人民共和国某某办公室</title>
<meta name="description" content="某某办公室发布《新时代的中国候鸟保护》白皮书"><meta name="keywords" content="白皮书,候鸟">
</head><body><div class="top-nav"><a href="/">首页</a> | <a href="/b">白皮书</a></div>
<div class="main"><h1>新时代的中国候鸟保护</h1><div class="info">来源：某某网站 <span class="fenxiang">分享到：微信 微博</span></div>
<div class="content">${cover}${contents}
<p style="text-align:center"><strong>前言</strong></p>
<p>候鸟是生态系统健康的重要指示物种。中国地处全球候鸟迁飞通道的关键位置，每年有数亿只候鸟途经中国。</p>
<p style="text-align:center"><strong>${PARTS[0]}</strong></p>
<p>中国坚持保护优先，把候鸟栖息地纳入生态保护红线。各地设立候鸟迁飞通道保护站二百一十个。</p>
<p><strong>（一）坚持系统保护</strong></p><p>中国统筹湿地、森林和草原保护，为候鸟提供连续的栖息地。</p>
<p style="text-align:center"><strong>${PARTS[1]}</strong></p>
<p>截至2029年底，中国建立候鸟保护区三百四十处，观测到的水鸟数量比十年前增加百分之三十。</p>
<p style="text-align:center"><strong>${PARTS[2]}</strong></p>
<p>中国与十八个国家签署候鸟保护协定，联合开展迁飞通道监测。</p>
<p style="text-align:center"><strong>结束语</strong></p><p>中国将继续加强候鸟保护，为全球生物多样性保护作出贡献。</p>
</div><div class="share">分享到：<a href="#">微信</a></div></div><div class="foot">主办单位：某某办公室 | 版权所有</div></body></html>`;
}

const read = (html: string) => ingest({ slug: 'wp', file: 'source.md', bytes: new TextEncoder().encode(htmlToMarkdown(html).markdown), format: 'md' }).doc;

describe('a white paper saved as a web page', () => {
  it('not-ok → ok: the title is the paper’s, not the issuer on the cover nor the site', () => {
    const md = htmlToMarkdown(page()).markdown;
    expect(md).toMatch(/^title: 《新时代的中国候鸟保护》白皮书$/m);
    expect(read(page()).meta.title).toBe('《新时代的中国候鸟保护》白皮书');
  });

  it('not-ok → ok: the issuer’s block is the institution and the date, not the first paragraph', () => {
    const doc = read(page());
    expect(doc.meta.institution).toBe('中华人民共和国某某办公室');
    expect(doc.meta.date).toBe('2030-01');
    const text = [...docSegments(doc)].map((v) => v.segment.text).join('\n');
    expect(text).not.toMatch(/某某办公室\s*2030年1月/);
    // over short paragraphs of a line each, too
    const split = read(page({ cover: '<p>中华人民共和国</p><p>某某办公室</p><p>2030年1月</p>' }));
    expect(split.meta.institution).toBe('中华人民共和国某某办公室');
  });

  it('not-ok → ok: the contents are not parts of their own; every part appears once, with its text', () => {
    const doc = read(page());
    const headings = [...allSections(doc.sections)].map((s) => s.heading);
    for (const p of PARTS) expect(headings.filter((h) => h === p)).toHaveLength(1);
    expect(headings).not.toContain('目录');
    // the opening part set in bold at the top is a heading, not the text's first paragraph
    expect(headings[0]).toBe('前言');
    for (const s of allSections(doc.sections)) if (PARTS.includes(s.heading)) expect(s.blocks.length + s.children.length).toBeGreaterThan(0);
  });

  it('ok: without contents or a cover block nothing of the text is lost', () => {
    const doc = read(page({ cover: '', contents: false }));
    const text = [...docSegments(doc)].map((v) => v.segment.text).join('\n');
    expect(text).toContain('中国与十八个国家签署候鸟保护协定，联合开展迁飞通道监测。');
    expect([...allSections(doc.sections)].map((s) => s.heading)).toEqual(['前言', PARTS[0], '（一）坚持系统保护', PARTS[1], PARTS[2], '结束语']);
  });
});

describe('the issuer’s block and the contents, as rules', () => {
  it('an organ and a month; a bracketed month alone; not a sentence, not a person', () => {
    expect(readIssuerBlock(['中华人民共和国', '某某办公室', '2030年1月'])).toEqual({ institution: '中华人民共和国某某办公室', date: '2030-01' });
    expect(readIssuerBlock(['某省人民政府', '二〇三〇年三月'])).toEqual({ institution: '某省人民政府', date: '2030-03' });
    expect(readIssuerBlock(['（2030年1月）'])).toEqual({ date: '2030-01' });
    expect(readIssuerBlock(['2030年1月'])).toBeUndefined();
    expect(readIssuerBlock(['张三', '2030年1月'])).toBeUndefined();
    expect(readIssuerBlock(['某某办公室发布了新的统计数据。', '2030年1月'])).toBeUndefined();
  });

  it('contents: entries repeated further on; a list of short lines that are not repeated is text', () => {
    const texts = ['目录', '前言', '一、甲', '二、乙', '前言', '正文第一段。', '一、甲', '正文。', '二、乙', '正文。'];
    expect(findContents(texts)).toEqual({ start: 0, end: 4 });
    expect(findContents(['目录', '甲方', '乙方', '正文第一段。', '丙。', '丁。', '戊。'])).toBeUndefined();
  });
});

describe('a white paper published whole under a news agency’s notice', () => {
  // 全文如下: the notice (and its dateline) is how the paper was published; the paper follows, its title
  // repeated and its issuer's block (the month in brackets, the organ) before its text
  const chapter = (n: string, k: number) =>
    `**${n}**\n\n` + Array.from({ length: 10 }, (_, j) => `第${k}部分第${j + 1}段：中国建立候鸟保护区${k * 10 + j}处，监测站点覆盖主要迁飞通道，观测到的水鸟数量比十年前增加百分之${k + j}。`).join('\n\n');
  const md = [
    '---\ntitle: 新时代的中国候鸟保护\n---',
    '新华社北京1月8日电 某某办公室8日发表《新时代的中国候鸟保护》白皮书。全文如下：',
    '**新时代的中国候鸟保护**',
    '（2030年1月）',
    '中华人民共和国某某办公室',
    '**前言**',
    '候鸟是生态系统健康的重要指示物种。',
    ...PARTS.map((p, k) => chapter(p, k + 1)),
    '**结束语**',
    '中国将继续加强候鸟保护。',
  ].join('\n\n');
  const doc = ingest({ slug: 'wp', file: 'source.md', bytes: new TextEncoder().encode(md), format: 'md' }).doc;

  it('not-ok → ok: the notice and the issuer’s block are facts about the paper, not its text', () => {
    const text = [...docSegments(doc)].map((v) => v.segment.text).join('\n');
    expect(text).not.toContain('全文如下');
    expect(text).not.toContain('（2030年1月）');
    expect(doc.meta.institution).toBe('中华人民共和国某某办公室');
    expect(doc.meta.date).toBe('2030-01');
    expect(doc.meta.extra?.['发布']).toContain('全文如下');
    const headings = [...allSections(doc.sections)].map((s) => s.heading);
    expect(headings[0]).toBe('前言');
    expect(headings).not.toContain('新时代的中国候鸟保护');
  });

  it('not-ok → ok: the paper is read as a report (its parts), not as the news report that published it', () => {
    expect(doc.kind).toBe('report');
  });
});
