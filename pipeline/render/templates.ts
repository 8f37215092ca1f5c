// Templates own the layout: `<kind>.md.hbs` (Handlebars → Markdown), `labels.yaml` (the page's own
// words in each language) and `style.yaml` (page, type sizes, colours, the floor for fitting).
// Loading validates both YAML files and reports mistakes at file:line:column.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { diagnostic, UserError, type Diagnostic } from '../diagnostics.js';
import { LANGS, type Lang, type Place, type SourceKind } from '../model.js';
import standardPageSizesModule from 'pdfmake/js/standardPageSizes.js';
import { PRECOMPILED } from './precompiled-templates.js';

/** The page sizes pdfmake knows by name (A4, LETTER…; it reads them in upper case). */
function pageSizes(): Record<string, unknown> {
  // Babel-compiled CommonJS: Node and esbuild give `exports`, Vite (the tests) `exports.default`
  const m = standardPageSizesModule as { default?: Record<string, unknown> } & Record<string, unknown>;
  return (m.default && typeof m.default === 'object' ? m.default : m) as Record<string, unknown>;
}

/** Words printed on the page, per language. Every key is required in every language. */
export const LABEL_KEYS = [
  'summary',
  'findings',
  'positions',
  'recommendations',
  'keyPoints',
  'chapters',
  'voices',
  'terms',
  'term',
  'english',
  'source',
  'page',
  'colon',
  'quoteOpen',
  'quoteClose',
  'roleOpen',
  'roleClose',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];
export type Labels = Record<LabelKey, string>;

export interface Style {
  page: {
    size: string;
    /** [left, top, right, bottom] in points. */
    margins: [number, number, number, number];
  };
  /** Font sizes in points at scale 1. */
  sizes: { title: number; subtitle: number; heading: number; body: number; table: number; footer: number };
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Space in points (at scale 1) before a section heading, after a heading, between paragraphs/items. */
  spacing: { beforeHeading: number; afterHeading: number; paragraph: number; item: number };
  colors: { text: string; title: string; heading: string; muted: string; rule: string; tableHeader: string };
  fit: {
    /** Smallest body size fitting may shrink to; all sizes scale by the same factor. */
    minBodySize: number;
    /** Shrink step as a fraction of the original sizes (0.05 = 5 %). */
    step: number;
  };
}

export interface Templates {
  /**
   * The kind's template, compiled in this process from its source (never from anything kept in out/),
   * bounded: it throws a located UserError (never Handlebars' or JavaScript's own) when it fails or
   * does too much work (see renderBounded).
   */
  kinds: Partial<Record<SourceKind, HandlebarsTemplateDelegate>>;
  /** Each kind's template source and the name diagnostics give its file. */
  sources: Partial<Record<SourceKind, string>>;
  files: Partial<Record<SourceKind, string>>;
  labels: Record<Lang, Labels>;
  style: Style;
}

type HandlebarsTemplateDelegate = (context: unknown) => string;

const KINDS: readonly SourceKind[] = ['report', 'news'];

/**
 * A template file larger than this is refused (the shipped ones are ~1 KB): Handlebars takes seconds
 * to compile a few hundred KB.
 */
export const MAX_TEMPLATE_CHARS = 100_000;
/**
 * Blocks nested deeper than this are refused before Handlebars parses them: its parser takes time
 * growing with the square of the depth (minutes for thousands) and its compiler overflows the stack.
 */
export const MAX_NESTING = 50;
/** Block iterations (`{{#each}}` bodies, at any depth) one rendering of a brief may run. */
export const MAX_ITERATIONS = 100_000;
/**
 * The Markdown one rendering of a brief may produce. A one-page brief is 3,000-4,000 characters, the
 * brief before fitting drops items a few times that (selection bounds its items); more is a template
 * repeating itself, and would cost pdfmake seconds per layout.
 */
export const MAX_MARKDOWN_CHARS = 100_000;
/**
 * Text the iterations of one rendering may produce, counted at every depth (so nested blocks count
 * their text more than once): stops a loop that builds a huge text before the size check could.
 */
