// The translator round trip, as pure functions: export the segments that need English as XLIFF 2.0
// (with the glossary terms of each unit and fuzzy suggestions), and merge a returned file into the TM.
import type { Segment, Term } from '../model.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { simpleMatcher, type TermFinder } from '../check/matcher.js';
import { parseXliff, writeXliff20, type GlossEntry, type UnitOut, type XliffDoc, type XliffState } from './xliff.js';
import { TranslationMemory, isDraft, type TmUnit } from './tm.js';
import { normalizeForCompare } from './text.js';

export interface ExportOptions {
  terms: readonly Term[];
  tm?: TranslationMemory;
  /** Term finder (the glossary's matcher); default: a simple one over `terms`. */
  matcher?: TermFinder;
  /** Where each segment came from, for a location note ("source.txt"). */
  sourceFile?: string;
}

/** The glossary entries for the terms found in a Chinese text, in order of first appearance, once each. */
export function glossaryFor(text: string, matcher: TermFinder): GlossEntry[] {
  const seen = new Set<string>();
  const out: GlossEntry[] = [];
  for (const m of matcher.find(text, 'zh-Hans')) {
    if (m.kind === 'forbidden' || seen.has(m.term.id)) continue;
    seen.add(m.term.id);
    const forbidden = (m.term.forbidden.en ?? []).map((f) => f.term);
    const variants = m.term.variants.en ?? [];
    const def = [
      variants.length ? `also accepted: ${variants.join('; ')}` : '',
      forbidden.length ? `do not use: ${forbidden.join('; ')}` : '',
      m.term.note ?? '',
    ]
      .filter(Boolean)
      .join('. ');
    out.push({ term: m.form, translation: m.term.en, ...(def ? { definition: def } : {}) });
  }
  return out;
}

/**
 * XLIFF 2.0 for the translator: every given segment without a final translation (the caller passes the
 * segments a brief needs; until selection exists, all of them). Units carry the glossary terms found in
 * their source (gls module) and, for a changed sentence, the previous source/target in <notes>.
 */
export function exportXliff(slug: string, segments: readonly Segment[], opts: ExportOptions): string {
  const matcher = opts.matcher ?? simpleMatcher(opts.terms);
  const units: UnitOut[] = [];
  const seen = new Set<string>();
  for (const seg of segments) {
    if (seen.has(seg.id)) continue;
    seen.add(seg.id);
    const existing = opts.tm?.get(seg.id);
    if (existing && existing.state === 'final' && existing.target.trim()) continue;
    const notes: UnitOut['notes'] = [];
    if (opts.sourceFile) notes.push({ category: 'location', text: `${opts.sourceFile}:${seg.place.line}:${seg.place.column}` });
    let target: string | undefined;
    let state: XliffState = 'initial';
    let draft: Pick<UnitOut, 'origin' | 'score'> = {};
    if (existing && existing.target.trim()) {
      target = existing.target;
      state = existing.state;
      // a draft is offered with its origin, for the translator to confirm or correct
      if (isDraft(existing)) draft = { origin: existing.origin, ...(existing.score !== undefined ? { score: existing.score } : {}) };
    } else if (opts.tm) {
      const fuzzy = opts.tm.bestFuzzy(seg.text, seg.id);
      if (fuzzy) {
        const pct = Math.round(fuzzy.score * 100);
        notes.push({ category: 'fuzzy-match', text: `${pct}% match, previous source: ${fuzzy.unit.source}` });
        notes.push({ category: 'fuzzy-match', text: `previous translation: ${fuzzy.unit.target}` });
      }
    }
    units.push({ id: seg.id, source: seg.text, target, state, notes, glossary: glossaryFor(seg.text, matcher), ...draft });
  }
  return writeXliff20(slug, units, { original: opts.sourceFile });
}

// ---- import ----

export interface ImportReportEntry {
  id: string;
  reason?: string;
  state?: XliffState;
}

