// Fonts for the PDF: Noto Sans SC (zh-Hans and English) and Noto Sans TC (zh-Hant), TrueType,
// embedded as subsets by pdfmake/pdfkit.
//
// What costs time, measured on a one-page brief: reading the 7–10 MB font files, fontkit parsing
// their tables, and shaping every word (GSUB/GPOS) — pdfkit redoes all of it for every document.
// Here the files are read once into Buffers (handed to pdfmake through its virtual file system),
// the parsed fontkit font is kept per file, and shaped runs are shared between documents
// (a run's glyphs and positions depend only on the font and the text). Each document still gets
// its own subset, so output bytes do not depend on what was rendered before.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Lang } from '../model.js';

const require = createRequire(import.meta.url);

export type FontFamily = 'NotoSansSC' | 'NotoSansTC' | 'NotoSans';

/** The Latin font for letters the CJK fonts lack (see pdf.ts leaves()). */
export const LATIN_FALLBACK: FontFamily = 'NotoSans';

const FILES: Record<FontFamily, { normal: string; bold: string }> = {
  NotoSansSC: {
    normal: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  NotoSansTC: {
    normal: '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
  },
  NotoSans: {
    normal: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
};

export function familyFor(lang: Lang): FontFamily {
  return lang === 'zh-Hant' ? 'NotoSansTC' : 'NotoSansSC';
}

/** Virtual file name of a font in pdfmake's virtual file system. */
function vfsName(family: FontFamily, weight: 'normal' | 'bold'): string {
  return `briefs-fonts/${family}-${weight}.ttf`;
}

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
  readFileSync(name: string): Buffer;
}

export interface PdfmakeLike {
  virtualfs: VirtualFs;
  setFonts(fonts: Record<string, unknown>): void;
}

/** Make sure the family's files are in pdfmake's virtual file system (read from disk once). */
export function ensureFonts(pdfmake: PdfmakeLike, family: FontFamily): void {
  for (const fam of family === LATIN_FALLBACK ? [family] : [family, LATIN_FALLBACK])
    for (const weight of ['normal', 'bold'] as const) {
      const name = vfsName(fam, weight);
      if (!pdfmake.virtualfs.existsSync(name)) {
        pdfmake.virtualfs.writeFileSync(name, readFileSync(require.resolve(FILES[fam][weight])));
        CACHEABLE.add(name);
        if (fam !== LATIN_FALLBACK) PLAIN_CJK_FILES.add(name);
      }
    }
}

/** A fresh font table each time: pdfmake mutates the one it is given. */
export function fontTable(family: FontFamily): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
  const entry = (fam: FontFamily) => {
    const normal = vfsName(fam, 'normal');
    const bold = vfsName(fam, 'bold');
    return { normal, bold, italics: normal, bolditalics: bold };
  };
  return { [family]: entry(family), [LATIN_FALLBACK]: entry(LATIN_FALLBACK) };
}

// ---- sharing parsed fonts between documents ----

/** Virtual font files whose parsed form may be shared. */
const CACHEABLE = new Set<string>();

interface EmbeddedFontLike {
  font: unknown;
  layoutCache?: Record<string, unknown>;
  name: string;
  id: string;
}
interface SharedFont {
  fontkitFont: unknown;
  ctor: new (doc: unknown, font: unknown, id: string) => EmbeddedFontLike;
  layoutCache: Record<string, unknown>;
  entries: number;
}
const shared = new Map<string, SharedFont>();
/** Bound on shared shaped runs per font (words and CJK characters); cleared when exceeded. */
const MAX_RUNS = 50_000;

interface PdfDocLike {
  fonts: Record<string, Record<string, unknown>>;
  fontCache: Record<string, Record<string, EmbeddedFontLike>>;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _fontCount: number;
  _font: EmbeddedFontLike;
  getFontType(bold: boolean, italics: boolean): string;
}

let patched = false;

/**
 * Teach pdfmake's PDFDocument to reuse parsed fonts for the files registered above; any other
 * font goes the original way. Installed once per process.
 */