const MAX_ITERATION_CHARS = 16 * MAX_MARKDOWN_CHARS;

/** The Handlebars environment of the renderer: its own instance, so helpers never leak. */
const hbs = Handlebars.create();
/**
 * `{{ }}` must not HTML-escape: the view model handed to templates is already Markdown-escaped
 * by code (see markdown.ts), so `{{x}}` and `{{{x}}}` print the same safe Markdown text.
 * `{{join list sep}}` joins escaped strings.
 */
hbs.registerHelper('join', (list: unknown, sep: unknown) =>
  Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '') : '',
);

/** What the rendering under way has spent; set by renderBounded. */
interface Work {
  file: string;
  iterations: number;
  chars: number;
}
let work: Work | undefined;

interface HbsLoc {
  start?: { line?: number; column?: number };
}
/** A Handlebars location (1-based line, 0-based column) as a diagnostic's place. */
function placeOfLoc(loc: HbsLoc | undefined): Place | undefined {
  const s = loc?.start;
  return s && typeof s.line === 'number' && typeof s.column === 'number' ? { line: s.line, column: s.column + 1 } : undefined;
}

export function tooLarge(file: string, reason: string, place?: Place): UserError {
  return new UserError(diagnostic({ rule: 'render:too-large', reason, file, place }));
}

/**
 * `each` counted: every iteration (and `blockHelperMissing` over a list, which calls it) is charged
 * to the rendering under way, which stops with render:too-large past the budget, at the block
 * that crossed it. Otherwise Handlebars' own `each`.
 */
const builtinEach = hbs.helpers.each as (this: unknown, ...args: unknown[]) => unknown;
hbs.registerHelper('each', function (this: unknown, ...args: unknown[]) {
  const options = args[args.length - 1] as { fn?: (ctx: unknown, o?: unknown) => string; loc?: HbsLoc } | undefined;
  if (work && options && typeof options.fn === 'function') {
    const w = work;
    const fn = options.fn;
    const counted = (ctx: unknown, o?: unknown): string => {
      if (++w.iterations > MAX_ITERATIONS)
        throw tooLarge(w.file, `the template loops more than ${MAX_ITERATIONS} times for one brief (nested {{#each}}?)`, placeOfLoc(options.loc));
      const s = fn(ctx, o);
      w.chars += s.length;
      if (w.chars > MAX_ITERATION_CHARS)
        throw tooLarge(w.file, `the template's loops produce more than ${MAX_ITERATION_CHARS} characters for one brief`, placeOfLoc(options.loc));
      return s;
    };
    args[args.length - 1] = { ...options, fn: counted };
  }
  return builtinEach.apply(this, args);
});

