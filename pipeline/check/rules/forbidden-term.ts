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

/** The accepted English forms of a glossary (2 characters or more), longest first: the order they are tried in. */
interface AcceptedForms {
  forms: string[];
  /** Sticky regexes by the (lowercased ASCII) character a form would start at; `all` for any other. */
  byFirst: Map<string, RegExp | null>;
  all?: RegExp | null;
}
const acceptedByTerms = new WeakMap<object, AcceptedForms>();

function acceptedForms(terms: QaContextTerms): AcceptedForms {
  let acc = acceptedByTerms.get(terms);
  if (!acc) {
    const forms = [...new Set(terms.flatMap((t) => [t.en, ...(t.variants.en ?? [])]).filter((a) => a && a.length >= 2))].sort(
      (a, b) => b.length - a.length || (a < b ? -1 : 1),
    );
    acc = { forms, byFirst: new Map() };
    acceptedByTerms.set(terms, acc);
  }
  return acc;
}

/** One sticky regex over forms (tried in their order), as a word: it is tried at one position, not searched for. */
function formsRegex(forms: string[]): RegExp | null {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return forms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(esc).join('|')})(?:s|es|'s|’s)?(?![\\p{L}\\p{N}])`, 'iuy') : null;
}

/**
 * The regex to try where a form would start with `ch`. A regex over all the forms (~270) takes ~8 ms
 * to compile; at an ASCII character only forms that start with it (case aside) or with a non-ASCII
 * character (which may fold to it) can match, and they keep their order, so the first form that
 * matches, and so the match, is the same.
 */
function regexAt(acc: AcceptedForms, ch: string): RegExp | null {
  if (ch.charCodeAt(0) >= 0x80) return acc.all === undefined ? (acc.all = formsRegex(acc.forms)) : acc.all;
  const key = ch.toLowerCase();
  let re = acc.byFirst.get(key);
  if (re === undefined) {
    re = formsRegex(acc.forms.filter((f) => f.charCodeAt(0) >= 0x80 || f[0].toLowerCase() === key));
    acc.byFirst.set(key, re);
  }
  return re;
}

/** An accepted form of any glossary term that starts inside [start, end) and ends after it. */
export function continuesIntoAcceptedTerm(text: string, start: number, end: number, terms: QaContextTerms): boolean {
  const acc = acceptedForms(terms);
  if (!acc.forms.length) return false;
  for (let i = start + 1; i < end; i++) {
    if (/[\p{L}\p{N}]/u.test(text[i - 1])) continue; // a form starts at a word boundary
    const re = regexAt(acc, text[i]);
    if (!re) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m && m.index + m[0].length > end) return true;
  }
  return false;
}

type QaContextTerms = Parameters<QaRule['check']>[1]['terms'];