export interface ImportResult {
  slug: string;
  /** The merged TM units, in document order of the current segments, then units kept from before. */
  units: TmUnit[];
  added: ImportReportEntry[];
  changed: ImportReportEntry[];
  unchanged: ImportReportEntry[];
  refused: ImportReportEntry[];
  diagnostics: Diagnostic[];
}

export interface ImportOptions {
  /** Slug to merge into; default: the file's <file id> / original. */
  slug?: string;
  /** Name of the imported file, for diagnostics. */
  file?: string;
}

/** The slug an XLIFF document names: its first <file>'s id, else the original's folder or base name. */
export function slugOfXliff(doc: XliffDoc): string | undefined {
  for (const f of doc.files) {
    if (f.id && /^[a-z0-9][a-z0-9._-]*$/i.test(f.id)) return f.id;
    if (f.original) {
      const parts = f.original.split(/[\\/]/).filter(Boolean);
      const base = parts.length >= 2 && /^source\.\w+$/i.test(parts[parts.length - 1]) ? parts[parts.length - 2] : parts[parts.length - 1];
      const slug = base?.replace(/\.[^.]+$/, '').replace(/\.(en|zh.*)$/i, '');
      if (slug) return slug;
    }
  }
  return undefined;
}

/** Why a unit was refused (in a refused-unit diagnostic's data, and for summaries). */
export type Refusal = 'duplicate' | 'unknown-id' | 'empty-target' | 'source-mismatch' | 'draft-over-reviewed';
const REFUSALS: Record<Refusal, string> = {
  duplicate: 'appearing twice',
  'unknown-id': 'with unknown ids',
  'empty-target': 'with empty targets',
  'source-mismatch': 'whose source text no longer matches',
  'draft-over-reviewed': 'drafts over reviewed English',
};

/**
 * What to print of many diagnostics for people: the first `keep` of each rule, then one line per rule
 * for the rest, e.g. "… and 243,980 more unit(s) refused: 243,980 with unknown ids". The full list
 * stays in --json.
 */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[], keep = 20): Diagnostic[] {
  const shown: Diagnostic[] = [];
  const rest = new Map<string, { first: Diagnostic; count: number; kinds: Map<string, number> }>();
  const seen = new Map<string, number>();
  for (const d of diagnostics) {
    const rule = `${d.source}:${d.ruleId}`;
    const n = (seen.get(rule) ?? 0) + 1;
    seen.set(rule, n);
    if (n <= keep) {
      shown.push(d);
      continue;
    }
    const r = rest.get(rule) ?? { first: d, count: 0, kinds: new Map<string, number>() };
    r.count++;
    const kind = ((d as Diagnostic & { data?: { refusal?: Refusal } }).data?.refusal);
    if (kind) r.kinds.set(kind, (r.kinds.get(kind) ?? 0) + 1);
    rest.set(rule, r);
  }
  const num = (n: number) => n.toLocaleString('en-US');
  for (const [rule, r] of rest) {
    const kinds = [...r.kinds].map(([k, n]) => `${num(n)} ${REFUSALS[k as Refusal] ?? k}`).join(', ');
    const reason =
      rule === 'localize:refused-unit'
        ? `… and ${num(r.count)} more unit(s) refused${kinds ? `: ${kinds}` : ''} (--json lists every one)`
        : `… and ${num(r.count)} more like this (--json lists every one)`;
    shown.push(diagnostic({ rule, reason, file: r.first.file || undefined, severity: r.first.fatal === true ? 'error' : r.first.fatal === false ? 'warning' : 'info' }));
  }
  return shown;
}

/**
 * Merge a translator's XLIFF (2.0 or 1.2) into the TM of a source, given the source's current segments.
 * Refused, per unit: unknown segment ids, empty targets, source text that no longer matches the segment.
 * Throws (located UserError) on malformed XLIFF; the caller writes nothing then.
 */
