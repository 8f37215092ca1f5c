import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CJK_FONT_FILES } from './helpers.js';
import { isPlainCjk, isSingleCodePoint, plainCjkLayout, singleLetterFeatures } from '../../pipeline/render/shaping-shortcuts.js';

// Plain CJK runs skip fontkit's OpenType shaper (pipeline/render/shaping-shortcuts.ts). That is only right while the
// fonts we ship shape such runs to their cmap glyphs at their advance widths: checked here against
// the shaper itself, for every such character of a sample and for pairs of them.
const require = createRequire(import.meta.url);
const FILES = CJK_FONT_FILES;

interface Font {
  characterSet: number[];
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  layout(text: string, features?: unknown): { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
}

const fontkit = require('fontkit') as { create(b: Buffer): Font };

describe('plain CJK runs laid out without the shaper', () => {
  for (const file of FILES) {
    it(`give what fontkit's shaper gives: ${file.split('/').pop()}`, () => {
      const font = fontkit.create(readFileSync(require.resolve(file)));
      const plain = font.characterSet.filter(isPlainCjk).sort((a, b) => a - b);
      expect(plain.length).toBeGreaterThan(10_000);
      // every symbol and punctuation mark, every 7th ideograph, and 3,000 pairs
      const sample = plain.filter((cp, i) => cp < 0x3400 || cp >= 0xff00 || i % 7 === 0);
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
      const texts = sample.map((cp) => String.fromCodePoint(cp));
      for (let i = 0; i < 3000; i++) texts.push(String.fromCodePoint(plain[next() % plain.length], sample[next() % sample.length]));
      for (const text of texts) {
        const shaped = font.layout(text);
        const mine = plainCjkLayout(font, text);
        expect(mine, text).toBeDefined();
        expect(mine!.glyphs.map((g) => (g as { id: number }).id), text).toEqual(shaped.glyphs.map((g) => g.id));
        expect(mine!.positions, text).toEqual(shaped.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })));
      }
    });
  }

  it('leave everything else to the shaper', () => {
    const font = { glyphForCodePoint: (cp: number) => ({ id: cp === 0x4e2d ? 5 : 0, advanceWidth: 1000 }) };
    expect(plainCjkLayout(font, 'NATO')).toBeUndefined();
    expect(plainCjkLayout(font, '中 ')).toBeUndefined(); // a space may be kerned
    expect(plainCjkLayout(font, '“中')).toBeUndefined();
    expect(plainCjkLayout(font, '丁')).toBeUndefined(); // not in the font: fallback glyphs are the shaper's business
    expect(plainCjkLayout(font, '')).toBeUndefined();
    expect(plainCjkLayout(font, '中')?.positions).toEqual([{ xAdvance: 1000, yAdvance: 0, xOffset: 0, yOffset: 0 }]);
  });
});

const FALLBACK_FILES = ['@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'];
const plainPositions = (ps: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[]) =>
  ps.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));

describe('single letters of the Latin fallback shaped without kerning and mark positioning', () => {
  for (const file of FALLBACK_FILES) {
    it(`give what the full shaper gives, or are left to it: ${file.split('/').pop()}`, () => {
      const font = fontkit.create(readFileSync(require.resolve(file)));
      // the letters leaves() (render/pdf.ts) sets in the fallback: Latin Extended A/B and Additional
      const letters = font.characterSet.filter((cp) => (cp >= 0x100 && cp <= 0x24f) || (cp >= 0x1e00 && cp <= 0x1eff));
      expect(letters.length).toBeGreaterThan(500);
      let taken = 0;
      for (const cp of letters) {
        const text = String.fromCodePoint(cp);
        const quick = font.layout(text, singleLetterFeatures());
        if (quick.glyphs.length !== 1) continue; // decomposed: the shortcut hands it to the shaper
        taken++;
        const full = font.layout(text);
        expect(quick.glyphs.map((g) => g.id), text).toEqual(full.glyphs.map((g) => g.id));
        expect(plainPositions(quick.positions), text).toEqual(plainPositions(full.positions));
      }
      expect(taken).toBeGreaterThan(500);
    });
  }

  it('take single code points only', () => {
    expect(isSingleCodePoint('ş')).toBe(true);
    expect(isSingleCodePoint('𠀀')).toBe(true);
    expect(isSingleCodePoint('şı')).toBe(false);
    expect(isSingleCodePoint('')).toBe(false);
  });
});
