// `briefs glossary lint`: rules over loaded terms. Each rule reports at the file:line:column of the
// field concerned. Schema problems (missing/empty/malformed fields) are reported by the loader.
import { SUBJECT_EVIDENCE } from './scope.js';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.js';
import type { Lang, Term } from '../model.js';
import { fieldPlace, type ToHant } from './load.js';

export interface LintOptions {
  /** Known source slugs: `sources:` naming another slug is a warning. */
  knownSources?: string[];
}

const HAN = /\p{Script=Han}/u;
const LANGS: Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

function where(t: Term): string {
  return t.origin ? `${t.origin.file}:${t.origin.line}` : t.id;
}

function report(out: Diagnostic[], rule: string, t: Term, field: string, reason: string, extra: { severity?: Severity; expected?: string[]; actual?: string } = {}): void {
  out.push(
    diagnostic({
      rule: `glossary:${rule}`,
      reason,
      file: t.origin?.file,
      place: fieldPlace(t, field),
      severity: extra.severity,
      expected: extra.expected,
      actual: extra.actual,
      data: { termId: t.id },
    }),
  );
}

const enKey = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');

function groupBy(terms: Term[], key: (t: Term) => string): Map<string, Term[]> {
  const m = new Map<string, Term[]>();
  for (const t of terms) {
    const k = key(t);
    const list = m.get(k) ?? [];
    list.push(t);
    m.set(k, list);
  }
  return m;
}

/** Accepted forms of a term in one language: the main form and the accepted variants. */
function accepted(t: Term, lang: Lang): { form: string; field: string }[] {
  const out: { form: string; field: string }[] = [{ form: t[lang], field: lang }];
  (t.variants?.[lang] ?? []).forEach((v, i) => out.push({ form: v, field: `variants.${lang}.${i}` }));
  return out;
}

