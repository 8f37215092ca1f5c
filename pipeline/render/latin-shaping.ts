// Latin runs in Noto Sans SC/TC (English briefs; Latin words and numbers in Chinese ones) shaped from
// a table made at install time (scripts/latin-shaping-data.mjs → dist/data/), instead of by fontkit's
// OpenType shaper. For these characters the shaper's work is known in advance: each character maps
// to one glyph (after the single substitutions of the features asked for, e.g. English's 'pwid'), and
// positioning is a single adjustment per glyph plus pair kerning. Asking fontkit instead cost a cold
// build ~120 ms: decoding the kerning lookups of four faces, then running the shaper on every word.
//
// The table is made by fontkit's own code (its layout of every character, its pair-positioning
// lookups evaluated for every pair of glyphs) and checked against whole layouts of random words
// before it is written; tests/render/latin-shaping.test.ts checks it against fontkit again. It is used
// only for the font it was made from (name, checksum, glyph count) and the fontkit version installed.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../packages.js';

/** fontkit's glyph, as far as runs go. */
export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Position {
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
 * in `keys` (base64 of little-endian uint32: first glyph × 65536 + second) and `values` (base64 of
 * little-endian int16), binary so that a build reads them without parsing thousands of JSON numbers;
 * `full` holds [first, second, then xAdvance, yAdvance, xOffset, yOffset of the first glyph and of the
 * second] for any other.
 */
export interface PairTable {
  keys: string;
  values: string;
  full: number[];
}

/** A pair table from [first, second, xAdvance] triples and full entries. */
export function encodePairs(x: number[], full: number[]): PairTable {
  const n = x.length / 3;
  const keys = Buffer.alloc(4 * n);
  const values = Buffer.alloc(2 * n);
  for (let i = 0; i < n; i++) {
    keys.writeUInt32LE(x[3 * i] * 65536 + x[3 * i + 1], 4 * i);
    values.writeInt16LE(x[3 * i + 2], 2 * i);
  }
  return { keys: keys.toString('base64'), values: values.toString('base64'), full };
}

/** The [first, second, xAdvance] triples of a pair table. */
export function kerningTriples(t: PairTable): number[] {
  const keys = Buffer.from(t.keys, 'base64');
  const values = Buffer.from(t.values, 'base64');
  const out: number[] = [];
  for (let i = 0; i < values.length / 2; i++) {
    const k = keys.readUInt32LE(4 * i);
    out.push(Math.floor(k / 65536), k % 65536, values.readInt16LE(2 * i));
  }
  return out;
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

/** A run shaped from a table: glyphs and positions in font units, as fontkit's layout gives them. */
export interface TableRun {
  glyphs: Glyph[];
  positions: Position[];
}

type Ligature = ScriptTable['ligatures'][number][number];

interface ScriptShaper {
  glyphs: number[];
  mixing: boolean;
  busy: Set<number>;
  /** Per ligature lookup: its rules by first character. */
  ligatures: Map<number, Ligature[]>[];
  /** Characters that start a ligature. */
  ligatureFirst: Set<number>;
  single: Map<number, number[]>;
  pairs: PairLookup;
}

/** A pair table as sorted keys (first glyph × 65536 + second) with their adjustments. */
class PairLookup {
  private readonly xKeys: Uint32Array;
  private readonly xVals: Int32Array;
  private readonly fullKeys: Uint32Array;
  private readonly fullVals: number[][];

  constructor(t: PairTable) {
    // made in key order (the generator walks the glyphs in order); sorted here only if not
    const keys = Buffer.from(t.keys, 'base64');
    const values = Buffer.from(t.values, 'base64');
    const n = values.length / 2;
    this.xKeys = new Uint32Array(n);
    this.xVals = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.xKeys[i] = keys.readUInt32LE(4 * i);
      this.xVals[i] = values.readInt16LE(2 * i);
    }
    const m = t.full.length / 10;
    this.fullKeys = new Uint32Array(m);
    this.fullVals = [];
    for (let i = 0; i < m; i++) {
      this.fullKeys[i] = t.full[10 * i] * 65536 + t.full[10 * i + 1];
      this.fullVals.push(t.full.slice(10 * i + 2, 10 * i + 10));
    }
    if (!ascending(this.xKeys)) sortBy(this.xKeys, this.xVals);
    if (!ascending(this.fullKeys)) sortBy(this.fullKeys, this.fullVals);
  }

  /** The adjustment of a pair: its first glyph's xAdvance (a number), all eight values, or undefined. */
  get(first: number, second: number): number | number[] | undefined {
    const key = first * 65536 + second;
    const i = search(this.xKeys, key);
    if (i >= 0) return this.xVals[i];
    const j = search(this.fullKeys, key);
    return j >= 0 ? this.fullVals[j] : undefined;
  }
}

function ascending(keys: Uint32Array): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] >= keys[i]) return false;
  return true;
}

