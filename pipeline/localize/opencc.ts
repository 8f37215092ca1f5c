// OpenCC (opencc-js) conversion with each text's own dictionaries.
//
// opencc-js builds a trie of every dictionary entry before converting anything: for zh-Hans → zh-Hant
// that is some 53,000 entries, 160–230 ms and ~36 MB of Map nodes in a cold process (and as much again
// in garbage collection), while a brief uses a few hundred of them. Here the dictionaries are only
// indexed (by their first two characters), and each conversion builds opencc-js's own Trie from the
// entries that occur in its text, then lets that Trie convert it. The entries come grouped by first
// character from dist/data/ (scripts/opencc-data.mjs, at install time), a group read when a text
// first needs it; without that file, opencc-js's dictionaries are loaded and indexed whole.
//
// Why the output is the same: opencc-js converts by longest match at each position; any entry that
// can match at a position of the text occurs in the text, so it is in the narrowed trie, with the
// same precedence between entries of equal keys (earlier dictionaries of a group win, as in
// Trie.loadDictGroup). The conversion follows opencc-js's own plan for the pair (conversionPlan):
// normalize the whole text, cut it into segments by longest match, then convert each segment stage by
// stage (phrases and characters, then Taiwan or Hong Kong variants), each stage's trie narrowed to the
// text it receives. OpenCC's own test cases are checked against it in tests/localize/hant.test.ts, and
// random phrase-dense texts against opencc-js in tests/localize/opencc.test.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { base64OfUint32s, installedDataFile, uint32sOfBase64 } from '../data-files.js';
import { packageVersion } from '../packages.js';
// the trie alone (no dictionaries): opencc-js's core module
import { Trie } from 'opencc-js/core';

export type OpenCCVariant = 'tw' | 'hk';

type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
interface TrieLike {
  addWord(source: string, replacement: string): void;
  convert(text: string): string;
  segment(text: string): string[];
}
/** How opencc-js converts cn → a variant when it has a config for it: normalize, segment, convert each segment. */
interface ConversionConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictGroup;
  conversionChain: readonly DictGroup[];
}
interface OpenCCModule {
  Locale: { from: Record<string, readonly DictGroup[]>; to: Record<string, readonly DictGroup[]>; configs?: Record<string, ConversionConfig> };
}

// OpenCC's dictionaries (1 MB) load only when there is no install-time data (see stagesFor).
let opencc: OpenCCModule | undefined;
function openccModule(): OpenCCModule {
  opencc ??= createRequire(import.meta.url)('opencc-js/cn2t') as OpenCCModule;
  return opencc;
}

interface Entry {
  key: string;
  value: string;
  /** Order in which Trie.loadDictGroup would add it among entries of its first code point (the last added wins). */
  rank: number;
}

/**
 * Entries of one stage by the first code point of their key, then by the UTF-16 unit after it
 * (single-character keys under -1): a text position is checked against a handful of entries.
 * Built whole from opencc-js's dictionaries, or a first code point at a time from `groups`: the
 * same entries, "key value|key value|…" in load order, written at install time (see readData).
 */
interface StageIndex {
  byFirst: Map<number, BySecond>;
  groups?: GroupFile;
}

/** A first code point's entries by the UTF-16 unit after it (-1: single-character keys). */
interface BySecond {
  get(second: number): Entry[] | undefined;
}

/**
 * One first code point's group from the install-time data ("key value|…" in load order), its entries
 * made only for the units after it that a text asks for: a text needs a few of a group's hundreds.
 */
class LazyGroup implements BySecond {
  /** By the unit after the first code point: flat [key start, space, end, rank] of its entries. */
  private readonly spans = new Map<number, number[]>();
  private readonly made = new Map<number, Entry[]>();

  constructor(private readonly text: string) {
    let rank = 0;
    eachSpan(text, (start, space, end) => {
      const rest = text.codePointAt(start)! > 0xffff ? 2 : 1;
      const second = space - start > rest ? text.charCodeAt(start + rest) : -1;
      let list = this.spans.get(second);
      if (!list) this.spans.set(second, (list = []));
      list.push(start, space, end, rank++);
    });
  }

  get(second: number): Entry[] | undefined {
    let entries = this.made.get(second);
    if (entries) return entries;
    const list = this.spans.get(second);
    if (!list) return undefined;
    entries = [];
    for (let k = 0; k < list.length; k += 4) entries.push({ key: this.text.slice(list[k], list[k + 1]), value: this.text.slice(list[k + 1] + 1, list[k + 2]), rank: list[k + 3] });
    this.made.set(second, entries);
    return entries;
  }
}

/**
 * A stage's groups in the install-time data: the first code points in order, and where each group's
 * "key value|…" text lies in the data file (UTF-8), read only for the groups a text needs.
 */
class GroupFile {
  constructor(
    private readonly firsts: Uint32Array,
    private readonly offsets: Uint32Array,
    private readonly bytes: Buffer,
  ) {}

