// Mining frequent n-grams for glossary candidates: terms are words, not pieces of longer words.
import { describe, expect, it } from 'vitest';
import { mineNgrams } from '../../pipeline/glossary/mine.js';

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
