// A report hard-wrapped at ~32 characters, with what other institutes' PDFs have and the seed has not:
// a long English name on the cover, a title broken after its colon, run-in headings, an inline
// enumeration the paragraph goes on after, a keywords line, 名词解释, and a colophon on its own page
// with English address lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../pipeline/ingest/report/index.js';
import { findTitle } from '../../pipeline/ingest/report/meta.js';
import type { Line } from '../../pipeline/ingest/report/lines.js';
import { isLatinName, isProse } from '../../pipeline/ingest/report/furniture.js';
import { matchHeading } from '../../pipeline/ingest/report/headings.js';
import { docSegments } from '../../pipeline/ingest/walk.js';
import { selectBrief } from '../../pipeline/select/index.js';
import type { ListBlock, Section, SourceDoc } from '../../pipeline/model.js';

const text = readFileSync('tests/fixtures/ingest/report/wrapped-report.txt', 'utf8');
const { doc } = parseReport(text, 'x.txt', 'x');
const texts = (d: SourceDoc) => [...docSegments(d)].map((v) => v.segment.text);
const find = (secs: Section[], heading: string): Section | undefined => {
  for (const s of secs) {
    if (s.heading === heading) return s;
    const c = find(s.children, heading);
    if (c) return c;
  }
  return undefined;
};
const line = (t: string, idx = 0): Line => ({ text: t, raw: t, idx, start: 0, textStart: 0 });

describe('cover of a wrapped report', () => {
  it('reads past a long English name in capitals: title, subtitle, authors, date, series', () => {
    expect(doc.meta.title).toBe('从“各管一段”到“协同共治”');
    expect(doc.meta.subtitle).toBe('近海渔业资源养护的合作路径');
    expect(doc.meta.authors.map((a) => a.name)).toEqual(['沈岩', '许嘉禾', '罗宁']);
    expect(doc.meta.date).toBe('2024-09');
    expect([doc.meta.series, doc.meta.issue]).toEqual(['专题报告', '7']);
    expect(doc.meta.institution).toBe('东岭大学海洋治理研究中心');
  });
  it('English names are not prose; sentences are, and a short line ending in a colon is not', () => {
    expect(isLatinName('CENTER FOR OCEAN GOVERNANCE AND MARITIME COOPERATION STUDIES')).toBe(true);
    expect(isLatinName('Center for Ocean Governance and Maritime Cooperation Studies')).toBe(true);
    expect(isLatinName('The centre studies how coastal provinces share the work.')).toBe(false);
    expect(isProse('CENTER FOR OCEAN GOVERNANCE AND MARITIME COOPERATION STUDIES')).toBe(false);
    expect(isProse('从“各管一段”到“协同共治”：')).toBe(false);
    expect(isProse('近海渔业资源持续衰退，沿海各地的养护措施各自为政。')).toBe(true);
  });
  it('joins a title broken without a colon when the title page repeats it whole', () => {
    const cover = ['关于近海渔业资源', '协同养护的若干思考', '作者：沈 岩', '关于近海渔业资源协同养护的若干思考'].map((t, i) => line(t, i));
    const tt = findTitle(cover);
    expect(tt.title?.text).toBe('关于近海渔业资源');
    expect(tt.titleMore?.text).toBe('协同养护的若干思考');
    // not repeated: the first line alone, as before
    expect(findTitle(cover.slice(0, 3)).titleMore).toBeUndefined();
  });
  it('a spaced-out title loses its spaces, and a "——" subtitle goes on to the next line', () => {
    const src = '政 府 工 作 报 告\n\n——2024年1月16日在某市第十七届人民代表大会\n第四次会议上\n\n市长　王 明\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n';
    const { doc: d } = parseReport(src, 'x.txt', 'x');
    expect(d.meta.title).toBe('政府工作报告');
    // the "——" line is when and where it was delivered (joined across its two lines): the date, not a subtitle
    expect(d.meta.subtitle).toBeUndefined();
    expect(d.meta.date).toBe('2024-01-16');
    expect(d.meta.extra?.occasion).toBe('某市第十七届人民代表大会第四次会议');
    expect(d.meta.authors).toEqual([{ name: '王明', role: '市长' }]);
  });
});

