// Glossary in and out of other tools' formats:
//   TBX-Basic, ISO 30042:2019 (TBX v3: tbx/conceptEntry/langSec/termSec), written and read;
//   TBX v2 (<martif>: termEntry/langSet/tig|ntig), as Weblate / Translate Toolkit write it, read;
//   CSV with a header row (RFC 4180), written and read.
// Reading gives ImportedEntry records (the YAML entry shape plus where it stood); import.ts merges them.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { ForbiddenVariant, Lang, Term, TermCategory } from '../model.js';
import { CATEGORIES } from './schema.js';
import { dtdDiagnostic } from '../xml.js';

/** An entry as read from another format, in the glossary's own terms (before zh-Hant derivation). */
export interface ImportedEntry {
  id?: string;
  'zh-Hans'?: string;
  'zh-Hant'?: string;
  en?: string;
  variants: Partial<Record<Lang, string[]>>;
  forbidden: Partial<Record<Lang, ForbiddenVariant[]>>;
  category: TermCategory;
  note?: string;
  sources?: string[];
  domain?: string;
  subject?: string[];
  generic?: boolean;
  /** Line in the imported file where the entry starts. */
  line: number;
}

export interface ReadResult {
  entries: ImportedEntry[];
  diagnostics: Diagnostic[];
}

const LANGS: Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/** zh_Hans / zh-CN / zh-SG / zh → zh-Hans; zh_Hant / zh-TW / zh-HK / zh-MO → zh-Hant; en-US / en_GB → en. */
export function normalizeLang(tag: string | undefined): Lang | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'zh' || t.startsWith('zh-') || t === 'cmn' || t.startsWith('cmn-')) {
    const parts = t.split('-');
    if (parts.includes('hant') || parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-Hant';
    return 'zh-Hans';
  }
  return undefined;
}

// ---- TBX out (v3, TBX-Basic) ----

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** TBX-Basic administrative status values (TBX-Basic picklist). Forbidden forms are deprecated terms. */
export const ADMIN_STATUS = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  superseded: 'supersededTerm-admn-sts',
} as const;

export function termsToTbx(terms: readonly Term[]): string {
  const L: string[] = [];
  L.push('<?xml version="1.0" encoding="UTF-8"?>');
  L.push('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">');
  L.push('  <tbxHeader>');
  L.push('    <fileDesc>');
  L.push('      <sourceDesc>');
  L.push('        <p>briefs glossary (zh-Hans, zh-Hant, en)</p>');
  L.push('      </sourceDesc>');
  L.push('    </fileDesc>');
  L.push('  </tbxHeader>');
  L.push('  <text>');
  L.push('    <body>');
  for (const t of terms) {
    L.push(`      <conceptEntry id="${esc(t.id)}">`);
    L.push(`        <descrip type="subjectField">${esc(t.category)}</descrip>`);
    for (const s of t.sources ?? []) L.push(`        <admin type="source">${esc(s)}</admin>`);
    // the glossary's own fields, as admin data other tools keep and ignore
    if (t.domain) L.push(`        <admin type="briefs-domain">${esc(t.domain)}</admin>`);
    for (const s of t.subject ?? []) L.push(`        <admin type="briefs-subject">${esc(s)}</admin>`);
    if (t.generic) L.push(`        <admin type="briefs-generic">true</admin>`);
    if (t.note) L.push(`        <note>${esc(t.note)}</note>`);
    for (const lang of LANGS) {
      L.push(`        <langSec xml:lang="${lang}">`);
      const termSec = (form: string, status: string, use?: string) => {
        L.push('          <termSec>');
        L.push(`            <term>${esc(form)}</term>`);
        L.push(`            <termNote type="administrativeStatus">${status}</termNote>`);
        if (use) L.push(`            <note>use: ${esc(use)}</note>`);
        L.push('          </termSec>');
      };
      termSec(t[lang], ADMIN_STATUS.preferred);
      for (const v of t.variants?.[lang] ?? []) termSec(v, ADMIN_STATUS.admitted);
      for (const f of t.forbidden?.[lang] ?? []) termSec(f.term, ADMIN_STATUS.deprecated, f.use);
      L.push('        </langSec>');
    }
    L.push('      </conceptEntry>');
  }
  L.push('    </body>');
  L.push('  </text>');
  L.push('</tbx>');
  return L.join('\n') + '\n';
}

