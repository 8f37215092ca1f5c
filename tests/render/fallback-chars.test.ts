import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { fallbackPattern, fallbackRanges, merged, rangesPattern } from '../../pipeline/render/fallback-chars.js';
import { fontFile, type FontFamily } from '../../pipeline/render/fonts.js';
import { leaves } from '../../pipeline/render/pdf.js';

// Characters a CJK face lacks and Noto Sans has are set in Noto Sans (pipeline/render/fallback-chars.ts),
// so they are never drawn as empty boxes.
const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(f: string): { hasGlyphForCodePoint(cp: number): boolean } };
const faces = (family: FontFamily) => (['normal', 'bold'] as const).map((w) => fontkit.openSync(require.resolve(fontFile(family, w))));

describe('characters set in the Latin fallback', () => {
  const sc = faces('NotoSansSC');
  const fallback = faces('NotoSans');
  const ranges = fallbackRanges(sc, fallback);
  const inRanges = (cp: number) => ranges.some(([a, b]) => a <= cp && cp <= b);

  it('are those a face of the family lacks and every fallback face has', () => {
    expect(ranges.length).toBeGreaterThan(20);
    for (const [a, b] of ranges)
      for (let c = a; c <= b; c++) {
        expect(sc.some((f) => !f.hasGlyphForCodePoint(c)), c.toString(16)).toBe(true);
        expect(fallback.every((f) => f.hasGlyphForCodePoint(c)), c.toString(16)).toBe(true);
      }
    for (const c of [0x20bd, 0x20b9, 0x2075, 0x2082, 0x283, 0x15f]) expect(inRanges(c), c.toString(16)).toBe(true); // ₽ ₹ ⁵ ₂ ʃ ş
    for (const c of [0x61, 0xe9, 0x4e2d, 0x201c, 0x200b, 0xad]) expect(inRanges(c), c.toString(16)).toBe(false); // a é 中 “, and what fontkit draws as nothing
  });

  it('split a text into runs for the CJK face and for Noto Sans, Latin Extended letters kept together', () => {
    const parts = leaves({ font: 'NotoSansSC' }, '卢布₽与卢比₹，Wałęsa和Zhōngguó，x⁵。');
    expect(parts.map((p) => p.text).join('')).toBe('卢布₽与卢比₹，Wałęsa和Zhōngguó，x⁵。');
    expect(parts.filter((p) => p.font === 'NotoSans').map((p) => p.text)).toEqual(['₽', '₹', 'łę', 'ō', '⁵']);
    const re = fallbackPattern('NotoSansTC');
    re.lastIndex = 0;
    expect(re.test('価格 €5')).toBe(false);
  });

  it('are written as a regex of ranges, merged where they touch', () => {
    expect(merged([[5, 9], [1, 3], [4, 4], [20, 22], [21, 30]])).toEqual([[1, 9], [20, 30]]);
    const re = rangesPattern([[0x41, 0x43], [0x1f600, 0x1f600]]);
    expect('xABCy😀'.match(re)).toEqual(['ABC', '😀']);
  });
});
