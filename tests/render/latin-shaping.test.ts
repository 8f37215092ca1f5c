import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { fallbackPattern, fallbackRangesOf } from '../../pipeline/render/fallback-chars.js';
import { fontFile, type FontFamily } from '../../pipeline/render/fonts.js';
import { fallbackCandidates, makeLatinShapingData, NoTableError, type FullFont } from '../../pipeline/render/latin-shaping-make.js';
import { LatinRunShaper, latinShaperFor } from '../../pipeline/render/latin-shaping.js';
import { CJK_RANGES, encodePairs, featureKeyOf, fontkitVersion, isPlainCjk, kerningPairs, tableFits, type LatinShapingData } from '../../pipeline/render/latin-shaping-table.js';

// Latin runs (and Latin mixed with CJK) shaped from an install-time table instead of fontkit's
// OpenType shaper (pipeline/render/latin-shaping.ts): right only while the table gives exactly what the
// shaper gives. Checked here against the shaper itself, with words the table's own check never saw.
const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { openSync(file: string): FullFont };
const open = (family: FontFamily, weight: 'normal' | 'bold') => fontkit.openSync(require.resolve(fontFile(family, weight)));

interface Shaped {
  glyphs: { id: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
const plain = (r: Shaped) => ({
  glyphs: r.glyphs.map((g) => [g.id, ...g.codePoints]),
  positions: r.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
});

const FACES: [FontFamily, 'normal' | 'bold'][] = [
  ['NotoSansSC', 'normal'],
  ['NotoSansSC', 'bold'],
  ['NotoSansTC', 'normal'],
  ['NotoSansTC', 'bold'],
  ['NotoSans', 'normal'],
  ['NotoSans', 'bold'],
];
const fallbackChars = fallbackCandidates(['NotoSansSC', 'NotoSansTC'].map(fallbackRangesOf));

describe('Latin shaping tables give what fontkit gives', () => {
  for (const [family, weight] of FACES) {
    it(`${family} ${weight}`, () => {
      const font = open(family, weight);
      const data = makeLatinShapingData(font, { checkWords: 20, ...(family === 'NotoSans' ? { candidates: fallbackChars } : {}) });
      expect(tableFits(data, font)).toBe(true);
      for (const key of ['', 'pwid']) {
        const t = data.features[key];
        const shaper = new LatinRunShaper(data, key);
        const chars = [...t.chars];
        expect(chars.length).toBeGreaterThan(family === 'NotoSans' ? 300 : 200);
        // the fallback's table covers the runs pdf.ts sends it, also of letters a CJK face has (ō, ę)
        if (family === 'NotoSans')
          for (const cjk of ['NotoSansSC', 'NotoSansTC']) {
            const runs = 'Wałęsa, Zhōngguó, Erdoğan, Nişantaşı, Đặng, Dvořák'.match(fallbackPattern(cjk)) ?? [];
            expect(runs).toContain('ō');
            for (const run of runs) expect(shaper.layout(font, run), run).toBeDefined();
          }
        // CJK characters the table lets into a run: symbols and punctuation, a sample of ideographs
        const cjk: string[] = [];
        if (family !== 'NotoSans')
          for (const [a, b] of CJK_RANGES) for (let c = a; c <= b; c += c < 0x3400 || c >= 0xff00 ? 1 : 211) if (font.glyphForCodePoint(c).id) cjk.push(String.fromCharCode(c));
        const latinWord = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 14 }).map((xs) => xs.join(''));
        const mixedWord = fc.array(fc.oneof(fc.constantFrom(...chars), fc.constantFrom(...(cjk.length ? cjk : chars))), { minLength: 1, maxLength: 14 }).map((xs) => xs.join(''));
        // letters that kern or join, often next to each other
        const dense = fc.array(fc.constantFrom(...'AVTWYLfilt.,’”—―ı'.split('').filter((c) => t.chars.includes(c))), { minLength: 2, maxLength: 8 }).map((xs) => xs.join(''));
        fc.assert(
          fc.property(fc.oneof(latinWord, mixedWord, dense), (text) => {
            const mine = shaper.layout(font, text);
            const theirs = font.layout(text, key ? [key] : undefined);
            if (!mine) {
              // only a CJK character some lookup could touch sends a run to the shaper
              expect([...text].some((c) => isPlainCjk(c.charCodeAt(0))), text).toBe(true);
              return;
            }
            expect(plain(mine), text).toEqual(plain(theirs));
          }),
          { numRuns: 400, seed: 20261130 + key.length },
        );
      }
    });
  }

  it('join ligatures and kern as fontkit does, and keep its code points for the text layer', () => {
    const font = open('NotoSansSC', 'normal');
    const data = makeLatinShapingData(font, { keys: [''], checkWords: 20 });
    const shaper = new LatinRunShaper(data, '');
    for (const text of ['office', 'AVATAR', 'fifth—— floor', '“Yes,” she said.', '2025年7月', 'NATO（北约）']) {
      const mine = shaper.layout(font, text);
      expect(mine, text).toBeDefined();
      expect(plain(mine!), text).toEqual(plain(font.layout(text)));
    }
    const office = shaper.layout(font, 'office')!;
    expect(office.glyphs).toHaveLength(4); // o, ffi, c, e
    expect(office.glyphs[1].codePoints).toEqual([0x66, 0x66, 0x69]);
  });

  it('keep pair tables in key order, however they were given', () => {
    const font = open('NotoSansSC', 'normal');
    const data = makeLatinShapingData(font, { keys: [''], checkWords: 10 });
    const shuffled = structuredClone(data);
    for (const [sig, t] of Object.entries(shuffled.pairs)) {
      const { keys, values } = kerningPairs(t);
      expect(keys.length).toBeGreaterThan(3000);
      for (let i = 1; i < keys.length; i++) expect(keys[i - 1] < keys[i]).toBe(true);
      const triples = Array.from(keys, (k, i) => [Math.floor(k / 65536), k % 65536, values[i]]);
      shuffled.pairs[sig] = encodePairs(triples.reverse().flat(), t.full);
    }
    const a = new LatinRunShaper(data, '');
    const b = new LatinRunShaper(shuffled, '');
    for (const text of ['AVATAR', 'Tokyo, “Yes.”', 'WAVY LATTE', 'F.']) expect(plain(b.layout(font, text)!), text).toEqual(plain(a.layout(font, text)!));
    expect(plain(a.layout(font, 'AV')!).positions[0][0]).not.toBe(font.glyphForCodePoint(0x41).advanceWidth); // kerned
  });

  it('leave to the shaper what they do not cover', () => {
    const font = open('NotoSansSC', 'normal');
    const data = makeLatinShapingData(font, { keys: [''], checkWords: 20 });
    const shaper = new LatinRunShaper(data, '');
    expect(shaper.layout(font, '')).toBeUndefined();
    expect(shaper.layout(font, 'e\u0301')).toBeUndefined(); // a combining mark
    expect(shaper.layout(font, 'soft\u00adhyphen')).toBeUndefined(); // default-ignorable
    expect(shaper.layout(font, '1\u20442')).toBeUndefined(); // a fraction slash turns on local features
    expect(shaper.layout(font, 'Україна')).toBeUndefined();
    // a CJK glyph some lookup could touch keeps a mixed run with the shaper, as do CJK characters
    // in the runs of a script whose pair adjustments reach every glyph
    expect(shaper.layout(font, 'G20中国')).toBeDefined();
    const zhong = font.glyphForCodePoint(0x4e2d).id;
    const withBusy = structuredClone(data);
    for (const r of Object.values(withBusy.features[''].runs)) r.busy.push(zhong);
    expect(new LatinRunShaper(withBusy, '').layout(font, 'G20中国')).toBeUndefined();
    expect(new LatinRunShaper(withBusy, '').layout(font, 'G20国')).toBeDefined();
    const noMixing = structuredClone(data);
    for (const r of Object.values(noMixing.features[''].runs)) r.mixing = false;
    expect(new LatinRunShaper(noMixing, '').layout(font, 'G20国')).toBeUndefined();
    expect(new LatinRunShaper(noMixing, '').layout(font, 'G20')).toBeDefined();
  });

  it('are used only with the font and the fontkit they were made from', () => {
    const font = open('NotoSansSC', 'normal');
    const data = makeLatinShapingData(font, { keys: [''], checkWords: 10 });
    expect(tableFits(data, font)).toBe(true);
    expect(tableFits(data, open('NotoSansSC', 'bold'))).toBe(false);
    expect(tableFits({ ...data, fontkit: '0.0.1' } as LatinShapingData, font)).toBe(false);
    expect(tableFits(data, font, 'another')).toBe(false);
    expect(tableFits({ ...data, font: { ...data.font, checkSumAdjustment: data.font.checkSumAdjustment + 1 } }, font)).toBe(false);
  });

  it('refuse a face whose table disagrees with fontkit, rather than write it', () => {
    const font = open('NotoSansSC', 'normal');
    // a font whose layout kerns every pair by one unit more than its lookups say
    const liar = Object.create(font) as FullFont;
    liar.layout = (text: string, features?: unknown, script?: string) => {
      const r = font.layout(text, features, script);
      if (text.length > 1 && !script) r.positions[0].xAdvance += 1;
      return r;
    };
    expect(() => makeLatinShapingData(liar, { keys: [''], checkWords: 20 })).toThrow(NoTableError);
  });

  it('are installed for every face we ship (made by npm install / npm run build)', () => {
    for (const [family, weight] of FACES) {
      const font = open(family, weight);
      expect(latinShaperFor(font, ''), `${family} ${weight}`).toBeDefined();
      expect(latinShaperFor(font, 'pwid'), `${family} ${weight}`).toBeDefined();
    }
    expect(fontkitVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('know the features pdfkit passes', () => {
    expect(featureKeyOf(undefined)).toBe('');
    expect(featureKeyOf([])).toBe('');
    expect(featureKeyOf(['pwid'])).toBe('pwid');
    expect(featureKeyOf(['pwid', 'kern'])).toBeUndefined();
    expect(featureKeyOf({ kern: false })).toBeUndefined();
    expect(featureKeyOf(false)).toBeUndefined();
  });
});