// ---- TBX in (v3 and v2) ----

type X = Record<string, unknown>;
const ARRAYS = new Set([
  'conceptEntry', 'termEntry', 'langSec', 'langSet', 'termSec', 'tig', 'ntig', 'termGrp', 'termNote', 'note', 'descrip',
  'descripGrp', 'admin', 'term',
]);

function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v).trim();
  if (Array.isArray(v)) return v.map(textOf).join(' ').trim();
  if (typeof v === 'object') {
    const o = v as X;
    if ('#text' in o) return textOf(o['#text']);
    return Object.entries(o)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, x]) => textOf(x))
      .join(' ')
      .trim();
  }
  return '';
}
const attr = (o: unknown, name: string): string | undefined => {
  if (!o || typeof o !== 'object') return undefined;
  const v = (o as X)[`@_${name}`];
  return v === undefined ? undefined : String(v);
};
const list = (o: unknown, name: string): X[] => {
  if (!o || typeof o !== 'object') return [];
  const v = (o as X)[name];
  return Array.isArray(v) ? (v as X[]) : v === undefined ? [] : [v as X];
};

type Status = 'preferred' | 'admitted' | 'forbidden' | 'none';
function statusOf(value: string): Status {
  const v = value.trim().toLowerCase().replace(/[\s_]/g, '');
  if (!v) return 'none';
  if (v.startsWith('preferred') || v.startsWith('standardized')) return 'preferred';
  if (v.startsWith('admitted') || v.startsWith('legal') || v.startsWith('regulated')) return 'admitted';
  if (/^(deprecated|superseded|forbidden|obsolete|notrecommended|rejected)/.test(v)) return 'forbidden';
  return 'none';
}

function lineAtOffsets(text: string, tag: RegExp): number[] {
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(tag)) {
    const i = m.index ?? 0;
    for (let k = last; k < i; k++) if (text.charCodeAt(k) === 10) line++;
    last = i;
    lines.push(line);
  }
  return lines;
}

