import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { glyfFractionRead, loadGlyphBytes, loadGlyphRanges, readFontLazily } from '../../pipeline/render/font-files.js';

// Font files read without their outlines (pipeline/render/font-files.ts): whatever is asked for, by one
// range or by many at once, must then be the file's own bytes, and little else is read.
const require = createRequire(import.meta.url);
const file = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const whole = readFileSync(file);
const glyf = (() => {
  const n = whole.readUInt16BE(4);
  for (let i = 0; i < n; i++) if (whole.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'glyf') return { start: whole.readUInt32BE(20 + 16 * i), length: whole.readUInt32BE(24 + 16 * i) };
  throw new Error('no glyf');
})();

describe('lazily read font files', () => {
  it('hold the file bytes of every range read, one at a time or many at once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: glyf.length - 1 }), fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 40 }), fc.boolean(), (ranges, together) => {
        const buf = readFontLazily(file);
        const abs = ranges.map(([o, n]) => [glyf.start + o, n] as const);
        if (together) loadGlyphRanges(buf, abs);
        else for (const [from, n] of abs) loadGlyphBytes(buf, from, n);
        for (const [from, n] of abs) {
          const to = Math.min(from + n, glyf.start + glyf.length);
          expect(Buffer.compare(buf.subarray(from, to), whole.subarray(from, to))).toBe(0);
        }
        // outside the glyf table, everything is there from the start
        expect(Buffer.compare(buf.subarray(0, glyf.start), whole.subarray(0, glyf.start))).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('read a few hundred glyphs at once as a small part of the table', () => {
    const buf = readFontLazily(file);
    const ranges = Array.from({ length: 300 }, (_, i) => [glyf.start + Math.floor((i * glyf.length) / 300), 200] as const);
    loadGlyphRanges(buf, ranges);
    expect(glyfFractionRead(buf)!).toBeGreaterThan(0);
    expect(glyfFractionRead(buf)!).toBeLessThan(0.2);
  });
});
