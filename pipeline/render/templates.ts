// Templates own the layout: `<kind>.md.hbs` (Handlebars → Markdown), `labels.yaml` (the page's own
// words in each language) and `style.yaml` (page, type sizes, colours, the floor for fitting).
// Loading validates both YAML files and reports mistakes at file:line:column.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { diagnostic, UserError, type Diagnostic } from '../diagnostics.js';
import { LANGS, type Lang, type SourceKind } from '../model.js';

/** Words printed on the page, per language. Every key is required in every language. */
export const LABEL_KEYS = [
  'summary',
  'findings',
  'positions',
  'recommendations',
  'keyPoints',
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
  /** Compiled once per template set. */
  kinds: Partial<Record<SourceKind, HandlebarsTemplateDelegate>>;
  labels: Record<Lang, Labels>;
  style: Style;
}

type HandlebarsTemplateDelegate = (context: unknown) => string;

const KINDS: readonly SourceKind[] = ['report', 'news'];

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

const compiled = new Map<string, HandlebarsTemplateDelegate>();
const OPTIONS = { noEscape: true, strict: false };

function templateSyntaxError(e: unknown, file: string): UserError {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /line (\d+)/.exec(msg);
  return new UserError(
    diagnostic({
      rule: 'render:template-syntax',
      reason: `Template does not compile: ${msg.split('\n')[0]}`,
      file,
      place: m ? { line: Number(m[1]), column: 1 } : undefined,
    }),
  );
}

function compile(source: string, file: string): HandlebarsTemplateDelegate {
  const hit = compiled.get(source);
  if (hit) return hit;
  let fn: HandlebarsTemplateDelegate;
  try {
    const t = hbs.compile(source, OPTIONS);
    // Compile now (Handlebars compiles lazily), so syntax errors surface at load time.
    t({});
    fn = t as HandlebarsTemplateDelegate;
  } catch (e) {
    throw templateSyntaxError(e, file);
  }
  compiled.set(source, fn);
  return fn;
}

/**
 * A template set in plain data, for the build's cache in out/ (build/inputs.ts): each kind's template
 * precompiled by Handlebars (JavaScript source of its spec), labels and style as validated. Made
 * again whenever a template file or the tool changes.
 */
export interface TemplatesData {
  kinds: Partial<Record<SourceKind, string>>;
  labels: Record<Lang, Labels>;
  style: Style;
}

/** loadTemplates' checks, then the set as data (throws the same located errors). */
export function templatesData(dir: string): TemplatesData {
  const { sources, templates } = readTemplates(dir);
  const kinds: TemplatesData['kinds'] = {};
  for (const kind of KINDS) {
    const s = sources.kinds[kind];
    if (s !== undefined) kinds[kind] = hbs.precompile(s, OPTIONS) as string;
  }
  return { kinds, labels: templates.labels, style: templates.style };
}

/** Templates from data made by templatesData: Handlebars neither parses nor compiles them again. */
export function templatesFromData(data: TemplatesData): Templates {
  const kinds: Templates['kinds'] = {};
  for (const kind of KINDS) {
    const spec = data.kinds[kind];
    // Handlebars' own precompiled output, evaluated as its runtime expects it
    if (spec !== undefined) kinds[kind] = hbs.template(new Function(`return ${spec};`)() as Parameters<typeof hbs.template>[0]) as HandlebarsTemplateDelegate;
  }
  return { kinds, labels: data.labels, style: data.style };
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

function styleFrom(text: string, file: string): Style {
  const { doc, lc, data } = parseYaml(text, file);
  const problems: Diagnostic[] = [];
  const get = (path: string[]): unknown =>
    path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
  const bad = (path: string[], expected: string, v: unknown) =>
    problems.push(
      diagnostic({
        rule: v === undefined ? 'render:missing-style' : 'render:bad-style',
        reason: v === undefined ? `style "${path.join('.')}" is missing` : `style "${path.join('.')}" must be ${expected}`,
        file,
        place: placeOf(doc, lc, path),
        expected: [expected],
        actual: v === undefined ? undefined : JSON.stringify(v),
      }),
    );
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
  }
  if (!problems.length) {
    const min = get(['fit', 'minBodySize']) as number;
    const body = get(['sizes', 'body']) as number;
    if (min > body) bad(['fit', 'minBodySize'], `at most sizes.body (${body})`, min);
  }
  if (problems.length) throw new UserError(problems);
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
export function templatesFromStrings(src: TemplateSources): Templates {
  const kinds: Templates['kinds'] = {};
  for (const kind of KINDS) {
    const s = src.kinds[kind];
    if (s !== undefined) kinds[kind] = compile(s, src.files?.kinds?.[kind] ?? `${kind}.md.hbs`);
  }
  return {
    kinds,
    labels: labelsFrom(src.labels, src.files?.labels ?? 'labels.yaml'),
    style: styleFrom(src.style, src.files?.style ?? 'style.yaml'),
  };
}

const loaded = new Map<string, Templates>();

/** Reads `<kind>.md.hbs`, `labels.yaml` and `style.yaml` from `dir`. */
export function loadTemplates(dir: string): Templates {
  return readTemplates(dir).templates;
}

function readTemplates(dir: string): { sources: TemplateSources; templates: Templates } {
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
  const labels = read('labels.yaml');
  const style = read('style.yaml');
  const sources: TemplateSources = { kinds, labels, style, files: { labels: file('labels.yaml'), style: file('style.yaml'), kinds: kindFiles } };
  const key = JSON.stringify([dir, kinds, labels, style]);
  let t = loaded.get(key);
  if (!t) {
    t = templatesFromStrings(sources);
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
