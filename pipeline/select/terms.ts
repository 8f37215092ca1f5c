// Glossary terms in the text: which entries occur where, and which matter most in this document.
import type { BriefTerm, Term } from '../model.js';

export interface TermHit {
  term: Term;
  start: number;
  end: number;
}

/** Finds glossary terms in zh-Hans text. */
export type TermFinder = (text: string) => TermHit[];

export interface TermStat {
  term: Term;
  /** Occurrences in content sentences. */
  count: number;
  /** Occurrences in headings and the title. */
  headingCount: number;
  /** Distinct top-level sections it occurs in. */
  spread: number;
  /** Occurrences in the items chosen for the brief. */
  inBrief: number;
  /** Index of the first occurrence in reading order. */
  first: number;
  score: number;
}

const CATEGORY_WEIGHT: Record<string, number> = {
  concept: 1.3,
  document: 1.1,
  event: 1.1,
  organisation: 0.9,
  person: 0.7,
  place: 0.5,
  other: 0.9,
};

/**
 * Score of a term for the key-terms box: occurrences (log-damped) × how widely they spread over the
 * sections × a category weight (concepts are what a reader needs explained; place names rarely are),
 * plus a bonus for headings and for appearing in the brief's own items.
 */
export function scoreTerm(s: Omit<TermStat, 'score'>, sections: number): number {
  const occ = Math.log2(1 + s.count + 2 * s.headingCount);
  const spread = sections > 0 ? 0.5 + 0.5 * Math.min(1, s.spread / Math.max(1, Math.min(sections, 4))) : 1;
  const cat = CATEGORY_WEIGHT[s.term.category] ?? 1;
  return occ * spread * cat + 0.5 * Math.min(3, s.inBrief);
}

/** People and places: named in the key-terms box only when concepts, organisations, events and documents run out. */
const LAST_RESORT = new Set(['person', 'place']);

/**
 * The key terms: concepts, organisations, events, documents (and other) by score; people and places by
 * score after them, to fill what is left, three at most. A reader needs 安全困境 or 北约 explained, not a
 * country name.
 */
export function chooseTerms(stats: TermStat[], max = 8, maxLastResort = 3): BriefTerm[] {
  const tier = (s: TermStat) => (LAST_RESORT.has(s.term.category) ? 1 : 0);
  const ranked = stats
    .filter((s) => s.count + s.headingCount > 0)
    .sort((a, b) => tier(a) - tier(b) || b.score - a.score || a.first - b.first || (a.term.id < b.term.id ? -1 : 1));
  // a few names at most: a box of country names explains nothing
  const concepts = ranked.filter((s) => tier(s) === 0);
  const names = ranked.filter((s) => tier(s) === 1).slice(0, maxLastResort);
  return [...concepts, ...names].slice(0, max).map((s) => ({ termId: s.term.id, text: s.term['zh-Hans'], en: s.term.en }));
}
