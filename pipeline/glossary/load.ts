// Loading term files (glossary/*.yaml): parse, validate against the schema, build Terms.
// Every problem is a diagnostic located at file:line:column of the YAML node concerned.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import { diagnostic, UserError, isError, type Diagnostic } from '../diagnostics.js';
import type { ForbiddenVariant, Lang, Place, Term, TermCategory } from '../model.js';
import { FILE_SCHEMA } from './schema.js';
import { errorPlace, firstAliasPlace, yamlDepthProblem } from '../yaml-limits.js';
import { createHantConverter } from '../localize/hant.js';

export type ToHant = (s: string) => string;

export interface LoadOptions {
  /** zh-Hans → zh-Hant, for entries that do not store their zh-Hant form. Default: the project converter (Taiwan). */
  toHant?: ToHant;
}

export interface LoadResult {
  terms: Term[];
  diagnostics: Diagnostic[];
  /** The entries as written (validated), in file order, each with the term made of it: for digests. */
  raw: RawTermEntry[];
}

// ---- ids ----

/** kebab-case id from an English rendering: "Charter of the United Nations" → charter-of-the-united-nations. */
export function deriveId(en: string): string {
  return en
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---- places of fields (for lint): kept beside the Term, keyed by a dotted path ----

const FIELD_PLACES = new WeakMap<Term, Map<string, Place>>();

/** Where a field of a loaded term was written: 'en', 'zh-Hant', 'variants.en.1', 'forbidden.zh-Hans.0.term'… */
export function fieldPlace(term: Term, field: string): Place | undefined {
  return FIELD_PLACES.get(term)?.get(field) ?? (term.origin ? { line: term.origin.line, column: term.origin.column } : undefined);
}

// ---- schema ----

let validateFile: ReturnType<Ajv['compile']> | undefined;
function validator(): ReturnType<Ajv['compile']> {
  if (!validateFile) validateFile = new Ajv({ allErrors: true, strict: false }).compile(FILE_SCHEMA);
  return validateFile;
}

function placeOf(node: Node | undefined | null, lc: LineCounter): Place {
  const offset = node?.range?.[0] ?? 0;
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(p: (string | number)[]): string {
  const [i, ...rest] = p;
  const entry = typeof i === 'number' ? `entry ${i + 1}` : 'file';
  return rest.length ? `${entry}: "${rest.join('.')}"` : entry;
}

function schemaDiagnostic(err: ErrorObject, doc: Document, lc: LineCounter, file: string): Diagnostic {
  const p = pathOf(err.instancePath);
  let node = (p.length ? doc.getIn(p, true) : doc.contents) as Node | undefined;
  const where = describe(p);
  let reason: string;
  let expected: string[] | undefined;
  let actual: string | undefined;
  const value = isScalar(node) ? String(node.value) : undefined;
  switch (err.keyword) {
    case 'required':
      reason = `${where} lacks the required field "${(err.params as { missingProperty: string }).missingProperty}"`;
      break;
    case 'additionalProperties': {
      const prop = (err.params as { additionalProperty: string }).additionalProperty;
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && it.key.value === prop);
        if (pair && isScalar(pair.key)) node = pair.key;
      }
      reason = `${where} has an unknown field "${prop}"`;
      const props = Object.keys((err.parentSchema as { properties?: object })?.properties ?? {});
      expected = props.length ? props : undefined;
      break;
    }
    case 'enum':
      reason = `${where} must be one of: ${((err.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
      actual = value;
      break;
    case 'type':
      reason = `${where} must be ${err.params && (err.params as { type: string }).type === 'array' ? 'a list' : (err.params as { type: string }).type === 'object' ? 'a mapping' : `a ${(err.params as { type: string }).type}`}`;
      break;
    case 'minLength':
      reason = `${where} is empty`;
      break;
    case 'pattern':
      if (p[p.length - 1] === 'id') reason = `${where} must be kebab-case (a-z, 0-9 and single hyphens)`;
      else if (p.includes('sources')) reason = `${where} must be a source slug (a-z, 0-9, . _ -)`;
      else if (p.includes('domain') || p.includes('subject')) reason = `${where} must be a subject in kebab-case (international-security)`;
      else reason = `${where} is empty or starts/ends with whitespace`;
      actual = value;
      break;
    default:
      reason = `${where} ${err.message ?? 'is invalid'}`;
  }
  return diagnostic({ rule: 'glossary:schema', reason, file, place: placeOf(node, lc), expected, actual });
}

// ---- building terms ----

const ALL_LANGS: Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

interface RawForbidden {
  term: string;
  use?: string;
}
export interface RawEntry {
  id?: string;
  'zh-Hans': string;
  'zh-Hant'?: string;
  'hant-intended'?: boolean;
  en: string;
  variants?: Partial<Record<Lang, string[]>>;
  forbidden?: Partial<Record<Lang, RawForbidden[]>>;
  category: TermCategory;
  note?: string;
  sources?: string[];
  domain?: string;
  subject?: string[];
  generic?: boolean;
}

/** Build a Term from a validated raw entry; zh-Hant forms absent from the entry are derived with toHant. */
export function termFromEntry(raw: RawEntry, toHant: ToHant): Term {
  const zhHans = raw['zh-Hans'];
  const zhHant = raw['zh-Hant'] ?? toHant(zhHans);
  const variants: Partial<Record<Lang, string[]>> = {};
  for (const lang of ALL_LANGS) {
    const list = raw.variants?.[lang];
    if (list && list.length) variants[lang] = uniq(list);
  }
  if (!raw.variants?.['zh-Hant'] && variants['zh-Hans']) {
    const derived = uniq(variants['zh-Hans'].map(toHant)).filter((v) => v !== zhHant);
    if (derived.length) variants['zh-Hant'] = derived;
  }
  const forbidden: Partial<Record<Lang, ForbiddenVariant[]>> = {};
  for (const lang of ALL_LANGS) {
    const list = raw.forbidden?.[lang];
    if (list && list.length) forbidden[lang] = list.map((f) => (f.use ? { term: f.term, use: f.use } : { term: f.term }));
  }
  if (!raw.forbidden?.['zh-Hant'] && forbidden['zh-Hans']) {
    const accepted = new Set([zhHant, ...(variants['zh-Hant'] ?? [])]);
    const seen = new Set<string>();
    const derived: ForbiddenVariant[] = [];
    for (const f of forbidden['zh-Hans']) {
      const t = toHant(f.term);
      if (accepted.has(t) || seen.has(t)) continue;
      seen.add(t);
      derived.push(f.use ? { term: t, use: toHant(f.use) } : { term: t });
    }
    if (derived.length) forbidden['zh-Hant'] = derived;
  }
  const term: Term = {
    id: raw.id ?? deriveId(raw.en),
    'zh-Hans': zhHans,
    'zh-Hant': zhHant,
    en: raw.en,
    variants,
    forbidden,
    category: raw.category,
  };
  if (raw.note !== undefined) term.note = raw.note;
  if (raw.sources && raw.sources.length) term.sources = [...new Set(raw.sources)].sort();
  if (raw['hant-intended']) term.hantIntended = true;
  if (raw.domain) term.domain = raw.domain;
  if (raw.subject !== undefined) {
    const list = [...new Set(raw.subject)].sort();
    if (list.length) term.subject = list;
  }
  if (raw.generic) term.generic = true;
  return term;
}

function recordPlaces(term: Term, entry: Node, lc: LineCounter): void {
  const places = new Map<string, Place>();
  const walk = (node: Node | null | undefined, prefix: string): void => {
    if (!node) return;
    if (prefix) places.set(prefix, placeOf(node, lc));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        walk(pair.value as Node, prefix ? `${prefix}.${key}` : key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((it, i) => walk(it as Node, `${prefix}.${i}`));
    }
  };
  walk(entry, '');
  FIELD_PLACES.set(term, places);
}

/** Sort terms deterministically: by id, then zh-Hans, then where they were defined. */
export function sortTerms(terms: Term[]): Term[] {
  const key = (t: Term) => [t.id, t['zh-Hans'], t.origin?.file ?? '', String(t.origin?.line ?? 0).padStart(8, '0')];
  return terms.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}

/** Which key a duplicate-key error is about: ` (“en” is given twice)`. */
function duplicateKeyNote(text: string, offset: number): string {
  const key = /^["']?([^"':\n]{1,40})/.exec(text.slice(offset, offset + 60))?.[1]?.trim();
  return key ? ` (“${key}” is given twice)` : '';
}

/**
 * Parse one term file. Pure: the text, the name to report it under, and the zh-Hant converter.
 * Syntax and schema errors come back as error diagnostics (and no terms from that file).
 */
export function parseTermFile(text: string, file: string, toHant: ToHant): LoadResult {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  // nested too deep for the parser, or for what walks the document next: one located error (yaml-limits.ts)
  const deep = yamlDepthProblem(doc, text, lc);
  if (deep) return { terms: [], diagnostics: [diagnostic({ rule: 'glossary:too-deep', reason: deep.reason, file, place: deep.place })], raw: [] };
  const yamlProblems = [...doc.errors.map((e) => ({ e, severity: 'error' as const })), ...doc.warnings.map((e) => ({ e, severity: 'warning' as const }))];
  for (const { e, severity } of yamlProblems) {
    diagnostics.push(
      diagnostic({
        rule: 'glossary:yaml-syntax',
        reason: `YAML: ${e.message.split('\n')[0]}${e.code === 'DUPLICATE_KEY' ? duplicateKeyNote(text, e.pos[0]) : ''}`,
        file,
        severity,
        // every error has its place: the package gives its offset
        place: errorPlace(e, lc),
      }),
    );
  }
  if (diagnostics.some(isError)) return { terms: [], diagnostics, raw: [] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err) {
    // an alias bomb (aliases of aliases expanding without bound): the package refuses it; say where
    if (!(err instanceof ReferenceError)) throw err;
    const place = firstAliasPlace(doc, lc) ?? { line: 1, column: 1 };
    return { terms: [], diagnostics: [diagnostic({ rule: 'glossary:yaml-syntax', reason: `YAML: ${err.message} (too many aliases): not read`, file, place })], raw: [] };
  }
  if (data === null || data === undefined) return { terms: [], diagnostics, raw: [] };
  const validate = validator();
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const err of validate.errors ?? []) {
      // an empty string fails both minLength and pattern: one message is enough
      if (err.keyword === 'pattern' && (validate.errors ?? []).some((e) => e.keyword === 'minLength' && e.instancePath === err.instancePath)) continue;
      const d = schemaDiagnostic(err, doc, lc, file);
      const k = `${d.line}:${d.column}:${d.reason}`;
      if (seen.has(k)) continue;
      seen.add(k);
      diagnostics.push(d);
    }
    return { terms: [], diagnostics, raw: [] };
  }
  const entries = data as RawEntry[];
  const terms: Term[] = [];
  const raw: RawTermEntry[] = [];
  entries.forEach((entry, i) => {
    const node = doc.getIn([i], true) as Node;
    const term = termFromEntry(entry, toHant);
    raw.push({ id: entry.id ?? deriveId(entry.en), entry, term });
    const p = placeOf(node, lc);
    term.origin = { file, line: p.line, column: p.column };
    recordPlaces(term, node, lc);
    terms.push(term);
  });
  return { terms: sortTerms(terms), diagnostics, raw };
}

/** One glossary entry as written (validated), with its id (given or derived from the English) and its term. */
export interface RawTermEntry {
  id: string;
  entry: RawEntry;
  term: Term;
}

/** The default zh-Hant converter for deriving term forms (Taiwan usage, no quote conversion). */
export function defaultToHant(): ToHant {
  return createHantConverter({ quotes: false });
}

/** The *.yaml / *.yml files of a glossary folder, sorted by name. */
export function glossaryFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(diagnostic({ rule: 'glossary:no-glossary', reason: `glossary folder not found: ${dir}` }));
  }
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Load every term file of a folder (sorted by name). A missing folder is a UserError; so are syntax
 * and schema errors, which are all reported together, each at its file:line:column.
 */
export function loadGlossary(dir: string, opts: LoadOptions = {}): LoadResult {
  const toHant = opts.toHant ?? defaultToHant();
  const terms: Term[] = [];
  const diagnostics: Diagnostic[] = [];
  const raw: RawTermEntry[] = [];
  for (const file of glossaryFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(process.cwd(), file) || file;
    const r = parseTermFile(text.replace(/^\uFEFF/, ''), rel.startsWith('..') ? file : rel, toHant);
    terms.push(...r.terms);
    diagnostics.push(...r.diagnostics);
    raw.push(...r.raw);
  }
  if (diagnostics.some(isError)) throw new UserError(diagnostics);
  return { terms: sortTerms(terms), diagnostics, raw };
}
