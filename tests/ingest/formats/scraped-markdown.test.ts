// Markdown scraped from the web: front matter where scrapers put it (after a BOM or blank lines, YAML or
// TOML, dates in any common form), article bodies wrapped in raw HTML read instead of dropped, and page
// furniture (scripts, styles, share and QR blocks, navigation links) never reaching the text.
import { describe, it, expect } from 'vitest';
import { parseNews } from '../../../pipeline/ingest/news/index.js';
import { findFrontMatter, blankFrontMatter } from '../../../pipeline/ingest/news/index.js';
import { docSegments } from '../../../pipeline/ingest/walk.js';

const texts = (md: string) => [...docSegments(parseNews(md, 'source.md', 'x').doc)].map((v) => v.segment.text);

const BODY = '国家发展改革委14日发布数据显示，一季度全国新增专项债券发行规模达到1.2万亿元。\n\n专家表示，专项债券将继续发挥稳投资的重要作用。\n';

describe('front matter', () => {
  it.each([
    ['after a blank first line', `\n---\ntitle: 一季度专项债券发行提速\ndate: 2024-04-15\nauthor: 王明\n---\n\n${BODY}`],
    ['after a byte-order mark', `\uFEFF---\ntitle: 一季度专项债券发行提速\ndate: 2024-04-15\nauthor: 王明\n---\n${BODY}`],
    ['as TOML', `+++\ntitle = "一季度专项债券发行提速"\ndate = "2024-04-15"\nauthor = "王明"\n+++\n\n${BODY}`],
    ['with an RFC 2822 date', `---\ntitle: 一季度专项债券发行提速\ndate: "Mon, 15 Apr 2024 08:30:00 +0800"\nauthor: 王明\n---\n\n${BODY}`],
  ])('is read %s', (_how, md) => {
    const { doc } = parseNews(md, 'source.md', 'x');
    expect(doc.meta.title).toBe('一季度专项债券发行提速');
    expect(doc.meta.date).toMatch(/^2024-04-1[45]$/);
    expect(doc.meta.authors?.map((a) => a.name)).toEqual(['王明']);
    const all = texts(md).join('\n');
    expect(all).not.toMatch(/title|author|date|---|\+\+\+/);
    expect(all).toContain('一季度全国新增专项债券发行规模达到1.2万亿元');
  });

  it('is blanked without moving anything: the body keeps its lines and columns', () => {
    const md = `\n\n---\ntitle: 标题\n---\n正文。\n`;
    const fm = findFrontMatter(md)!;
    const blank = blankFrontMatter(md, fm);
    expect(blank.length).toBe(md.length);
    expect(blank.split('\n').length).toBe(md.split('\n').length);
    expect(blank.slice(md.indexOf('正文'))).toBe('正文。\n');
    const { doc } = parseNews(md, 'source.md', 'x');
    const seg = [...docSegments(doc)].find((v) => v.segment.text.startsWith('正文'))!;
    expect(seg.segment.place).toEqual({ line: 6, column: 1 });
  });
});

describe('raw HTML in scraped Markdown', () => {
  const page = `# 一季度专项债券发行提速

<div class="article-body">
<p>国家发展改革委14日发布数据显示，一季度全国新增专项债券发行规模达到1.2万亿元。</p>
<ul><li>重点支持交通基础设施。</li><li>支持保障性安居工程。</li></ul>
<div class="appendQr_wrap"><style>.appendQr_wrap{display:block}</style><img src="qr.png">扫码关注</div>
<div class="share-bar">分享到：微信 微博</div>
<p><a href="/">返回首页</a></p>
</div>

专家表示，专项债券将继续发挥稳投资的重要作用。
`;

  it('a body wrapped in a <div> is read, its furniture is not', () => {
    const all = texts(page).join('\n');
    expect(all).toContain('一季度全国新增专项债券发行规模达到1.2万亿元');
    expect(all).toContain('重点支持交通基础设施。');
    expect(all).toContain('专项债券将继续发挥稳投资的重要作用');
    for (const junk of ['appendQr', 'display:block', '扫码关注', '分享到', '返回首页', '<', '&#']) expect(all).not.toContain(junk);
  });

  it('text read from markup keeps its place in the file', () => {
    const { doc } = parseNews(page, 'source.md', 'x');
    const seg = [...docSegments(doc)].find((v) => v.segment.text.includes('1.2万亿元'))!;
    expect(seg.segment.place.line).toBe(4);
  });

  it('markup with nothing readable (a script, a style) is dropped without a warning', () => {
    const { diagnostics } = parseNews(`# 标题\n\n<script>var a = 1;</script>\n\n<style>p{}</style>\n\n正文第一段。\n`, 'source.md', 'x');
    expect(diagnostics.filter((d) => d.ruleId === 'html-dropped')).toEqual([]);
  });
});