export function installFontSharing(): void {
  if (patched) return;
  patched = true;
  const mod = require('pdfmake/js/PDFDocument.js') as { default: { prototype: Record<string, unknown> } };
  const proto = mod.default.prototype;
  const original = proto.provideFont as (this: PdfDocLike, family: string, bold: boolean, italics: boolean) => EmbeddedFontLike;
  proto.provideFont = function provideFont(this: PdfDocLike, familyName: string, bold: boolean, italics: boolean) {
    const type = this.getFontType(bold, italics);
    const file = this.fonts[familyName]?.[type];
    if (typeof file !== 'string' || !CACHEABLE.has(file)) return original.call(this, familyName, bold, italics);
    this.fontCache[familyName] = this.fontCache[familyName] || {};
    const have = this.fontCache[familyName][type];
    if (have) return have;
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
      font = original.call(this, familyName, bold, italics);
      s = {
        fontkitFont: font.font,
        ctor: font.constructor as SharedFont['ctor'],
        layoutCache: Object.create(null) as Record<string, unknown>,
        entries: 0,
      };
      shared.set(file, s);
      memoizeGlyphDecoding(font.font);
      cacheFeatureLayouts(s.ctor.prototype as unknown as FeatureLayoutFont);
      plainCjkRuns(s.ctor.prototype as unknown as FeatureLayoutFont);
    } else {
      const id = `F${++this._fontCount}`;
      font = new s.ctor(this, s.fontkitFont, id);
      this._fontFamilies[file] = font;
      this._font = font;
    }
    (font as EmbeddedFontLike & { __file?: string }).__file = file;
    if (PLAIN_CJK_FILES.has(file)) PLAIN_CJK_FONTS.add(s.fontkitFont as object);
    if (s.entries > MAX_RUNS) {
      s.layoutCache = Object.create(null) as Record<string, unknown>;
      s.entries = 0;
    }
    font.layoutCache = countingCache(s);
    this.fontCache[familyName][type] = font;
    return font;
  };
}

/**
 * Subsetting decodes every used glyph's outline only to learn whether it is composite; the decoded
 * glyph depends only on the (immutable) font data, so with a shared font it is decoded once.
 * Fonts with variations are left alone (their outlines depend on the variation settings).
 */
const decoded = new WeakMap<object, unknown>();
let decodePatched = false;
function memoizeGlyphDecoding(fontkitFont: unknown): void {
  if (decodePatched) return;
  const glyph = (fontkitFont as { getGlyph(id: number): object | null }).getGlyph(0);
  if (!glyph) return;
  const proto = Object.getPrototypeOf(glyph) as { _decode?: (this: object) => unknown };
  const original = proto._decode;
  if (typeof original !== 'function') return;
  decodePatched = true;
  proto._decode = function _decode(this: object) {
    if ((this as { _font?: { _variationProcessor?: unknown } })._font?._variationProcessor) return original.call(this);
    if (decoded.has(this)) return decoded.get(this);
    const g = original.call(this);
    decoded.set(this, g);
    return g;
  };
}

interface LayoutRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}
interface FeatureLayoutFont {
  layout(text: string, features?: unknown, onlyWidth?: boolean): LayoutRun;
  layoutRun(text: string, features?: unknown): LayoutRun;
  layoutCache?: Record<string, unknown>;
}

/**
 * pdfkit lays out text with OpenType features (English asks for proportional quotes, 'pwid') as one
 * uncached run per line. Do what it does without features: lay out word by word, and cache each
 * word's run under its features, so English PDFs cost what Chinese ones do.
 */
