// Mining frequent n-grams for glossary candidates: terms are words, not pieces of longer words.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frequentGrams, mineNgrams } from '../../pipeline/glossary/mine.js';

/** Every gram of every length counted, then the rare ones left out: what frequentGrams must equal. */
function countedOneByOne(texts: string[], min: number, max: number, floor: number): Map<string, number> {
  const all = new Map<string, number>();
  for (const t of texts) for (let n = min; n <= max; n++) for (let i = 0; i + n <= t.length; i++) all.set(t.slice(i, i + n), (all.get(t.slice(i, i + n)) ?? 0) + 1);
  return new Map([...all].filter(([, c]) => c >= floor));
}

describe('frequentGrams', () => {
  it('counts exactly the grams seen at least `floor` times, as counting every gram would', () => {
    // few letters, so grams repeat at every length
    const text = fc.stringMatching(/^[甲乙丙丁]{0,40}$/);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 }), (texts, min, extra, floor) => {
        const got = frequentGrams(texts, min, min + extra, floor);
        expect([...got].sort()).toEqual([...countedOneByOne(texts, min, min + extra, floor)].sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('mineNgrams', () => {
  it('proposes frequent words and word groups, not a gram that starts or ends inside a word', () => {
    const sentences = [
      '哈萨克斯坦与乌兹别克斯坦加强水资源合作。',
      '吉尔吉斯斯坦和塔吉克斯坦也参与水资源合作。',
      '土库曼斯坦表示支持水资源合作。',
      '哈萨克斯坦希望扩大水资源合作。',
      '乌兹别克斯坦重视水资源合作。',
      '各方同意深化水资源合作。',
    ];
    const grams = mineNgrams([{ slug: 'x', pieces: sentences.map((text, i) => ({ text, line: i + 1, column: 1 })) }], { minCount: 3 }).map((c) => c['zh-Hans']);
    expect(grams).toContain('水资源合作');
    expect(grams).not.toContain('克斯坦');
    expect(grams.every((g) => !/^(?:斯坦|克斯)/.test(g))).toBe(true);
  });
});