export function lintGlossary(terms: Term[], toHant: ToHant, opts: LintOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];

  // duplicate ids and duplicate entries
  for (const [id, list] of groupBy(terms, (t) => t.id)) {
    if (list.length < 2) continue;
    for (const t of list) {
      const others = list.filter((o) => o !== t).map(where);
      const same = list.every((o) => o['zh-Hans'] === t['zh-Hans'] && enKey(o.en) === enKey(t.en));
      report(
        out,
        same ? 'duplicate-entry' : 'duplicate-id',
        t,
        'id',
        same
          ? `duplicate entry “${t['zh-Hans']}” = “${t.en}” (also at ${others.join(', ')})`
          : `id “${id}” is used by more than one entry (also at ${others.join(', ')}); give one an explicit id`,
      );
    }
  }

  // one Chinese term, two English renderings
  for (const [zh, list] of groupBy(terms, (t) => t['zh-Hans'])) {
    const ens = [...new Set(list.map((t) => enKey(t.en)))];
    if (ens.length < 2) continue;
    for (const t of list) {
      const others = list.filter((o) => enKey(o.en) !== enKey(t.en));
      report(
        out,
        'two-english',
        t,
        'en',
        `“${zh}” has two English renderings: “${t.en}” here and ${others.map((o) => `“${o.en}” at ${where(o)}`).join(', ')}`,
        { expected: [...new Set(list.map((o) => o.en))] },
      );
    }
  }

  // one English rendering for two Chinese terms
  for (const [, list] of groupBy(terms, (t) => enKey(t.en))) {
    const zhs = [...new Set(list.map((t) => t['zh-Hans']))];
    if (zhs.length < 2) continue;
    for (const t of list) {
      const others = list.filter((o) => o['zh-Hans'] !== t['zh-Hans']);
      report(
        out,
        'two-chinese',
        t,
        'zh-Hans',
        `“${t.en}” renders two Chinese terms: “${t['zh-Hans']}” here and ${others.map((o) => `“${o['zh-Hans']}” at ${where(o)}`).join(', ')}`,
      );
    }
  }

  // an accepted form shared by two entries (ambiguous when matching)
  for (const lang of LANGS) {
    const owners = new Map<string, { t: Term; field: string }[]>();
    for (const t of terms) {
      const seen = new Set<string>();
      for (const a of accepted(t, lang)) {
        const k = lang === 'en' ? enKey(a.form) : a.form;
        if (seen.has(k)) continue;
        seen.add(k);
        const list = owners.get(k) ?? [];
        list.push({ t, field: a.field });
        owners.set(k, list);
      }
    }
    for (const [, list] of owners) {
      const ids = new Set(list.map((x) => x.t.id));
      if (ids.size < 2) continue;
      // the main-form clashes are reported as two-english / duplicates already
      for (const x of list) {
        if (!x.field.startsWith('variants.')) continue;
        const others = list.filter((y) => y.t !== x.t);
        report(out, 'shared-form', x.t, x.field, `${lang} form “${formAt(x.t, x.field)}” also belongs to ${others.map((y) => `“${y.t['zh-Hans']}” (${y.t.en}) at ${where(y.t)}`).join(', ')}`);
      }
    }
  }

  for (const t of terms) {
    // a variant equal to the main form
    for (const lang of LANGS) {
      (t.variants?.[lang] ?? []).forEach((v, i) => {
        if (lang === 'en' ? enKey(v) === enKey(t.en) : v === t[lang]) {
          report(out, 'redundant-variant', t, `variants.${lang}.${i}`, `variant “${v}” is the main ${lang} form`, { severity: 'warning' });
        }
      });
    }

    // a forbidden variant equal to an accepted form (of this entry or any other)
    for (const lang of LANGS) {
      (t.forbidden?.[lang] ?? []).forEach((f, i) => {
        const same = (a: string) => (lang === 'en' ? enKey(a) === enKey(f.term) : a === f.term);
        for (const o of terms) {
          const hit = accepted(o, lang).find((a) => same(a.form));
          if (!hit) continue;
          report(
            out,
            'forbidden-accepted',
            t,
            `forbidden.${lang}.${i}.term`,
            o === t
              ? `forbidden ${lang} form “${f.term}” is also an accepted form of this entry`
              : `forbidden ${lang} form “${f.term}” is an accepted form of “${o['zh-Hans']}” (${o.en}) at ${where(o)}`,
          );
        }
        if (f.use) {
          const ok = accepted(t, lang).some((a) => a.form === f.use);
          if (!ok) {
            report(out, 'forbidden-use', t, `forbidden.${lang}.${i}.use`, `“use: ${f.use}” is not an accepted ${lang} form of this entry`, {
              expected: accepted(t, lang).map((a) => a.form),
              actual: f.use,
            });
          }
        }
      });
    }

    // zh-Hant different from the conversion of zh-Hans without being marked intended
    const converted = toHant(t['zh-Hans']);
    if (t['zh-Hant'] !== converted && !t.hantIntended) {
      report(
        out,
        'hant-unmarked',
        t,
        'zh-Hant',
        `zh-Hant “${t['zh-Hant']}” differs from the conversion of “${t['zh-Hans']}” (“${converted}”); mark it “hant-intended: true” if it is a deliberate (e.g. Taiwan) usage, or remove it`,
        { expected: [converted], actual: t['zh-Hant'] },
      );
    }
    if (t['zh-Hant'] === converted && t.hantIntended) {
      report(out, 'hant-needless', t, 'hant-intended', `“hant-intended” is set but zh-Hant “${t['zh-Hant']}” is what the conversion gives; remove both`, {
        severity: 'warning',
      });
    }

    // malformed text
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      for (const a of accepted(t, lang)) {
        if (!HAN.test(a.form)) report(out, 'malformed', t, a.field, `${lang} form “${a.form}” contains no Chinese character`);
      }
    }
    for (const a of accepted(t, 'en')) {
      if (HAN.test(a.form)) report(out, 'malformed', t, a.field, `English form “${a.form}” contains Chinese characters`);
      if (/\s{2,}/.test(a.form)) report(out, 'malformed', t, a.field, `English form “${a.form}” has repeated spaces`);
    }

    // unknown sources
    if (opts.knownSources && t.sources) {
      const known = new Set(opts.knownSources);
      t.sources.forEach((s) => {
        if (!known.has(s)) {
          const i = (t.sources ?? []).indexOf(s);
          report(out, 'unknown-source', t, `sources.${i}`, `source “${s}” is not in the sources folder`, { severity: 'warning' });
        }
      });
    }
  }

  // a subject's sense with too few entries marking the subject can never be matched (glossary/scope.ts)
  const evidence = new Map<string, number>();
  for (const t of terms) for (const s of t.subject ?? []) evidence.set(s, (evidence.get(s) ?? 0) + 1);
  for (const t of terms) {
    if (!t.domain || (evidence.get(t.domain) ?? 0) >= SUBJECT_EVIDENCE) continue;
    report(
      out,
      'domain-without-subject',
      t,
      'domain',
      `“${t['zh-Hans']}” belongs to ${t.domain}, but ${evidence.get(t.domain) ?? 0} entries mark that subject (\`subject: [ ${t.domain} ]\`); ${SUBJECT_EVIDENCE} are needed for any document to be about it`,
      { severity: 'warning' },
    );
  }
  return sortDiagnostics(out);
}

function formAt(t: Term, field: string): string {
  const [, lang, i] = field.split('.');
  return t.variants?.[lang as Lang]?.[Number(i)] ?? '';
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      (a.file || '').localeCompare(b.file || '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  );
}
