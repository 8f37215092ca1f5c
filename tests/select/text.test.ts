import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trimAtClause, wordTokens } from '../../pipeline/select/text.js';
import { segmentId } from '../../pipeline/ingest/segment.js';

describe('trimAtClause', () => {
  it('keeps a sentence within budget whole', () => {
    expect(trimAtClause('短句，没有问题。', 90)).toEqual({ text: '短句，没有问题。', trimmed: false });
  });

  it('cuts at the last clause mark that fits, never inside quotation marks, and ends with 。', () => {
    const s = '第一个分句讲的是背景情况，第二个分句说明“原因，以及更多的原因”，第三个分句给出结论；第四个分句补充了很多很多的细节内容。';
    const t = trimAtClause(s, 40);
    expect(t.trimmed).toBe(true);
    expect(t.text).toBe('第一个分句讲的是背景情况，第二个分句说明“原因，以及更多的原因”。');
    expect(t.textId).toBe(segmentId(t.text));
  });

  it('returns the sentence whole when no boundary fits', () => {
    const s = '这是一个非常长而且中间完全没有任何逗号或者分号的句子所以无法在分句边界处截断只能原样保留下来。';
    expect(trimAtClause(s, 20)).toEqual({ text: s, trimmed: false });
  });

  it('property: a trimmed text is a prefix of the sentence ending before a clause mark, plus 。, within budget', () => {
    const clause = fc.stringMatching(/^[\u4e00-\u4e2f]{1,15}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(clause, fc.constantFrom('，', '；', '：')), { minLength: 1, maxLength: 12 }), fc.integer({ min: 10, max: 60 }), (parts, budget) => {
        const s = parts.map(([c, m]) => c + m).join('') + '完。';
        const t = trimAtClause(s, budget, 1);
        if (!t.trimmed) {
          expect(t.text).toBe(s);
          return;
        }
        const body = t.text.slice(0, -1);
        expect(t.text.endsWith('。')).toBe(true);
        expect(s.startsWith(body)).toBe(true);
        expect('，；：').toContain(s[body.length]);
        expect([...t.text].length).toBeLessThanOrEqual(budget);
      }),
    );
  });
});

describe('wordTokens', () => {
  it('keeps content words and drops function words and numbers', () => {
    const t = wordTokens('欧洲加速防务自主转型，并在2025年推进计划的实施。');
    expect(t).toContain('欧洲');
    expect(t).toContain('防务');
    expect(t).not.toContain('的');
    expect(t).not.toContain('2025');
  });
});
