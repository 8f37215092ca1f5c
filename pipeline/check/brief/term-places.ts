// Where a key term stands in the document's text.
import type { Place, Segment, SourceDoc } from '../../model.js';
import { docSegments } from '../../ingest/walk.js';

export interface Occurrence {
  segment: Segment;
  /** UTF-16 offset of the term in the segment's text. */
  at: number;
}

const contentOf = new WeakMap<SourceDoc, Segment[]>();

/** The document's segments in reading order, the title aside; walked once per doc (every key term of a brief asks). */
function contentSegments(doc: SourceDoc): Segment[] {
  let segs = contentOf.get(doc);
  if (!segs) {
    segs = [];
    for (const v of docSegments(doc)) if (v.role !== 'title') segs.push(v.segment);
    contentOf.set(doc, segs);
  }
  return segs;
}

/** Where the text occurs in the document's content (the title aside). */
export function* occurrences(doc: SourceDoc, text: string): Generator<Occurrence> {
  if (!text) return;
  for (const segment of contentSegments(doc)) {
    const s = segment.text;
    for (let i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length)) yield { segment, at: i };
  }
}

/** The place of the segment the text first occurs in (undefined when it does not). */
export function firstPlace(doc: SourceDoc, text: string): Place | undefined {
  for (const o of occurrences(doc, text)) return o.segment.place;
  return undefined;
}
