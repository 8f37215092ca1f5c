import type { Diagnostic } from '../../diagnostics.js';
import type { QaRule } from '../types.js';
import { qaDiagnostic } from '../report.js';
import { englishFormRe } from '../matcher.js';

export const forbiddenTerm: QaRule = {
  id: 'check:forbidden-term',
  description: 'a forbidden English variant of a glossary term is an error that names the replacement',
  check(pair, ctx) {
    const out: Diagnostic[] = [];
    const reported = new Set<string>();
    const report = (termId: string, form: string, use: string) => {
      const key = `${termId}\u0000${form.toLowerCase()}`;
      if (reported.has(key)) return;
      reported.add(key);
      out.push(
        qaDiagnostic(this.id, pair, `check:forbidden-term: “${form}” is not used; write “${use}”`, {
          expected: [use],
          data: { termId, form },
        }),
      );
    };
    for (const m of ctx.matcher.find(pair.target, 'en')) {
      if (m.kind !== 'forbidden') continue;
      const fv = (m.term.forbidden.en ?? []).find((f) => f.term.toLowerCase() === m.form.toLowerCase() || englishFormRe(f.term, 'iu').test(m.form));
      report(m.term.id, m.form, fv?.use ?? m.term.en);
    }
    // also when the matcher does not report forbidden English forms
    for (const t of ctx.terms) {
      for (const f of t.forbidden.en ?? []) {
        const hit = englishFormRe(f.term, 'iu').exec(pair.target);
        if (!hit) continue;
        // a forbidden form inside an accepted one ("China" in "People's Republic of China") is fine
        const accepted = [t.en, ...(t.variants.en ?? [])].some((a) => a.length > f.term.length && englishFormRe(a, 'iu').test(pair.target) && a.toLowerCase().includes(f.term.toLowerCase()));
        if (!accepted) report(t.id, hit[0], f.use ?? t.en);
      }
    }
    return out;
  },
};
