// Latin runs shaped from a table made at install time (latin-shaping-table.ts) instead of by fontkit's
// OpenType shaper: English briefs, Latin words and numbers in Chinese ones (also mixed with CJK
// characters that no lookup touches), and the letters the Latin fallback sets (Savaş). For these
// characters the shaper's work is known in advance: each character maps to one glyph (after the single
// substitutions of the run's features, e.g. English's 'pwid'), some sequences join as ligatures (ff, fi,
// ——), and positioning is a single adjustment per glyph plus pair kerning, chosen by the run's script.
// Asking fontkit instead cost a cold build ~120 ms: decoding the faces' kerning lookups, then running
// the shaper on every word.
//
// The table is made by fontkit's own code (latin-shaping-make.ts) and checked against whole layouts
// of random words before it is written; tests/render/latin-shaping.test.ts checks it against fontkit
// again. It is used only for the font it was made from (name, checksum, glyph count) and the fontkit
// version installed; without one, runs go to the shaper as before.
import {
  isPlainCjk,
  kerningPairs,
  readTable,
  type FeatureKey,
  type Glyph,
  type LatinShapingData,
  type PairTable,
  type Position,
  type ScriptTable,
  type ShapingFont,
} from './latin-shaping-table.js';

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
    // in key order, as encodePairs writes them: found by binary search
    ({ keys: this.xKeys, values: this.xVals } = kerningPairs(t));
    const m = t.full.length / 10;
    this.fullKeys = new Uint32Array(m);
    this.fullVals = [];
    for (let i = 0; i < m; i++) {
      this.fullKeys[i] = t.full[10 * i] * 65536 + t.full[10 * i + 1];
      this.fullVals.push(t.full.slice(10 * i + 2, 10 * i + 10));
    }
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

