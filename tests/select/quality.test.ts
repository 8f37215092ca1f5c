// The analyst-quality rules of selection, each with a case where it applies and one where it must not.
import { describe, expect, it } from 'vitest';
import { selectBrief, formatExplanation } from '../../pipeline/select/index.js';
import { actorStance, dependentOpening, subjectActor, summaryCue } from '../../pipeline/select/cues.js';
import { isFragment, positionBonus } from '../../pipeline/select/report.js';
import { makeItem } from '../../pipeline/select/pick.js';
import { charTokens } from '../../pipeline/select/text.js';
import { chooseTerms } from '../../pipeline/select/terms.js';
import type { Brief, SourceDoc } from '../../pipeline/model.js';
import { para, segmentsOf } from '../fixtures/select/build.js';
import { gridReport, gridTerms, portNews, portTerms } from '../fixtures/select/quality.js';

const slot = (b: Brief, name: string) => b.slots.find((s) => s.name === name)!.items;

/** Heading of the top-level section that holds a segment. */
function topOf(d: SourceDoc, id: string): string {
  for (const s of d.sections) if (segmentsOf({ ...d, sections: [s] }).some((x) => x.id === id)) return s.heading;
  throw new Error(id);
}

describe('cues', () => {
  it('dependent openings: connectives and early back-references, not 此次/应该', () => {
    expect(dependentOpening('然而，收益分配问题没有解决。')).toBe('connective 然而');
    expect(dependentOpening('但欧洲内部仍有争议。')).toMatch(/^connective/);
    expect(dependentOpening('这种僵局会一直持续下去。')).toBe('back-reference 这');
    expect(dependentOpening('目前，该选项面临不满。')).toBe('back-reference 该');
    expect(dependentOpening('在此背景下，防长出席论坛。')).toMatch(/^back-reference/);
    expect(dependentOpening('在此次论坛上，与会者普遍认为对话是出路。')).toBeUndefined();
    expect(dependentOpening('欧洲应该加强防务合作。')).toBeUndefined();
    expect(dependentOpening('电网互联提高了电力供应的稳定性。')).toBeUndefined();
    expect(dependentOpening('他同时强调，对话是唯一出路。')).toBe('pronoun 他');
    expect(dependentOpening('其他国家也表示欢迎。')).toBeUndefined();
  });

  it('dependent openings of official writing (爰此, 故为…), also after a paragraph number; not 故宫 or 故事', () => {
    expect(dependentOpening('四、爰此，提出某法修正案，明订雇主应当优先清偿工资。')).toBe('connective 爰此');
    expect(dependentOpening('二、故为确保劳工权益，明订该债权优先受偿。')).toBe('connective 故');
    expect(dependentOpening('（三）然而，实务上工资债权并不优先。')).toBe('connective 然而');
    expect(dependentOpening('故宫博物院今年接待游客一千万人次。')).toBeUndefined();
    expect(dependentOpening('三、故事片的票房增长了两成。')).toBeUndefined();
  });

  it('an area\'s bounds without the area (北至…，西至…) lean on the sentence that names it', () => {
    expect(dependentOpening('北至某高速，西至某河，东至某镇中部，南至某湖，规划范围38平方公里。')).toMatch(/^no subject/);
    expect(dependentOpening('新区北至某高速，西至某河，规划范围38平方公里。')).toBeUndefined();
    expect(dependentOpening('东至今仍保留着旧城墙。')).toBeUndefined();
  });

  it('summary cues', () => {
    expect(summaryCue('总体来看，电网互联已经成为合作的主轴。')).toBe('总体来看');
    expect(summaryCue('从长远看，能源安全离不开电网互联。')).toBe('从长远看');
    expect(summaryCue('电网互联的投资主要来自开发银行。')).toBeUndefined();
    // what the study as a whole shows is its judgement too
    expect(summaryCue('本报告的分析表明，分段管理难以应对新的挑战。')).toBe('本报告的分析表明');
    expect(summaryCue('调研发现，多数渔民支持联合执法。')).toBe('调研发现');
    expect(summaryCue('数据显示，渔获量下降了三成。')).toBeUndefined();
  });

  it('an actor as subject with a stance word, and not when the actor is an object', () => {
    const actors = ['印度', '日本'];
    expect(actorStance('印度坚持把本国能源安全放在首位。', actors)).toEqual({ actor: '印度', stance: '坚持' });
    expect(actorStance('目前，印度主张按双边协议推进。', actors)).toEqual({ actor: '印度', stance: '主张' });
    expect(subjectActor('日本对印度的电网互联政策表示关切。', actors)).toBe('日本');
    expect(actorStance('各国电网互联的进展差异明显。', actors)).toBeUndefined();
    expect(actorStance('对印度而言，电网互联的收益有限。', actors)).toBeUndefined();
  });

  it('position bonus: own stance beats a sentence about someone else toward the actor', () => {
    const own = positionBonus('印度坚持把本国能源安全放在首位。', '印度', ['印度', '日本']);
    const other = positionBonus('日本对印度的电网互联政策表示关切。', '印度', ['印度', '日本']);
    expect(own.v).toBeGreaterThan(0.4);
    expect(other.v).toBeLessThan(0);
    expect(other.why.join()).toContain('subject is 日本');
  });
});

