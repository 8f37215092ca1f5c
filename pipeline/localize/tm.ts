// Translation memory: the English of one source, kept in sources/<slug>/en.xlf (XLIFF 2.0), keyed by
// segment id. A changed source sentence has a new id; its old translation is then offered as a *fuzzy*
// match with the previous source text, never reused silently.
//
// A *draft* is a unit in state `translated` with an origin (`alignment`, `mt:<engine>/<model>`): English
// nobody has reviewed. Drafts are merged in by mergeDraftUnits, which never lets one replace a person's work.
import { parseXliff, writeXliff20, type XliffState, type XliffUnit } from './xliff.js';

export interface TmUnit {
  id: string;
  source: string;
  target: string;
  state: XliffState;
  /** Set on drafts: `alignment` or `mt:<engine>/<model>`. */
  origin?: string;
  /** The aligner's or engine's confidence (0–1), when it gave one. */
  score?: number;
}

/** Whether a unit is a draft: translated (not reviewed) English from alignment or an engine. */
export function isDraft(u: Pick<TmUnit, 'state' | 'origin' | 'target'>): boolean {
  return u.state === 'translated' && Boolean(u.origin) && u.target.trim() !== '';
}

/** States whose translation is usable at all (as an exact match if accepted, or as a fuzzy suggestion). */
export const USABLE_STATES: readonly XliffState[] = ['translated', 'reviewed', 'final'];
/** States a build accepts as the English of a segment, unless told otherwise. */
export const DEFAULT_ACCEPT: readonly XliffState[] = ['reviewed', 'final'];
/** Minimum character-bigram Dice similarity for a fuzzy match. */
export const FUZZY_THRESHOLD = 0.7;

export type Lookup =
  | { status: 'exact'; target: string; state: XliffState }
  | { status: 'fuzzy'; target: string; previousSource: string; previousId: string; score: number }
  | {
      status: 'missing';
      /** A translation exists for this id but in a state the build does not accept (e.g. translated, not reviewed). */
      draft?: { target: string; state: XliffState };
    };

export interface TmOptions {
  /** States accepted as exact matches (default: reviewed, final). */
  accept?: readonly XliffState[];
  threshold?: number;
}

/** Distinct character bigrams of a text, whitespace and punctuation ignored (a 1-char text is its own bigram). */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, ''));
  const set = new Set<string>();
  if (chars.length === 1) set.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i] + chars[i + 1]);
  return set;
}

/** Dice coefficient of two bigram sets. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

export class TranslationMemory {
  readonly units: ReadonlyMap<string, TmUnit>;
  readonly accept: ReadonlySet<XliffState>;
  readonly threshold: number;
  /** Usable units indexed by bigram, for fuzzy lookup. */
  private index?: { units: TmUnit[]; grams: Set<string>[]; byGram: Map<string, number[]> };

  constructor(units: Iterable<TmUnit>, opts: TmOptions = {}) {
    const map = new Map<string, TmUnit>();
    for (const u of units) map.set(u.id, u);
    this.units = map;
    this.accept = new Set(opts.accept ?? DEFAULT_ACCEPT);
    this.threshold = opts.threshold ?? FUZZY_THRESHOLD;
  }

  get size(): number {
    return this.units.size;
  }

  get(id: string): TmUnit | undefined {
    return this.units.get(id);
  }

  lookup(segment: { id: string; text: string }): Lookup {
    const u = this.units.get(segment.id);
    if (u && u.target.trim() !== '') {
      if (this.accept.has(u.state)) return { status: 'exact', target: u.target, state: u.state };
      if (USABLE_STATES.includes(u.state)) return { status: 'missing', draft: { target: u.target, state: u.state } };
    }
    if (u) return { status: 'missing' };
    const best = this.bestFuzzy(segment.text, segment.id);
    if (best) return { status: 'fuzzy', target: best.unit.target, previousSource: best.unit.source, previousId: best.unit.id, score: best.score };
    return { status: 'missing' };
  }

  /** The most similar usable unit (Dice ≥ threshold), ties broken by id; undefined when none. */
  bestFuzzy(text: string, excludeId?: string): { unit: TmUnit; score: number } | undefined {
    const idx = this.buildIndex();
    const grams = bigrams(text);
    if (grams.size === 0) return undefined;
    const counts = new Map<number, number>();
    for (const g of grams) {
      const list = idx.byGram.get(g);
      if (list) for (const i of list) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    let best: { unit: TmUnit; score: number } | undefined;
    for (const [i, common] of counts) {
      const unit = idx.units[i];
      if (unit.id === excludeId) continue;
      const score = (2 * common) / (grams.size + idx.grams[i].size);
      if (score < this.threshold) continue;
      if (!best || score > best.score || (score === best.score && unit.id < best.unit.id)) best = { unit, score };
    }
    return best ? { unit: best.unit, score: Math.round(best.score * 1000) / 1000 } : undefined;
  }

  private buildIndex() {
    if (this.index) return this.index;
    const units = [...this.units.values()].filter((u) => USABLE_STATES.includes(u.state) && u.target.trim() !== '');
    const grams = units.map((u) => bigrams(u.source));
    const byGram = new Map<string, number[]>();
    grams.forEach((set, i) => {
      for (const g of set) {
        const list = byGram.get(g);
        if (list) list.push(i);
        else byGram.set(g, [i]);
      }
    });
    this.index = { units, grams, byGram };
    return this.index;
  }
}