let featuresPatched = false;
function cacheFeatureLayouts(proto: FeatureLayoutFont): void {
  if (featuresPatched) return;
  featuresPatched = true;
  const original = proto.layout;
  proto.layout = function layout(this: FeatureLayoutFont, text: string, features?: unknown, onlyWidth?: boolean): LayoutRun {
    if (!Array.isArray(features) || !features.length || !this.layoutCache) return original.call(this, text, features, onlyWidth);
    const prefix = `\u0000${features.join(',')}\u0000`;
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index <= text.length; index++) {
      const ch = text.charAt(index);
      if (!(index === text.length ? last < index : ch === ' ' || ch === '\t')) continue;
      const word = text.slice(last, index + 1);
      const key = prefix + word;
      let run = this.layoutCache[key] as LayoutRun | undefined;
      if (!run) {
        run = this.layoutRun(word, features);
        this.layoutCache[key] = run;
      }
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

// ---- CJK text without the OpenType shaper ----

/** Virtual files of the CJK fonts (see ensureFonts), and their parsed fonts once opened. */
const PLAIN_CJK_FILES = new Set<string>();
const PLAIN_CJK_FONTS = new WeakSet<object>();

/**
 * Ideographs, CJK symbols and punctuation, full-width forms: in the Noto Sans SC/TC we ship, no
 * glyph of these is covered by a substitution or positioning of the default features, so a run of
 * them shapes to its cmap glyphs at their advance widths (tests/render/fonts-plain-cjk.test.ts checks
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

let plainPatched = false;
function plainCjkRuns(proto: FeatureLayoutFont): void {
  if (plainPatched) return;
  plainPatched = true;
  const original = proto.layoutRun;
  proto.layoutRun = function layoutRun(this: FeatureLayoutFont & { font: FontkitFontLike; scale: number }, text: string, features?: unknown): LayoutRun {
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

/** The shared run cache, counting insertions so it can be bounded. */
function countingCache(s: SharedFont): Record<string, unknown> {
  return new Proxy(s.layoutCache, {
    set(target, key, value) {
      if (!(key in target)) s.entries++;
      (target as Record<string | symbol, unknown>)[key] = value;
      return true;
    },
  });
}

// ---- fewer, longer text runs ----

interface InlineLike {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color: unknown;
  opacity?: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  decoration?: unknown;
  background?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  sup?: boolean;
  sub?: boolean;
  _pageNodeRef?: unknown;
  trailingCut?: number;
}

function plain(i: InlineLike): boolean {
  return !i.fontFeatures && !i.decoration && !i.background && !i.link && !i.linkToPage && !i.linkToDestination && !i.sup && !i.sub && !i._pageNodeRef;
}

/**
 * Adjacent words of one line in the same style, placed edge to edge (left-aligned text), are
 * drawn as one run: pdfmake draws each word on its own, and with CJK every character is a word.
 */
export function mergeInlines<T extends InlineLike>(inlines: T[]): T[] {
  if (inlines.length < 2) return inlines;
  const out: T[] = [];
  let cur: T | undefined;
  let curPlain = false;
  // pdfmake's inlines are left as they are; a run is copied only when a second inline joins it
  let owned = false;
  for (const inl of inlines) {
    if (
      cur &&
      curPlain &&
      plain(inl) &&
      cur.font === inl.font &&
      cur.fontSize === inl.fontSize &&
      cur.color === inl.color &&
      (cur.opacity ?? 1) === (inl.opacity ?? 1) &&
      (cur.characterSpacing ?? 0) === (inl.characterSpacing ?? 0) &&
      Math.abs(inl.x - (cur.x + cur.width)) < 1e-6
    ) {
      if (!owned) {
        cur = { ...cur };
        out[out.length - 1] = cur;
        owned = true;
      }
      cur.text += inl.text;
      cur.width += inl.width;
      cur.trailingCut = inl.trailingCut;
      continue;
    }
    cur = inl;
    curPlain = plain(inl);
    owned = false;
    out.push(inl);
  }
  return out;
}

let rendererPatched = false;

/** Marks a document whose layout is done now and drawing later. */
const DEFERRED = Symbol('briefs.deferredRender');

export interface DeferredRender {
  /** Draw the laid-out pages into the document (set once pdfmake has laid it out). */
  draw?: () => void;
  /** The laid-out pages, as pdfmake made them (read-only). */
  pages?: unknown[];
}

/**
 * An (empty) image table for a document definition that pdfmake lays out but does not draw:
 * drawing (pdfkit text runs, glyph encoding) is left to `holder.draw`, so fitting can probe sizes
 * and draw only the one it keeps. pdfmake hands the definition's image table to its PDFDocument as
 * is, which is how the renderer finds the holder.
 */
export function deferDrawing(holder: DeferredRender): Record<string, never> {
  const images = {};
  Object.defineProperty(images, DEFERRED, { value: holder, enumerable: false });
  return images;
}

/** Draw lines through mergeInlines, and honour deferDrawing (installed once per process). */
export function installRunMerging(): void {
  if (rendererPatched) return;
  rendererPatched = true;
  const mod = require('pdfmake/js/Renderer.js') as { default: { prototype: Record<string, unknown> } };
  const proto = mod.default.prototype;
  type RendererLike = { pdfDocument: { images?: Record<symbol, unknown> } };
  const renderPages = proto.renderPages as (this: RendererLike, pages: unknown[]) => void;
  proto.renderPages = function deferredRenderPages(this: RendererLike, pages: unknown[]) {
    const holder = this.pdfDocument.images?.[DEFERRED] as DeferredRender | undefined;
    if (!holder) return renderPages.call(this, pages);
    holder.pages = pages;
    holder.draw = () => renderPages.call(this, pages);
  };
  const original = proto.renderLine as (this: unknown, line: { inlines: InlineLike[] }, x: number, y: number) => void;
  proto.renderLine = function renderLine(this: unknown, line: { inlines: InlineLike[] }, x: number, y: number) {
    if (process.env.BRIEFS_NO_RUN_MERGE) return original.call(this, line, x, y);
    const merged = Object.assign(Object.create(Object.getPrototypeOf(line) as object) as object, line, {
      inlines: mergeInlines(line.inlines),
    }) as { inlines: InlineLike[] };
    return original.call(this, merged, x, y);
  };
}
