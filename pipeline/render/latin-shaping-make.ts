// Making the install-time shaping table of a face (see latin-shaping.ts), with fontkit's own code:
// its layout of each Latin character gives the glyph and single adjustment, its ligature lookups give
// the sequences that join (each laid out whole), its pair-positioning lookups (GPOS type 2, the ones
// the run's features select) are evaluated for every pair of glyphs. Characters that any other kind of
// lookup could touch are left out, and CJK characters that any lookup could touch are marked busy, so
// runs holding them still go to the shaper. The table is then checked against fontkit's layout of
// every character and of random words, Latin and mixed with CJK, before it is returned.
// Used by scripts/latin-shaping-data.mjs and the tests, not by builds.
import { LatinRunShaper } from './latin-shaping.js';
import {
  CJK_RANGES,
  charactersOf,
  encodePairs,
  featureKeyOf,
  fontkitVersion,
  isPlainCjk,
  LATIN_EXTENDED_RANGES,
  LATIN_RANGES,
  shapingFeatures,
  type FeatureKey,
  type Glyph,
  type LatinShapingData,
  type ScriptTable,
  type ShapingFont,
} from './latin-shaping-table.js';

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
interface GlyphRun {
  glyphs: Glyph[];
  positions: Position[];
  script: string;
  features: Record<string, boolean>;
}
interface Lookup {
  lookupType: number;
  flags?: { flags?: Record<string, boolean>; markAttachmentType?: number };
  subTables: Record<string, unknown>[];
}
interface OtProcessor {
  selectScript(script: string, language?: string | null, direction?: string): string;
  lookupsForFeatures(features: string[]): { feature: string; index: number; lookup: Lookup }[];
  getClassID(glyph: number, classDef: unknown): number;
  coverageIndex(coverage: unknown, glyph: number): number;
  applyLookup(lookupType: number, table: unknown): boolean;
  glyphIterator: unknown;
  positions: Position[];
}
/** fontkit's font with what making a table needs (some of it fontkit's internals, fixed by its version). */
export interface FullFont extends ShapingFont {
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string, features?: unknown, script?: string): GlyphRun;
  GDEF?: { glyphClassDef?: ClassDef } | null;
  _layoutEngine?: { engine?: { GSUBProcessor?: OtProcessor | null; GPOSProcessor?: OtProcessor | null } };
}

/**
 * Candidates a table leaves to the shaper: fontkit's default-ignorable characters (shaped as an
 * invisible space) and the fraction slash (it turns on fontkit's local features, 'frac', 'numr' and
 * 'dnom', for the digits around it).
 */
const LEFT_OUT = new Set([0xad, 0x2044]);
/** Features fontkit's default shaper gives only to glyphs around a fraction slash. */
const LOCAL_FEATURES = new Set(['frac', 'numr', 'dnom']);

const COVERAGE_KEYS = ['coverage', 'coverages', 'backtrackCoverage', 'inputCoverage', 'lookaheadCoverage', 'markCoverage', 'baseCoverage', 'mark1Coverage', 'mark2Coverage', 'ligatureCoverage'];

interface Coverage {
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}

function addCoverage(c: unknown, into: Set<number>): void {
  if (!c || typeof c !== 'object') return;
  if (Array.isArray(c)) {
    for (const x of c) addCoverage(x, into);
    return;
  }
  const cov = c as Coverage;
  for (const g of cov.glyphs ?? []) into.add(g);
  for (const r of cov.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) into.add(g);
}

/** Every glyph of every coverage of a subtable. */
function coverageGlyphs(sub: Record<string, unknown>, into: Set<number>): void {
  for (const k of COVERAGE_KEYS) addCoverage(sub[k], into);
}

/** The glyphs a class definition gives a class other than 0, with their class. */
function classedGlyphs(cd: ClassDef | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (!cd) return out;
  if (cd.version === 1) cd.classValueArray?.forEach((k, i) => k && out.set(cd.startGlyph! + i, k));
  else for (const r of cd.classRangeRecord ?? []) if (r.class) for (let g = r.start; g <= r.end; g++) out.set(g, r.class);
  return out;
}

interface LigatureSubtable {
  coverage: Coverage;
  ligatureSets: { get(i: number): { glyph: number; components: number[] }[] };
}

