// Shortcuts past fontkit's OpenType shaper where its result is known, each checked against the shaper
// in tests/render/shaping-shortcuts.test.ts (so a font update that breaks one fails there):
// - plain CJK text: in the Noto Sans SC/TC we ship, ideographs, CJK symbols and punctuation and
//   full-width forms shape to their cmap glyphs at their advance widths. The shaper cost ~0.1 ms per
//   run in a cold process, and with CJK each character is a run.
// - a single letter in the Latin fallback (Noto Sans): kerning needs a pair and mark positioning a
//   mark, so only substitutions can change it. Shaping it without those GPOS features spares decoding
//   Noto Sans's large kerning and mark tables (~40 ms per face in a cold process) for a name like Savaş;
//   a letter that substitution decomposes (ṣ → s + dot below) still goes to the shaper.
// - Latin text in Noto Sans SC/TC (English briefs, Latin words and numbers in Chinese ones): mark
//   positioning (`mark`, `mkmk`) moves only mark glyphs, and no character of MARK_FREE maps to one in
//   these fonts, so such runs are shaped without it. That spares decoding the fonts' mark-attachment
//   tables (anchors for every base glyph, ~10 MB of objects per face) in every process. Where the
//   install-time table of latin-shaping.ts covers the run (nearly always), not even the shaper runs.

import { latinShaperFor } from './latin-shaping.js';
import { featureKeyOf, isPlainCjk, LATIN_RANGES, type ShapingFont } from './latin-shaping-table.js';

/** The parsed fonts (fontkit) each shortcut is for: the ones we ship (see font-sharing.ts). */
const PLAIN_CJK_FONTS = new WeakSet<object>();
const LATIN_FALLBACK_FONTS = new WeakSet<object>();

export function markPlainCjkFont(fontkitFont: object): void {
  PLAIN_CJK_FONTS.add(fontkitFont);
}

export function markLatinFallbackFont(fontkitFont: object): void {
  LATIN_FALLBACK_FONTS.add(fontkitFont);
}

interface FontkitFontLike {
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
}

/** GPOS features that cannot change a single letter (they need a pair, or a mark), turned off. A new object each time: fontkit adds to it. */
export function singleLetterFeatures(): Record<string, boolean> {
  return { kern: false, mark: false, mkmk: false };
}

/**
 * Basic Latin, Latin-1 and general punctuation (dashes, quotes, ellipsis, primes…: LATIN_RANGES): in
 * the Noto Sans SC/TC we ship, none of these maps to a mark glyph (tests/render/shaping-shortcuts.test.ts).
 */
export function isMarkFree(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!LATIN_RANGES.some(([a, b]) => a <= c && c <= b)) return false;
  }
  return text.length > 0;
}

/**
 * The same features without mark positioning: `features` as pdfkit passes them (undefined, or an
 * array of tags to add to the defaults), as fontkit's object form. A new object each time: fontkit adds to it.
 */
export function withoutMarkPositioning(features: readonly string[] | undefined): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const f of features ?? []) out[f] = true;
  out.mark = false;
  out.mkmk = false;
  return out;
}

/** One code point, no more: the runs the single-letter shortcut takes. */
export function isSingleCodePoint(text: string): boolean {
  if (!text) return false;
  const cp = text.codePointAt(0)!;
  return text.length === (cp > 0xffff ? 2 : 1);
}

/**
 * A run of plain CJK text laid out as the shaper would (glyphs and positions in the font's units),
 * or undefined if the text has anything else. The shaper costs ~0.1 ms per run, and with CJK each
 * character is a run: most of a cold process's layout time went there.
 */
export function plainCjkLayout(font: FontkitFontLike, text: string): { glyphs: unknown[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] } | undefined {
  if (!text) return undefined;
  const glyphs: { id: number; advanceWidth: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff || !isPlainCjk(cp)) return undefined;
    const g = font.glyphForCodePoint(cp);
    if (!g.id) return undefined; // not in the font: leave the fallback to the shaper
    glyphs.push(g);
  }
  return { glyphs, positions: glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
}

/** A shaped run as pdfkit keeps it. */
export interface LayoutRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** pdfkit's embedded font, as far as runs go. */
export interface PlainRunFont {
  layoutRun(text: string, features?: unknown): LayoutRun;
}

/** A run in font units as pdfkit's layoutRun gives it: positions in thousandths of the font size. */
function scaledRun(glyphs: { advanceWidth: number }[], positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[], scale: number): LayoutRun {
  let advanceWidth = 0;
  const scaled = positions.map((p, i) => {
    const xAdvance = p.xAdvance * scale;
    advanceWidth += xAdvance;
    return { xAdvance, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: glyphs[i].advanceWidth * scale };
  });
  return { glyphs, positions: scaled, advanceWidth };
}

let shortcutsInstalled = false;
/** Install the shortcuts in pdfkit's embedded fonts (once per process). */
export function shapingShortcuts(proto: PlainRunFont): void {
  if (shortcutsInstalled) return;
  shortcutsInstalled = true;
  const original = proto.layoutRun;
  proto.layoutRun = function layoutRun(this: PlainRunFont & { font: FontkitFontLike; scale: number }, text: string, features?: unknown): LayoutRun {
    const defaults = features === undefined || (Array.isArray(features) && !features.length);
    const cjkFont = PLAIN_CJK_FONTS.has(this.font);
    if (cjkFont && defaults) {
      const plain = plainCjkLayout(this.font, text);
      if (plain) return scaledRun(plain.glyphs as { advanceWidth: number }[], plain.positions, this.scale);
    }
    if (cjkFont || LATIN_FALLBACK_FONTS.has(this.font)) {
      const key = featureKeyOf(features);
      const run = key === undefined ? undefined : latinShaperFor(this.font as unknown as ShapingFont, key)?.layout(this.font as unknown as ShapingFont, text);
      if (run) return scaledRun(run.glyphs, run.positions, this.scale);
    }
    if (cjkFont) {
      if ((features === undefined || (Array.isArray(features) && features.every((f) => typeof f === 'string' && f !== 'mark' && f !== 'mkmk'))) && isMarkFree(text))
        return original.call(this, text, withoutMarkPositioning(features as string[] | undefined));
    }
    // the other shortcuts stand for the default features only
    if (!defaults) return original.call(this, text, features);
    if (LATIN_FALLBACK_FONTS.has(this.font) && isSingleCodePoint(text)) {
      const run = original.call(this, text, singleLetterFeatures());
      if (run.glyphs.length === 1) return run;
    }
    return original.call(this, text, features);
  };
}
