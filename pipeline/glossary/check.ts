// `briefs glossary check`: which entries occur in which sources (with counts), forbidden forms found,
// entries no source uses, and frequent terms of the sources the glossary lacks.
import type { Term } from '../model.js';
import { createMatcher } from './match.js';
import { documentScope, type Refusal } from './scope.js';
import { suggestEntries, type Candidate, type MinedText } from './mine.js';

export interface EntryUse {
  id: string;
  'zh-Hans': string;
  en: string;
  /** Occurrences per source slug (main form and accepted variants). */
  counts: Record<string, number>;
  total: number;
  /** `sources:` lists a slug where the entry does not occur, or misses one where it does. */
  sourcesListed: string[];
}

export interface ForbiddenUse {
  id: string;
  form: string;
  use: string;
  slug: string;
  file: string;
  line: number;
  column: number;
}

export interface CheckReport {
  sources: string[];
  used: EntryUse[];
  unused: { id: string; 'zh-Hans': string; en: string }[];
  forbidden: ForbiddenUse[];
  missing: Candidate[];
  /** Matches a source's scope refuses (a name inside a longer one, a short name alone, another subject's sense). */
  refused: (Refusal & { slug: string })[];
}

export function checkGlossary(terms: readonly Term[], texts: MinedText[], opts: { missingLimit?: number } = {}): CheckReport {
  const matcher = createMatcher(terms);
  const byId = new Map<string, EntryUse>();
  const forbidden: ForbiddenUse[] = [];
  for (const t of terms) byId.set(t.id, { id: t.id, 'zh-Hans': t['zh-Hans'], en: t.en, counts: {}, total: 0, sourcesListed: t.sources ?? [] });
  const refused: CheckReport['refused'] = [];
  for (const { slug, file, pieces } of texts) {
    const scope = documentScope(matcher, pieces.map((p) => p.text));
    for (const r of scope.refusals) refused.push({ ...r, slug });
    for (const p of pieces) {
      for (const m of scope.matcher.find(p.text, 'zh-Hans')) {
        const use = byId.get(m.term.id)!;
        if (m.kind === 'forbidden') {
          const f = (m.term.forbidden[m.formLang] ?? []).find((x) => x.term === m.form);
          forbidden.push({ id: m.term.id, form: m.form, use: f?.use ?? m.term[m.formLang], slug, file: file ?? slug, line: p.line, column: p.column + m.start });
          continue;
        }
        use.counts[slug] = (use.counts[slug] ?? 0) + 1;
        use.total++;
      }
    }
  }
  const all = [...byId.values()];
  return {
    sources: texts.map((t) => t.slug),
    used: all.filter((u) => u.total > 0).sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1)),
    unused: all.filter((u) => u.total === 0).map((u) => ({ id: u.id, 'zh-Hans': u['zh-Hans'], en: u.en })),
    forbidden,
    missing: suggestEntries(texts, terms).slice(0, opts.missingLimit ?? 30),
    refused,
  };
}