/**
 * A ligature subtable's rules as glyph sequences (first glyph, then components), in the order
 * fontkit tries them; a ligature of one glyph (no components) makes its glyph `touched`.
 */
function ligatureRules(sub: LigatureSubtable, proc: OtProcessor, touched: Set<number>): { glyphs: number[]; ligature: number }[] {
  const firsts = new Set<number>();
  addCoverage(sub.coverage, firsts);
  const out: { glyphs: number[]; ligature: number }[] = [];
  for (const g of [...firsts].sort((a, b) => a - b))
    for (const lig of sub.ligatureSets.get(proc.coverageIndex(sub.coverage, g)) ?? []) {
      if (!lig.components.length) touched.add(g);
      else out.push({ glyphs: [g, ...lig.components], ligature: lig.glyph });
    }
  return out;
}

/** A lookup's type and subtables, extension lookups unwrapped. */
function unwrap(lookup: Lookup, extensionType: number): { type: number; subTables: Record<string, unknown>[] } {
  if (lookup.lookupType !== extensionType) return { type: lookup.lookupType, subTables: lookup.subTables };
  const subTables = lookup.subTables.map((s) => s.extension as Record<string, unknown>);
  const type = (lookup.subTables[0]?.lookupType as number | undefined) ?? -1;
  return { type, subTables };
}

const hasFlags = (l: Lookup) => Object.values(l.flags?.flags ?? {}).some(Boolean) || !!l.flags?.markAttachmentType;
const zero = (): Position => ({ xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 });
const deltas = (p: Position): number[] => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset];
const enabled = (run: GlyphRun) => Object.keys(run.features).filter((f) => run.features[f] && !LOCAL_FEATURES.has(f));

/** Why a face gets no table: thrown by makeLatinShapingData. */
export class NoTableError extends Error {}

type Ligatures = ScriptTable['ligatures'];

/** What one script's runs get, before the characters are settled. */
interface ScriptAnalysis {
  glyph: Map<number, number>;
  single: Map<number, number[]>;
  kerning: Lookup[];
  ligatures: Ligatures;
  excluded: Set<number>;
}

/** The CJK glyphs a script's lookups could touch, and whether CJK characters may be in its runs at all. */
interface CjkReach {
  busy: Set<number>;
  /** False if a pair adjustment reaches glyphs its class definition does not list (all of them). */
  mixing: boolean;
}

let cjkScriptCache: [number, number, string][] | undefined;

/** The scripts fontkit gives the plain CJK characters other than Common: [first, last, tag] ranges. */
function cjkScripts(font: FullFont, commonScript: string): [number, number, string][] {
  if (cjkScriptCache) return cjkScriptCache;
  const out: [number, number, string][] = [];
  for (const [a, b] of CJK_RANGES)
    for (let c = a; c <= b; c++) {
      const tag = font.layout(String.fromCharCode(c)).script;
      if (tag === commonScript) continue;
      const last = out[out.length - 1];
      if (last && last[1] === c - 1 && last[2] === tag) last[1] = c;
      else out.push([c, c, tag]);
    }
  return (cjkScriptCache = out);
}

/**
 * What any lookup of a script's runs without shortcuts (mark positioning on) could do to CJK glyphs:
 * substitute them or join them, adjust them alone or in a pair, attach them as marks.
 */