export function importXliff(
  text: string,
  current: { segments: readonly Segment[]; tm: TranslationMemory },
  opts: ImportOptions = {},
): ImportResult {
  const file = opts.file ?? '<xliff>';
  const doc = parseXliff(text, file);
  const slug = opts.slug ?? slugOfXliff(doc) ?? '';
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  if (doc.trgLang && !/^en\b/i.test(doc.trgLang)) {
    diagnostics.push(
      diagnostic({ rule: 'localize:wrong-language', reason: `the file's target language is ${doc.trgLang}, not English`, file, place: { line: 1, column: 1 } }),
    );
  }
  const segById = new Map(current.segments.map((s) => [s.id, s]));
  const merged = new Map<string, TmUnit>(current.tm.units);
  const result: ImportResult = { slug, units: [], added: [], changed: [], unchanged: [], refused: [], diagnostics };
  const seenIds = new Set<string>();
  const refuse = (id: string, reason: string, place: { line: number; column: number } | undefined, refusal: Refusal) => {
    result.refused.push({ id, reason });
    diagnostics.push(diagnostic({ rule: 'localize:refused-unit', reason: `unit ${id}: ${reason}`, file, place, severity: 'warning', data: { segmentId: id, refusal } }));
  };

  for (const f of doc.files) {
    for (const u of f.units) {
      if (seenIds.has(u.id)) {
        refuse(u.id, 'appears twice in the file', u.place, 'duplicate');
        continue;
      }
      seenIds.add(u.id);
      const seg = segById.get(u.id);
      if (!seg) {
        refuse(u.id, 'no segment with this id in the current source', u.place, 'unknown-id');
        continue;
      }
      if (u.target === undefined || u.target.trim() === '') {
        refuse(u.id, 'empty target', u.place, 'empty-target');
        continue;
      }
      if (normalizeForCompare(u.source) !== normalizeForCompare(seg.text)) {
        refuse(u.id, `source text does not match the current segment (file: "${clip(u.source)}", source: "${clip(seg.text)}")`, u.place, 'source-mismatch');
        continue;
      }
      const target = u.target.trim();
      const next: TmUnit = { id: u.id, source: seg.text, target, state: u.state === 'initial' ? 'translated' : u.state };
      const prev = merged.get(u.id);
      // a translated unit stays a draft while its text is the draft's: its own metadata, or the draft this
      // file was exported with (CAT tools may drop the metadata); reviewed or final English is nobody's draft
      if (next.state === 'translated') {
        const from = u.origin ? u : prev && isDraft(prev) && prev.target === target ? prev : undefined;
        if (from?.origin) {
          next.origin = from.origin;
          if (from.score !== undefined) next.score = from.score;
        }
      }
      if (isDraft(next) && prev && (prev.state === 'reviewed' || prev.state === 'final') && prev.target.trim() !== '') {
        refuse(u.id, `a draft (${next.origin}) never replaces ${prev.state} English`, u.place, 'draft-over-reviewed');
        continue;
      }
      if (!prev || prev.target.trim() === '') result.added.push({ id: u.id, state: next.state });
      else if (prev.target !== next.target || prev.state !== next.state || prev.source !== next.source || prev.origin !== next.origin || prev.score !== next.score)
        result.changed.push({ id: u.id, state: next.state });
      else result.unchanged.push({ id: u.id, state: next.state });
      merged.set(u.id, next);
    }
  }

  // document order for current segments, then the remaining old units in their previous order
  const order: TmUnit[] = [];
  const placed = new Set<string>();
  for (const s of current.segments) {
    const u = merged.get(s.id);
    if (u && !placed.has(s.id)) {
      order.push(u);
      placed.add(s.id);
    }
  }
  for (const [id, u] of merged) if (!placed.has(id)) order.push(u);
  result.units = order;
  return result;
}

function clip(s: string, n = 40): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n) + '…' : t;
}
