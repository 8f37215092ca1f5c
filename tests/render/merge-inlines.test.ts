import { describe, expect, it } from 'vitest';
import { mergeInlines } from '../../pipeline/render/pdfmake-renderer.js';

const font = {};
const inl = (text: string, x: number, width: number, extra: Record<string, unknown> = {}) => ({ text, x, width, font, fontSize: 10, color: '#000', ...extra });

describe('mergeInlines (one text run per line and style)', () => {
  it('joins adjacent words of one style into one run, leaving pdfmake’s inlines untouched', () => {
    const line = [inl('共', 0, 10), inl('同', 10, 10), inl('安', 20, 10, { trailingCut: 0 }), inl('全', 30, 10, { trailingCut: 2 })];
    const before = JSON.stringify(line);
    const out = mergeInlines(line);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ text: '共同安全', x: 0, width: 40, trailingCut: 2 });
    expect(JSON.stringify(line)).toBe(before);
  });

  it('keeps runs apart where style, position or decoration differ', () => {
    const out = mergeInlines([
      inl('a ', 0, 10),
      inl('b ', 10, 10, { color: '#f00' }),
      inl('c ', 20, 10, { color: '#f00' }),
      inl('d ', 35, 10, { color: '#f00' }), // a gap: justified or positioned apart
      inl('e ', 45, 10, { color: '#f00', link: 'https://example.org' }),
      inl('f ', 55, 10, { color: '#f00', fontSize: 12 }),
    ]);
    expect(out.map((i) => i.text)).toEqual(['a ', 'b c ', 'd ', 'e ', 'f ']);
  });

  it('returns a lone inline as it is', () => {
    const one = [inl('x', 0, 5)];
    expect(mergeInlines(one)).toBe(one);
  });
});
