// `briefs add <file>`: a new source folder from a file as people have it (txt, md, html, docx, pdf):
// sources/<slug>/source.<ext> (the file's bytes, unchanged) and a meta.yaml prefilled with what the
// reader found (title, date, institution or outlet, authors, kind), each value with a comment saying
// where it came from, so a person checks it rather than retypes it. Never overwrites anything.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stringify as yamlStringify } from 'yaml';
import type { Context } from '../context.js';
import { UserError, diagnostic } from '../diagnostics.js';
import type { Person, SourceDoc, SourceKind } from '../model.js';
import { decode } from '../ingest/decode.js';
import { ingest } from '../ingest/index.js';
import { parseMeta } from '../ingest/meta.js';
import { toReadable, type SourceFormat } from '../ingest/formats/index.js';
import { displayPath } from './display-path.js';
import { isValidSlug } from './sources.js';

const FORMATS: Record<string, SourceFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.pdf': 'pdf' };
const FORMAT_NAMES: Record<SourceFormat, string> = { txt: 'text', md: 'Markdown', html: 'web page', docx: 'Word file', pdf: 'PDF' };

export interface FoundField {
  key: 'title' | 'date' | 'institution' | 'outlet' | 'authors' | 'kind';
  value: string | Person[] | undefined;
  /** Where the value came from, or why it is missing (the comment in meta.yaml). */
  from: string;
}

export interface AddedSource {
  slug: string;
  dir: string;
  sourceFile: string;
  metaFile: string;
  fields: FoundField[];
  metaYaml: string;
}

/** At most this many syllables of the title's pinyin make a slug. */
const SLUG_SYLLABLES = 6;
const SLUG_MAX_CHARS = 48;

/** ASCII, lower case, words joined by dashes: "Ukraine & EU: 2025" → "ukraine-eu-2025". */
function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A short ASCII slug of a title: pinyin of its first words (whole words, up to six syllables), other text as ASCII. */
export async function slugFromTitle(title: string): Promise<string> {
  // from node_modules, as romanize.ts does: not bundled (700 KB of dictionaries)
  const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  const words: string[] = [];
  let syllables = 0;
  for (const w of new Intl.Segmenter('zh', { granularity: 'word' }).segment(title)) {
    if (!w.isWordLike) continue;
    let word: string;
    let n = 1;
    if (/\p{Script=Han}/u.test(w.segment)) {
      const sy = pinyin(w.segment, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }) as string[];
      word = asciiSlug(sy.join(''));
      n = sy.length;
    } else word = asciiSlug(w.segment);
    if (!word) continue;
    if (syllables && (syllables + n > SLUG_SYLLABLES || [...words, word].join('-').length > SLUG_MAX_CHARS)) break;
    words.push(word.slice(0, SLUG_MAX_CHARS));
    syllables += n;
  }
  return words.join('-');
}

/** An entry of a reference list: [3] …, ［3］…, 3. Author… is left to the caller; a bracketed number is enough. */
const REFERENCE_ENTRY = /^\s*[\[［【]\s*\d{1,3}\s*[\]］】]/;

/** Where a value is in a text: "line N" (of the file itself) or a quoted piece of the line (of converted text). */
function locate(text: string, needles: string[], sameLines: boolean, what: string): string | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // an entry of a reference list cites another work: never where the document's own facts are
    if (REFERENCE_ENTRY.test(lines[i])) continue;
    const squashed = lines[i].replace(/[ \t\u3000]+/g, '');
    const hit = needles.find((n) => n && (lines[i].includes(n) || squashed.includes(n.replace(/[ \t\u3000]+/g, ''))));
    if (!hit) continue;
    if (sameLines) return `from ${what}, line ${i + 1}`;
    const line = lines[i].replace(/^[#>*\s-]+/, '').trim();
    return `from the ${what}'s text: "${line.length > 40 ? line.slice(0, 40) + '…' : line}"`;
  }
  return undefined;
}