/** At most `max` characters of the first line of a message: no error of rendering embeds data. */
export function shortMessage(e: unknown, max = 200): string {
  const msg = e instanceof Error ? e.message : String(e);
  const line = msg.split('\n')[0].trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/**
 * Run a compiled template under the work budget; any failure becomes one located, short UserError
 * naming the template file. The Markdown it returns is at most MAX_MARKDOWN_CHARS.
 */
function renderBounded(t: HandlebarsTemplateDelegate, file: string): HandlebarsTemplateDelegate {
  return (context: unknown) => {
    const outer = work;
    work = { file, iterations: 0, chars: 0 };
    let out: string;
    try {
      out = t(context);
    } catch (e) {
      throw renderFailure(e, file);
    } finally {
      work = outer;
    }
    if (out.length > MAX_MARKDOWN_CHARS)
      throw tooLarge(file, `the template renders ${out.length} characters for one brief, more than ${MAX_MARKDOWN_CHARS}`);
    return out;
  };
}

function renderFailure(e: unknown, file: string): UserError {
  if (e instanceof UserError) return e;
  if (e instanceof RangeError) return tooLarge(file, `the template nests too deeply to render (${shortMessage(e, 80)})`);
  const ex = e as { lineNumber?: unknown; column?: unknown };
  const place =
    typeof ex.lineNumber === 'number' && typeof ex.column === 'number' ? { line: ex.lineNumber, column: ex.column + 1 } : undefined;
  // Handlebars appends " - line:column" to a located message: the place says it
  const reason = shortMessage(e).replace(/ - \d+:\d+$/, '');
  return new UserError(diagnostic({ rule: 'render:template-failed', reason: `the template fails: ${reason}`, file, place }));
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();
const OPTIONS = { noEscape: true, strict: false };

/** A Handlebars parse error, at the token where the parser stopped. */
function templateSyntaxError(e: unknown, file: string): UserError {
  const msg = e instanceof Error ? e.message : String(e);
  const ex = e as { lineNumber?: unknown; column?: unknown };
  let place: Place | undefined;
  let reason: string;
  if (/^(Parse|Lexical) error/.test(msg)) {
    // jison's message repeats the text around the error, newlines removed: the lexer's place is exact
    const loc = (hbs as unknown as { Parser?: { lexer?: { yylloc?: { first_line?: number; first_column?: number } } } }).Parser?.lexer?.yylloc;
    if (loc && typeof loc.first_line === 'number' && typeof loc.first_column === 'number')
      place = { line: loc.first_line, column: loc.first_column + 1 };
    const lines = msg.split('\n');
    const last = lines[lines.length - 1];
    const got = /got '([^']*)'/.exec(last)?.[1];
    const expecting = /Expecting (.*), got/.exec(last)?.[1];
    reason = /^Lexical/.test(msg)
      ? 'unrecognized text'
      : `unexpected ${got === 'INVALID' ? 'text' : got ?? 'text'}${expecting ? `, expecting ${expecting.replace(/'/g, '')}` : ''}`;
    if (!place) {
      const m = /line (\d+)/.exec(msg);
      if (m) place = { line: Number(m[1]), column: 1 };
    }
  } else {
    if (typeof ex.lineNumber === 'number' && typeof ex.column === 'number') place = { line: ex.lineNumber, column: ex.column + 1 };
    reason = msg.split('\n')[0].replace(/ - \d+:\d+$/, '');
  }
  return new UserError(
    diagnostic({
      rule: 'render:template-syntax',
      reason: `Template does not compile: ${reason.length > 200 ? `${reason.slice(0, 200)}…` : reason}`,
      file,
      place,
    }),
  );
}

/** The arguments Handlebars' own block helpers take (they throw without a place otherwise). */
const HELPER_ARITY: Record<string, number> = { each: 1, if: 1, unless: 1, with: 1, lookup: 2, join: 2 };

interface HbsNode {
  type: string;
  loc?: HbsLoc;
  path?: HbsNode & { original?: unknown; parts?: unknown[]; depth?: number; data?: boolean };
  params?: HbsNode[];
  hash?: { pairs?: { value: HbsNode }[] };
  program?: HbsNode;
  inverse?: HbsNode;
  body?: HbsNode[];
  name?: HbsNode;
}

/**
 * What the template calls, checked before it runs: a helper this renderer does not have, or one of
 * the built-ins with the wrong number of arguments, would only fail when the line runs, and then
 * without a place. Partials and decorators are refused: the renderer registers none, and an inline
 * partial calling itself would escape the work budget.
 */
function checkCalls(ast: HbsNode, file: string): void {
  const problems: Diagnostic[] = [];
  const report = (rule: string, reason: string, node: HbsNode) =>
    problems.push(diagnostic({ rule, reason, file, place: placeOfLoc(node.loc ?? node.path?.loc) }));
  const call = (node: HbsNode, block: boolean) => {
    const path = node.path;
    const params = node.params ?? [];
    const hash = node.hash?.pairs ?? [];
    if (path && path.type === 'PathExpression') {
      const name = String(path.original);
      const simple = path.parts?.length === 1 && !path.data && !path.depth && !/^(this|\.)/.test(name);
      const isHelper = simple && Object.prototype.hasOwnProperty.call(hbs.helpers, name);
      // with arguments it is a helper call (Handlebars throws "Missing helper" when the line runs);
      // without, a value or a block over one
      if (!isHelper && (params.length > 0 || hash.length > 0)) {
        const known = Object.keys(hbs.helpers).filter((h) => !/Missing$/.test(h) && h !== 'log').sort();
        report('render:unknown-helper', `unknown helper "${name.slice(0, 60)}" (helpers: ${known.join(', ')})`, node);
      } else if (isHelper && HELPER_ARITY[name] !== undefined && params.length !== HELPER_ARITY[name]) {
        const n = HELPER_ARITY[name];
        report('render:template-syntax', `${block ? '#' : ''}${name} takes ${n} argument${n === 1 ? '' : 's'}, given ${params.length}`, node);
      }
    }
    for (const p of params) expr(p);
    for (const h of hash) expr(h.value);
  };
  const expr = (node: HbsNode | undefined) => {
    if (node?.type === 'SubExpression') call(node, false);
  };
  const walk = (node: HbsNode | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const b of node.body ?? []) walk(b);
        break;
      case 'MustacheStatement':
        call(node, false);
        break;
      case 'BlockStatement':
        call(node, true);
        walk(node.program);
        walk(node.inverse);
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        report('render:template-unsupported', 'partials ({{> name}}) are not supported in brief templates', node);
        break;
      case 'Decorator':
      case 'DecoratorBlock':
        report('render:template-unsupported', 'decorators and inline partials ({{#* …}}) are not supported in brief templates', node);
        break;
      default:
        break;
    }
  };
  walk(ast);
  if (problems.length) throw new UserError(problems);
}