/** Sort keys ascending, their values along. */
function sortBy<V>(keys: Uint32Array, vals: { [i: number]: V; length: number }): void {
  const order = Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b]);
  const k = Uint32Array.from(order, (i) => keys[i]);
  const v = order.map((i) => vals[i]);
  keys.set(k);
  for (let i = 0; i < v.length; i++) vals[i] = v[i];
}

/** Pair lookups by table, shared by the shapers of a face's feature keys. */
const pairLookups = new WeakMap<PairTable, PairLookup>();

function search(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The table of one face and feature key, ready to shape runs. */
export class LatinRunShaper {
  /** Index of each character in the table, by code (−1: not in it). */
  private readonly index = new Int16Array(0x10000).fill(-1);
  /** Script of each character, by code, as an index into `tags` (0: Common). */
  private readonly scriptOf = new Uint8Array(0x10000);
  private readonly tags: string[];
  private readonly runs: (ScriptShaper | undefined)[];

  constructor(data: LatinShapingData, key: FeatureKey) {
    const t = data.features[key];
    for (let i = 0; i < t.chars.length; i++) this.index[t.chars.charCodeAt(i)] = i;
    this.tags = [t.commonScript];
    const tagIndex = (tag: string) => {
      let k = this.tags.indexOf(tag);
      if (k < 0) k = this.tags.push(tag) - 1;
      return k;
    };
    for (const [a, b, tag] of t.cjkScripts) this.scriptOf.fill(tagIndex(tag), a, b + 1);
    for (const [tag, chars] of Object.entries(t.scripts)) for (let i = 0; i < chars.length; i++) this.scriptOf[chars.charCodeAt(i)] = tagIndex(tag);
    this.runs = this.tags.map((tag) => {
      const run = t.runs[tag];
      if (!run) return undefined;
      const table = data.pairs[run.pairs];
      let pairs = pairLookups.get(table);
      if (!pairs) {
        pairs = new PairLookup(table);
        pairLookups.set(table, pairs);
      }
      const single = new Map<number, number[]>();
      for (let i = 0; i < run.single.length; i += 5) single.set(run.single[i], run.single.slice(i + 1, i + 5));
      const ligatureFirst = new Set<number>();
      const ligatures = run.ligatures.map((rules) => {
        const byFirst = new Map<number, Ligature[]>();
        for (const r of rules) {
          const first = r.seq.charCodeAt(0);
          ligatureFirst.add(first);
          byFirst.set(first, [...(byFirst.get(first) ?? []), r]);
        }
        return byFirst;
      });
      return { glyphs: run.glyphs, mixing: run.mixing, busy: new Set(run.busy), ligatures, ligatureFirst, single, pairs };
    });
  }

  /**
   * The run as fontkit's layout would give it, or undefined if the text has a character the table
   * lacks or a CJK character the run's lookups could touch.
   */
  layout(font: ShapingFont, text: string): TableRun | undefined {
    const n = text.length;
    if (!n) return undefined;
    let script = 0;
    let cjk = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.index[c] < 0) {
        if (!isPlainCjk(c)) return undefined;
        cjk = true;
      }
      if (script === 0) script = this.scriptOf[c];
    }
    const run = this.runs[script];
    if (!run || (cjk && !run.mixing)) return undefined;
    // fontkit makes the glyphs of the characters first, then those of substitutions, then looks up
    // the space (for default-ignorable characters): the same calls leave its glyph cache (whose first
    // code points go into the PDF's ToUnicode map) as the shaper would.
    const cmapGlyphs: Glyph[] = new Array(n);
    let joins = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const g = font.glyphForCodePoint(c);
      cmapGlyphs[i] = g;
      if (this.index[c] < 0) {
        if (g.id === 0 || run.busy.has(g.id)) return undefined;
      } else if (run.ligatureFirst.has(c)) joins = true;
    }
    let units: Unit[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const k = this.index[text.charCodeAt(i)];
      units[i] = k < 0 ? { start: i, end: i + 1, id: cmapGlyphs[i].id } : { start: i, end: i + 1, id: run.glyphs[k], single: run.single.get(k) };
    }
    if (joins) for (const rules of run.ligatures) units = joinLigatures(text, units, rules);
    // a substituted glyph takes the code points of the characters' glyphs, as fontkit's GlyphInfo does
    const glyphs = units.map((u) => {
      if (u.end - u.start === 1 && cmapGlyphs[u.start].id === u.id) return cmapGlyphs[u.start];
      const codePoints: number[] = [];
      for (let i = u.start; i < u.end; i++) codePoints.push(...cmapGlyphs[i].codePoints);
      return font.getGlyph(u.id, codePoints);
    });
    font.glyphForCodePoint(0x20);
    const positions: Position[] = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      if (u.single) add(positions[i], u.single, 0);
      if (i + 1 === units.length) break;
      const p = run.pairs.get(u.id, units[i + 1].id);
      if (p === undefined) continue;
      if (typeof p === 'number') positions[i].xAdvance += p;
      else {
        add(positions[i], p, 0);
        add(positions[i + 1], p, 4);
      }
    }
    return { glyphs, positions };
  }
}

