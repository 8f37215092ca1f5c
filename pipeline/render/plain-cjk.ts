// CJK text without the OpenType shaper. In the Noto Sans SC/TC we ship, ideographs, CJK symbols and
// punctuation and full-width forms shape to their cmap glyphs at their advance widths; fontkit's shaper
// cost ~0.1 ms per run in a cold process, and with CJK each character is a run.

/** The parsed CJK fonts (fontkit) the shortcut is for: the ones we ship (see font-sharing.ts). */
const PLAIN_CJK_FONTS = new WeakSet<object>();

export function markPlainCjkFont(fontkitFont: object): void {
  PLAIN_CJK_FONTS.add(fontkitFont);
}

/**
 * Ideographs, CJK symbols and punctuation, full-width forms: in the Noto Sans SC/TC we ship, no
 * glyph of these is covered by a substitution or positioning of the default features, so a run of
 * them shapes to its cmap glyphs at their advance widths (tests/render/plain-cjk.test.ts checks
 * this against fontkit's shaper, so a font update that changes it fails there).
 */
export function isPlainCjk(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
}

interface FontkitFontLike {
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
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

let plainPatched = false;
/** Lay plain CJK runs out without the shaper in pdfkit's embedded fonts (installed once per process). */
export function plainCjkRuns(proto: PlainRunFont): void {
  if (plainPatched) return;
  plainPatched = true;
  const original = proto.layoutRun;
  proto.layoutRun = function layoutRun(this: PlainRunFont & { font: FontkitFontLike; scale: number }, text: string, features?: unknown): LayoutRun {
    if ((features === undefined || (Array.isArray(features) && !features.length)) && PLAIN_CJK_FONTS.has(this.font)) {
      const plain = plainCjkLayout(this.font, text);
      if (plain) {
        // as pdfkit's layoutRun: positions in thousandths of the font size
        let advanceWidth = 0;
        const positions = plain.positions.map((p, i) => {
          const xAdvance = p.xAdvance * this.scale;
          advanceWidth += xAdvance;
          return { xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: (plain.glyphs[i] as { advanceWidth: number }).advanceWidth * this.scale };
        });
        return { glyphs: plain.glyphs, positions, advanceWidth };
      }
    }
    return original.call(this, text, features);
  };
}
