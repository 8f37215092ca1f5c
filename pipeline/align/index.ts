// The alignment stage: a Chinese source and the publisher's English (a parallel document, or the English
// paragraphs of a bilingual source) → sentence pairs keyed by the source's segment ids, each with a score;
// those under the threshold are dropped and reported, never kept.
import type { SourceDoc, Person } from '../model.js';
import type { TermMatcher } from '../glossary/match.js';
import type { TmUnit } from '../localize/tm.js';
import { docSegments } from '../ingest/walk.js';
import { segmentId } from '../ingest/segment.js';
import { romanizeName } from '../localize/romanize.js';
import { alignTexts, type AlignedPair, type AlignResult } from './aligner.js';
import { alignmentSides } from './texts.js';
import { alignedParts, type AlignedPart } from './parts.js';

/**
 * Pairs scoring below this are dropped. Chosen on the hand-checked pairs (tests/align/gold/): the lowest
 * threshold at which the kept pairs are at least 95 % right with a margin (README, "Alignment").
 */
export const KEEP_THRESHOLD = 0.8;

export interface DocAlignment {
  /** Where the English came from. */
  english: 'parallel' | 'bilingual';
  kept: AlignedPair[];
  /** Pairs under the threshold, and 2–1 pairs (one English sentence for two segments: no segment's own English). */
  dropped: AlignedPair[];
  /** Parts of kept pairs' sentences whose English the pair gives verbatim (parts.ts): a label cut off, a quote, a bracket. */
  parts: AlignedPart[];
  result: AlignResult;
}

function persons(doc: SourceDoc): Person[] {
  const out: Person[] = [...doc.meta.authors];
  for (const v of docSegments(doc)) if (v.segment.speaker) out.push(v.segment.speaker);
  return out;
}

/** Personal names of the document (authors, speakers) with their pinyin, for the name anchors. */
function namesOf(doc: SourceDoc): { zh: string; romanized: string }[] {
  const seen = new Map<string, string>();
  for (const p of persons(doc)) {
    const zh = p.name.replace(/\s+/g, '');
    if (/^\p{Script=Han}{2,4}$/u.test(zh) && !seen.has(zh)) seen.set(zh, romanizeName(zh));
  }
  return [...seen].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([zh, romanized]) => ({ zh, romanized }));
}

export interface AlignDocOptions {
  /** The parallel English document, ingested; without it the source must be bilingual. */
  englishDoc?: SourceDoc;
  matcher?: TermMatcher;
  threshold?: number;
}

/** Align a source with its English; undefined when there is no English to align with. */
export function alignDocument(doc: SourceDoc, opts: AlignDocOptions = {}): DocAlignment | undefined {
  const sides = alignmentSides(doc, opts.englishDoc);
  if (!sides) return undefined;
  const result = alignTexts({ zh: sides.zh, en: sides.en, anchors: { matcher: opts.matcher, names: namesOf(doc) } });
  const threshold = opts.threshold ?? KEEP_THRESHOLD;
  const kept = result.pairs.filter((p) => p.score >= threshold && p.zh.length === 1);
  return {
    english: sides.english,
    kept,
    dropped: result.pairs.filter((p) => p.score < threshold || p.zh.length !== 1),
    parts: alignedParts(kept),
    result,
  };
}

/**
 * The kept pairs as drafts for en.xlf: state translated, origin `alignment`, the pair's score; then the
 * parts, keyed like a brief keys a part it shows (segmentId of its text), unless a whole segment reads
 * the same (its own pair wins).
 */
export function alignmentDrafts(a: DocAlignment): TmUnit[] {
  const out: TmUnit[] = a.kept.map((p) => ({ id: p.zh[0].id, source: p.zh[0].text, target: p.en.join(' '), state: 'translated' as const, origin: 'alignment', score: p.score }));
  const ids = new Set(out.map((u) => u.id));
  for (const part of a.parts) {
    const id = segmentId(part.zh);
    if (ids.has(id)) continue;
    ids.add(id);
    out.push({ id, source: part.zh, target: part.en, state: 'translated', origin: 'alignment', score: part.score });
  }
  return out;
}

/** Whether a segment has a kept pair: what selection prefers when the source has its publisher's English. */
export function keptEnglish(a: DocAlignment): (segmentId: string) => boolean {
  const ids = new Set(a.kept.map((p) => p.zh[0].id));
  return (id) => ids.has(id);
}