  /** The group of entries whose keys start with code point `cp`, if any. */
  get(cp: number): string | undefined {
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = this.firsts[mid];
      if (f === cp) return this.bytes.toString('utf8', this.offsets[mid], this.offsets[mid + 1]);
      if (f < cp) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

/**
 * The install-time data of a conversion's stages, for scripts/opencc-data.mjs: each stage's groups
 * ("key value|…" by first code point) as an index (JSON) and their texts one after another (UTF-8).
 */
export function packGroups(stageGroups: readonly Record<string, string>[]): { stages: OpenccData['stages']; bytes: Buffer } {
  const parts: Buffer[] = [];
  let at = 0;
  const stages = stageGroups.map((groups) => {
    const firsts = Object.keys(groups)
      .map((k) => k.codePointAt(0)!)
      .sort((a, b) => a - b);
    const offsets: number[] = [];
    for (const cp of firsts) {
      offsets.push(at);
      const b = Buffer.from(groups[String.fromCodePoint(cp)], 'utf8');
      parts.push(b);
      at += b.length;
    }
    offsets.push(at);
    return { firsts: base64OfUint32s(firsts), offsets: base64OfUint32s(offsets) };
  });
  return { stages, bytes: Buffer.concat(parts) };
}

function addEntry(byFirst: Map<number, Map<number, Entry[]>>, key: string, value: string, rank: number): void {
  if (!key) return;
  const cp = key.codePointAt(0)!;
  const rest = cp > 0xffff ? 2 : 1;
  const next = key.length > rest ? key.charCodeAt(rest) : -1;
  let bySecond = byFirst.get(cp);
  if (!bySecond) byFirst.set(cp, (bySecond = new Map()));
  const list = bySecond.get(next);
  const entry = { key, value, rank };
  if (list) list.push(entry);
  else bySecond.set(next, [entry]);
}

/**
 * Calls `at(start, space, end)` for each "key value" of a "key value|key value|…" string: the key is
 * [start, space), the value (all after the first space) [space + 1, end).
 */
function eachSpan(dict: string, at: (start: number, space: number, end: number) => void): void {
  let start = 0;
  while (start < dict.length) {
    let end = dict.indexOf('|', start);
    if (end < 0) end = dict.length;
    const space = dict.indexOf(' ', start);
    if (space < 0 || space > end) throw new TypeError(`OpenCC dictionary entry without a replacement: "${dict.slice(start, end)}"`);
    at(start, space, end);
    start = end + 1;
  }
}

/** Calls `add(key, value)` for each "key value" of a "key value|key value|…" string. */
function eachEntry(dict: string, add: (key: string, value: string) => void): void {
  eachSpan(dict, (start, space, end) => add(dict.slice(start, space), dict.slice(space + 1, end)));
}

/** Each entry of a dictionary group in the order Trie.loadDictGroup adds them (the last added wins). */
export function groupEntries(group: DictGroup, add: (key: string, value: string) => void): void {
  // loadDictGroup loads the dictionaries last to first, so that the first one's entries win
  for (const dict of [...group].reverse()) {
    if (typeof dict === 'string') eachEntry(dict, add);
    else for (const [key, value] of dict) add(key, value);
  }
}

/** Index a dictionary group whole. */
function indexGroup(group: DictGroup): StageIndex {
  const byFirst = new Map<number, Map<number, Entry[]>>();
  let rank = 0;
  groupEntries(group, (key, value) => addEntry(byFirst, key, value, rank++));
  return { byFirst };
}

/** No entries start with this code point (remembered, so the group is looked up once). */
const NONE: BySecond = new Map<number, Entry[]>();

/** The entries of a stage whose keys start with code point `cp`, by the unit after it. */
function entriesAt(stage: StageIndex, cp: number): BySecond | undefined {
  const hit = stage.byFirst.get(cp);
  if (hit || !stage.groups) return hit;
  const group = stage.groups.get(cp);
  const entries = group === undefined ? NONE : new LazyGroup(group);
  stage.byFirst.set(cp, entries);
  return entries;
}

/** opencc-js's Trie holding the entries of `stage` that occur in `text`, added in load order. */
function narrowedTrie(stage: StageIndex, text: string): TrieLike {
  const found: Entry[] = [];
  const seen = new Set<Entry>();
  const take = (list: Entry[] | undefined, i: number) => {
    if (list) for (const e of list) if (!seen.has(e) && text.startsWith(e.key, i)) {
      seen.add(e);
      found.push(e);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const bySecond = entriesAt(stage, cp);
    if (!bySecond) continue;
    const after = i + (cp > 0xffff ? 2 : 1);
    take(bySecond.get(-1), i);
    if (after < text.length) take(bySecond.get(text.charCodeAt(after)), i);
  }
  // Entries of one key share its first code point, so their ranks order them as loadDictGroup
  // would; entries of different keys never meet in the trie, whatever their order.
  found.sort((a, b) => a.rank - b.rank);
  const trie = new Trie();
  for (const e of found) trie.addWord(e.key, e.value);
  return trie;
}

/**
 * The stages' entries grouped by first code point, as scripts/opencc-data.mjs writes them: this index
 * (opencc-cn-<variant>.json) and the groups' texts (opencc-cn-<variant>.dat).
 */
export interface OpenccData {
  /** opencc-js version the data was made from. */
  opencc: string;
  /** How many of the stages normalize, and whether one segments after them (the rest convert). */
  plan: { normalization: number; segmentation: boolean };
  /** Per stage: the first code points in order, and the n + 1 byte offsets of their groups (base64 of little-endian uint32s). */
  stages: { firsts: string; offsets: string }[];
  /** Length of the .dat file. */
  bytes: number;
}

interface Stages {
  normalization: StageIndex[];
  segmentation?: StageIndex;
  conversion: StageIndex[];
}

/** Stages in plan order (normalization, segmentation, conversion) split by the plan's counts. */
function splitStages(all: StageIndex[], plan: OpenccData['plan']): Stages {
  const n = plan.normalization;
  return {
    normalization: all.slice(0, n),
    ...(plan.segmentation ? { segmentation: all[n] } : {}),
    conversion: all.slice(n + (plan.segmentation ? 1 : 0)),
  };
}

/** The installed opencc-js's version. */
export function openccVersion(): string {
  return packageVersion(createRequire(import.meta.url), 'opencc-js') ?? 'unknown';
}

/** The install-time data for a variant, if it is there and made from the installed opencc-js. */
function readData(variant: OpenCCVariant): { plan: OpenccData['plan']; stages: GroupFile[] } | undefined {
  const file = installedDataFile(`opencc-cn-${variant}.json`);
  if (!file) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as OpenccData;
    if (data.opencc !== openccVersion() || !Array.isArray(data.stages) || !data.plan || typeof data.plan.normalization !== 'number') return undefined;
    // the groups' texts: read as bytes, a group decoded when a text needs it
    const bytes = readFileSync(file.replace(/\.json$/, '.dat'));
    if (bytes.length !== data.bytes) return undefined;
    return { plan: data.plan, stages: data.stages.map((st) => new GroupFile(uint32sOfBase64(st.firsts), uint32sOfBase64(st.offsets), bytes)) };
  } catch {
    return undefined;
  }
}

const stages = new Map<string, Stages>();

/**
 * The stages of a conversion: from the install-time data if there is some (a JSON read, no
 * dictionary loaded or indexed), else indexed from opencc-js's dictionaries. `source` forces one (tests).
 */
function stagesFor(variant: OpenCCVariant, source?: 'data' | 'dictionaries'): Stages {
  const k = `${variant}|${source ?? ''}`;
  let s = stages.get(k);
  if (!s) {
    const data = source === 'dictionaries' ? undefined : readData(variant);
    if (data) s = splitStages(data.stages.map((groups): StageIndex => ({ byFirst: new Map(), groups })), data.plan);
    else if (source === 'data') throw new Error(`no OpenCC data for ${variant} (scripts/opencc-data.mjs)`);
    else {
      const plan = conversionPlan(variant);
      s = splitStages(dictionaryGroups(variant).map(indexGroup), { normalization: plan.normalization.length, segmentation: !!plan.segmentation });
    }
    stages.set(k, s);
  }
  return s;
}

/**
 * How opencc-js's Converter({ from: 'cn', to: variant }) converts: with its config for the pair (1.4:
 * normalize the whole text, cut it into segments by longest match, convert each segment stage by
 * stage), else the groups of `from` then those of `to`, each over the whole text.
 */
export interface ConversionPlan {
  normalization: readonly DictGroup[];
  segmentation?: DictGroup;
  conversion: readonly DictGroup[];
}

export function conversionPlan(variant: OpenCCVariant): ConversionPlan {
  const { Locale } = openccModule();
  const config = Locale.configs?.[`s2${variant}`];
  if (config) return { normalization: config.normalizationChain ?? [], segmentation: config.segmentation, conversion: config.conversionChain };
  return { normalization: [], conversion: [...Locale.from.cn, ...Locale.to[variant]] };
}

/** The dictionary groups of a conversion, in the order of its plan (also for scripts/opencc-data.mjs): normalization, segmentation, conversion. */
export function dictionaryGroups(variant: OpenCCVariant): readonly DictGroup[] {
  const plan = conversionPlan(variant);
  return [...plan.normalization, ...(plan.segmentation ? [plan.segmentation] : []), ...plan.conversion];
}

/** zh-Hans → zh-Hant as opencc-js's Converter({ from: 'cn', to: variant }) converts it. */
export function openccConvert(variant: OpenCCVariant, text: string, source?: 'data' | 'dictionaries'): string {
  if (!text) return text;
  const { normalization, segmentation, conversion } = stagesFor(variant, source);
  let out = text;
  for (const stage of normalization) if (out) out = narrowedTrie(stage, out).convert(out);
  // each stage's trie holds the entries found anywhere in the text: a superset of any segment's
  let segments = segmentation && out ? narrowedTrie(segmentation, out).segment(out) : [out];
  for (const stage of conversion) {
    const trie = narrowedTrie(stage, segments.join(''));
    segments = segments.map((x) => (x ? trie.convert(x) : x));
  }
  return segments.join('');
}
