// The term-finding interface QA and XLIFF export use, and a small self-contained implementation.
// The build passes the glossary's own matcher (glossary/match.ts createMatcher), which has the same shape;
// this one is the fallback when none is given (and keeps the rules testable with Term[] literals).
import type { Lang, Term } from '../model.js';

export type TermMatchKind = 'main' | 'variant' | 'forbidden';

export interface FoundTerm {
  term: Term;
  start: number;
  end: number;
  form: string;
  kind: TermMatchKind;
}

export interface TermFinder {
  find(text: string, lang: Lang): FoundTerm[];
}

interface Form {
  term: Term;
  form: string;
  kind: TermMatchKind;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** English forms match whole words, case-insensitively, with an optional plural/possessive ending. */
const formRes = new Map<string, RegExp>();
export function englishFormRe(form: string, flags = 'giu'): RegExp {
  // compiled once per form and flags (QA calls this for every pair); a global one starts from 0 again
  const key = `${flags}\u0000${form}`;
  let re = formRes.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(form)}(?:s|es|'s|’s)?(?![\\p{L}\\p{N}])`, flags);
    formRes.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Leftmost-longest, non-overlapping matches of every form of every term. */
export function simpleMatcher(terms: readonly Term[]): TermFinder {
  const forms: Record<'zh' | 'en', Form[]> = { zh: [], en: [] };
  for (const term of terms) {
    const add = (bucket: 'zh' | 'en', form: string | undefined, kind: TermMatchKind) => {
      if (form && form.trim()) forms[bucket].push({ term, form, kind });
    };
    add('zh', term['zh-Hans'], 'main');
    add('zh', term['zh-Hant'], 'main');
    for (const v of term.variants['zh-Hans'] ?? []) add('zh', v, 'variant');
    for (const v of term.variants['zh-Hant'] ?? []) add('zh', v, 'variant');
    for (const f of term.forbidden['zh-Hans'] ?? []) add('zh', f.term, 'forbidden');
    for (const f of term.forbidden['zh-Hant'] ?? []) add('zh', f.term, 'forbidden');
    add('en', term.en, 'main');
    for (const v of term.variants.en ?? []) add('en', v, 'variant');
    for (const f of term.forbidden.en ?? []) add('en', f.term, 'forbidden');
  }
  for (const b of ['zh', 'en'] as const) forms[b].sort((a, z) => z.form.length - a.form.length);

  return {
    find(text: string, lang: Lang): FoundTerm[] {
      const bucket = lang === 'en' ? forms.en : forms.zh;
      const candidates: FoundTerm[] = [];
      for (const f of bucket) {
        if (lang === 'en') {
          const re = englishFormRe(f.form);
          for (let m = re.exec(text); m; m = re.exec(text))
            candidates.push({ term: f.term, start: m.index, end: m.index + m[0].length, form: m[0], kind: f.kind });
        } else {
          for (let i = text.indexOf(f.form); i >= 0; i = text.indexOf(f.form, i + 1))
            candidates.push({ term: f.term, start: i, end: i + f.form.length, form: f.form, kind: f.kind });
        }
      }
      candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      const taken: FoundTerm[] = [];
      for (const c of candidates) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
      return taken.sort((a, b) => a.start - b.start);
    },
  };
}
