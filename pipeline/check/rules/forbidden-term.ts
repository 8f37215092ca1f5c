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

/**
 * One regex over every accepted English form of a glossary (compiled once per term list). Sticky:
 * it is tried at one position, not searched for from there to the end of the text.
 */
const acceptedRe = new WeakMap<object, RegExp | null>();
function acceptedForms(terms: QaContextTerms): RegExp | null {
  let re = acceptedRe.get(terms);
  if (re === undefined) {
    const forms = [...new Set(terms.flatMap((t) => [t.en, ...(t.variants.en ?? [])]).filter((a) => a && a.length >= 2))].sort(
      (a, b) => b.length - a.length || (a < b ? -1 : 1),
    );
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(esc).join('|')})(?:s|es|'s|’s)?(?![\\p{L}\\p{N}])`, 'iuy') : null;
    acceptedRe.set(terms, re);
  }
  return re;
}

/** An accepted form of any glossary term that starts inside [start, end) and ends after it. */
function continuesIntoAcceptedTerm(text: string, start: number, end: number, terms: QaContextTerms): boolean {
  const re = acceptedForms(terms);
  if (!re) return false;
  for (let i = start + 1; i < end; i++) {
    if (/[\p{L}\p{N}]/u.test(text[i - 1]) ) continue; // a form starts at a word boundary
    re.lastIndex = i;
    const m = re.exec(text);
    if (m && m.index + m[0].length > end) return true;
  }
  return false;
}

type QaContextTerms = Parameters<QaRule['check']>[1]['terms'];