/** Block openings (`{{#x}}`, `{{^x}}`), chained `{{else x}}` (a block inside the else) and closings. */
const BLOCK_TAG = /\{\{~?\s*(?:([#^])\s*([^\s}~]?)|(\/)|else\s+[^\s}~])/g;

/**
 * Where blocks first nest deeper than MAX_NESTING, from the tags alone (Handlebars would take long to
 * tell); undefined if they do not. Tags in comments count too: at worst a false alarm on a template
 * nobody writes.
 */
function tooDeep(source: string): Place | undefined {
  const chains: number[] = [];
  let depth = 0;
  for (const m of source.matchAll(BLOCK_TAG)) {
    if (m[3]) {
      depth -= chains.pop() ?? 0;
      continue;
    }
    if (m[1] === '^' && !m[2]) continue; // {{^}}: an else
    if (m[1]) chains.push(1);
    else if (chains.length) chains[chains.length - 1]++;
    else continue;
    if (++depth > MAX_NESTING) {
      const before = source.slice(0, m.index);
      const line = before.split('\n').length;
      return { line, column: m.index! - (before.lastIndexOf('\n') + 1) + 1 };
    }
  }
  return undefined;
}

/**
 * A template source compiled by Handlebars in this process (memoized by source), checked and bounded
 * (see renderBounded). Throws located UserErrors.
 */
function compile(source: string, file: string): HandlebarsTemplateDelegate {
  const hit = compiled.get(`${file}\0${source}`);
  if (hit) return hit;
  // a shipped template, checked and compiled when the CLI was bundled (render/precompiled-templates.ts)
  const spec = PRECOMPILED.get(source);
  if (spec !== undefined) {
    const fn = renderBounded(hbs.template(spec as TemplateSpecification) as HandlebarsTemplateDelegate, file);
    compiled.set(`${file}\0${source}`, fn);
    return fn;
  }
  return compileSource(source, file);
}

type TemplateSpecification = Parameters<typeof hbs.template>[0];

/** compile's checks and Handlebars' compiler, for a source not precompiled. */
function compileSource(source: string, file: string): HandlebarsTemplateDelegate {
  if (source.length > MAX_TEMPLATE_CHARS)
    throw tooLarge(file, `the template has ${source.length} characters, more than ${MAX_TEMPLATE_CHARS}`);
  const deep = tooDeep(source);
  if (deep) throw tooLarge(file, `blocks are nested more than ${MAX_NESTING} deep`, deep);
  let ast: HbsNode;
  try {
    ast = hbs.parseWithoutProcessing(source) as unknown as HbsNode;
  } catch (e) {
    throw templateSyntaxError(e, file);
  }
  checkCalls(ast, file);
  let t: HandlebarsTemplateDelegate;
  try {
    // the same steps as compile(source): whitespace control, then the compilers
    t = hbs.compile(ast as unknown as hbs.AST.Program, OPTIONS) as HandlebarsTemplateDelegate;
  } catch (e) {
    throw templateSyntaxError(e, file);
  }
  // Compile now (Handlebars compiles lazily), so its errors surface at load time, not in a job
  // (with no data nothing iterates).
  try {
    t({});
  } catch (e) {
    throw templateSyntaxError(e, file);
  }
  const fn = renderBounded(t, file);
  compiled.set(`${file}\0${source}`, fn);
  return fn;
}

/**
 * A template source as Handlebars' precompiled spec (JavaScript source of an object), after every
 * check compile runs (throws the same located UserErrors). For scripts/bundle.mjs, which puts the
 * shipped templates' specs into the bundle (render/precompiled-templates.ts).
 */
export function precompileTemplate(source: string, file: string): string {
  compileSource(source, file);
  return hbs.precompile(source, OPTIONS) as string;
}

/**
 * A template set in plain data, as it crosses to the workers (build/pool.ts): the template sources
 * (each process compiles them itself), and labels and style as validated. Nothing here is code; the
 * build keeps only labels and style in out/ (see keptTemplates), and no process ever runs anything
 * read from there.
 */
export interface TemplatesData {
  sources: Partial<Record<SourceKind, string>>;
  files: Partial<Record<SourceKind, string>>;
  labels: Record<Lang, Labels>;
  style: Style;
}

/** Labels and style as validated: what the build may keep in out/ for the next one. */
export interface KeptTemplateData {
  labels: Record<Lang, Labels>;
  style: Style;
}

/**
 * loadTemplates' checks, then the set as data (throws the same located errors). With `kept` (labels
 * and style an earlier build validated, read back from out/ and checked with isKeptTemplateData),
 * the YAML files are not parsed again; the templates are always read and compiled.
 */
export function templatesData(dir: string, kept?: KeptTemplateData): TemplatesData {
  const { sources, templates } = readTemplates(dir, kept);
  return { sources: { ...sources.kinds }, files: { ...templates.files }, labels: templates.labels, style: templates.style };
}

/** Templates from data made by templatesData: the sources are compiled (once per process). */
export function templatesFromData(data: TemplatesData): Templates {
  const kinds: Templates['kinds'] = {};
  for (const kind of KINDS) {
    const s = data.sources[kind];
    if (s !== undefined) kinds[kind] = compile(s, data.files[kind] ?? `${kind}.md.hbs`);
  }
  return { kinds, sources: { ...data.sources }, files: { ...data.files }, labels: data.labels, style: data.style };
}

/** Whether data read back from a cache has the shape labelsFrom and styleFrom guarantee. */
export function isKeptTemplateData(v: unknown): v is KeptTemplateData {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  // exactly what the build keeps: anything more (an older cache's precompiled templates) is not this
  if (Object.keys(v).sort().join() !== 'labels,style') return false;
  const { labels, style } = v as Record<string, unknown>;
  if (!labels || typeof labels !== 'object') return false;
  for (const lang of LANGS) {
    const l = (labels as Record<string, unknown>)[lang];
    if (!l || typeof l !== 'object') return false;
    for (const key of LABEL_KEYS) if (typeof (l as Record<string, unknown>)[key] !== 'string') return false;
  }
  return styleProblems(style).length === 0;
}

function parseYaml(text: string, file: string): { doc: Document; lc: LineCounter; data: unknown } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    throw new UserError(
      doc.errors.map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return diagnostic({
          rule: 'render:yaml-syntax',
          reason: e.message.split('\n')[0],
          file,
          place: { line: pos.line, column: pos.col },
        });
      }),
    );
  }
  return { doc, lc, data: doc.toJS() };
}

/** Place of the node at `path`, or of the deepest existing ancestor (for missing keys). */
function placeOf(doc: Document, lc: LineCounter, path: (string | number)[]): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : (doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) {
      // For a missing key, point at the parent's key (the line that opens the map).
      let offset = range[0];
      if (n < path.length && n > 0) {
        const parent = doc.getIn(path.slice(0, n - 1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[n - 1]);
          const kr = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
          if (kr) offset = kr[0];
        }
      }
      const p = lc.linePos(offset);
      return { line: p.line, column: p.col };
    }
  }
  return { line: 1, column: 1 };
}

