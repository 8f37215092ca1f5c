import type { Diagnostic } from '../../diagnostics.js';
import { itemDiagnostic, locatedItems, type BriefRule, type LocatedItem } from './types.js';
import { allSections } from '../../ingest/walk.js';

/** The words of an item, without punctuation, spaces and a cut mark: what a reader compares. */
function words(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * No item twice: the same text, the same source segments, or one item's text inside another's (a
 * shortened sentence next to the whole of it). A heading shown as an item (a law's chapter subject,
 * 个人信息处理者的义务) names a topic that its sentences repeat: it is not repeated by them.
 */
export const duplicate: BriefRule = {
  id: 'brief:duplicate',
  description: 'no item appears twice (same text, same source segments, or inside another item)',
  severity: 'error',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    const seen: { at: LocatedItem; w: string; ids: string; heading: boolean }[] = [];
    const headings = new Set<string>();
    for (const s of allSections(doc.sections)) if (s.headingSegment) headings.add(s.headingSegment.id);
    for (const at of locatedItems(brief, doc)) {
      const w = words(at.item.text);
      const ids = at.item.segmentIds.join(' ');
      const heading = at.item.segmentIds.length > 0 && at.item.segmentIds.every((id) => headings.has(id));
      const first = seen.find(
        (s) =>
          (ids && s.ids === ids) ||
          (w.length > 0 && s.w === w) ||
          (heading === s.heading && Math.min(w.length, s.w.length) >= 10 && (s.w.includes(w) || w.includes(s.w))),
      );
      if (first)
        out.push(
          itemDiagnostic(this, ctx, at, `the item repeats ${first.at.slot} item ${first.at.index + 1}`, {
            expected: [first.at.item.text],
            data: { repeats: { slot: first.at.slot, item: first.at.index + 1 } },
          }),
        );
      else seen.push({ at, w, ids, heading });
    }
    return out;
  },
};
