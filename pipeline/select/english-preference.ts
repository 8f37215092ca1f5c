// When a source comes with its publisher's English, a brief whose sentences have that English can be
// given in English without a translator. Among comparable candidates selection then prefers a sentence
// whose aligned English was kept: a tie-break, not a filter — a sentence without English loses a small
// fixed amount of score (about what a figure in it adds), so a clearly better sentence still wins and
// the Chinese brief stays the one the document calls for. Without the publisher's English nothing changes.
import type { Ranking } from './rank.js';

/** Score a candidate loses when the publisher's English has no kept sentence for it. */
export const NO_ENGLISH_PENALTY = 0.05;

/** The ranking with candidates that lack kept English lowered by NO_ENGLISH_PENALTY (same order of units). */
export function preferPublisherEnglish(ranking: Ranking, hasEnglish: (segmentId: string) => boolean): Ranking {
  return {
    ...ranking,
    ranked: ranking.ranked.map((r) =>
      hasEnglish(r.unit.segment.id) ? r : { ...r, score: r.score - NO_ENGLISH_PENALTY, prior: r.prior - NO_ENGLISH_PENALTY, priorReasons: [...r.priorReasons, `no publisher's English -${NO_ENGLISH_PENALTY.toFixed(2)}`] },
    ),
  };
}