describe('clauses are not findings', () => {
  it('a short list item, an unfinished line, or an item run in with a semicolon is a clause', () => {
    expect(isFragment('从分段管理转向整体养护', true)).toBe(true);
    expect(isFragment('从政府单一管理转向多方共治。', true)).toBe(true);
    expect(isFragment('加强人才培养合作，支持发展中经济体建设封装测试和芯片设计能力；', true)).toBe(true);
    expect(isFragment('捕捞强度长期超过资源再生能力，是资源衰退的首要原因。', true)).toBe(false);
    expect(isFragment('建立排放数据季度通报机制，由秘书处汇总发布主要港口的排放数据，减少信息不对称', true)).toBe(true);
    expect(isFragment('防范化解重点领域风险')).toBe(true);
    expect(isFragment('渔获量下降了三成。')).toBe(false);
    expect(isFragment('农业生产信息化率达到35%以上，农产品网络零售额突破8000亿元；')).toBe(true);
  });
  it('a list item shown alone keeps its own end (its semicolon): no full stop is invented', () => {
    const item = makeItem([{ id: 's1', text: '农业生产信息化率达到35%以上；', place: { line: 1, column: 1 }, footnoteRefs: [] }], 90, { strip: true });
    expect(item.text).toBe('农业生产信息化率达到35%以上；');
    expect(item.textId).toBeUndefined();
  });
});

