// Merging imported entries (TBX, CSV) into the glossary: new entries are written as YAML; an entry
// the glossary already has is skipped; a conflicting one (same Chinese, other English; same English,
// other Chinese; same id, other entry) is reported and never overwrites anything.
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { ForbiddenVariant, Lang, Term } from '../model.js';
import type { ImportedEntry } from './exchange.js';
import { deriveId, termFromEntry, type RawEntry, type ToHant } from './load.js';

/** An entry as written to a term file: the loader's raw entry, plus the evidence `suggest` adds. */
export type EntryOut = RawEntry & { evidence?: string[] };

export interface ImportPlan {
  add: EntryOut[];
  /** Entries the glossary already has (same Chinese and English). */
  present: number;
  conflicts: Diagnostic[];
  warnings: Diagnostic[];
}

const enKey = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The smallest entry that loads back to the imported term: derived zh-Hant forms are left out. */
export function toEntryOut(e: ImportedEntry & { 'zh-Hans': string; en: string }, toHant: ToHant): EntryOut {
  const out: EntryOut = { 'zh-Hans': e['zh-Hans'], en: e.en, category: e.category };
  if (e.id && e.id !== deriveId(e.en)) out.id = e.id;
  if (e['zh-Hant'] && e['zh-Hant'] !== toHant(e['zh-Hans'])) {
    out['zh-Hant'] = e['zh-Hant'];
    out['hant-intended'] = true;
  }
  const variants: Partial<Record<Lang, string[]>> = {};
  const forbidden: Partial<Record<Lang, ForbiddenVariant[]>> = {};
  for (const lang of ['zh-Hans', 'en'] as Lang[]) {
    if (e.variants[lang]?.length) variants[lang] = [...e.variants[lang]!];
    if (e.forbidden[lang]?.length) forbidden[lang] = e.forbidden[lang]!.map((f) => ({ ...f }));
  }
  // keep the zh-Hant lists only when derivation would not give them back
  const probe = termFromEntry({ ...out, variants, forbidden } as Parameters<typeof termFromEntry>[0], toHant);
  if (!same(probe.variants['zh-Hant'], e.variants['zh-Hant']?.length ? e.variants['zh-Hant'] : undefined)) {
    variants['zh-Hant'] = [...(e.variants['zh-Hant'] ?? [])];
  }
  if (!same(probe.forbidden['zh-Hant'], e.forbidden['zh-Hant']?.length ? e.forbidden['zh-Hant'] : undefined)) {
    forbidden['zh-Hant'] = (e.forbidden['zh-Hant'] ?? []).map((f) => ({ ...f }));
  }
  const ordered = <T>(r: Partial<Record<Lang, T[]>>) => {
    const o: Partial<Record<Lang, T[]>> = {};
    for (const l of ['zh-Hans', 'zh-Hant', 'en'] as Lang[]) if (r[l]) o[l] = r[l];
    return o;
  };
  if (Object.keys(variants).length) out.variants = ordered(variants);
  if (Object.keys(forbidden).length) out.forbidden = ordered(forbidden);
  if (e.note) out.note = e.note;
  if (e.sources?.length) out.sources = [...new Set(e.sources)].sort();
  if (e.domain) out.domain = e.domain;
  if (e.subject?.length) out.subject = [...new Set(e.subject)].sort();
  if (e.generic) out.generic = true;
  return out;
}

function where(t: Term): string {
  return t.origin ? `${t.origin.file}:${t.origin.line}` : `entry ${t.id}`;
}

export function planImport(entries: ImportedEntry[], existing: readonly Term[], toHant: ToHant, file: string): ImportPlan {
  const plan: ImportPlan = { add: [], present: 0, conflicts: [], warnings: [] };
  const known: Term[] = [...existing];
  for (const e of entries) {
    const place = { line: e.line, column: 1 };
    if (!e['zh-Hans'] || !e.en) {
      plan.warnings.push(
        diagnostic({
          rule: 'glossary:import-incomplete',
          reason: `entry${e.id ? ` “${e.id}”` : ''} has no ${!e['zh-Hans'] ? 'zh-Hans' : 'English'} term: skipped`,
          file,
          place,
          severity: 'warning',
        }),
      );
      continue;
    }
    const out = toEntryOut(e as ImportedEntry & { 'zh-Hans': string; en: string }, toHant);
    const term = termFromEntry(out as Parameters<typeof termFromEntry>[0], toHant);
    const sameBoth = known.find((k) => k['zh-Hans'] === term['zh-Hans'] && enKey(k.en) === enKey(term.en));
    if (sameBoth) {
      plan.present++;
      continue;
    }
    const clashes: string[] = [];
    for (const k of known) {
      if (k['zh-Hans'] === term['zh-Hans'])
        clashes.push(`“${term['zh-Hans']}” is “${k.en}” in the glossary (${where(k)}) but “${term.en}” here`);
      else if (enKey(k.en) === enKey(term.en))
        clashes.push(`“${term.en}” renders “${k['zh-Hans']}” in the glossary (${where(k)}) but “${term['zh-Hans']}” here`);
      else if (k.id === term.id)
        clashes.push(`id “${term.id}” is “${k['zh-Hans']}” = “${k.en}” in the glossary (${where(k)}) but “${term['zh-Hans']}” = “${term.en}” here`);
    }
    if (clashes.length) {
      for (const reason of clashes) plan.conflicts.push(diagnostic({ rule: 'glossary:import-conflict', reason: `${reason}; not imported`, file, place }));
      continue;
    }
    term.origin = { file, line: e.line, column: 1 };
    known.push(term);
    plan.add.push(out);
  }
  return plan;
}
