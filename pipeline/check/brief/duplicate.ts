import type { Diagnostic } from '../../diagnostics.js';
import { itemDiagnostic, locatedItems, type BriefRule, type LocatedItem } from './types.js';

/** The words of an item, without punctuation, spaces and a cut mark: what a reader compares. */
function words(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * No item twice: the same text, the same source segments, or one item's text inside another's (a
 * shortened sentence next to the whole of it).
 */
export const duplicate: BriefRule = {
  id: 'brief:duplicate',
  description: 'no item appears twice (same text, same source segments, or inside another item)',
  severity: 'error',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    const seen: { at: LocatedItem; w: string; ids: string }[] = [];
    for (const at of locatedItems(brief, doc)) {
      const w = words(at.item.text);
      const ids = at.item.segmentIds.join(' ');
      const first = seen.find(
        (s) =>
          (ids && s.ids === ids) ||
          (w.length > 0 && s.w === w) ||
          (Math.min(w.length, s.w.length) >= 10 && (s.w.includes(w) || w.includes(s.w))),
      );
      if (first)
        out.push(
          itemDiagnostic(this, ctx, at, `the item repeats ${first.at.slot} item ${first.at.index + 1}`, {
            expected: [first.at.item.text],
            data: { repeats: { slot: first.at.slot, item: first.at.index + 1 } },
          }),
        );
      else seen.push({ at, w, ids });
    }
    return out;
  },
};
