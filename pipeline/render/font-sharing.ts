// Sharing what pdfkit would redo for every document: the parsed font (fontkit) per file, and shaped
// runs (a run's glyphs and positions depend only on the font, the text and the features). Each
// document still gets its own subset, so output bytes do not depend on what was rendered before.
// Installed into pdfmake's PDFDocument and pdfkit's embedded font, once per process.
import PDFDocumentModule from 'pdfmake/js/PDFDocument.js';
import { familyOfFile, LATIN_FALLBACK, vfsName } from './fonts.js';
import { installFontkitShortcuts } from './fontkit-shortcuts.js';
import { pdfmakeClass } from './pdfmake-interop.js';
import { markLatinFallbackFont, markPlainCjkFont, shapingShortcuts, type LayoutRun, type PlainRunFont } from './shaping-shortcuts.js';

interface EmbeddedFontLike {
  font: unknown;
  name: string;
  id: string;
  /** The runs this font shares with the other documents' copies of it (ours only). */
  shared?: SharedFont;
}
interface SharedFont {
  fontkitFont: unknown;
  ctor: new (doc: unknown, font: unknown, id: string) => EmbeddedFontLike;
  /** Shaped runs without features, by text (what pdfkit's layoutCached keeps). */
  runs: Map<string, LayoutRun>;
  /** Shaped words with features, by the features joined, then by word. */
  featureRuns: Map<string, Map<string, LayoutRun>>;
  entries: number;
}
const shared = new Map<string, SharedFont>();
/** Bound on shared shaped runs per font (words and CJK characters); cleared when exceeded. */
const MAX_RUNS = 50_000;

interface PdfDocLike {
  virtualfs: { readFileSync(name: string): Buffer };
  fonts: Record<string, Record<string, unknown>>;
  fontCache: Record<string, Record<string, EmbeddedFontLike>>;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _fontCount: number;
  _font: EmbeddedFontLike;
  getFontType(bold: boolean, italics: boolean): string;
}

let patched = false;

/**
 * Teach pdfmake's PDFDocument to reuse parsed fonts for our font files (fonts.ts); any other font
 * goes the original way. Installed once per process.
 */
export function installFontSharing(): void {
  if (patched) return;
  patched = true;
  const proto = pdfmakeClass(PDFDocumentModule).prototype;
  const original = proto.provideFont as (this: PdfDocLike, family: string, bold: boolean, italics: boolean) => EmbeddedFontLike;
  proto.provideFont = function provideFont(this: PdfDocLike, familyName: string, bold: boolean, italics: boolean) {
    const type = this.getFontType(bold, italics);
    // pdfmake asks for every piece of text: a font this document already has comes first
    const have = this.fontCache[familyName]?.[type];
    if (have) return have;
    const file = this.fonts[familyName]?.[type];
    const family = typeof file === 'string' ? familyOfFile(file) : undefined;
    if (typeof file !== 'string' || !family) return original.call(this, familyName, bold, italics);
    this.fontCache[familyName] = this.fontCache[familyName] || {};
    // The same file under another style (italics → normal) is the same font object in this document.
    const sameFile = Object.values(this._fontFamilies).find((f) => (f as EmbeddedFontLike & { __file?: string }).__file === file);
    if (sameFile) {
      this.fontCache[familyName][type] = sameFile;
      return sameFile;
    }
    let s = shared.get(file);
    let font: EmbeddedFontLike;
    if (!s) {
      // First use in this process: let pdfkit open it, then keep what it parsed.
      primeFontkit(this);
      font = original.call(this, familyName, bold, italics);
      s = { fontkitFont: font.font, ctor: font.constructor as SharedFont['ctor'], runs: new Map(), featureRuns: new Map(), entries: 0 };
      shared.set(file, s);
      cacheSharedRuns(s.ctor.prototype as unknown as SharingFont);
      shapingShortcuts(s.ctor.prototype as unknown as PlainRunFont);
      ownCodePoints(s.ctor.prototype as unknown as EncodingFont);
    } else {
      const id = `F${++this._fontCount}`;
      font = new s.ctor(this, s.fontkitFont, id);
      this._fontFamilies[file] = font;
      this._font = font;
    }
    (font as EmbeddedFontLike & { __file?: string }).__file = file;
    if (family === LATIN_FALLBACK) markLatinFallbackFont(s.fontkitFont as object);
    else markPlainCjkFont(s.fontkitFont as object);
    if (s.entries > MAX_RUNS) {
      s.runs = new Map();
      s.featureRuns = new Map();
      s.entries = 0;
    }
    font.shared = s;
    this.fontCache[familyName][type] = font;
    return font;
  };
}

/**
 * fontkit's classes are reached only through a font, and pdfkit opening our first font already asks
 * what the shortcuts make quicker (fontkit-shortcuts.ts). So, once, the smallest face (the Latin
 * fallback) is opened in a document on the side, and the shortcuts are installed through it.
 */