function cjkReach(font: FullFont, key: FeatureKey, tag: string, cjkGlyphs: Set<number>): CjkReach {
  const a: CjkReach = { busy: new Set(), mixing: true };
  const fullFeatures = enabled(font.layout('a', key ? [key] : undefined, tag));
  const engine = font._layoutEngine?.engine;
  const gsub = engine?.GSUBProcessor;
  const gpos = engine?.GPOSProcessor;
  if (gsub) {
    gsub.selectScript(tag, null, 'ltr');
    for (const { lookup } of gsub.lookupsForFeatures(fullFeatures)) {
      const { type, subTables } = unwrap(lookup, 7);
      for (const s of subTables) {
        coverageGlyphs(s, a.busy);
        if (type === 4) for (const r of ligatureRules(s as unknown as LigatureSubtable, gsub, new Set())) for (const g of r.glyphs) a.busy.add(g);
      }
    }
  }
  if (gpos) {
    gpos.selectScript(tag, null, 'ltr');
    for (const { lookup } of gpos.lookupsForFeatures(fullFeatures)) {
      const { type, subTables } = unwrap(lookup, 9);
      for (const s of subTables) {
        // mark attachment starts only at a mark: a base glyph without one is not moved
        if (type === 4 || type === 5) addCoverage(s.markCoverage, a.busy);
        else if (type === 6) addCoverage(s.mark1Coverage, a.busy);
        else coverageGlyphs(s, a.busy);
        if (type !== 2) continue;
        if (s.version === 1) {
          const sets = s.pairSets as { get(i: number): { secondGlyph: number }[] } | undefined;
          const firsts = new Set<number>();
          addCoverage(s.coverage, firsts);
          for (const g of firsts) for (const p of sets?.get(gpos.coverageIndex(s.coverage, g)) ?? []) a.busy.add(p.secondGlyph);
        } else {
          for (const g of classedGlyphs(s.classDef2 as ClassDef).keys()) a.busy.add(g);
          // a pair whose second glyph has no class: class 0's adjustment reaches every glyph
          const records = s.classRecords as { get(i: number): { get(j: number): { value1?: Record<string, number>; value2?: Record<string, number> } } };
          const class1s = new Set([0, ...classedGlyphs(s.classDef1 as ClassDef).values()]);
          for (const k of class1s) {
            const r = records.get(k)?.get(0);
            if (r && [r.value1, r.value2].some((v) => v && Object.values(v).some((x) => typeof x === 'number' && x !== 0))) a.mixing = false;
          }
        }
      }
    }
  }
  // glyphs that the GDEF makes a ligature or a mark (lookup flags may skip them; marks lose their width)
  for (const [g, k] of classedGlyphs(font.GDEF?.glyphClassDef)) if (k === 2 || k === 3) a.busy.add(g);
  for (const g of [...a.busy]) if (!cjkGlyphs.has(g)) a.busy.delete(g);
  return a;
}

/**
 * What a script's runs get for the candidates: each character's glyph and single adjustment (its
 * layout alone), the kerning lookups, the ligatures; and which characters the table must leave out.
 */