/** A glyph of a run: the characters [start, end) it stands for. */
interface Unit {
  start: number;
  end: number;
  id: number;
  single?: number[];
}

/** One ligature lookup over a run: at each glyph, the first rule whose characters follow, as fontkit's GSUB does. */
function joinLigatures(text: string, units: Unit[], rules: Map<number, Ligature[]>): Unit[] {
  const out: Unit[] = [];
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    const candidates = unit.end - unit.start === 1 ? rules.get(text.charCodeAt(unit.start)) : undefined;
    const hit = candidates?.find((r) => {
      if (u + r.seq.length > units.length) return false;
      for (let k = 1; k < r.seq.length; k++) {
        const v = units[u + k];
        if (v.end - v.start !== 1 || text.charCodeAt(v.start) !== r.seq.charCodeAt(k)) return false;
      }
      return true;
    });
    if (!hit) {
      out.push(unit);
      continue;
    }
    out.push({ start: unit.start, end: units[u + hit.seq.length - 1].end, id: hit.glyph, single: hit.single });
    u += hit.seq.length - 1;
  }
  return out;
}

function add(p: Position, d: number[], at: number): void {
  p.xAdvance += d[at];
  p.yAdvance += d[at + 1];
  p.xOffset += d[at + 2];
  p.yOffset += d[at + 3];
}


const require = createRequire(import.meta.url);

/** The installed fontkit's version (the one pdfkit uses). */
export function fontkitVersion(): string {
  return packageVersion(require, 'fontkit') ?? 'unknown';
}

/** dist/data/, found from this module whether bundled or not. */
function dataDir(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const d = path.join(dir, 'dist', 'data');
    if (existsSync(d)) return d;
  }
  return undefined;
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

const loaded = new WeakMap<object, { data: LatinShapingData | undefined; shapers: Map<FeatureKey, LatinRunShaper> }>();

/** The shaper of a face and feature key from dist/data/, or undefined if there is no table that fits. Read once per font. */
export function latinShaperFor(font: ShapingFont, key: FeatureKey): LatinRunShaper | undefined {
  let face = loaded.get(font);
  if (!face) {
    face = { data: readTable(font), shapers: new Map() };
    loaded.set(font, face);
  }
  if (!face.data?.features[key]) return undefined;
  let shaper = face.shapers.get(key);
  if (!shaper) {
    shaper = new LatinRunShaper(face.data, key);
    face.shapers.set(key, shaper);
  }
  return shaper;
}

function readTable(font: ShapingFont): LatinShapingData | undefined {
  const dir = dataDir();
  if (!dir) return undefined;
  try {
    const data = JSON.parse(readFileSync(path.join(dir, latinShapingFile(font.postscriptName)), 'utf8')) as LatinShapingData;
    return tableFits(data, font) ? data : undefined;
  } catch {
    return undefined;
  }
}
