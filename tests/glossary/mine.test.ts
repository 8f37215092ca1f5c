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

  it('counts code units, never across two texts, each length in the order its grams are first seen', () => {
    // a character outside the BMP is two code units, as String.prototype.slice counts
    const text = fc.array(fc.constantFrom('甲', '乙', '𠀀', '，', 'a'), { maxLength: 30 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 4 }), (texts, min, extra, floor) => {
        const got = [...frequentGrams(texts, min, min + extra, floor)];
        const want = countedOneByOne(texts, min, min + extra, floor);
        expect(new Map(got)).toEqual(want);
        // by length, then by the first place each gram is seen (text after text)
        const firstAt = (g: string) => {
          let offset = 0;
          for (const t of texts) {
            const i = t.indexOf(g);
            if (i >= 0) return offset + i;
            offset += t.length;
          }
          return -1;
        };
        const order = [...want.keys()].sort((a, b) => a.length - b.length || firstAt(a) - firstAt(b));
        expect(got.map(([g]) => g)).toEqual(order);
      }),
      { numRuns: 300 },
    );
    expect([...frequentGrams(['甲乙', '甲乙'], 2, 3, 2)]).toEqual([['甲乙', 2]]);
    expect([...frequentGrams(['甲', '乙甲', '乙'], 2, 2, 1)]).toEqual([['乙甲', 1]]);
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

  it('gives each gram the place of its first occurrence, in whichever piece and run it is', () => {
    const pieces = [
      { text: 'Intro: 没有。', line: 1, column: 1 },
      { text: '第一，水资源合作；第二，水资源合作。', line: 3, column: 5 },
      { text: '还有\n水资源合作与水资源合作。', line: 7, column: 1 },
    ];
    const [c] = mineNgrams([{ slug: 'x', pieces }], { minCount: 4 }).filter((m) => m['zh-Hans'] === '水资源合作');
    expect(c).toBeDefined();
    expect(c.count).toBe(4);
    expect(c.evidence).toEqual([expect.objectContaining({ slug: 'x', line: 3, column: 5 + 3 })]);
  });
});
