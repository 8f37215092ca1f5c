// A rule that judges each item's text on its own: a test that says what is wrong, or nothing.
import type { Severity } from '../../diagnostics.js';
import { itemDiagnostic, locatedItems, type BriefRule } from './types.js';

export function itemTextRule(id: string, description: string, severity: Severity, test: (text: string) => string | undefined): BriefRule {
  const rule: BriefRule = {
    id,
    description,
    severity,
    check(brief, doc, ctx) {
      return locatedItems(brief, doc).flatMap((at) => {
        const why = test(at.item.text.trim());
        return why ? [itemDiagnostic(rule, ctx, at, why)] : [];
      });
    },
  };
  return rule;
}

/** The text without closing quotation marks and brackets at its end. */
export function withoutClosers(text: string): string {
  return text.replace(/[”’」』）)】》\s]+$/u, '');
}
