import type { Diagnostic } from '../../diagnostics.js';
import { briefDiagnostic, type BriefRule } from './types.js';
import { firstPlace } from './term-places.js';
import { GENERIC_TERMS } from '../../glossary/generic.js';

export { GENERIC_TERMS };

/** No generic entry (a country, a leader) in the key-terms table. */
export const genericTerm: BriefRule = {
  id: 'brief:generic-term',
  description: 'no generic entry (country or leader names such as 中国, 美国, 习近平) in the key-terms table',
  severity: 'warning',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    for (const t of brief.terms)
      if (GENERIC_TERMS.has(t.text.trim()))
        out.push(
          briefDiagnostic(this, ctx, firstPlace(doc, t.text), `“${t.text}” is too generic for the key-terms table`, {
            actual: t.text,
            data: { termId: t.termId },
          }),
        );
    return out;
  },
};
