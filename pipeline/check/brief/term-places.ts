// Where a key term stands in the document's text.
import type { Place, Segment, SourceDoc } from '../../model.js';
import { docSegments } from '../../ingest/walk.js';

export interface Occurrence {
  segment: Segment;
  /** UTF-16 offset of the term in the segment's text. */
  at: number;
}

/** Where the text occurs in the document's content (the title aside). */
export function* occurrences(doc: SourceDoc, text: string): Generator<Occurrence> {
  if (!text) return;
  for (const v of docSegments(doc)) {
    if (v.role === 'title') continue;
    const s = v.segment.text;
    for (let i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length)) yield { segment: v.segment, at: i };
  }
}

/** The place of the segment the text first occurs in (undefined when it does not). */
export function firstPlace(doc: SourceDoc, text: string): Place | undefined {
  for (const o of occurrences(doc, text)) return o.segment.place;
  return undefined;
}
