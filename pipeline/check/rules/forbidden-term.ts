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
    const report = (termId: string, form: string, use: string, start: number) => {
      // "the Ukraine crisis": the article belongs to the longer accepted term that starts inside the hit
      if (continuesIntoAcceptedTerm(pair.target, start, start + form.length, ctx.terms)) return;
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
      report(m.term.id, m.form, fv?.use ?? m.term.en, m.start);
    }
    // also when the matcher does not report forbidden English forms
    for (const t of ctx.terms) {
      for (const f of t.forbidden.en ?? []) {
        const hit = englishFormRe(f.term, 'iu').exec(pair.target);
        if (!hit) continue;
        // a forbidden form inside an accepted one ("China" in "People's Republic of China") is fine
        const accepted = [t.en, ...(t.variants.en ?? [])].some((a) => a.length > f.term.length && englishFormRe(a, 'iu').test(pair.target) && a.toLowerCase().includes(f.term.toLowerCase()));
        if (!accepted) report(t.id, hit[0], f.use ?? t.en, hit.index);
      }
    }
    return out;
  },
};

/** An accepted form of any glossary term that starts inside [start, end) and ends after it. */
function continuesIntoAcceptedTerm(text: string, start: number, end: number, terms: QaContextTerms): boolean {
  for (const t of terms) {
    for (const a of [t.en, ...(t.variants.en ?? [])]) {
      if (!a || a.length < 2) continue;
      const re = englishFormRe(a, 'giu');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m.index > start && m.index < end && m.index + m[0].length > end) return true;
        if (m.index >= end) break;
      }
    }
  }
  return false;
}

type QaContextTerms = Parameters<QaRule['check']>[1]['terms'];
