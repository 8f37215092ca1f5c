import { describe, expect, it } from 'vitest';
import type { Segment, Term } from '../../pipeline/model.js';
import { runQa, simpleMatcher, RULES, type QaContext } from '../../pipeline/check/index.js';
import { diagnosticToJson } from '../../pipeline/diagnostics.js';
import fc from 'fast-check';
import { continuesIntoAcceptedTerm } from '../../pipeline/check/rules/forbidden-term.js';
import { enQuantities } from '../../pipeline/check/numbers-en.js';
import { enDates } from '../../pipeline/check/dates.js';

const TERMS: Term[] = [
  {
    id: 'common-security', 'zh-Hans': '共同安全', 'zh-Hant': '共同安全', en: 'common security',
    variants: { en: ['shared security'] }, forbidden: { en: [{ term: 'collective safety', use: 'common security' }] }, category: 'concept',
  },
  { id: 'eu', 'zh-Hans': '欧盟', 'zh-Hant': '歐盟', en: 'European Union', variants: { en: ['EU'] }, forbidden: {}, category: 'organisation' },
  { id: 'zelensky', 'zh-Hans': '泽连斯基', 'zh-Hant': '澤倫斯基', en: 'Zelensky', variants: {}, forbidden: { en: [{ term: 'Zelenskiy' }] }, category: 'person' },
];
const ctx: QaContext = { terms: TERMS, matcher: simpleMatcher(TERMS) };

function seg(text: string): Segment {
  return { id: 's' + text.length, text, place: { line: 3, column: 5 }, footnoteRefs: [] };
}
function check(rule: string, zh: string, en: string) {
  const r = RULES.find((x) => x.id === rule)!;
  return r.check({ segment: seg(zh), target: en, source: 'source.txt' }, ctx).map(diagnosticToJson);
}

describe('check:term-missing', () => {
  it('ok: main form or accepted variant', () => {
    expect(check('check:term-missing', '倡导共同安全', 'Advocating common security')).toEqual([]);
    expect(check('check:term-missing', '欧盟', 'The EU')).toEqual([]);
  });
  it('not ok: the term is translated otherwise', () => {
    const d = check('check:term-missing', '泽连斯基和欧盟', 'Zelensky and the European bloc');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ rule: 'check:term-missing', severity: 'error', file: 'source.txt', line: 3, column: 5 });
    expect(d[0].reason).toContain('欧盟 must be translated as “European Union”');
    expect(d[0].expected).toEqual(['European Union', 'EU']);
    expect(d[0].data).toMatchObject({ segmentId: 's7', rule: 'check:term-missing', termId: 'eu' });
  });
});

describe('check:forbidden-term', () => {
  it('ok', () => expect(check('check:forbidden-term', '泽连斯基', 'Zelensky said')).toEqual([]));
  it('not ok: names the replacement', () => {
    const d = check('check:forbidden-term', '泽连斯基', 'Zelenskiy said');
    expect(d).toHaveLength(1);
    expect(d[0].reason).toBe('check:forbidden-term: “Zelenskiy” is not used; write “Zelensky”');
    const d2 = check('check:forbidden-term', '共同安全', 'collective safety');
    expect(d2[0].expected).toEqual(['common security']);
  });
});

describe('check:forbidden-term with a longer accepted term', () => {
  const terms: Term[] = [
    { id: 'ukraine', 'zh-Hans': '乌克兰', 'zh-Hant': '烏克蘭', en: 'Ukraine', variants: {}, forbidden: { en: [{ term: 'the Ukraine', use: 'Ukraine' }] }, category: 'place' },
    { id: 'ukraine-crisis', 'zh-Hans': '乌克兰危机', 'zh-Hant': '烏克蘭危機', en: 'Ukraine crisis', variants: {}, forbidden: {}, category: 'concept' },
  ];
  const c: QaContext = { terms, matcher: simpleMatcher(terms) };
  const run = (en: string) => RULES.find((x) => x.id === 'check:forbidden-term')!.check({ segment: seg('乌克兰危机'), target: en }, c);
  it('ok: the article belongs to the longer term ("the Ukraine crisis")', () => expect(run('the settlement of the Ukraine crisis')).toEqual([]));
  it('not ok: the forbidden form on its own', () => expect(run('aid to the Ukraine was cut')).toHaveLength(1));
});

describe('check:number-mismatch', () => {
  const ok: [string, string][] = [
    ['欧盟承诺306亿欧元', 'The EU pledged €30.6 billion'],
    ['欧盟承诺306亿欧元', 'The EU pledged EUR 30.6 billion'],
    ['欧盟承诺306亿欧元', 'The EU pledged 30.6 billion euros'],
    ['增长3%', 'grew by 3 percent'],
    ['增长3%', 'grew by 3 per cent'],
    ['增长3%', 'grew by 3%'],
    ['8000亿', '800 billion'],
    ['1/3的国家', 'one third of the countries'],
    ['三分之一', 'a third'],
    ['十二个国家和二十五项措施', 'twelve countries and 25 measures'],
    ['三个原则', 'three principles'],
    ['68%的受访者', '68 percent of respondents'],
    ['10.8万亿卢布', '10.8 trillion roubles'],
    ['第一，第二', 'First, second'],
    ['推进一体化', 'advance integration'],
    ['两国关系', 'relations between both countries'],
  ];
  for (const [zh, en] of ok) it(`ok: ${zh} ↔ ${en}`, () => expect(check('check:number-mismatch', zh, en)).toEqual([]));
  it('not ok: 306亿欧元 vs 30.6 million', () => {
    const d = check('check:number-mismatch', '欧盟承诺306亿欧元', 'The EU pledged €30.6 million');
    expect(d).toHaveLength(1);
    expect(d[0].reason).toBe('check:number-mismatch: 306亿欧元 (30600000000 EUR) not found in the English; it has 30.6 million EUR');
  });
  it('not ok: wrong percentage, wrong currency, missing number', () => {
    expect(check('check:number-mismatch', '增长3%', 'grew by 4 percent')).toHaveLength(1);
    expect(check('check:number-mismatch', '8000亿美元', '800 billion euros')).toHaveLength(1);
    expect(check('check:number-mismatch', '十二个国家', 'many countries')[0].reason).toContain('it has no numbers');
  });
});

