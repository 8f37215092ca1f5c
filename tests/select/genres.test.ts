// Speeches and work reports (select/genre/speech.ts) and bilingual documents (units.ts isChinese):
// figures and targets win over the genre's formulas; English paragraphs are never Chinese content.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { isSpeech } from '../../pipeline/select/genre/speech.js';
import { collectUnits, isChinese } from '../../pipeline/select/units.js';
import { rankUnits } from '../../pipeline/select/rank.js';
import { markedIfUnended } from '../../pipeline/select/pick.js';

const read = (text: string, format: 'md' | 'txt' = 'txt') => ingest({ slug: 't', file: `source.${format}`, bytes: new TextEncoder().encode(text), format }).doc;
const items = (text: string, format: 'md' | 'txt' = 'txt') => selectBrief(read(text, format), []).brief.slots.flatMap((s) => s.items.map((i) => i.text));

// formulas of the genre (they recur across the shipped background corpus of official texts)
const FORMULA = [
  '我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真贯彻落实党中央决策部署，坚持稳中求进工作总基调。',
  '在以习近平同志为核心的党中央坚强领导下，我们完整、准确、全面贯彻新发展理念，着力推动高质量发展，全面深化改革开放。',
  '我们要坚持以人民为中心的发展思想，坚持和加强党的全面领导，推进全面从严治党，为推进中国式现代化作出新的更大贡献。',
];
const FIGURES = [
  '全市地区生产总值增长5.2%，一般公共预算收入增长8.2%，城镇新增就业28.1万人。',
  '今年的预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在5%以内。',
];

function report(opening: string): string {
  return ['某市政府工作报告', '', opening, '', '一、过去一年的工作', '', FORMULA[0] + FIGURES[0] + FORMULA[1], '', '二、今年的工作', '', FORMULA[2] + FIGURES[1] + FORMULA[0], ''].join('\n');
}

describe('speeches and work reports', () => {
  it('recognised by the procedural opening, not by the subject', () => {
    expect(isSpeech(read(report('现在，我代表市人民政府，向大会报告政府工作，请予审议。')))).toBe(true);
    expect(isSpeech(read(report('本报告分析了某市过去一年的经济形势。')))).toBe(false);
  });
  it('last year’s figures and this year’s targets rank above the formulas; the procedural sentence is never an item', () => {
    const doc = read(report('现在，我代表市人民政府，向大会报告政府工作，请予审议。'));
    const ranking = rankUnits(collectUnits(doc), doc, () => []);
    const best = [...ranking.ranked].filter((r) => r.unit.eligible).sort((a, b) => b.score - a.score).slice(0, 2).map((r) => r.unit.segment.text);
    expect(best.sort()).toEqual([...FIGURES].sort());
    const got = items(report('现在，我代表市人民政府，向大会报告政府工作，请予审议。'));
    for (const f of FIGURES) expect(got).toContain(f);
    expect(got.join('')).not.toContain('向大会报告');
  });
  it('the same text without the opening of a speech ranks as before (no speech prior)', () => {
    const doc = read(report('本报告分析了某市过去一年的经济形势。'));
    const ranking = rankUnits(collectUnits(doc), doc, () => []);
    expect(ranking.ranked.some((r) => r.priorReasons.some((x) => x.startsWith('speech')))).toBe(false);
  });
});

describe('bilingual documents', () => {
  it('a paragraph is Chinese when it has at least as many Han characters as Latin words', () => {
    expect(isChinese('英伟达以3亿美元收购 Deci AI，Scale AI 完成10亿美元融资。')).toBe(true);
    expect(isChinese('The report on the digital economy (数字经济) finds that data markets grew fast in 2024.')).toBe(false);
    // a table row run into the text is figures, not a sentence; a figure-rich Chinese sentence is one
    expect(isChinese('2,409 MuCGEC-Dev 1,125 2,467 2.19 44.02 45.17 (97.65%) 12,584 数据集')).toBe(false);
    expect(isChinese('国内生产总值超过126万亿元，增长5.2%，城镇新增就业1244万人，城镇调查失业率平均为5.2%。')).toBe(true);
  });
  it('English paragraphs are never items, nor the summary', () => {
    const en = 'Open source models such as these lowered the cost of building applications (开源模型) and attracted large investments in 2024 from many funds.';
    const md = ['# 开源人工智能', '', en, '', '开源模型降低了应用开发的成本，吸引了大量投资。', '', en.replace('2024', '2023'), '', '全球开源社区在过去一年新增了大量的模型和数据集。', '', '国内企业也开始开源自己的大模型，推动了生态的发展。', ''].join('\n');
    const got = items(md, 'md');
    expect(got.length).toBeGreaterThan(0);
    for (const t of got) expect(isChinese(t)).toBe(true);
  });
});

describe('summary items are never run into each other', () => {
  it('an item without a sentence end is marked as cut; a sentence, a clause with its ；, a cut item stay', () => {
    expect(markedIfUnended({ text: '数字经济核心产业增加值比重达到11.6%', segmentIds: ['s1'] }).text).toBe('数字经济核心产业增加值比重达到11.6%……');
    for (const t of ['增长9.3%。', '一是工业增强，增长7.8%；', '地区生产总值增长6%左右……', '他说：“会继续。”']) expect(markedIfUnended({ text: t, segmentIds: ['s1'] }).text).toBe(t);
  });
});