/** The ways a source may write an ISO date (2025-07 as 2025年7月, 2025.7, 2025/07…). */
function dateForms(iso: string): string[] {
  const [y, m, d] = iso.slice(0, 10).split('-');
  const forms = [iso, iso.slice(0, 10)];
  if (m) {
    const mm = String(Number(m));
    forms.push(`${y}年${mm}月${d ? `${Number(d)}日` : ''}`, `${y}年${m}月${d ? `${d}日` : ''}`);
    for (const sep of ['-', '/', '.']) forms.push(`${y}${sep}${m}${d ? `${sep}${d}` : ''}`, `${y}${sep}${mm}${d ? `${sep}${Number(d)}` : ''}`);
  }
  // a year alone only for a date known to the year: 2007年 in 2007年第23号 is no source of 2007-06-29
  if (!m) forms.push(`${y}年`);
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** In a web page: the first <meta> tag, or the <title>, that holds a value. */
function inHtml(html: string, needles: string[]): string | undefined {
  const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const content = /\bcontent\s*=\s*("([^"]*)"|'([^']*)')/i.exec(tag);
    const value = content ? unescape(content[2] ?? content[3] ?? '') : '';
    if (!value || !needles.some((n) => n && value.includes(n))) continue;
    const attr = /\b(property|name|itemprop)\s*=\s*("([^"]*)"|'([^']*)')/i.exec(tag);
    if (attr) return `from <meta ${attr[1].toLowerCase()}="${attr[3] ?? attr[4]}">`;
  }
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (title && needles.some((n) => n && unescape(title[1]).includes(n))) return 'from <title>';
  return undefined;
}

interface Read {
  format: SourceFormat;
  /** The text the readers took (the file's own for txt/md, the converted text otherwise). */
  text: string;
  doc: SourceDoc;
  /** PDF: the title the reader took from the first page's largest type. */
  pdfTitle?: string;
  /** Web page: its HTML. */
  html?: string;
}

/**
 * Read the file the way `briefs parse` and `briefs build` do (build/load-source.ts): the same reader, and
 * for a PDF its layout (headings, the cover's title) given to the same parser, so the metadata offered
 * here is the metadata the build will use.
 */
async function readSource(ctx: Context, file: string, format: SourceFormat): Promise<Read> {
  const shown = displayPath(ctx, file);
  const bytes = readFileSync(file);
  const readable = await toReadable(bytes, format, shown);
  const { doc } = ingest({
    slug: 'new-source',
    file: shown,
    bytes: readable.bytes,
    format: readable.format,
    headingLines: readable.headingLines,
    ...(readable.title ? { layoutTitle: readable.title } : {}),
  });
  const text = decode(readable.bytes, shown);
  return { format, text, doc, pdfTitle: readable.title, html: format === 'html' ? decode(bytes, shown) : undefined };
}

/** Where a field's value came from, in words for the meta.yaml comment. */
function provenance(read: Read, key: FoundField['key'], needles: string[], fileName: string): string {
  if (read.html) {
    const tag = inHtml(read.html, needles);
    if (tag) return tag;
  }
  if (key === 'title' && read.pdfTitle && needles.includes(read.pdfTitle)) return "from the PDF's first page (largest type)";
  const own = read.format === 'txt' || read.format === 'md';
  return locate(read.text, needles, own, own ? fileName : FORMAT_NAMES[read.format]) ?? `read by the ${read.format === 'md' || read.format === 'html' || read.format === 'docx' ? 'news' : 'report'} parser`;
}

function fields(read: Read, fileName: string): FoundField[] {
  const m = read.doc.meta;
  const out: FoundField[] = [];
  const field = (key: FoundField['key'], value: string | undefined, needles = value ? [value] : []) =>
    out.push({ key, value, from: value ? provenance(read, key, needles, fileName) : 'not found in the source: fill in, or delete this line' });
  field('title', m.title);
  field('date', m.date, m.date ? dateForms(m.date) : []);
  // an article's outlet; a report's institution, or the body that issued or adopted an official document
  if (read.doc.kind === 'news' && !m.institution) field('outlet', m.outlet);
  else field('institution', m.institution);
  const authors = m.authors.filter((a) => a.name.trim());
  out.push({
    key: 'authors',
    value: authors.length ? authors.map((a) => ({ name: a.name, ...(a.role ? { role: a.role } : {}) })) : undefined,
    from: authors.length ? provenance(read, 'authors', authors.map((a) => a.name), fileName) : 'not found in the source: a list of names, or delete this line',
  });
  const kind: SourceKind = read.doc.kind;
  out.push({
    key: 'kind',
    value: kind,
    from: `the default for a ${FORMAT_NAMES[read.format]}: report (a paper with sections) or news (an article); change it if wrong`,
  });
  return out;
}