/** Read a TBX file, v3 (<tbx>) or v2 (<martif>). Malformed XML or a DTD/entity declaration: one error diagnostic at its line. */
export function parseTbx(text: string, file: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  // before any parser sees it: no DTD, no entities (they read files or grow without bound; see xml.ts)
  const dtd = dtdDiagnostic(text, file, 'glossary:dtd-not-allowed');
  if (dtd) return { entries: [], diagnostics: [dtd] };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const e = valid.err;
    diagnostics.push(
      diagnostic({ rule: 'glossary:malformed-xml', reason: `not well-formed XML: ${e.msg}`, file, place: { line: e.line, column: e.col } }),
    );
    return { entries: [], diagnostics };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (name) => ARRAYS.has(name),
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
  });
  const doc = parser.parse(text) as X;
  const root = (doc.tbx ?? doc.martif) as X | undefined;
  if (!root) {
    diagnostics.push(diagnostic({ rule: 'glossary:not-tbx', reason: 'not a TBX file: the root element is neither <tbx> nor <martif>', file, place: { line: 1, column: 1 } }));
    return { entries: [], diagnostics };
  }
  const body = ((root.text as X | undefined)?.body ?? root.body) as X | undefined;
  const concepts = [...list(body, 'conceptEntry'), ...list(body, 'termEntry')];
  const lines = lineAtOffsets(text, /<(conceptEntry|termEntry)[\s>]/g);
  const entries: ImportedEntry[] = [];
  concepts.forEach((c, i) => {
    const line = lines[i] ?? 1;
    const e: ImportedEntry = { variants: {}, forbidden: {}, category: 'other', line };
    const id = attr(c, 'id');
    if (id) e.id = id;
    const notes: string[] = [];
    for (const d of list(c, 'descrip')) {
      const type = attr(d, 'type') ?? '';
      const value = textOf(d);
      if (type === 'subjectField' && (CATEGORIES as readonly string[]).includes(value)) e.category = value as TermCategory;
      else if (value && type !== 'subjectField') notes.push(value);
    }
    for (const g of list(c, 'descripGrp')) for (const d of list(g, 'descrip')) if (textOf(d)) notes.push(textOf(d));
    for (const a of list(c, 'admin')) {
      const type = attr(a, 'type');
      const value = textOf(a);
      if (!value) continue;
      if (type === 'source') (e.sources ??= []).push(value);
      else if (type === 'briefs-domain') e.domain = value;
      else if (type === 'briefs-subject') (e.subject ??= []).push(value);
      else if (type === 'briefs-generic' && value === 'true') e.generic = true;
    }
    for (const n of list(c, 'note')) if (textOf(n)) notes.push(textOf(n));
    for (const ls of [...list(c, 'langSec'), ...list(c, 'langSet')]) {
      const tag = attr(ls, 'xml:lang') ?? attr(ls, 'lang');
      const lang = normalizeLang(tag);
      if (!lang) {
        diagnostics.push(
          diagnostic({ rule: 'glossary:unknown-language', reason: `language “${tag ?? ''}” is not zh-Hans, zh-Hant or en: skipped`, file, place: { line, column: 1 }, severity: 'warning' }),
        );
        continue;
      }
      const forms: { form: string; status: Status; use?: string }[] = [];
      const secs = [...list(ls, 'termSec'), ...list(ls, 'tig'), ...list(ls, 'ntig').flatMap((n) => list(n, 'termGrp'))];
      for (const s of secs) {
        const form = textOf(list(s, 'term')[0]);
        if (!form) continue;
        let status: Status = 'none';
        for (const tn of list(s, 'termNote')) if (attr(tn, 'type') === 'administrativeStatus' || attr(tn, 'type') === 'normativeAuthorization') status = statusOf(textOf(tn));
        let use: string | undefined;
        for (const n of list(s, 'note')) {
          const v = textOf(n);
          const m = /^use:\s*(.+)$/i.exec(v);
          if (m) use = m[1].trim();
          else if (v && lang === 'en') notes.push(v);
        }
        forms.push({ form, status, use });
      }
      const main = forms.find((f) => f.status === 'preferred') ?? forms.find((f) => f.status === 'none') ?? forms.find((f) => f.status === 'admitted');
      if (main) e[lang] = main.form;
      for (const f of forms) {
        if (f === main) continue;
        if (f.status === 'forbidden') (e.forbidden[lang] ??= []).push(f.use ? { term: f.form, use: f.use } : { term: f.form });
        else if (!(e.variants[lang] ?? []).includes(f.form) && f.form !== main?.form) (e.variants[lang] ??= []).push(f.form);
      }
    }
    if (notes.length) e.note = [...new Set(notes)].join(' ');
    entries.push(e);
  });
  return { entries, diagnostics };
}

// ---- CSV ----

export const CSV_COLUMNS = [
  'id',
  'category',
  'zh-Hans',
  'zh-Hant',
  'en',
  'variants:zh-Hans',
  'variants:zh-Hant',
  'variants:en',
  'forbidden:zh-Hans',
  'forbidden:zh-Hant',
  'forbidden:en',
  'note',
  'sources',
  'domain',
  'subject',
  'generic',
] as const;

