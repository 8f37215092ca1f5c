import { briefDiagnostic, type BriefRule } from './types.js';

/** A brief says something: at least one item in its slots (a title and key terms alone are no brief). */
export const empty: BriefRule = {
  id: 'brief:empty',
  description: 'the brief has at least one item',
  severity: 'warning',
  check(brief, doc, ctx) {
    if (brief.slots.some((s) => s.items.length > 0)) return [];
    return [briefDiagnostic(this, ctx, doc.titleSegments[0]?.place, 'the brief has no item: nothing was selected from the source')];
  },
};