/** meta.yaml with a comment on every field. */
export function metaYaml(fs: FoundField[], fileName: string): string {
  const lines = [`# Facts about ${fileName} that its text does not say (or says wrongly): every value here overrides`, '# what the parser found. Check each one; the comments say where it came from.'];
  const scalar = (v: string) => yamlStringify(v, { lineWidth: 0 }).trimEnd();
  for (const f of fs) {
    if (f.value === undefined) lines.push(`# ${f.key}:   # ${f.from}`);
    else if (typeof f.value === 'string') lines.push(`${f.key}: ${scalar(f.value)}   # ${f.from}`);
    else {
      lines.push(`${f.key}:   # ${f.from}`);
      for (const p of f.value) {
        if (p.role) lines.push(`  - name: ${scalar(p.name)}`, `    role: ${scalar(p.role)}`);
        else lines.push(`  - ${scalar(p.name)}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

function addError(rule: string, reason: string, file?: string, exitCode = 1): UserError {
  return new UserError(diagnostic({ rule, reason, file }), exitCode);
}

/** Read a file, make sources/<slug>/ with it and a prefilled meta.yaml. Throws UserError (exit 1) on bad input or an existing source. */
export async function addSource(ctx: Context, fileArg: string, opts: { slug?: string } = {}): Promise<AddedSource> {
  const file = path.resolve(ctx.cwd, fileArg);
  const shown = displayPath(ctx, file);
  let st;
  try {
    st = statSync(file);
  } catch {
    throw addError('add:no-file', `no such file: ${shown}`, shown);
  }
  if (!st.isFile()) throw addError('add:not-a-file', `${shown} is not a file`, shown);
  const ext = path.extname(file).toLowerCase();
  const format = FORMATS[ext];
  if (!format) throw addError('add:unknown-format', `cannot read a "${ext || '(no extension)'}" file: briefs reads .txt, .md, .html, .docx and .pdf`, shown);
  if (opts.slug !== undefined && (!isValidSlug(opts.slug) || opts.slug !== opts.slug.trim()))
    throw addError('briefs:usage', `--slug "${opts.slug}" cannot name a folder (no "/", "\\", leading dot or empty name)`, undefined, 2);

  let read: Read;
  try {
    read = await readSource(ctx, file, format);
  } catch (err) {
    if (err instanceof UserError) throw err;
    // whatever a reader threw on this file, it is the file that is at fault: say which, without a stack
    throw addError('add:unreadable', `cannot read ${shown} as a ${FORMAT_NAMES[format]}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, shown);
  }
  const sourceName = `source${ext === '.markdown' ? '.md' : ext === '.htm' ? '.html' : ext}`;
  const found = fields(read, sourceName);
  const slug = opts.slug ?? ((read.doc.meta.title ? await slugFromTitle(read.doc.meta.title) : '') || asciiSlug(path.basename(file, path.extname(file))));
  if (!slug || !isValidSlug(slug)) throw addError('add:no-slug', `cannot make a folder name from the title or the file name of ${shown}: give one with --slug`, shown);
  const yaml = metaYaml(found, sourceName);
  // what is written must be what meta.yaml accepts (a located error here is a bug in this module)
  parseMeta(yaml, 'meta.yaml');

  const dir = path.join(ctx.sourcesDir, slug);
  const shownDir = displayPath(ctx, dir);
  if (existsSync(dir)) throw addError('add:exists', `${shownDir} already exists: nothing was written (choose another name with --slug)`, shownDir);
  mkdirSync(ctx.sourcesDir, { recursive: true });
  try {
    mkdirSync(dir); // not recursive: fails if another process made it meanwhile
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw addError('add:exists', `${shownDir} already exists: nothing was written (choose another name with --slug)`, shownDir);
    throw addError('add:write-failed', `cannot create ${shownDir}: ${(err as Error).message}`, shownDir);
  }
  const sourceFile = path.join(dir, sourceName);
  const metaFile = path.join(dir, 'meta.yaml');
  try {
    copyFileSync(file, sourceFile);
    writeFileSync(metaFile, yaml, { flag: 'wx' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true }); // the folder is ours: made above, empty before
    throw addError('add:write-failed', `cannot write ${shownDir}: ${(err as Error).message}`, shownDir);
  }
  return { slug, dir, sourceFile, metaFile, fields: found, metaYaml: yaml };
}
