// A notice as government information-disclosure pages publish it (made up): an information table outside
// the article (索引号, 发文机关, 成文日期, 发文字号), the title set again in the article as centred bold
// lines, one block each, then the document's number, the text, the issuer's signature. The title's lines
// are the headline (not a paragraph and headings), the number a fact about the document (not a point),
// and the organ the table names is the document's institution (not the site's column name).
import { describe, it, expect } from 'vitest';
import { htmlToMarkdown } from '../../../pipeline/ingest/formats/html.js';
import { ingest } from '../../../pipeline/ingest/index.js';
import { allSections, docSegments } from '../../../pipeline/ingest/walk.js';

const TITLE = '某某省人民政府关于禁止在某某河治理工程征地范围内新增建设项目的通告';
const BODY = [
  '为做好某某河治理工程建设，确保征地实物调查工作顺利进行，现就有关事项通告如下：',
  '一、某某河治理工程位于甲县和乙县，征地范围为现有堤防两侧十五米范围内。',
  '二、自本通告发布之日起，在上述范围内禁止任何单位和个人新建、扩建和改建项目。',
  '三、自本通告发布之日起，上述区域内新迁入的人口不享有相关补偿政策。',
  '特此通告。',
];

function page(opts: { table?: string; lines?: string[] } = {}): string {
  const lines = opts.lines ?? ['某某省人民政府关于禁止在', '某某河治理工程征地范围内', '新增建设项目的通告'];
  const table =
    opts.table ??
    `<table class="xxgk"><tr><td>索&nbsp;引&nbsp;号：</td><td>000000/2030-00001</td></tr>
      <tr><td>发文机关：</td><td>某某省人民政府</td></tr><tr><td>成文日期：</td><td>2030年01月27日</td></tr>
      <tr><td>发文字号：</td><td>某政明电〔2030〕1号</td></tr><tr><td>发布日期：</td><td>2030年01月28日</td></tr></table>`;
  return `<html><head><title>${TITLE}</title><meta name="SiteName" content="信息公开专栏"><meta name="PubDate" content="2030-01-28"></head><body>
    <p class="crumb"><a href="/">某某省政府信息公开专栏</a> &gt;&gt; 政府信息公开基础平台</p>${table}
    <div class="article">${lines.map((l) => `<div style="text-align:center"><font size="5"><b>${l}</b></font></div>`).join('\n')}
    <div style="text-align:center">某政明电〔2030〕1号</div>
    ${BODY.map((p) => `<div>　　${p}</div>`).join('\n')}
    <div style="text-align:right">某某省人民政府</div><div style="text-align:right">2030年1月27日</div></div></body></html>`;
}

const read = (html: string) => ingest({ slug: 'n', file: 'source.md', bytes: new TextEncoder().encode(htmlToMarkdown(html).markdown), format: 'md' }).doc;

describe('a notice on a government information-disclosure page', () => {
  it('reads the title set over several centred lines as the headline, not as a paragraph and headings', () => {
    const md = htmlToMarkdown(page()).markdown;
    expect(md).toMatch(new RegExp(`^# ${TITLE}$`, 'm'));
    expect(md).not.toContain('**某某省人民政府关于禁止在**');
    const doc = read(page());
    const headings = [...allSections(doc.sections)].map((s) => s.heading).filter(Boolean);
    expect(headings).toEqual([]);
    const texts = docSegments(doc).map((v) => v.segment.text);
    expect(texts).not.toContain('某某省人民政府关于禁止在');
    // the document's number is a fact about it, not its text
    expect(texts.some((t) => t.includes('〔2030〕1号'))).toBe(false);
    expect(doc.meta.extra?.['文号']).toBe('某政明电〔2030〕1号');
    expect(texts.some((t) => t.includes('征地范围为现有堤防两侧十五米范围内'))).toBe(true);
  });

  it('takes the issuer from the page’s information table, not the site’s name', () => {
    const doc = read(page());
    expect(doc.meta.institution).toBe('某某省人民政府');
    // the same table as a list (<li><span>发文机关：</span>X</li>)
    const li = '<ul class="info"><li><span>索引号：</span>000000/2030-00001</li><li><span>发文机关：</span>某某省人民政府办公厅</li></ul>';
    expect(read(page({ table: li })).meta.institution).toBe('某某省人民政府办公厅');
    // no table: no institution, the site stays the outlet
    const none = read(page({ table: '' }));
    expect(none.meta.institution).toBeUndefined();
    expect(none.meta.outlet).toBe('信息公开专栏');
  });

  it('leaves lines that only begin the title, or run on past it, as they are', () => {
    // two lines that are not the whole title: not a headline
    const part = htmlToMarkdown(page({ lines: ['某某省人民政府关于禁止在', '某某河治理工程征地范围内'] })).markdown;
    expect(part).not.toMatch(/^# /m);
    // a label of the table that is not an organ's name is not an institution
    const odd = '<table><tr><td>发文机关：</td><td>2030年01月27日</td></tr></table>';
    expect(read(page({ table: odd })).meta.institution).toBeUndefined();
  });
});