describe('check:date-mismatch', () => {
  const ok: [string, string][] = [
    ['2025年5月16日', 'on 16 May 2025'],
    ['2025年5月16日', 'on May 16, 2025'],
    ['2025年7月', 'in July 2025'],
    ['5月16日', 'on 16 May'],
    ['5月16日', 'on May 16'],
    ['2025年', 'in 2025'],
  ];
  for (const [zh, en] of ok) it(`ok: ${zh} ↔ ${en}`, () => expect(check('check:date-mismatch', zh, en)).toEqual([]));
  it('not ok', () => {
    const d = check('check:date-mismatch', '2025年5月16日发布', 'published on 15 May 2025');
    expect(d).toHaveLength(1);
    expect(d[0].reason).toBe('check:date-mismatch: 2025年5月16日 (2025-05-16) not found in the English; it has 2025-05-15');
    expect(check('check:date-mismatch', '2025年7月', 'in June 2025')).toHaveLength(1);
    expect(check('check:date-mismatch', '2024年', 'in 2025')).toHaveLength(1);
  });
});

describe('English numbers and dates', () => {
  it('the same text reads the same whatever was read before (the patterns keep no state between calls)', () => {
    const texts = ['On 16 May 2025, 30.6 billion euros', 'one third of 1,800 delegates in July 2025', 'May 16, 2025: both sides, a dozen times, half of 3%'];
    const read = (t: string) => ({ quantities: enQuantities(t), dates: enDates(t) });
    const first = texts.map(read);
    for (let i = 0; i < 3; i++) expect([...texts].reverse().map(read).reverse()).toEqual(first);
    expect(first[0].quantities.map((q) => q.value)).toEqual([16, 2025, 30600000000]);
    expect(first[1].dates.map((d) => [d.year, d.month])).toEqual([[2025, 7]]);
  });
});

describe('check:chinese-left and check:empty-target', () => {
  it('ok', () => {
    expect(check('check:chinese-left', '安全', 'security')).toEqual([]);
    expect(check('check:empty-target', '安全', 'security')).toEqual([]);
  });
  it('not ok', () => {
    const d = check('check:chinese-left', '共同安全', 'common 安全 policy');
    expect(d[0].reason).toBe('check:chinese-left: Chinese left in the English: “安全”');
    expect(check('check:empty-target', '安全', '  ')[0].rule).toBe('check:empty-target');
  });
});

describe('runQa', () => {
  it('runs every rule and keeps pair order', () => {
    const pairs = [
      { segment: seg('共同安全'), target: 'common security', source: 'a.txt' },
      { segment: seg('增长3%'), target: '增长 4%', source: 'a.txt' },
      { segment: seg('x'), target: '', source: 'a.txt' },
    ];
    const rules = runQa(pairs, ctx).map((d) => diagnosticToJson(d).rule);
    expect(rules).toEqual(['check:chinese-left', 'check:number-mismatch', 'check:empty-target']);
  });
});

describe('check:forbidden-term: an accepted form continuing past the hit', () => {
  // The rule tries, at each word start, only the accepted forms that can start there; one regex over
  // all of them is the reference.
  const reference = (text: string, start: number, end: number, terms: Term[]): boolean => {
    const forms = [...new Set(terms.flatMap((t) => [t.en, ...(t.variants.en ?? [])]).filter((a) => a && a.length >= 2))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    if (!forms.length) return false;
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(esc).join('|')})(?:s|es|'s|’s)?(?![\\p{L}\\p{N}])`, 'iuy');
    for (let i = start + 1; i < end; i++) {
      if (/[\p{L}\p{N}]/u.test(text[i - 1])) continue;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m && m.index + m[0].length > end) return true;
    }
    return false;
  };
  const words = ['Ukraine', 'crisis', 'the', 'Union', 'European', 'Erdoğan', 'Ünal', 'Kelvin', 'ſtate', 'state', 'K2', '“Belt', 'road', 'Road', 'NATO', 'nato', "'s"];
  const phrase = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  it('is what one regex over every form finds', () => {
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(...words, 'KELVIN', 'STATE', 'road’s', '2025', ','), { minLength: 2, maxLength: 14 }), fc.nat(), fc.nat(), (forms, textWords, a, b) => {
        const terms: Term[] = forms.map((en, i) => ({ id: `t${i}`, 'zh-Hans': `词${i}`, 'zh-Hant': `詞${i}`, en, variants: {}, forbidden: {}, category: 'concept' }));
        const text = textWords.join(' ');
        const start = a % text.length;
        const end = start + 1 + (b % Math.max(1, text.length - start));
        expect(continuesIntoAcceptedTerm(text, start, end, terms)).toBe(reference(text, start, end, terms));
      }),
      { numRuns: 3000 },
    );
  });
});
