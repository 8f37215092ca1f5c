// The aligner on small synthetic parallel texts: each bead kind, anchors against length, scores.
import { describe, expect, it } from 'vitest';
import { alignTexts, type ZhSentence } from '../../pipeline/align/aligner.js';
import { splitEnglishSentences } from '../../pipeline/align/sentences-en.js';
import { agreement, chineseAnchors, chineseNumeral, englishAnchors } from '../../pipeline/align/anchors.js';
import { alignSequences } from '../../pipeline/align/dp.js';

const zh = (...texts: string[]): ZhSentence[] => texts.map((text, k) => ({ id: `s${k}`, text }));
const pairsOf = (r: ReturnType<typeof alignTexts>) => r.pairs.map((p) => [p.zh.map((z) => z.text), p.en]);

// A document long enough for its length model: ten paragraph pairs of plain 1–1 sentences.
const FILL_ZH = Array.from({ length: 10 }, (_, k) => zh(`这是第${k + 1}段的第一个句子，讲的是政策的背景和目标。`, `这是第${k + 1}段的第二个句子，讲的是措施。`));
// (translations vary in length: some add words, as translators do)
const FILL_EN = Array.from({ length: 10 }, (_, k) => [
  `This is the first sentence of paragraph ${k + 1}, about the background and aims of the policy${['', ' in the years to come', ' and of its partners'][k % 3]}.`,
  `This is the second sentence of paragraph ${k + 1}, about the measures${['', ' taken', ' that the ministries have taken since then'][k % 3]}.`,
]);

describe('alignTexts', () => {
  it('pairs sentences one to one when the texts are parallel, every pair scored', () => {
    const r = alignTexts({ zh: FILL_ZH, en: FILL_EN });
    expect(r.pairs).toHaveLength(20);
    for (const p of r.pairs) {
      expect(p.zh).toHaveLength(1);
      expect(p.en).toHaveLength(1);
      expect(p.score).toBeGreaterThan(0.8);
    }
    expect(r.pairs[5].en[0]).toBe(FILL_EN[2][1]);
  });

  it('finds a 1–2 bead: one Chinese sentence the translator split in two', () => {
    const r = alignTexts({
      zh: [...FILL_ZH, zh('委员会每年召开两次全体会议，审议年度报告并决定下一年度的工作重点和预算安排。', '会议由主任主持。')],
      en: [
        ...FILL_EN,
        ['The committee holds two plenary meetings a year.', 'They review the annual report and decide the priorities and the budget for the following year.', 'The meetings are chaired by the director.'],
      ],
    });
    expect(pairsOf(r).slice(-2)).toEqual([
      [['委员会每年召开两次全体会议，审议年度报告并决定下一年度的工作重点和预算安排。'], ['The committee holds two plenary meetings a year.', 'They review the annual report and decide the priorities and the budget for the following year.']],
      [['会议由主任主持。'], ['The meetings are chaired by the director.']],
    ]);
  });

  it('finds a 2–1 bead: two Chinese sentences the translator joined', () => {
    const r = alignTexts({
      zh: [...FILL_ZH, zh('国家鼓励企业开展研究。', '国家也支持高校参与。', '具体办法另行规定。')],
      en: [...FILL_EN, ['The state encourages enterprises to conduct research and also supports the participation of universities.', 'Specific measures shall be prescribed separately.']],
    });
    expect(pairsOf(r).slice(-2)).toEqual([
      [['国家鼓励企业开展研究。', '国家也支持高校参与。'], ['The state encourages enterprises to conduct research and also supports the participation of universities.']],
      [['具体办法另行规定。'], ['Specific measures shall be prescribed separately.']],
    ]);
  });

  it('leaves out an English sentence with no Chinese (0–1), such as a translator’s note', () => {
    const note = "Translator's note: this text follows the 2023 revision.";
    const first = 'This regulation shall come into force on the date of promulgation, and the earlier provisions are repealed at the same time.';
    const second = 'The transition period is six months, during which enterprises may proceed under the earlier provisions.';
    const r = alignTexts({
      zh: [...FILL_ZH, zh('本条例自公布之日起施行，原有的相关规定同时废止。', '过渡期为六个月，期间企业可以按照原有规定办理。')],
      en: [...FILL_EN, [first, note, second]],
    });
    expect(r.enOnly).toEqual([note]);
    expect(pairsOf(r).slice(-2)).toEqual([
      [['本条例自公布之日起施行，原有的相关规定同时废止。'], [first]],
      [['过渡期为六个月，期间企业可以按照原有规定办理。'], [second]],
    ]);
  });

  it('lets shared numbers outweigh lengths: with the figures a sentence pairs by them, without them by length', () => {
    // the English leaves out the first Chinese sentence; lengths alone point to the wrong one to drop
    const zhWith = zh('2019年，出口增长了12%，进口增长了3%，贸易总额为4.5万亿元，创下历史新高，其中机电产品占比超过一半。', '2020年，出口下降了8%。');
    // the same sentences, the same lengths, the figures blotted out (letters weigh what digits weigh)
    const zhWithout = zhWith.map((s) => ({ ...s, text: s.text.replace(/[0-9.]/g, 'x') }));
    const en = ['In 2020, exports fell by 8%, while imports were largely unchanged over the year and the trade surplus narrowed.'];
    const withNumbers = alignTexts({ zh: [...FILL_ZH, zhWith], en: [...FILL_EN, en] });
    const withoutNumbers = alignTexts({ zh: [...FILL_ZH, zhWithout], en: [...FILL_EN, en] });
    expect(pairsOf(withNumbers).at(-1)).toEqual([[zhWith[1].text], en]);
    // by length alone the English goes with the long first sentence (alone or with the second), never the short one alone
    const byLength = pairsOf(withoutNumbers).at(-1)!;
    expect(byLength[1]).toEqual(en);
    expect(byLength[0]).toContain(zhWithout[0].text);
  });

  it('scores a pair whose lengths disagree wildly below one whose lengths agree', () => {
    const r = alignTexts({
      zh: [...FILL_ZH, zh('同意。')],
      en: [...FILL_EN, ['The delegations agreed, after a long debate over the wording of the second paragraph and the annex on financing, to adopt the text as amended by the drafting committee.']],
    });
    expect(r.pairs.at(-1)!.score).toBeLessThan(0.8);
    expect(Math.min(...r.pairs.slice(0, -1).map((p) => p.score))).toBeGreaterThan(r.pairs.at(-1)!.score);
  });

  it('estimates the length ratio from the document itself', () => {
    const short = alignTexts({ zh: FILL_ZH, en: FILL_EN });
    const long = alignTexts({ zh: FILL_ZH, en: FILL_EN.map((p) => p.map((s) => `${s} ${s}`)) });
    expect(long.model.ratio / short.model.ratio).toBeCloseTo(2, 1);
  });
});

