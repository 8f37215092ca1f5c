import type { Diagnostic } from '../../diagnostics.js';
import type { Term } from '../../model.js';
import type { QaRule } from '../types.js';
import { qaDiagnostic } from '../report.js';
import { englishFormRe } from '../matcher.js';

/** The English forms a term may take: its main form and accepted variants. */
export function acceptedEnglish(term: Term): string[] {
  return [term.en, ...(term.variants.en ?? [])].filter((f) => f && f.trim());
}

export const termMissing: QaRule = {
  id: 'check:term-missing',
  description: 'a glossary term in the Chinese appears in the English as its main form or an accepted variant',
  check(pair, ctx) {
    if (!pair.target.trim()) return [];
    const inEnglish = new Set(ctx.matcher.find(pair.target, 'en').filter((m) => m.kind !== 'forbidden').map((m) => m.term.id));
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const m of ctx.matcher.find(pair.segment.text, 'zh-Hans')) {
      if (m.kind === 'forbidden' || seen.has(m.term.id)) continue;
      seen.add(m.term.id);
      if (inEnglish.has(m.term.id)) continue;
      const forms = acceptedEnglish(m.term);
      if (forms.some((f) => englishFormRe(f, 'iu').test(pair.target))) continue;
      out.push(
        qaDiagnostic(this.id, pair, `check:term-missing: ${m.form} must be translated as “${m.term.en}”${forms.length > 1 ? ` (or ${forms.slice(1).map((f) => `“${f}”`).join(', ')})` : ''}; not found in the English`, {
          expected: forms,
          data: { termId: m.term.id, form: m.form },
        }),
      );
    }
    return out;
  },
};