function labelsFrom(text: string, file: string): Record<Lang, Labels> {
  const { doc, lc, data } = parseYaml(text, file);
  const problems: Diagnostic[] = [];
  const out = {} as Record<Lang, Labels>;
  const root = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  for (const lang of LANGS) {
    const section = root[lang];
    if (!section || typeof section !== 'object') {
      problems.push(
        diagnostic({ rule: 'render:missing-label', reason: `labels for "${lang}" are missing`, file, place: placeOf(doc, lc, [lang]) }),
      );
      continue;
    }
    const labels = {} as Labels;
    for (const key of LABEL_KEYS) {
      const v = (section as Record<string, unknown>)[key];
      if (typeof v !== 'string') {
        problems.push(
          diagnostic({
            rule: 'render:missing-label',
            reason: v === undefined ? `label "${lang}.${key}" is missing` : `label "${lang}.${key}" must be a string`,
            file,
            place: placeOf(doc, lc, [lang, key]),
            expected: ['a string'],
          }),
        );
        continue;
      }
      labels[key] = v;
    }
    out[lang] = labels;
  }
  if (problems.length) throw new UserError(problems);
  return out;
}

const STYLE_NUMBERS: [string, ...string[]][] = [
  ['page', 'margins'],
  ['sizes', 'title'],
  ['sizes', 'subtitle'],
  ['sizes', 'heading'],
  ['sizes', 'body'],
  ['sizes', 'table'],
  ['sizes', 'footer'],
  ['lineHeight'],
  ['spacing', 'beforeHeading'],
  ['spacing', 'afterHeading'],
  ['spacing', 'paragraph'],
  ['spacing', 'item'],
  ['fit', 'minBodySize'],
  ['fit', 'step'],
];
const STYLE_STRINGS: string[][] = [
  ['page', 'size'],
  ['colors', 'text'],
  ['colors', 'title'],
  ['colors', 'heading'],
  ['colors', 'muted'],
  ['colors', 'rule'],
  ['colors', 'tableHeader'],
];