function analyseScript(font: FullFont, key: FeatureKey, tag: string, candidates: number[]): ScriptAnalysis {
  const a: ScriptAnalysis = { glyph: new Map(), single: new Map(), kerning: [], ligatures: [], excluded: new Set() };
  let features: string[] = [];
  for (const c of candidates) {
    const run = font.layout(String.fromCharCode(c), shapingFeatures(key), tag);
    features = enabled(run);
    if (run.glyphs.length !== 1 || run.glyphs[0].id === 0) {
      a.excluded.add(c);
      continue;
    }
    a.glyph.set(c, run.glyphs[0].id);
    const d = deltas(run.positions[0]);
    d[0] -= run.glyphs[0].advanceWidth;
    if (d.some((x) => x !== 0)) a.single.set(c, d);
  }
  const engine = font._layoutEngine?.engine;
  const gsub = engine?.GSUBProcessor;
  const gpos = engine?.GPOSProcessor;
  // glyphs that substitutions other than single ones and ligatures could touch, or that positioning
  // other than single and pair adjustments could move
  const touched = new Set<number>();
  // a contextual rule given by coverages (format 3) fires only where every position's coverage has
  // one of the candidates' glyphs: one that cannot is left alone
  const candidateGlyphs = new Set<number>([...a.glyph.values(), ...candidates.map((c) => font.glyphForCodePoint(c).id)]);
  const touches = (s: Record<string, unknown>) => {
    if (s.version === 3 && ['backtrackCoverage', 'inputCoverage', 'coverages', 'lookaheadCoverage'].some((k) => Array.isArray(s[k]))) {
      const positions = ['backtrackCoverage', 'inputCoverage', 'coverages', 'lookaheadCoverage'].flatMap((k) => (Array.isArray(s[k]) ? (s[k] as unknown[]) : []));
      const canFire = positions.every((cov) => {
        const gs = new Set<number>();
        addCoverage(cov, gs);
        return [...gs].some((g) => candidateGlyphs.has(g));
      });
      if (!canFire) return;
    }
    coverageGlyphs(s, touched);
  };
  const ligatureLookups: { glyphs: number[]; ligature: number }[][] = [];
  if (gsub) {
    gsub.selectScript(tag, null, 'ltr');
    for (const { lookup } of gsub.lookupsForFeatures(features)) {
      const { type, subTables } = unwrap(lookup, 7);
      if (type === 4 && !hasFlags(lookup)) ligatureLookups.push(subTables.flatMap((s) => ligatureRules(s as unknown as LigatureSubtable, gsub, touched)));
      else if (type !== 1) for (const s of subTables) touches(s);
    }
  }
  if (gpos) {
    gpos.selectScript(tag, null, 'ltr');
    for (const { lookup } of gpos.lookupsForFeatures(features)) {
      const { type, subTables } = unwrap(lookup, 9);
      if (type === 2) {
        if (lookup.flags?.flags?.ignoreBaseGlyphs) throw new NoTableError('a kerning lookup skips base glyphs');
        a.kerning.push(lookup);
      } else if (type !== 1) for (const s of subTables) touches(s);
    }
  }
  // glyphs that the GDEF makes a ligature or a mark (lookup flags may skip them; marks lose their width)
  const classes = classedGlyphs(font.GDEF?.glyphClassDef);
  for (const c of candidates) {
    const g = a.glyph.get(c);
    const cmap = font.glyphForCodePoint(c).id;
    if (g === undefined || touched.has(g) || touched.has(cmap) || classes.get(g) === 2 || classes.get(g) === 3) a.excluded.add(c);
  }
  // ligature rules as characters (those whose glyphs are the rule's), each laid out whole for its
  // glyph and adjustment; a rule that does not come out as one glyph leaves its first character out
  const charsOf = new Map<number, number[]>();
  for (const c of candidates) {
    const g = font.glyphForCodePoint(c).id;
    charsOf.set(g, [...(charsOf.get(g) ?? []), c]);
  }
  a.ligatures = ligatureLookups.map((rules) =>
    rules.flatMap((r) => {
      let seqs = [''];
      for (const g of r.glyphs) seqs = seqs.flatMap((q) => (charsOf.get(g) ?? []).map((c) => q + String.fromCharCode(c)));
      return seqs.flatMap((seq) => {
        const run = font.layout(seq, shapingFeatures(key), tag);
        if (run.glyphs.length !== 1) {
          a.excluded.add(seq.charCodeAt(0));
          return [];
        }
        const d = deltas(run.positions[0]);
        d[0] -= run.glyphs[0].advanceWidth;
        return [{ seq, glyph: run.glyphs[0].id, ...(d.some((x) => x !== 0) ? { single: d } : {}) }];
      });
    }),
  );
  return a;
}

/**
 * The table of a face for the given feature keys ('' = default features). Throws NoTableError when
 * the face's lookups are not what a table can stand for, or when the table disagrees with fontkit.
 */
