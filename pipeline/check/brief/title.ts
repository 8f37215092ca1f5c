import type { Diagnostic } from '../../diagnostics.js';
import type { SourceDoc } from '../../model.js';
import { briefDiagnostic, squash, type BriefRule } from './types.js';

/** What a brief's title may be: meta.yaml's short title, the document's title, or its title lines. */
export function titleForms(doc: SourceDoc): string[] {
  const forms = [doc.meta.shortTitle, doc.meta.title, doc.titleSegments.map((s) => s.text).join(''), doc.titleSegments.map((s) => s.text).join(' ')]
    .filter((t): t is string => !!t && !!t.trim())
    .map((t) => t.replace(/\s+/g, ' ').trim());
  return [...new Set(forms)];
}

/** The brief's title is the document's own title, never empty, never a sentence of its content. */
export const title: BriefRule = {
  id: 'brief:title',
  description: 'the title is the document’s title (meta.yaml title or shortTitle, or the title the source gives), not empty',
  severity: 'error',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    const place = doc.titleSegments[0]?.place;
    const t = brief.title.replace(/\s+/g, ' ').trim();
    if (!t) return [briefDiagnostic(this, ctx, place, 'the brief has no title', { actual: '' })];
    const forms = titleForms(doc);
    if (!forms.some((f) => squash(f) === squash(t)))
      out.push(
        briefDiagnostic(this, ctx, place, `the title “${t}” is not the document’s title`, {
          actual: t,
          expected: forms.length ? forms : undefined,
        }),
      );
    return out;
  },
};