interface StyleProblem {
  path: string[];
  expected: string;
  value: unknown;
}

/** What is wrong with parsed style data (nothing: it is a Style). */
function styleProblems(data: unknown): StyleProblem[] {
  const problems: StyleProblem[] = [];
  const get = (path: string[]): unknown =>
    path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
  const bad = (path: string[], expected: string, value: unknown) => problems.push({ path, expected, value });
  for (const path of STYLE_NUMBERS) {
    const v = get(path);
    if (path[1] === 'margins') {
      if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => typeof x === 'number' && x >= 0))
        bad(path, 'a list of 4 numbers [left, top, right, bottom]', v);
    } else if (typeof v !== 'number' || !(v > 0)) bad(path, 'a positive number', v);
  }
  for (const path of STYLE_STRINGS) {
    const v = get(path);
    if (typeof v !== 'string' || !v) bad(path, 'a string', v);
    else if (path[1] === 'size' && !Object.prototype.hasOwnProperty.call(pageSizes(), v.toUpperCase()))
      bad(path, 'a page size pdfmake knows (A4, A5, LETTER, LEGAL…)', v);
  }
  if (!problems.length) {
    const min = get(['fit', 'minBodySize']) as number;
    const body = get(['sizes', 'body']) as number;
    if (min > body) bad(['fit', 'minBodySize'], `at most sizes.body (${body})`, min);
  }
  return problems;
}