export function makeLatinShapingData(
  font: FullFont,
  opts: {
    /** Feature keys to make tables for ('' = default features). */
    keys?: FeatureKey[];
    /** The characters to consider (those the face maps): by default Basic Latin, Latin-1 and general punctuation. */
    candidates?: number[];
    /** How many random words to check the table with. */
    checkWords?: number;
  } = {},
): LatinShapingData {
  const { keys = ['', 'pwid'], candidates: given = charactersOf(LATIN_RANGES), checkWords = 600 } = opts;
  const data: LatinShapingData = {
    fontkit: fontkitVersion(),
    font: { postscriptName: font.postscriptName, checkSumAdjustment: font.head.checkSumAdjustment, numGlyphs: font.numGlyphs },
    features: {},
    pairs: {},
  };
  const pairSigs = new Map<string, string>();
  const cjkGlyphs = new Set<number>();
  for (const [a, b] of CJK_RANGES) for (let c = a; c <= b; c++) cjkGlyphs.add(font.glyphForCodePoint(c).id);
  cjkGlyphs.delete(0);
  for (const key of keys) {
    if (featureKeyOf(key ? [key] : undefined) !== key) throw new NoTableError(`not a feature key: ${JSON.stringify(key)}`);
    const latin = given.filter((c) => !LEFT_OUT.has(c) && font.glyphForCodePoint(c).id !== 0);
    const commonScript = font.layout(' ', shapingFeatures(key)).script;
    const scriptOf = new Map<number, string>();
    for (const c of latin) scriptOf.set(c, font.layout(String.fromCharCode(c), shapingFeatures(key)).script);
    // (a face without CJK glyphs has no runs of CJK scripts to prepare for)
    const cjk = cjkGlyphs.size ? cjkScripts(font, commonScript) : [];
    const tags = [...new Set([commonScript, ...scriptOf.values(), ...cjk.map((r) => r[2])])].sort();
    // CJK characters some lookup could touch join the Latin ones: the table covers them the same way
    const reach = new Map(tags.map((tag) => [tag, cjkReach(font, key, tag, cjkGlyphs)]));
    const busy = new Set([...reach.values()].flatMap((r) => [...r.busy]));
    const promoted: number[] = [];
    for (const [a, b] of CJK_RANGES) for (let c = a; c <= b; c++) if (busy.has(font.glyphForCodePoint(c).id)) promoted.push(c);
    for (const c of promoted) scriptOf.set(c, font.layout(String.fromCharCode(c), shapingFeatures(key)).script);
    const candidates = [...latin, ...promoted];
    const analyses = new Map(tags.map((tag) => [tag, analyseScript(font, key, tag, candidates)]));
    // a character is in the table if every script's runs can have it
    const chars = candidates.filter((c) => ![...analyses.values()].some((a) => a.excluded.has(c)));
    const keptGlyphs = new Set(chars.map((c) => font.glyphForCodePoint(c).id));
    const kept = new Set(chars);
    const table: LatinShapingData['features'][string] = { chars: String.fromCharCode(...chars.sort((x, y) => x - y)), commonScript, scripts: {}, cjkScripts: cjk, runs: {} };
    for (const c of chars) {
      const tag = scriptOf.get(c)!;
      if (tag !== commonScript) table.scripts[tag] = (table.scripts[tag] ?? '') + String.fromCharCode(c);
    }
    for (const [tag, a] of analyses) {
      const glyphs = chars.map((c) => a.glyph.get(c)!);
      const single: number[] = [];
      chars.forEach((c, i) => {
        const d = a.single.get(c);
        if (d) single.push(i, ...d);
      });
      const ligatures = a.ligatures.map((rules) => rules.filter((r) => [...r.seq].every((c) => kept.has(c.charCodeAt(0))))).filter((rules) => rules.length);
      const { x, full } = pairTable(font, tag, a.kerning, [...new Set([...glyphs, ...ligatures.flat().map((r) => r.glyph)])].sort((p, q) => p - q));
      if (x.some((v, i) => i % 3 === 2 && (v < -32768 || v > 32767))) throw new NoTableError('a kerning value beyond 16 bits');
      const pairs = encodePairs(x, full);
      const json = JSON.stringify(pairs);
      let sig = pairSigs.get(json);
      if (!sig) {
        sig = `p${pairSigs.size}`;
        pairSigs.set(json, sig);
        data.pairs[sig] = pairs;
      }
      const r = reach.get(tag)!;
      table.runs[tag] = { glyphs, single, pairs: sig, ligatures, mixing: r.mixing, busy: [...r.busy].filter((g) => !keptGlyphs.has(g)).sort((x, y) => x - y) };
    }
    data.features[key] = table;
    checkTable(font, data, key, checkWords);
  }
  return data;
}

/**
 * The Latin fallback's table is for the runs pdf.ts sends it: the Latin characters of the ranges any
 * CJK family sets in the fallback (fallback-chars.ts fallbackRangesOf).
 */
export function fallbackCandidates(familyRanges: readonly (readonly [number, number])[][]): number[] {
  return charactersOf([...LATIN_RANGES, ...LATIN_EXTENDED_RANGES]).filter((c) => familyRanges.some((ranges) => ranges.some(([a, b]) => a <= c && c <= b)));
}

