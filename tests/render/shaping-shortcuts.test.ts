import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CJK_FONT_FILES } from './helpers.js';
import { isPlainCjk } from '../../pipeline/render/latin-shaping-table.js';
import { isMarkFree, isSingleCodePoint, plainCjkLayout, singleLetterFeatures, withoutMarkPositioning } from '../../pipeline/render/shaping-shortcuts.js';

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

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
interface GposFont {
  GPOS?: {
    featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
    lookupList: { get(i: number): { lookupType: number; subTables: Record<string, unknown>[] } };
  };
}

/** The glyphs the lookups of `mark` and `mkmk` position (their mark coverages), extension lookups unwrapped. */
function markGlyphs(font: GposFont): Set<number> {
  const out = new Set<number>();
  const add = (cov: Coverage | undefined) => {
    if (!cov) return;
    for (const g of cov.glyphs ?? []) out.add(g);
    for (const r of cov.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.add(g);
  };
  for (const { tag, feature } of font.GPOS?.featureList ?? []) {
    if (tag !== 'mark' && tag !== 'mkmk') continue;
    for (const i of feature.lookupListIndexes) {
      const lookup = font.GPOS!.lookupList.get(i);
      for (let sub of lookup.subTables) {
        if (lookup.lookupType === 9) sub = sub.extension as Record<string, unknown>;
        add((sub.markCoverage ?? sub.mark1Coverage) as Coverage | undefined);
      }
    }
  }
  return out;
}

describe('Latin runs in Noto Sans SC/TC shaped without mark positioning', () => {
  // every character isMarkFree accepts
  const markFree: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (isMarkFree(String.fromCharCode(c))) markFree.push(c);

  for (const file of CJK_FONT_FILES) {
    it(`give what the full shaper gives: ${file.split('/').pop()}`, () => {
      const font = fontkit.create(readFileSync(require.resolve(file))) as unknown as Font & {
        GDEF?: { glyphClassDef?: unknown };
        layout(text: string, features?: unknown): { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
      };
      const inFont = markFree.filter((c) => font.glyphForCodePoint(c).id !== 0);
      expect(inFont.length).toBeGreaterThan(180);
      // mark positioning moves only the glyphs its lookups cover as marks: none of these is one
      const marks = markGlyphs(font as unknown as GposFont);
      expect(marks.size).toBeGreaterThan(0);
      for (const c of inFont) expect(marks.has(font.glyphForCodePoint(c).id), String.fromCharCode(c)).toBe(false);
      let seed = 11;
      const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
      const words = inFont.map((c) => String.fromCharCode(c));
      // pairs around the letters that kern and the marks' neighbours, and random words
      for (let i = 0; i < 3000; i++) {
        const n = 2 + (next() % 7);
        let w = '';
        for (let k = 0; k < n; k++) w += String.fromCharCode(inFont[next() % inFont.length]);
        words.push(w);
      }
      for (const w of words) {
        for (const features of [undefined, ['pwid']]) {
          const full = font.layout(w, features);
          const quick = font.layout(w, withoutMarkPositioning(features));
          expect(quick.glyphs.map((g) => g.id), w).toEqual(full.glyphs.map((g) => g.id));
          expect(plainPositions(quick.positions), w).toEqual(plainPositions(full.positions));
        }
      }
    });
  }

  it('take Basic Latin, Latin-1 and general punctuation only', () => {
    expect(isMarkFree('Security assurance, 2025 — “common security”…')).toBe(true);
    expect(isMarkFree('e\u0301')).toBe(false); // a combining mark
    expect(isMarkFree('Savaş')).toBe(false);
    expect(isMarkFree('中国')).toBe(false);
    expect(isMarkFree('')).toBe(false);
    expect(withoutMarkPositioning(['pwid'])).toEqual({ pwid: true, mark: false, mkmk: false });
    expect(withoutMarkPositioning(undefined)).toEqual({ mark: false, mkmk: false });
  });
});