function csvField(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const joinList = (xs: string[] | undefined) => (xs ?? []).join(' | ');
const joinForbidden = (xs: ForbiddenVariant[] | undefined) => (xs ?? []).map((f) => (f.use ? `${f.term} > ${f.use}` : f.term)).join(' | ');

/** CSV with a header row; lists are joined with “ | ”, a forbidden form and its replacement with “ > ”. */
export function termsToCsv(terms: readonly Term[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const t of terms) {
    const cells = [
      t.id,
      t.category,
      t['zh-Hans'],
      t['zh-Hant'],
      t.en,
      joinList(t.variants?.['zh-Hans']),
      joinList(t.variants?.['zh-Hant']),
      joinList(t.variants?.en),
      joinForbidden(t.forbidden?.['zh-Hans']),
      joinForbidden(t.forbidden?.['zh-Hant']),
      joinForbidden(t.forbidden?.en),
      t.note ?? '',
      (t.sources ?? []).join(' | '),
      t.domain ?? '',
      (t.subject ?? []).join(' | '),
      t.generic ? 'true' : '',
    ];
    rows.push(cells.map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

/** RFC 4180 records with the line each starts on. */
export function parseCsvRecords(text: string): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const t = text.replace(/^\uFEFF/, '');
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) out.push({ cells, line: start });
    cells = [];
    cell = '';
  };
  while (i < t.length) {
    const c = t[i];
    if (quoted) {
      if (c === '"') {
        if (t[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && t[i + 1] === '\n') i++;
      line++;
      start = line;
    } else cell += c;
    i++;
  }
  if (cell !== '' || cells.length) endRecord();
  return out;
}

const splitList = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** Read our CSV (header names may use other language tags: zh_CN, en-US…). */
export function parseCsv(text: string, file: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const records = parseCsvRecords(text);
  if (!records.length) return { entries: [], diagnostics };
  const header = records[0].cells.map((h) => {
    const raw = h.trim();
    const [kind, tag] = raw.includes(':') ? raw.split(':', 2) : ['', raw];
    const lang = normalizeLang(tag);
    if (lang) return kind ? `${kind.toLowerCase()}:${lang}` : lang;
    return raw.toLowerCase() === 'zh-hant' ? 'zh-Hant' : raw;
  });
  const col = (name: string) => header.indexOf(name);
  for (const need of ['zh-Hans', 'en']) {
    if (col(need) < 0) diagnostics.push(diagnostic({ rule: 'glossary:csv-header', reason: `the header row has no “${need}” column`, file, place: { line: records[0].line, column: 1 }, expected: [...CSV_COLUMNS] }));
  }
  if (diagnostics.length) return { entries: [], diagnostics };
  const entries: ImportedEntry[] = [];
  for (const r of records.slice(1)) {
    const get = (name: string) => {
      const i = col(name);
      return i >= 0 ? (r.cells[i] ?? '').trim() : '';
    };
    const cat = get('category');
    const e: ImportedEntry = { variants: {}, forbidden: {}, category: (CATEGORIES as readonly string[]).includes(cat) ? (cat as TermCategory) : 'other', line: r.line };
    if (get('id')) e.id = get('id');
    for (const lang of LANGS) {
      if (get(lang)) e[lang] = get(lang);
      const vs = splitList(get(`variants:${lang}`));
      if (vs.length) e.variants[lang] = vs;
      const fs = splitList(get(`forbidden:${lang}`)).map((f) => {
        const [term, use] = f.split('>').map((x) => x.trim());
        return use ? { term, use } : { term };
      });
      if (fs.length) e.forbidden[lang] = fs;
    }
    if (get('note')) e.note = get('note');
    const src = splitList(get('sources'));
    if (src.length) e.sources = src;
    if (get('domain')) e.domain = get('domain');
    const subj = splitList(get('subject'));
    if (subj.length) e.subject = subj;
    if (get('generic') === 'true') e.generic = true;
    entries.push(e);
  }
  return { entries, diagnostics };
}