/** Every pair of the glyphs through the kerning lookups, by fontkit's own pair positioning. */
function pairTable(font: FullFont, tag: string, lookups: Lookup[], glyphs: number[]): { x: number[]; full: number[] } {
  const x: number[] = [];
  const full: number[] = [];
  const gp = font._layoutEngine?.engine?.GPOSProcessor;
  if (!gp || !lookups.length) return { x, full };
  gp.selectScript(tag, null, 'ltr');
  const saved = { it: gp.glyphIterator, positions: gp.positions };
  // a pair can be adjusted only if its first glyph is in a subtable's coverage
  const covered = new Set<number>();
  for (const l of lookups) for (const s of unwrap(l, 9).subTables) addCoverage(s.coverage, covered);
  try {
    for (const g1 of glyphs) {
      if (!covered.has(g1)) continue;
      for (const g2 of glyphs) {
        const positions = [zero(), zero()];
        const cur = { id: g1 };
        const next = { id: g2 };
        gp.positions = positions;
        gp.glyphIterator = { cur, index: 0, peek: () => next, peekIndex: (n = 1) => n };
        for (const l of lookups) for (const s of l.subTables) if (gp.applyLookup(l.lookupType, s)) break;
        const [a, b] = positions.map(deltas);
        if (b.every((v) => v === 0) && a[1] === 0 && a[2] === 0 && a[3] === 0) {
          if (a[0] !== 0) x.push(g1, g2, a[0]);
        } else full.push(g1, g2, ...a, ...b);
      }
    }
  } finally {
    gp.glyphIterator = saved.it;
    gp.positions = saved.positions;
  }
  return { x, full };
}

/**
 * The table against fontkit's layout without shortcuts (the features as pdfkit asks for them): every
 * character, every ligature in context, random Latin words, and random words mixed with CJK
 * characters the table may take (a fixed seed).
 */
function checkTable(font: FullFont, data: LatinShapingData, key: FeatureKey, words: number): void {
  const shaper = new LatinRunShaper(data, key);
  const t = data.features[key];
  const chars = [...t.chars];
  const common = chars.filter((c) => !Object.values(t.scripts).some((s) => s.includes(c)));
  let seed = 17;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const pick = <T>(xs: T[]) => xs[next() % xs.length];
  // CJK characters no script's runs find busy: all symbols and punctuation, some ideographs
  const busy = new Set(Object.values(t.runs).flatMap((r) => r.busy));
  const cjk: string[] = [];
  for (const [a, b] of CJK_RANGES)
    for (let c = a; c <= b; c++) {
      const g = font.glyphForCodePoint(c).id;
      if (g && !busy.has(g) && (c < 0x3400 || c >= 0xff00 || c % 97 === 0)) cjk.push(String.fromCharCode(c));
    }
  const texts = [...chars];
  for (const run of Object.values(t.runs))
    for (const r of run.ligatures.flat()) texts.push(r.seq, r.seq + r.seq, pick(chars) + r.seq + pick(chars) + r.seq.slice(1), ...(cjk.length ? [pick(cjk) + r.seq + pick(cjk)] : []));
  for (let i = 0; i < words; i++) {
    const from = i % 3 === 0 ? common : chars;
    let w = '';
    for (let n = 2 + (next() % 9); n > 0; n--) w += cjk.length && i % 2 && next() % 3 === 0 ? pick(cjk) : pick(from);
    texts.push(w);
  }
  const mixingScripts = new Set(Object.entries(t.runs).filter(([, r]) => r.mixing).map(([tag]) => tag));
  for (const text of texts) {
    const mine = shaper.layout(font, text);
    const theirs = font.layout(text, key ? [key] : undefined);
    if (!mine) {
      // only a run with CJK characters whose script's runs cannot have them may be left to the shaper
      if ([...text].some((c) => isPlainCjk(c.charCodeAt(0))) && !mixingScripts.has(theirs.script)) continue;
      throw new NoTableError(`${font.postscriptName}${key ? ` (${key})` : ''}: the table leaves ${JSON.stringify(text)} to the shaper`);
    }
    const same =
      mine.glyphs.length === theirs.glyphs.length &&
      mine.glyphs.every((g, i) => g.id === theirs.glyphs[i].id && g.codePoints.join() === theirs.glyphs[i].codePoints.join()) &&
      mine.positions.every((p, i) => deltas(p).join() === deltas(theirs.positions[i]).join());
    if (!same) throw new NoTableError(`${font.postscriptName}${key ? ` (${key})` : ''}: the table shapes ${JSON.stringify(text)} unlike fontkit`);
  }
}