let primed = false;
function primeFontkit(doc: PdfDocLike): void {
  if (primed) return;
  primed = true;
  // pdfkit's own document class; no default font (pdfmake's way), so no standard font is loaded
  const PdfKitDocument = Object.getPrototypeOf(doc.constructor) as new (opts: object) => { font(src: Buffer): { _font: EmbeddedFontLike & { subset: unknown } } };
  const side = new PdfKitDocument({ autoFirstPage: false, font: null }).font(doc.virtualfs.readFileSync(vfsName(LATIN_FALLBACK, 'normal')))._font;
  installFontkitShortcuts(side.font as Parameters<typeof installFontkitShortcuts>[0], side.subset as Parameters<typeof installFontkitShortcuts>[1]);
}

interface SharingFont {
  layoutCached(text: string): LayoutRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): LayoutRun;
  layoutRun(text: string, features?: unknown): LayoutRun;
  shared?: SharedFont;
}

/** A run from a shared cache, or laid out by the font and added to it (counted, for the bound). */
function remembered(font: SharingFont, s: SharedFont, cache: Map<string, LayoutRun>, text: string, features?: unknown): LayoutRun {
  let run = cache.get(text);
  if (!run) {
    run = font.layoutRun(text, features);
    cache.set(text, run);
    s.entries++;
  }
  return run;
}

/**
 * Runs shared by a font's copies in every document, in Maps looked up directly (the shared object
 * behind a Proxy that counted insertions cost a slow property lookup per word measured and per run
 * drawn). pdfkit's layoutCached (a run without features) reads them. And pdfkit lays out text with
 * OpenType features (English asks for proportional quotes, 'pwid') as one uncached run per line:
 * layout does what pdfkit does without features, word by word, each word's run kept under its
 * features, so English PDFs cost what Chinese ones do.
 */
let sharedRunsPatched = false;
function cacheSharedRuns(proto: SharingFont): void {
  if (sharedRunsPatched) return;
  sharedRunsPatched = true;
  const originalCached = proto.layoutCached;
  proto.layoutCached = function layoutCached(this: SharingFont, text: string): LayoutRun {
    const s = this.shared;
    return s ? remembered(this, s, s.runs, text) : originalCached.call(this, text);
  };
  const original = proto.layout;
  proto.layout = function layout(this: SharingFont, text: string, features?: unknown, onlyWidth?: boolean): LayoutRun {
    const s = this.shared;
    if (!Array.isArray(features) || !features.length || !s) return original.call(this, text, features, onlyWidth);
    const featureKey = features.length === 1 ? String(features[0]) : features.join(',');
    let cache = s.featureRuns.get(featureKey);
    if (!cache) s.featureRuns.set(featureKey, (cache = new Map()));
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index <= text.length; index++) {
      const ch = text.charAt(index);
      if (!(index === text.length ? last < index : ch === ' ' || ch === '\t')) continue;
      const word = last === 0 && index + 1 >= text.length ? text : text.slice(last, index + 1);
      const run = remembered(this, s, cache, word, features);
      if (!onlyWidth) {
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p);
      }
      advanceWidth += run.advanceWidth;
      last = index + 1;
    }
    return { glyphs: onlyWidth ? (null as unknown as unknown[]) : glyphs, positions: onlyWidth ? (null as unknown as unknown[]) : positions, advanceWidth };
  };
}

interface EncodingFont {
  layout(text: string, features?: unknown): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; positions: unknown[] };
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  encode(text: string, features?: unknown): [string[], unknown[]];
  __ownCodePoints?: true;
}

/**
 * pdfkit's encode, with each glyph's text (the PDF's ToUnicode map: what copy and search return) read
 * from the document's own text. pdfkit takes it from the glyph object, which fontkit keeps per font
 * with the characters that first produced it; a font shared between documents (above) would then give
 * one document the characters of another's (the English comma and the full-width one share a glyph
 * under `pwid`), and the bytes would depend on what the process typeset before. Where the text and the
 * glyphs are one to one (no ligature), each glyph's characters are the text's; otherwise the glyph's own.
 */
function ownCodePoints(proto: EncodingFont): void {
  if (proto.__ownCodePoints) return;
  proto.__ownCodePoints = true;
  proto.encode = function encode(this: EncodingFont, text: string, features?: unknown): [string[], unknown[]] {
    const { glyphs, positions } = this.layout(text, features);
    const chars = [...text];
    const oneToOne = chars.length === glyphs.length;
    const res: string[] = [];
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i];
      const gid = this.subset.includeGlyph(glyph.id);
      res.push(`0000${gid.toString(16)}`.slice(-4));
      if (this.widths[gid] == null) this.widths[gid] = glyph.advanceWidth * this.scale;
      if (this.unicode[gid] == null) this.unicode[gid] = oneToOne ? [chars[i].codePointAt(0)!] : glyph.codePoints;
    }
    return [res, positions];
  };
}