function styleFrom(text: string, file: string): Style {
  const { doc, lc, data } = parseYaml(text, file);
  const problems = styleProblems(data);
  if (problems.length)
    throw new UserError(
      problems.map(({ path, expected, value: v }) =>
        diagnostic({
          rule: v === undefined ? 'render:missing-style' : 'render:bad-style',
          reason: v === undefined ? `style "${path.join('.')}" is missing` : `style "${path.join('.')}" must be ${expected}`,
          file,
          place: placeOf(doc, lc, path),
          expected: [expected],
          actual: v === undefined ? undefined : JSON.stringify(v),
        }),
      ),
    );
  return data as Style;
}

export interface TemplateSources {
  /** Handlebars source per brief kind. */
  kinds: Partial<Record<SourceKind, string>>;
  labels: string;
  style: string;
  /** Names used in diagnostics. */
  files?: { labels?: string; style?: string; kinds?: Partial<Record<SourceKind, string>> };
}

/** Pure: templates from strings (for tests and for callers that read files themselves). */
export function templatesFromStrings(src: TemplateSources, kept?: KeptTemplateData): Templates {
  const kinds: Templates['kinds'] = {};
  const sources: Templates['sources'] = {};
  const files: Templates['files'] = {};
  for (const kind of KINDS) {
    const s = src.kinds[kind];
    if (s === undefined) continue;
    const file = src.files?.kinds?.[kind] ?? `${kind}.md.hbs`;
    kinds[kind] = compile(s, file);
    sources[kind] = s;
    files[kind] = file;
  }
  return {
    kinds,
    sources,
    files,
    labels: kept?.labels ?? labelsFrom(src.labels, src.files?.labels ?? 'labels.yaml'),
    style: kept?.style ?? styleFrom(src.style, src.files?.style ?? 'style.yaml'),
  };
}

const loaded = new Map<string, Templates>();

/** Reads `<kind>.md.hbs`, `labels.yaml` and `style.yaml` from `dir`. */
export function loadTemplates(dir: string): Templates {
  return readTemplates(dir).templates;
}

/** The templates of `dir`; with `kept`, its labels and style instead of those of the YAML files (not read). */
function readTemplates(dir: string, kept?: KeptTemplateData): { sources: TemplateSources; templates: Templates } {
  const file = (name: string) => join(dir, name);
  const read = (name: string): string => {
    try {
      return readFileSync(file(name), 'utf8');
    } catch {
      throw new UserError(diagnostic({ rule: 'render:missing-template', reason: `cannot read ${name} in ${dir}`, file: file(name) }));
    }
  };
  const kinds: TemplateSources['kinds'] = {};
  const kindFiles: Partial<Record<SourceKind, string>> = {};
  for (const kind of KINDS) {
    const name = `${kind}.md.hbs`;
    if (existsSync(file(name))) {
      kinds[kind] = read(name);
      kindFiles[kind] = file(name);
    }
  }
  const yamlFile = (name: string) => (kept && existsSync(file(name)) ? '' : read(name));
  const labels = yamlFile('labels.yaml');
  const style = yamlFile('style.yaml');
  const sources: TemplateSources = { kinds, labels, style, files: { labels: file('labels.yaml'), style: file('style.yaml'), kinds: kindFiles } };
  const key = JSON.stringify([dir, kinds, labels, style, kept ?? null]);
  let t = loaded.get(key);
  if (!t) {
    t = templatesFromStrings(sources, kept);
    loaded.set(key, t);
  }
  return { sources, templates: t };
}

/** Style with every size and spacing multiplied by `scale` (margins and colours unchanged). */
export function scaleStyle(style: Style, scale: number): Style {
  const r = (x: number) => Math.round(x * scale * 100) / 100;
  const s = style.sizes;
  const sp = style.spacing;
  return {
    ...style,
    sizes: { title: r(s.title), subtitle: r(s.subtitle), heading: r(s.heading), body: r(s.body), table: r(s.table), footer: s.footer },
    spacing: { beforeHeading: r(sp.beforeHeading), afterHeading: r(sp.afterHeading), paragraph: r(sp.paragraph), item: r(sp.item) },
  };
}