describe('report: bottom line, findings, positions', () => {
  const d = gridReport();
  const { brief, explanation } = selectBrief(d, gridTerms, { explain: true });

  it('the bottom line states the thesis, not one actor position that opens the 摘要', () => {
    const bl = slot(brief, 'bottomLine').map((i) => i.text);
    expect(bl.some((t) => t.startsWith('东盟希望'))).toBe(false);
    expect(bl.some((t) => t.startsWith('日本主张'))).toBe(false);
    expect(bl.some((t) => t.startsWith('总体来看'))).toBe(true);
    // a lead-in that states a judgement is shown, cut at its colon and marked as cut (the source's
    // sentence goes on after the colon: no full stop is invented)
    expect(bl).toContain('从长远看，亚洲能源安全离不开电网互联与电力市场的协同推进……');
    const ex = explanation.filter((e) => e.slot === 'bottomLine').map((e) => e.why).join('\n');
    expect(ex).toContain('judgement');
  });

  it('without the judgement sentences, an actor position may still be chosen (a prior, not a rule)', () => {
    const d2 = gridReport();
    const abs = d2.sections[0];
    abs.blocks = abs.blocks.filter((b) => b.type === 'paragraph' && !b.segments[0].text.startsWith('总体来看'));
    const bl = slot(selectBrief(d2, gridTerms).brief, 'bottomLine');
    expect(bl.length).toBeGreaterThanOrEqual(2);
  });

  it('findings come from different chapters', () => {
    const f = slot(brief, 'findings');
    expect(f.length).toBeGreaterThanOrEqual(3);
    const tops = f.map((i) => topOf(d, i.segmentIds[0]));
    expect(new Set(tops).size).toBe(tops.length);
  });

  it('a finding never opens with a connective unless merged with the sentence before it', () => {
    for (const s of brief.slots)
      for (const i of s.items) {
        if (s.name === 'recommendations' || s.name === 'positions') continue;
        if (dependentOpening(i.text)) throw new Error(`dependent item: ${i.text}`);
      }
    // chapter 二's only candidate leans on a short sentence before it: shown merged with it
    const d3 = gridReport();
    d3.sections[2].blocks = [para('障碍仍在。然而，电力市场的过网费标准各国不一，电网互联和储能项目的交易成本居高不下。')];
    const f3 = slot(selectBrief(d3, gridTerms).brief, 'findings');
    const merged = f3.find((i) => i.text.includes('然而，电力市场的过网费'))!;
    expect(merged.text).toBe('障碍仍在。然而，电力市场的过网费标准各国不一，电网互联和储能项目的交易成本居高不下。');
    expect(merged.segmentIds.length).toBe(2);
    // …and skipped when the sentence before it is excluded
    d3.meta.exclude = ['障碍仍在'];
    const f4 = slot(selectBrief(d3, gridTerms).brief, 'findings');
    expect(f4.some((i) => i.text.includes('然而'))).toBe(false);
  });

  it('positions: the actor stating its own position, not someone else about the actor', () => {
    const pos = slot(brief, 'positions');
    const india = pos.find((i) => i.speaker?.name === '印度')!;
    expect(india.text.startsWith('印度坚持')).toBe(true);
    expect(pos.find((i) => i.speaker?.name === '越南')!.text.startsWith('越南希望')).toBe(true);
    expect(formatExplanation(explanation)).toContain('印度 as subject');
  });

  it('key terms: three names at most, only those the brief names, never a generic country', () => {
    const term = (id: string, category: 'place' | 'concept') => ({ id, 'zh-Hans': id, 'zh-Hant': id, en: id, variants: {}, forbidden: {}, category });
    const stat = (id: string, category: 'place' | 'concept', count: number, inBrief = 1) => ({ term: term(id, category), count, headingCount: 0, spread: 1, inBrief, first: count, score: count });
    const places = ['东盟', '加泰罗尼亚', '北海道', '巴伐利亚', '冲绳'].map((p, i) => stat(p, 'place', 10 - i));
    expect(chooseTerms(places).map((t) => t.text)).toEqual(['东盟', '加泰罗尼亚', '北海道']);
    expect(chooseTerms([...places, stat('产业政策', 'concept', 2)]).map((t) => t.text)).toEqual(['产业政策', '东盟', '加泰罗尼亚', '北海道']);
    // a place the text only passes by (not in the brief's items or headings) is not a key term
    expect(chooseTerms([stat('东盟', 'place', 9, 0), stat('加泰罗尼亚', 'place', 3)]).map((t) => t.text)).toEqual(['加泰罗尼亚']);
    // 美国, 日本: names every reader knows, whatever the glossary says
    expect(chooseTerms([stat('美国', 'place', 30), stat('日本', 'place', 20), stat('加泰罗尼亚', 'place', 3)]).map((t) => t.text)).toEqual(['加泰罗尼亚']);
    // …and the union and the world body every text names in passing, not their organs
    const org = (id: string, count: number) => ({ ...stat(id, 'concept', count), term: { ...term(id, 'concept'), category: 'organisation' as const } });
    expect(chooseTerms([org('欧盟', 12), org('联合国', 9), org('联合国安理会', 4), org('欧盟委员会', 3)]).map((t) => t.text)).toEqual(['联合国安理会', '欧盟委员会']);
  });

  it('key terms: concepts before places', () => {
    const cats = brief.terms.map((t) => gridTerms.find((x) => x.id === t.termId)!.category);
    const firstPlace = cats.findIndex((c) => c === 'place');
    if (firstPlace >= 0) expect(cats.slice(firstPlace).every((c) => c === 'place' || c === 'person')).toBe(true);
    expect(cats[0]).toBe('concept');
  });
});

describe('news: key points and key terms', () => {
  const d = portNews();
  const { brief } = selectBrief(d, portTerms, { explain: true });

  it('key points spread over the subheading sections', () => {
    const tops = slot(brief, 'keyPoints').map((i) => topOf(d, i.segmentIds[0]));
    for (const h of ['零关税清单扩容', '航运中心建设提速', '营商环境仍需改善']) expect(tops).toContain(h);
    expect(tops.filter((h) => h === '航运中心建设提速').length).toBeLessThanOrEqual(2);
  });

  it('key terms: concepts and documents first, places after, the outlet never', () => {
    const ids = brief.terms.map((t) => t.termId);
    expect(ids).not.toContain('south-china-sea-daily');
    expect(ids.indexOf('hainan')).toBeGreaterThan(ids.indexOf('free-trade-port'));
    expect(ids.indexOf('hainan')).toBeGreaterThan(ids.indexOf('zero-tariff'));
  });
});

describe('charTokens', () => {
  it('Han bigrams without particles and stop bigrams, Latin words kept, numbers dropped', () => {
    const t = charTokens('欧洲加速防务自主转型，并在2025年推进G7的计划。');
    expect(t).toContain('欧洲');
    expect(t).toContain('防务');
    expect(t).toContain('g7');
    expect(t.some((x) => x.includes('的'))).toBe(false);
    expect(t).not.toContain('2025');
    for (const stop of ['我们', '已经', '进行']) expect(charTokens('我们已经进行')).not.toContain(stop);
  });
});
