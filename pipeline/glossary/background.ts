// How specific a glossary entry is to one document: its document frequency over a background of
// documents (the project's corpus/ and sources/), as in tf-idf. 俄罗斯 or 欧洲 occur in many documents and
// explain little in any; 安全承诺 occurs in few, and where it occurs it is what the document is about.
// The background is measured by `measureBackground` and shipped in background-data.ts (regenerate it
// with `npx tsx scripts/…` as written there when the corpus or the glossary changes much); an entry the
// background has not seen counts as specific.
import type { TermMatcher } from './match.js';
import { documentScope } from './scope.js';
import { BACKGROUND } from './background-data.js';

export interface Background {
  /** Documents measured. */
  docs: number;
  /** Documents each entry occurs in (entries in no document left out), by term id. */
  df: Record<string, number>;
}

/** Document frequency of every entry over the given documents (each a list of texts), within each document's scope. */
export function measureBackground(docs: { texts: string[] }[], matcher: TermMatcher): Background {
  const df: Record<string, number> = {};
  for (const d of docs) {
    const scoped = documentScope(matcher, d.texts).matcher;
    const seen = new Set<string>();
    for (const t of d.texts) for (const m of scoped.find(t, 'zh-Hans')) if (m.kind !== 'forbidden') seen.add(m.term.id);
    for (const id of seen) df[id] = (df[id] ?? 0) + 1;
  }
  const sorted: Record<string, number> = {};
  for (const id of Object.keys(df).sort()) sorted[id] = df[id];
  return { docs: docs.length, df: sorted };
}

/** Entries in at most this share of the background's documents count as fully specific. */
export const SPECIFIC_SHARE = 0.1;

/**
 * How specific an entry is, from 0.5 (in every document of the background) to 1 (in at most a tenth
 * of them, or unseen): 0.5 + 0.5 × idf / idf at a tenth, idf = ln((N + 1) / (df + 1)). A small
 * background cannot tell one document in twenty from two: only common entries are weighed down.
 */
export function specificity(termId: string, bg: Background = BACKGROUND): number {
  if (bg.docs < 2) return 1;
  const df = bg.df[termId] ?? 0;
  const idf = (n: number) => Math.log((bg.docs + 1) / (n + 1));
  const specific = Math.max(1, Math.round(SPECIFIC_SHARE * bg.docs));
  return 0.5 + 0.5 * Math.min(1, idf(df) / idf(specific));
}
