// Parts of a kept pair whose English the pair gives verbatim: a sentence without its label, quoted and
// bracketed spans when both sides hold as many. Anything less certain gets no English.
import { describe, expect, it } from 'vitest';
import { alignedParts, partsOfPair } from '../../pipeline/align/parts.js';
import { alignmentDrafts, type DocAlignment } from '../../pipeline/align/index.js';
import type { AlignedPair } from '../../pipeline/align/aligner.js';
import { segmentId } from '../../pipeline/ingest/segment.js';

const pair = (zh: string, ...en: string[]): AlignedPair => ({ zh: [{ id: segmentId(zh), text: zh }], en, score: 0.95, evidence: { length: 0.5, matched: 0, unmatched: 0 } });
const shown = (p: AlignedPair) => partsOfPair(p).map((x) => [x.how, x.zh, x.en]);

describe('parts of a pair', () => {
  it('gives an article without its label the English after the same label', () => {
    const p = pair('第一条 中华人民共和国是社会主义国家。', 'Article 1 The People’s Republic of China is a socialist state.');
    expect(shown(p)).toEqual([['label', '中华人民共和国是社会主义国家。', 'The People’s Republic of China is a socialist state.']]);
    // an edition that printed the label twice
    expect(shown(pair('第七十条 全国人民代表大会设立专门委员会。', 'Article 70 Article 70 The NPC shall establish special committees.'))[0][2]).toBe('The NPC shall establish special committees.');
    // another number, another kind, or no label on one side: nothing
    expect(shown(pair('第一条 中华人民共和国是社会主义国家。', 'Article 2 The People’s Republic of China is a socialist state.'))).toEqual([]);
    expect(shown(pair('第一章 总纲', 'Article 1 General Principles'))).toEqual([]);
    expect(shown(pair('第一条 中华人民共和国是社会主义国家。', 'The People’s Republic of China is a socialist state.'))).toEqual([]);
  });

  it('gives a sentence without its run-in list label the English after the label, when both sides have one', () => {
    const p = pair('社区角色：受访者在开源社区中扮演多种角色，包括用户和维护者等。', 'Community Roles: Respondents play various roles in the community, including users and maintainers.');
    expect(shown(p)).toEqual([['label', '受访者在开源社区中扮演多种角色，包括用户和维护者等。', 'Respondents play various roles in the community, including users and maintainers.']]);
    // a label on one side only, or a colon after a whole clause (no label), gives nothing
    expect(shown(pair('社区角色：受访者在开源社区中扮演多种角色。', 'Respondents play various roles in the community.'))).toEqual([]);
    expect(shown(pair('受访者在开源社区中扮演多种角色。', 'Community Roles: Respondents play various roles.'))).toEqual([]);
    expect(shown(pair('他在会上说，我们认为：开源是未来。', 'He said at the meeting: Open source is the future.'))).toEqual([]);
  });

  it('gives a quote the quote of the English, and a bracket the bracket, when both sides hold as many', () => {
    const q = pair('甚至连英伟达的老板黄仁勋都大胆建议，“每个政府都应该有自己的大语言模型来保护国家资产。”', 'Even NVIDIA’s CEO, Jensen Huang, boldly suggested, "Every government should have its own large language model to protect national assets."');
    expect(shown(q)).toEqual([['quote', '每个政府都应该有自己的大语言模型来保护国家资产。', 'Every government should have its own large language model to protect national assets.']]);
    const b = pair('他们分别是徐至行（国方创新）、刘景媛（德联资本）和丁宁（INP）。', 'They are Xu Zhixing (Guofang Innovation), Liu Jingyuan (Delian Capital) and Ding Ning (INP).');
    // a span in Latin letters needs no English from the pair
    expect(shown(b)).toEqual([
      ['bracket', '国方创新', 'Guofang Innovation'],
      ['bracket', '德联资本', 'Delian Capital'],
    ]);
    // a term quoted inside an English sentence loses the point English sets inside the quotes
    expect(shown(pair('机器人需要“大脑”。', 'Robots need a "brain."'))[0][2]).toBe('brain');
    // counts differ: no span is given English
    expect(shown(pair('所谓“开源”和“闭源”之争。', 'The so-called "open versus closed" debate.'))).toEqual([]);
    expect(shown(pair('代理（AI Agent）正在兴起。', 'Agents are on the rise.'))).toEqual([]);
  });

  it('gives no English to a part read two ways in two pairs, and lets a whole segment’s own pair win', () => {
    const parts = alignedParts([pair('他说“好”。', 'He said "good."'), pair('她也说“好”。', 'She said "fine."'), pair('大家都说“行”。', 'Everyone said "OK."')]);
    expect(parts.map((p) => p.zh)).toEqual(['行']);
    const whole = pair('每个政府都应该有自己的模型。', 'Every government should have its own model.');
    const quoting = pair('他建议，“每个政府都应该有自己的模型。”', 'He suggested, "Each government ought to have a model of its own."');
    const a: DocAlignment = { english: 'parallel', kept: [whole, quoting], dropped: [], parts: alignedParts([whole, quoting]), result: { pairs: [whole, quoting], zhOnly: [], enOnly: [], model: { ratio: 3, variance: 6 } } };
    const drafts = alignmentDrafts(a);
    expect(drafts.filter((d) => d.id === whole.zh[0].id).map((d) => d.target)).toEqual(['Every government should have its own model.']);
    expect(drafts.every((d) => d.origin === 'alignment' && d.state === 'translated')).toBe(true);
  });
});