describe('body of a wrapped report', () => {
  it('a run-in heading is its first sentence; the rest of the line starts the body', () => {
    const advice = find(doc.sections, '对策建议')!;
    expect(advice.children.map((c) => c.heading)).toEqual(['建立统一的资源监测标准', '推行跨区域联合执法', '扶持渔民转产转业']);
    expect(texts(doc)).toContain('建议由省级主管部门牵头，统一监测站点布设、调查方法和数据格式，每年联合发布资源状况通报。');
    expect(matchHeading('（一）建立统一的资源监测标准。建议由省级主管部门牵头，统一监测')).toMatchObject({ title: '建立统一的资源监测标准', bodyAt: 15 });
    // a heading line that is only a heading stays one
    expect(matchHeading('（二）美国：快速“冻结冲突”的雄心')).toMatchObject({ title: '美国：快速“冻结冲突”的雄心' });
    expect(matchHeading('（二）美国：快速“冻结冲突”的雄心')?.bodyAt).toBeUndefined();
  });
  it('"（一）label：running text" is a labelled section, ended by a full stop or not', () => {
    const kinds = find(doc.sections, '现有养护机制的类型')!;
    expect(kinds.children.map((c) => c.heading)).toEqual(['分段管理型', '项目合作型', '联席会议型']);
    expect(texts(doc)).toContain('定期召开联席会议交流信息，但缺少约束力。');
  });
  it('an inline enumeration of clauses ends with its sentence; the paragraph goes on after the list', () => {
    const abstract = doc.sections.find((s) => s.kind === 'abstract')!;
    const list = abstract.blocks.find((b): b is ListBlock => b.type === 'list')!;
    expect(list.items.map((i) => i.segments.map((s) => s.text).join(''))).toEqual(['从分段管理转向整体养护', '从事后处罚转向源头预防', '从政府单一管理转向多方共治。']);
    const after = abstract.blocks[abstract.blocks.indexOf(list) + 1];
    expect(after.type === 'paragraph' && after.segments.map((s) => s.text).join('')).toBe('为此，报告提出三项对策建议。');
  });
  it('keeps the keywords line as keywords, not content', () => {
    expect(doc.meta.keywords).toEqual(['渔业资源', '协同治理', '海洋保护']);
    expect(texts(doc).some((t) => t.includes('关键词'))).toBe(false);
  });
  it('名词解释 is back matter, not a chapter', () => {
    expect(doc.sections.find((s) => s.heading === '名词解释')?.kind).toBe('notes');
  });
  it('finds the colophon on its own page, English address lines and a bare web address included', () => {
    expect(doc.meta.extra?.['地址']).toBe('东岭市海滨路 18 号');
    expect(texts(doc).some((t) => /Haibin|cogmc|Center for Ocean|主\s*编/.test(t))).toBe(false);
  });
});

describe('selection on a wrapped report', () => {
  const { brief } = selectBrief(doc, []);
  const slot = (name: string) => brief.slots.find((s) => s.name === name)!.items.map((i) => i.text);
  it('takes the recommendations from the section headed as such, and its text for nothing else', () => {
    expect(slot('recommendations')).toEqual(['建立统一的资源监测标准', '推行跨区域联合执法', '扶持渔民转产转业']);
    const rest = [...slot('bottomLine'), ...slot('findings'), ...slot('positions')].join('\n');
    expect(rest).not.toMatch(/省级主管部门|联合执法区|技能培训/);
  });
  it('does not take sections headed by topics ("分段管理型：…") for the positions of actors', () => {
    expect(slot('positions')).toEqual([]);
  });
  it('never takes 名词解释 for content', () => {
    expect(Object.values(brief.slots).flatMap((s) => s.items.map((i) => i.text)).join('\n')).not.toMatch(/增殖放流：|指相邻地区/);
  });
});