export function tmUnitFromXliff(u: XliffUnit): TmUnit {
  const out: TmUnit = { id: u.id, source: u.source, target: u.target ?? '', state: u.state };
  if (u.origin) out.origin = u.origin;
  if (u.score !== undefined) out.score = u.score;
  return out;
}

/** Parse sources/<slug>/en.xlf. Throws a located UserError when it is malformed. */
export function parseTm(text: string, file = 'en.xlf', opts: TmOptions = {}): TranslationMemory {
  const doc = parseXliff(text, file);
  const units: TmUnit[] = [];
  for (const f of doc.files) for (const u of f.units) units.push(tmUnitFromXliff(u));
  return new TranslationMemory(units, opts);
}

export function emptyTm(opts: TmOptions = {}): TranslationMemory {
  return new TranslationMemory([], opts);
}

/** en.xlf text for a TM (units in the order given). */
export function writeTm(slug: string, units: Iterable<TmUnit>): string {
  return writeXliff20(
    slug,
    [...units].map((u) => ({
      id: u.id,
      source: u.source,
      target: u.target === '' ? undefined : u.target,
      state: u.state,
      ...(u.origin ? { origin: u.origin } : {}),
      ...(u.origin && u.score !== undefined ? { score: u.score } : {}),
    })),
  );
}

export interface DraftMerge {
  /** The merged units: the existing ones in their order (drafts replaced in place), then new drafts. */
  units: TmUnit[];
  added: string[];
  replaced: string[];
  /** Drafts not taken: the unit already has English a person wrote or reviewed. */
  kept: string[];
}

/**
 * Merge drafts into a TM's units. A draft fills a unit that has no English, and replaces an older
 * draft; it never replaces reviewed or final English, nor a translation without an origin (a
 * translator's, awaiting review). Every existing unit is kept.
 */
export function mergeDraftUnits(existing: Iterable<TmUnit>, drafts: Iterable<TmUnit>): DraftMerge {
  const merged = new Map<string, TmUnit>();
  for (const u of existing) merged.set(u.id, u);
  const res: DraftMerge = { units: [], added: [], replaced: [], kept: [] };
  for (const d of drafts) {
    if (!d.origin || d.target.trim() === '') throw new Error(`mergeDraftUnits: unit ${d.id} is not a draft (an origin and a target are required)`);
    const draft: TmUnit = { id: d.id, source: d.source, target: d.target.trim(), state: 'translated', origin: d.origin };
    if (d.score !== undefined && Number.isFinite(d.score)) draft.score = d.score;
    const prev = merged.get(d.id);
    if (!prev || prev.target.trim() === '') res.added.push(d.id);
    else if (isDraft(prev)) {
      if (prev.target === draft.target && prev.origin === draft.origin && prev.score === draft.score && prev.source === draft.source) continue;
      res.replaced.push(d.id);
    } else {
      res.kept.push(d.id);
      continue;
    }
    merged.set(d.id, draft);
  }
  res.units = [...merged.values()];
  return res;
}
