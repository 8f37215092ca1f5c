// The install-time Latin shaping tables (see latin-shaping.ts): their format, the characters they
// may cover, and how a build finds the table of a font (dist/data/latin-shaping-<face>.json, made by
// scripts/latin-shaping-data.mjs with latin-shaping-make.ts) and knows it was made from that font.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { installedDataFile, int16sOfBase64, uint32sOfBase64 } from '../data-files.js';
import { packageVersion } from '../packages.js';

/** fontkit's glyph, as far as runs go. */
export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** fontkit's font, as far as a run from the table goes. */
export interface ShapingFont {
  postscriptName: string;
  numGlyphs: number;
  head: { checkSumAdjustment: number };
  glyphForCodePoint(cp: number): Glyph;
  getGlyph(id: number, codePoints?: number[]): Glyph;
}

/** The features of a run the table is for: '' (the defaults) or one feature tag added to them. */
export type FeatureKey = string;

/** What an install-time table holds for one face (JSON). */
export interface LatinShapingData {
  fontkit: string;
  font: { postscriptName: string; checkSumAdjustment: number; numGlyphs: number };
  features: Record<FeatureKey, FeatureTable>;
  /** Pair adjustments by the lookups that make them (a signature), see FeatureTable.pairs. */
  pairs: Record<string, PairTable>;
}

interface FeatureTable {
  /** The characters covered, each mapped to one glyph in every script. */
  chars: string;
  /** The script tag of a run of only Common characters (fontkit's choice when none has a script). */
  commonScript: string;
  /** Characters with a script of their own, by script tag: the first of them decides a run's script. */
  scripts: Record<string, string>;
  /** Plain CJK characters with a script of their own: [first, last, script tag] ranges. */
  cjkScripts: [number, number, string][];
  /** What a run of each script tag gets. */
  runs: Record<string, ScriptTable>;
}

export interface ScriptTable {
  /** The glyph of each character, after substitution. */
  glyphs: number[];
  /** Single adjustments: flat [char index, xAdvance, yAdvance, xOffset, yOffset, …]. */
  single: number[];
  /** The pair table (a key of LatinShapingData.pairs). */
  pairs: string;
  /**
   * Ligatures, by lookup in the order fontkit applies them, each lookup's rules in the order it tries
   * them: the characters a ligature joins, its glyph and its single adjustment.
   */
  ligatures: { seq: string; glyph: number; single?: number[] }[][];
  /** Whether a run may hold plain CJK characters (isPlainCjk) as well: cmap glyphs at their advance widths. */
  mixing: boolean;
  /** Glyphs of CJK characters that some lookup could touch: a run holding one goes to the shaper. */
  busy: number[];
}

/**
 * Pair adjustments in font units. The usual kerning pair (only the first glyph's xAdvance changes) is
 * in `keys` (base64 of little-endian uint32: first glyph × 65536 + second, ascending) and `values`
 * (base64 of little-endian int16), binary so that a build reads them without parsing thousands of JSON numbers;
 * `full` holds [first, second, then xAdvance, yAdvance, xOffset, yOffset of the first glyph and of the
 * second] for any other, in the same order. encodePairs writes them so.
 */
export interface PairTable {
  keys: string;
  values: string;
  full: number[];
}

/** A pair table from [first, second, xAdvance] triples and full entries, each in key order (the order readers rely on). */
export function encodePairs(x: number[], full: number[]): PairTable {
  const triples: number[][] = [];
  for (let i = 0; i < x.length; i += 3) triples.push(x.slice(i, i + 3));
  triples.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const entries: number[][] = [];
  for (let i = 0; i < full.length; i += 10) entries.push(full.slice(i, i + 10));
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const keys = Buffer.alloc(4 * triples.length);
  const values = Buffer.alloc(2 * triples.length);
  triples.forEach(([first, second, xAdvance], i) => {
    keys.writeUInt32LE(first * 65536 + second, 4 * i);
    values.writeInt16LE(xAdvance, 2 * i);
  });
  return { keys: keys.toString('base64'), values: values.toString('base64'), full: entries.flat() };
}

/** A pair table's usual kerning pairs: keys (first glyph × 65536 + second, ascending) and the first glyph's xAdvance. */
export function kerningPairs(t: PairTable): { keys: Uint32Array; values: Int32Array } {
  const keys = uint32sOfBase64(t.keys);
  return { keys, values: int16sOfBase64(t.values, keys.length) };
}

/** Basic Latin, Latin-1 and general punctuation: the Latin of the CJK faces' runs. */
export const LATIN_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
];

/** Latin Extended-A, -B and Additional: letters the Latin fallback sets where the CJK faces lack them. */
export const LATIN_EXTENDED_RANGES: [number, number][] = [
  [0x100, 0x24f],
  [0x1e00, 0x1eff],
];

/** Ideographs (the BMP's unified ones and extension A), CJK symbols and punctuation, full-width forms. */
export const CJK_RANGES: [number, number][] = [
  [0x3000, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xff00, 0xffef],
];

/**
 * Plain CJK: in the Noto Sans SC/TC we ship, no glyph of these is covered by a substitution or
 * positioning of the default features, so a run of them shapes to its cmap glyphs at their advance
 * widths (tests/render/shaping-shortcuts.test.ts checks this against fontkit's shaper); a table marks
 * those some lookup could touch in a mixed run (ScriptTable.busy).
 */
export function isPlainCjk(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
}

/** The characters of some ranges, in order. */
export function charactersOf(ranges: [number, number][]): number[] {
  const out: number[] = [];
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) out.push(c);
  return out.sort((x, y) => x - y);
}

/** The feature key of a run's features as pdfkit passes them (undefined or tags), or undefined if there is no table for them. */
export function featureKeyOf(features: unknown): FeatureKey | undefined {
  if (features === undefined) return '';
  if (!Array.isArray(features)) return undefined;
  if (!features.length) return '';
  return features.length === 1 && typeof features[0] === 'string' && /^[a-z0-9]{4}$/.test(features[0]) ? features[0] : undefined;
}

/** The features fontkit is asked for in both ways (mark positioning off: see shaping-shortcuts.ts). A new object each time: fontkit adds to it. */
export function shapingFeatures(key: FeatureKey): Record<string, boolean> {
  return key ? { [key]: true, mark: false, mkmk: false } : { mark: false, mkmk: false };
}

const require = createRequire(import.meta.url);

/** The installed fontkit's version (the one pdfkit uses). */
export function fontkitVersion(): string {
  return packageVersion(require, 'fontkit') ?? 'unknown';
}

/** File name of a face's table in dist/data/. */
export function latinShapingFile(postscriptName: string): string {
  return `latin-shaping-${postscriptName.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

/** Whether a table was made from this font (and the installed fontkit). */
export function tableFits(data: LatinShapingData, font: ShapingFont, version = fontkitVersion()): boolean {
  return (
    data.fontkit === version &&
    data.font.postscriptName === font.postscriptName &&
    data.font.checkSumAdjustment === font.head.checkSumAdjustment &&
    data.font.numGlyphs === font.numGlyphs
  );
}

/** The table made for this font in dist/data/, or undefined if there is none that fits it. */
export function readTable(font: ShapingFont): LatinShapingData | undefined {
  const file = installedDataFile(latinShapingFile(font.postscriptName));
  if (!file) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as LatinShapingData;
    return tableFits(data, font) ? data : undefined;
  } catch {
    return undefined;
  }
}
