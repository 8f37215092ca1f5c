// brief:fused: an item never runs across a paragraph boundary of the source where the source has no
// sentence end, and a summary item (printed run together with the next) ends a sentence or is marked cut.
import { describe, expect, it } from 'vitest';
import type { Brief, BriefItem, Segment, SourceDoc } from '../../../pipeline/model.js';
import { BRIEF_RULES } from '../../../pipeline/check/brief/index.js';
import { diagnosticToJson } from '../../../pipeline/diagnostics.js';

/** One paragraph per text, paragraph n on line 2n + 1. */
function doc(paragraphs: string[]): SourceDoc {
  const seg = (text: string, i: number): Segment => ({ id: `s${i}`, text, place: { line: 2 * i + 3, column: 1 }, footnoteRefs: [] });
  return {
    slug: 't',
    kind: 'news',
    meta: { title: '某某条例', authors: [] },
    titleSegments: [{ id: 'title', text: '某某条例', place: { line: 1, column: 1 }, footnoteRefs: [] }],
    sections: [{ id: 'x', level: 1, kind: 'section', heading: '', place: { line: 2, column: 1 }, blocks: paragraphs.map((t, i) => ({ type: 'paragraph' as const, segments: [seg(t, i)] })), children: [] }],
    footnotes: [],
    tables: [],
    quotes: [],
  };
}
function brief(slot: string, items: BriefItem[]): Brief {
  return { slug: 't', lang: 'zh-Hans', kind: 'news', title: '某某条例', sourceLine: '', slots: [{ name: slot, items }], terms: [] };
}
const rule = BRIEF_RULES.find((r) => r.id === 'brief:fused')!;
const run = (b: Brief, d: SourceDoc) => rule.check(b, d, { file: 'source.md' }).map(diagnosticToJson);

const DATED = '2021年6月10日 某市人民代表大会常务委员会第二次会议通过';
const PURPOSE = '为了规范某项活动，保障安全，制定本条例。';
const SCOPE = '在本市开展某项活动，适用本条例。';

describe('brief:fused (error)', () => {
  it('ok: items of whole sentences, one paragraph each or paragraphs that end their sentences', () => {
    const d = doc([DATED, PURPOSE, SCOPE]);
    expect(run(brief('bottomLine', [{ text: PURPOSE, segmentIds: ['s1'] }, { text: SCOPE, segmentIds: ['s2'] }]), d)).toEqual([]);
    expect(run(brief('keyPoints', [{ text: PURPOSE + SCOPE, segmentIds: ['s1', 's2'] }]), d)).toEqual([]);
    // a summary item cut and marked as cut is not a sentence the source never wrote
    expect(run(brief('bottomLine', [{ text: '为了规范某项活动……', segmentIds: ['s1'] }, { text: SCOPE, segmentIds: ['s2'] }]), d)).toEqual([]);
    // an enumerated clause keeps the source's own semicolon
    const clauses = doc(['一是工业支撑作用增强，增加值增长7.8%；', PURPOSE]);
    expect(run(brief('bottomLine', [{ text: '一是工业支撑作用增强，增加值增长7.8%；', segmentIds: ['s0'] }, { text: PURPOSE, segmentIds: ['s1'] }]), clauses)).toEqual([]);
    // the last item of the summary runs into nothing
    expect(run(brief('bottomLine', [{ text: PURPOSE, segmentIds: ['s1'] }, { text: DATED, segmentIds: ['s0'] }]), d)).toEqual([]);
  });
  it('not ok: a dated line run into the next paragraph, in one item or in the summary', () => {
    const d = doc([DATED, PURPOSE, SCOPE]);
    const one = run(brief('keyPoints', [{ text: DATED + PURPOSE, segmentIds: ['s0', 's1'] }]), d);
    expect(one).toMatchObject([{ rule: 'brief:fused', severity: 'error', file: 'source.md', line: 3 }]);
    const summary = run(brief('bottomLine', [{ text: DATED, segmentIds: ['s0'] }, { text: PURPOSE, segmentIds: ['s1'] }]), d);
    expect(summary).toMatchObject([{ rule: 'brief:fused', severity: 'error', line: 3, data: { slot: 'bottomLine', item: 1, next: 2 } }]);
  });
  it('a list of items (key points) may hold a line without a sentence end', () => {
    const d = doc([DATED, PURPOSE]);
    expect(run(brief('keyPoints', [{ text: DATED, segmentIds: ['s0'] }, { text: PURPOSE, segmentIds: ['s1'] }]), d)).toEqual([]);
  });
});

describe('brief:duplicate and headings shown as items', () => {
  const dup = BRIEF_RULES.find((r) => r.id === 'brief:duplicate')!;
  /** A chapter heading and a paragraph of its chapter that names its subject. */
  function law(): SourceDoc {
    const d = doc(['个人信息处理者应当履行个人信息处理者的义务，保护个人信息安全。']);
    d.sections[0].headingSegment = { id: 'h1', text: '第五章 个人信息处理者的义务', place: { line: 2, column: 1 }, footnoteRefs: [] };
    d.sections[0].heading = '第五章 个人信息处理者的义务';
    return d;
  }
  it('ok: a chapter’s subject and a sentence that names it', () => {
    const d = law();
    const b: Brief = { ...brief('chapters', [{ text: '个人信息处理者的义务', segmentIds: ['h1'] }]) };
    b.slots.push({ name: 'keyPoints', items: [{ text: '个人信息处理者应当履行个人信息处理者的义务，保护个人信息安全。', segmentIds: ['s0'] }] });
    expect(dup.check(b, d, {})).toEqual([]);
  });
  it('not ok: the same heading twice, or a sentence inside another sentence', () => {
    const d = law();
    const b = brief('chapters', [
      { text: '个人信息处理者的义务', segmentIds: ['h1'] },
      { text: '个人信息处理者的义务', segmentIds: ['h1'] },
    ]);
    b.slots.push({ name: 'keyPoints', items: [{ text: '个人信息处理者应当履行个人信息处理者的义务，保护个人信息安全。', segmentIds: ['s0'] }, { text: '个人信息处理者应当履行个人信息处理者的义务……', segmentIds: ['s0'] }] });
    expect(dup.check(b, d, {}).map(diagnosticToJson).map((x) => (x.data as { slot: string }).slot)).toEqual(['chapters', 'keyPoints']);
  });
});

describe('brief:fused — a numbered section heading run into the text it heads', () => {
  it('not ok: a paper’s section number and title (4 模型, 3.2 加噪方式) before the first sentence', () => {
    const d = doc(['4\t模型比赛中，本队伍采用两阶段训练策略。', '3.2 加噪方式本队伍探究了两个超参数的影响。']);
    const out = run(brief('keyPoints', [{ text: '4 模型比赛中，本队伍采用两阶段训练策略。', segmentIds: ['s0'] }, { text: '3.2 加噪方式本队伍探究了两个超参数的影响。', segmentIds: ['s1'] }]), d);
    expect(out).toMatchObject([{ rule: 'brief:fused', line: 3, data: { heading: true } }, { rule: 'brief:fused', line: 5, data: { heading: true } }]);
  });
  it('ok: a sentence that opens with a quantity (3 个, 2022 年, 1.5 万)', () => {
    const texts = ['3 个试点城市已经完成验收。', '2022 年全市生产总值增长5%。', '1.5 万名学生参加了测评。'];
    const d = doc(texts);
    expect(run(brief('keyPoints', texts.map((t, i) => ({ text: t, segmentIds: [`s${i}`] }))), d)).toEqual([]);
  });
});
