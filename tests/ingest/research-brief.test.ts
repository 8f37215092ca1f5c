// A research brief (研究简报): a two-column cover line, "摘要：" inline, a keywords line and "1、"
// headings with no blank lines between, a table broken by a page, a running head that appears only
// twice, and bios at the end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../pipeline/ingest/report/index.js';
import { docSegments } from '../../pipeline/ingest/walk.js';

const { doc, diagnostics } = parseReport(readFileSync('tests/fixtures/ingest/report/research-brief.txt', 'utf8'), 'b.txt', 'b');
const texts = [...docSegments(doc)].map((v) => v.segment.text);

describe('a research brief', () => {
  it('reads a cover line set in two columns as the institution and the date, and the title below it', () => {
    expect(doc.meta).toMatchObject({ title: '从“有人照护”到“照护得好”', subtitle: '失能老人长期照护的政策选择', institution: '东岭社会研究院人口研究中心', date: '2024-05-10', series: '研究简报', issue: '3' });
    expect(doc.meta.authors.map((a) => a.name)).toEqual(['沈一鸣', '许向荣', '顾宁']);
  });
  it('finds 摘要： inline, the keywords line alone, and 1、 sections', () => {
    expect(doc.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['abstract', '摘要'],
      ['chapter', '失能老人照护的新形势'],
      ['chapter', '政策建议'],
      ['notes', '作者简介'],
    ]);
    expect(doc.meta.keywords).toEqual(['失能老人', '长期照护', '长期护理保险']);
    expect(texts).toContain('失能老人规模持续扩大，长期照护需求集中释放。');
  });
  it('goes on with a table after a page break, and drops a running head seen twice, right after page numbers', () => {
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].header[0]).toBe('指标');
    expect(doc.tables[0].rows.map((r) => r.label)).toEqual(['失能老人（万人）', '重度失能（万人）']);
    expect(texts.some((t) => t.includes('东岭社会研究院·研究简报'))).toBe(false);
    expect(diagnostics).toEqual([]);
  });
});

describe('a reference list and a box', () => {
  const src = [
    '前言',
    '',
    '　　全球贸易温和复苏，但碎片化程度继续加深。',
    '',
    '【专栏1】贸易碎片化指数：方法与结果',
    '碎片化指数由贸易限制措施数量等三项指标合成，2024年升至131.5。',
    '',
    '参考文献',
    '[1] 课题组. 全球贸易展望2024[R]. 某研究中心, 2024.',
    '[2] 某某. 贸易碎片化的测度[J]. 国际经贸, 2024(3): 45-62.',
    '',
  ].join('\n');
  const { doc: d, diagnostics: diags } = parseReport(src, 'r.txt', 'r');
  it('keeps references out of the footnotes, and a box title out of the sentence below it', () => {
    expect(d.footnotes).toEqual([]);
    expect(diags.filter((x) => x.ruleId === 'footnote-unlinked')).toEqual([]);
    expect(d.sections.find((s) => s.heading === '参考文献')?.kind).toBe('notes');
    const all = [...docSegments(d)].map((v) => v.segment.text);
    expect(all).toContain('碎片化指数由贸易限制措施数量等三项指标合成，2024年升至131.5。');
  });
});

describe('reference lists under their other headings', () => {
  for (const heading of ['主要参考文献', '主 要 参 考 文 献', 'References']) {
    it(`"${heading}": a notes section, its entries not footnotes`, () => {
      const src = ['一、背景', '', '贸易碎片化程度继续加深，限制措施数量创下新高。[1]', '', heading, '[1] 课题组. 全球贸易展望2024[R]. 某研究中心, 2024.', ''].join('\n');
      const { doc: d } = parseReport(src, 'r.txt', 'r');
      expect(d.footnotes).toEqual([]);
      expect(d.sections.at(-1)?.kind).toBe('notes');
    });
  }
});

describe("a journal article's bracketed fields", () => {
  const src = [
    '资源与环境经济评论  2024年第4期',
    '',
    '碳市场扩容与企业减排',
    '',
    '【摘要】有偿分配比例提高会降低企业碳排放强度。本文利用三省调查数据检验。',
    '【关键词】碳排放权交易；配额分配',
    '【中图分类号】F205',
    '【基金项目】某大学青年创新团队项目（QN2023-07）；某研究所开放课题（',
    'DH2023-11）',
    'Abstract: We find that paid allocation lowers carbon intensity.',
    '一、引言',
    '全国碳市场自2021年启动以来以免费分配为主，配额分配方式的影响日益受到关注。',
    '',
  ].join('\n');
  const { doc: d } = parseReport(src, 'j.txt', 'j');
  const all = [...docSegments(d)].map((v) => v.segment.text);
  it('reads 【摘要】 inline and 【关键词】 as keywords, and keeps the other fields out of the content', () => {
    expect(d.sections[0]).toMatchObject({ kind: 'abstract', heading: '摘要' });
    expect(all).toContain('有偿分配比例提高会降低企业碳排放强度。');
    expect(d.meta.keywords).toEqual(['碳排放权交易', '配额分配']);
    expect(all.some((t) => /F205|基金项目|QN2023|DH2023/.test(t))).toBe(false);
  });
});

describe('a keywords line', () => {
  it('splits at semicolons and commas, at spaces only between Chinese words, and keeps English keywords whole', async () => {
    const { splitKeywords } = await import('../../pipeline/ingest/report/index.js');
    expect(splitKeywords('学习者文本；语法纠错；拼写检查')).toEqual(['学习者文本', '语法纠错', '拼写检查']);
    expect(splitKeywords('学习者文本 语法纠错')).toEqual(['学习者文本', '语法纠错']);
    expect(splitKeywords('Multidimensional Text Correction')).toEqual(['Multidimensional Text Correction']);
    expect(splitKeywords('Grammatical Error Correction; Data Augmentation')).toEqual(['Grammatical Error Correction', 'Data Augmentation']);
  });
});
