// A document's scope: which glossary matches belong to the document as a whole.
//
// Matching one sentence at a time cannot tell some things that the whole document shows:
// - a short name that always comes with the same stray character is part of a longer name or word
//   (桦加沙, a typhoon, whenever 加沙 occurs; 社会保障卡申领, whenever 卡申 occurs);
// - a person's short name (卡申, a surname alone) is that person only where the document names them in
//   full, or gives a role next to the short name (专家卡申, 卡申教授);
// - an entry whose sense depends on the subject (`domain:` in the glossary; 安全保障 is a security
//   guarantee in international security, social provision in a domestic report) is that entry only in
//   a document about that subject, which at least two other entries marked with it (`subject:`) show.
// `documentScope` looks at every text of a document once and returns the matcher restricted to it.
import type { Lang, Term } from '../model.js';
import { isShortName, stray, type TermMatch, type TermMatcher } from './match.js';

export { isShortName };

/** Distinct entries marking a subject that make a document about it. */
export const SUBJECT_EVIDENCE = 2;

/** A match the scope refuses, and why (for `glossary check` and the tests). */
export interface Refusal {
  termId: string;
  form: string;
  rule: 'longer-name' | 'short-name' | 'domain';
  reason: string;
}

export interface DocumentScope {
  /** The matcher restricted to the document. */
  matcher: TermMatcher;
  /** The subjects the document is about (from the entries marked with `subject:`). */
  subjects: string[];
  refusals: Refusal[];
}

/** Roles that name a person along with a short name (专家卡申, 卡申教授, 绍伊古防长). */
const ROLE =
  /(?:专家|学者|教授|研究员|主任|院长|所长|部长|防长|外长|总统|总理|首相|主席|副主席|大使|代表|发言人|议员|议长|参议员|众议员|国务卿|秘书长|将军|上将|中将|少将|司令|总司令|先生|女士|博士|记者|主编|作者|董事长|总裁|首席执行官|创始人|负责人)/;
const ROLE_BEFORE = new RegExp(ROLE.source + '$');
const ROLE_AFTER = new RegExp('^' + ROLE.source);

const isName = (t: Term) => t.category === 'person' || t.category === 'place' || t.category === 'organisation';

const key = (termId: string, form: string) => `${termId}\u0000${form}`;

/** The subjects a set of entries shows: those marked by at least SUBJECT_EVIDENCE distinct entries. */
export function subjectsOf(terms: Iterable<Term>): string[] {
  const count = new Map<string, number>();
  const seen = new Set<string>();
  for (const t of terms) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    for (const s of t.subject ?? []) count.set(s, (count.get(s) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n >= SUBJECT_EVIDENCE).map(([s]) => s).sort();
}

/**
 * The matcher restricted to a document whose texts (title, headings, sentences, in any order) are
 * given, in the script `lang` they are written in.
 */
/**
 * At most this many characters of a document (its first texts) decide its scope: the evidence (a full
 * name, a role, a subject) shows early, and the cost of weighing it grows faster than the text, so a
 * 20 MB source stays bounded.
 */
export const SCOPE_MAX_CHARS = 200_000;

export function documentScope(base: TermMatcher, allTexts: readonly string[], lang: 'zh-Hans' | 'zh-Hant' = 'zh-Hans'): DocumentScope {
  let budget = SCOPE_MAX_CHARS;
  const texts: string[] = [];
  for (const t of allTexts) {
    if (budget <= 0) break;
    texts.push(t);
    budget -= t.length;
  }
  const found: { text: string; m: TermMatch }[] = [];
  for (const text of texts) for (const m of base.find(text, lang)) found.push({ text, m });

  const refusedForms = new Map<string, Refusal>();
  const refuse = (r: Refusal) => {
    if (!refusedForms.has(key(r.termId, r.form))) refusedForms.set(key(r.termId, r.form), r);
  };

  // longer names: a short name that, every time it occurs (twice or more), comes with the same stray
  // character on the same side
  const byForm = new Map<string, { text: string; m: TermMatch }[]>();
  for (const f of found) {
    if (!isName(f.m.term) || f.m.form.length > 3) continue;
    const k = key(f.m.term.id, f.m.form);
    byForm.set(k, [...(byForm.get(k) ?? []), f]);
  }
  for (const list of byForm.values()) {
    if (list.length < 2) continue;
    const { term, form } = list[0].m;
    for (const side of ['before', 'after'] as const) {
      const at = (f: { text: string; m: TermMatch }) => (side === 'before' ? f.m.start - 1 : f.m.end);
      const chars = new Set(list.map((f) => (stray(f.text, at(f)) ? f.text.charAt(at(f)) : '')));
      if (chars.size === 1 && !chars.has('')) {
        const c = [...chars][0];
        const longer = side === 'before' ? c + form : form + c;
        refuse({ termId: term.id, form, rule: 'longer-name', reason: `“${form}” occurs only in “${longer}”, a longer name or word (${list.length}×)` });
        break;
      }
    }
  }

  // short names: only with the full name, or a role next to them
  const fullNamed = new Set<string>();
  for (const f of found) if (f.m.term.category === 'person' && !isShortName(f.m.term, f.m.form)) fullNamed.add(f.m.term.id);
  const roled = new Set<string>();
  for (const f of found) {
    if (!isShortName(f.m.term, f.m.form)) continue;
    if (ROLE_BEFORE.test(f.text.slice(Math.max(0, f.m.start - 6), f.m.start)) || ROLE_AFTER.test(f.text.slice(f.m.end, f.m.end + 6))) roled.add(key(f.m.term.id, f.m.form));
  }
  for (const f of found) {
    const { term, form } = f.m;
    if (!isShortName(term, form) || fullNamed.has(term.id) || roled.has(key(term.id, form))) continue;
    refuse({ termId: term.id, form, rule: 'short-name', reason: `“${form}” is a short name of ${term['zh-Hans']}, who is neither named in full nor given a role in the document` });
  }

  // subjects, from what still stands; then entries of another subject's sense
  const standing = found.filter((f) => !refusedForms.has(key(f.m.term.id, f.m.form))).map((f) => f.m.term);
  const subjects = subjectsOf(standing);
  const refusedTerms = new Map<string, Refusal>();
  for (const t of standing) {
    if (t.domain && !subjects.includes(t.domain) && !refusedTerms.has(t.id)) {
      refusedTerms.set(t.id, { termId: t.id, form: t['zh-Hans'], rule: 'domain', reason: `${t['zh-Hans']} (${t.en}) is a term of ${t.domain}; the document is ${subjects.length ? `about ${subjects.join(', ')}` : 'not about it'}` });
    }
  }

  const admit = (term: Term, form: string, l: Lang) => !refusedTerms.has(term.id) && (l === 'en' || !refusedForms.has(key(term.id, form)));
  const matcher = refusedForms.size || refusedTerms.size ? base.within(admit) : base;
  const refusals = [...refusedForms.values(), ...refusedTerms.values()].sort((a, b) => (a.termId < b.termId ? -1 : a.termId > b.termId ? 1 : a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  return { matcher, subjects, refusals };
}
