import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isPlainCjk, plainCjkLayout } from '../../pipeline/render/plain-cjk.js';

// Plain CJK runs skip fontkit's OpenType shaper (pipeline/render/plain-cjk.ts). That is only right while the
// fonts we ship shape such runs to their cmap glyphs at their advance widths: checked here against
// the shaper itself, for every such character of a sample and for pairs of them.
const require = createRequire(import.meta.url);
const FILES = [
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
];

interface Font {
  characterSet: number[];
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  layout(text: string): { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
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