describe('splitEnglishSentences', () => {
  it('splits at sentence ends, not at abbreviations, initials, numbers or enumeration markers', () => {
    expect(splitEnglishSentences('The Revolution of 1911, led by Dr. Sun Yat-sen, abolished the monarchy. However, the task was not accomplished.')).toEqual([
      'The Revolution of 1911, led by Dr. Sun Yat-sen, abolished the monarchy.',
      'However, the task was not accomplished.',
    ]);
    expect(splitEnglishSentences('1. Overview')).toEqual(['1. Overview']);
    expect(splitEnglishSentences('It grew by 3.5 percent in the U.S. economy. Then it fell.')).toEqual(['It grew by 3.5 percent in the U.S. economy.', 'Then it fell.']);
    expect(splitEnglishSentences('He said "we agree." The others left?')).toEqual(['He said "we agree."', 'The others left?']);
    expect(splitEnglishSentences('a more inclusive future.Now, more than ever')).toEqual(['a more inclusive future.', 'Now, more than ever']);
  });
});

describe('anchors and the search', () => {
  it('does not hold a heading number printed by one edition only against the pair; the same number on both sides counts for it', () => {
    const one = chineseAnchors('7.开源人工智能篇', {});
    const none = englishAnchors('Open Source AI', {});
    expect(agreement(one, none)).toEqual({ matched: 0, unmatched: 0 });
    expect(agreement(chineseAnchors('1.2 企业如何寻求新的支持？', {}), englishAnchors('1.2 How should enterprises seek new support?', {})).matched).toBe(2);
    // list items numbered by both editions: the same number counts for the pair, another against it
    expect(agreement(chineseAnchors('（二）省、自治区分为自治州、县、自治县、市；', {}), englishAnchors('(2) Provinces consist of prefectures and counties; and', {})).matched).toBe(1);
    expect(agreement(chineseAnchors('（二）省、自治区分为自治州、县、自治县、市；', {}), englishAnchors('（3） Counties consist of townships and towns.', {})).unmatched).toBe(1);
    // a number inside the text still counts, at the start too when it is no label
    expect(agreement(chineseAnchors('2024 年发布了 3 个模型。', {}), englishAnchors('Three models were released.', {})).unmatched).toBe(2);
    expect(agreement(chineseAnchors('团队需要 2 到 3 年。', {}), englishAnchors('2 to 3 years are needed.', {})).matched).toBe(2);
  });

  it('reads Chinese numerals as the English writes them', () => {
    expect(chineseNumeral('一百四十三')).toBe(143);
    expect(chineseNumeral('十二')).toBe(12);
    expect(chineseNumeral('一九四九')).toBe(1949);
    expect(chineseNumeral('国家')).toBeUndefined();
  });

  it('keeps to a band on long input and still finds the path', () => {
    let calls = 0;
    const n = 3000;
    const beads = alignSequences(n, n, (i, a, j, b) => {
      calls++;
      return a === 1 && b === 1 ? (i === j ? 0 : 5) : 3;
    });
    expect(beads.every((b) => b.a === 1 && b.b === 1 && b.i === b.j)).toBe(true);
    expect(calls).toBeLessThan(n * 70 * 5);
  });
});
