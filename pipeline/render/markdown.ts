// Brief → Markdown: the kind's Handlebars template fills in an escaped view model, then the text
// goes through unified (remark-parse → remark-stringify, fixed options) so what is written is canonical.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Processor } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { stringify as yamlStringify } from 'yaml';
import { visit } from 'unist-util-visit';
import type { Root, Table } from 'mdast';
import { VFile } from 'vfile';
import { diagnostic, UserError } from '../diagnostics.js';
import type { Brief, BriefItem, Lang, Place } from '../model.js';
import { LABEL_KEYS, type Labels, type Templates } from './templates.js';
import { DRAFT_BANNER, describeOrigin } from '../localize/origin.js';

/**
 * Escape source text so that Markdown reads it literally: every character that could open
 * Markdown or HTML syntax gets a backslash (CommonMark lets any ASCII punctuation be escaped),
 * and a line that would start a list or heading is defused. Whitespace (including newlines) is
 * collapsed, so one item stays one line. Raw HTML such as `<script>` becomes literal text.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/[\s\u2028\u2029]+/g, ' ').trim();
  let out = flat.replace(/[\\`*_{}[\]<>()#+|~!&$^=-]/g, (c) => {
    // Only characters that can start or end syntax need escaping; keep the rest readable.
    switch (c) {
      case '(':
      case ')':
      case '{':
      case '}':
      case '+':
      case '-':
      case '=':
      case '$':
      case '^':
      case '!':
        return c;
      default:
        return '\\' + c;
    }
  });
  // Line-start constructs: "1." / "1)" (ordered list), "-", "+", "=" (list, setext underline).
  out = out.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
  // Bare URLs and e-mail addresses: see remarkNoLiteralAutolinks.
  // "![" would start an image only after an escaped "[", which is escaped above; "-->" etc. are inert.
  return out;
}

/** Front matter fields (YAML-safe: written by the yaml library). */
export interface FrontMatter {
  title: string;
  lang: Lang;
  kind: string;
  /** The genre selection followed (law, interview, work report, speech), when it says more than the kind. */
  genre?: string;
  slug: string;
  date?: string;
  source?: string;
  /** A draft translation (nobody reviewed it): true, with where it came from. */
  draft?: true;
  origins?: string[];
}

/**
 * GFM as a brief's Markdown is read: tables, footnotes, strikethrough and task lists, but never a
 * bare URL, `www.` name or e-mail address turned into a link. A brief's text is text (links are
 * written `[…](…)` or `<…>`, which CommonMark reads anyway), so remark-gfm's literal autolinks were
 * unwrapped again after every parse; not making them at all gives the same tree with its texts
 * whole, and the parse takes ~40 % less time (the autolink construct is tried at every ASCII letter
 * of English text). Printing still uses all of GFM: the text is escaped as before, byte for byte.
 */
export function remarkBriefGfm(this: Processor, options: { tablePipeAlign?: boolean; tableCellPadding?: boolean } = {}) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
  (data.toMarkdownExtensions ??= []).push(gfmToMarkdown(options));
}

const processor = unified()
  .use(remarkParse)
  .use(remarkBriefGfm, { tablePipeAlign: false, tableCellPadding: true })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, {
    bullet: '-',
    bulletOther: '*',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    incrementListMarker: true,
    listItemIndent: 'one',
    rule: '-',
    setext: false,
    closeAtx: false,
    resourceLink: true,
  })
  .freeze();

/**
 * The trees the last canonical texts were printed from, by text. Parsing a canonical text gives its
 * tree back (tests/render/markdown.test.ts checks it, positions aside), so the PDF is typeset from the
 * tree at hand instead of parsing the text again. Bounded; read-only for everyone.
 */
const printedTrees = new Map<string, Root>();
const PRINTED_MAX = 16;

/** The tree a canonical text was printed from, if it is one of the last few; positions are the input's. */
export function printedTree(markdown: string): Root | undefined {
  return printedTrees.get(markdown);
}

/**
 * Canonical form of a Markdown text: parse and print with the fixed options. `check` sees the parsed
 * tree first (and may throw).
 */
export function canonicalMarkdown(md: string, check?: (tree: Root) => void): string {
  const file = new VFile(md);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  check?.(tree);
  const markdown = String(processor.stringify(tree, file));
  printedTrees.delete(markdown);
  printedTrees.set(markdown, tree);
  if (printedTrees.size > PRINTED_MAX) printedTrees.delete(printedTrees.keys().next().value as string);
  return markdown;
}

function joinSentences(list: string[], lang: Lang): string {
  return list.join(lang === 'en' ? ' ' : '');
}

const QUOTES: [string, string][] = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
  ['‘', '’'],
];

function unquote(text: string): string {
  const t = text.trim();
  for (const [a, b] of QUOTES) {
    if (t.length > 2 && t.startsWith(a) && t.endsWith(b) && !t.slice(1, -1).includes(b)) return t.slice(1, -1).trim();
  }
  return t;
}

/** "美国：…" → actor 美国. Only a short lead before the first colon counts as an actor. */
function splitActor(item: BriefItem): { actor?: string; text: string } {
  if (item.speaker?.name) return { actor: item.speaker.name, text: item.text.trim() };
  const m = /^([^：:。，,；;]{1,24}?)\s*：\s*(.+)$/s.exec(item.text.trim()) ?? /^([^：:.,;。，；]{1,64}?):\s+(.+)$/s.exec(item.text.trim());
  if (m) return { actor: m[1], text: m[2] };
  return { text: item.text.trim() };
}

export interface RenderMarkdownOptions {
  /** The source's date (ISO), for the front matter. */
  date?: string;
  /** Source description for the front matter (defaults to the brief's source line). */
  source?: string;
}

function viewModel(brief: Brief, labels: Labels, opts: RenderMarkdownOptions): Record<string, unknown> {
  const e = escapeMarkdown;
  const slot = (name: string) => brief.slots.find((s) => s.name === name)?.items ?? [];
  const texts = (name: string) => slot(name).map((i) => e(i.text));
  // a source with nothing to say of where it comes from (no outlet, author or date) has no source field: an empty one says nothing
  const source = opts.source ?? brief.sourceLine;
  const fm: FrontMatter = {
    title: brief.title,
    lang: brief.lang,
    kind: brief.kind,
    ...(brief.genre ? { genre: brief.genre } : {}),
    slug: brief.slug,
    ...(opts.date ? { date: opts.date } : {}),
    ...(source ? { source } : {}),
    ...(brief.draft ? { draft: true as const, origins: [...brief.draft.origins] } : {}),
  };
  const escLabels = Object.fromEntries(LABEL_KEYS.map((k) => [k, e(labels[k]) || labels[k]]));
  // Punctuation-only labels (colon, quotes) must keep their spaces: escape without trimming.
  for (const k of ['colon', 'quoteOpen', 'quoteClose', 'roleOpen', 'roleClose'] as const) escLabels[k] = labels[k].replace(/[\\`*_[\]<>#|]/g, '\\$&');
  return {
    frontMatter: yamlStringify(fm, { lineWidth: 0 }).trimEnd(),
    lang: brief.lang,
    slug: brief.slug,
    title: e(brief.title),
    sourceLine: e(brief.sourceLine),
    labels: escLabels,
    sep: brief.lang === 'en' ? ' ' : '',
    bottomLine: texts('bottomLine'),
    bottomLineText: joinSentences(texts('bottomLine'), brief.lang),
    findings: texts('findings'),
    recommendations: texts('recommendations'),
    keyPoints: texts('keyPoints'),
    positions: slot('positions').map((i) => {
      const { actor, text } = splitActor(i);
      return { actor: actor ? e(actor) : undefined, text: e(text) };
    }),
    voices: slot('voices').map((i) => ({
      name: i.speaker?.name ? e(i.speaker.name) : undefined,
      role: i.speaker?.role ? e(i.speaker.role) : undefined,
      text: e(unquote(i.text)),
    })),
    // Every slot, generically, for templates of other kinds.
    slots: Object.fromEntries(brief.slots.map((s) => [s.name, s.items.map((i) => e(i.text))])),
    terms: brief.terms.map((t) => ({ text: e(t.text), en: e(t.en) })),
  };
}

/**
 * A brief with draft English opens with a banner, whatever the template: right after the front matter,
 * so it tops the Markdown and the PDF made from it.
 */
function withDraftBanner(md: string, brief: Brief): string {
  if (!brief.draft) return md;
  const banner = `> **${DRAFT_BANNER}:** ${escapeMarkdown(brief.draft.origins.map(describeOrigin).join('; '))}.\n\n`;
  const fm = /^---\n[\s\S]*?\n---\n/.exec(md);
  return fm ? `${fm[0]}\n${banner}${md.slice(fm[0].length).replace(/^\n+/, '')}` : banner + md;
}

/** Render a brief to canonical Markdown with YAML front matter. */
export function renderMarkdown(brief: Brief, t: Templates, opts: RenderMarkdownOptions = {}): string {
  const template = t.kinds[brief.kind];
  if (!template) {
    throw new UserError(
      diagnostic({ rule: 'render:missing-template', reason: `no template for brief kind "${brief.kind}" (${brief.kind}.md.hbs)` }),
    );
  }
  const labels = t.labels[brief.lang];
  const file = t.files[brief.kind] ?? `${brief.kind}.md.hbs`;
  // bounded: a located render:* UserError naming the template, never Handlebars' own error
  const raw = withDraftBanner(template(viewModel(brief, labels, opts)), brief);
  return canonicalMarkdown(raw, (tree) => checkTables(tree, raw, file, t.sources[brief.kind]));
}

/** At most this many characters of a rendered line are quoted in a diagnostic. */
const QUOTE_MAX = 120;

function quote(line: string): string {
  const s = line.trim();
  return s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX)}…` : s;
}

/**
 * Every row of a table the template made has as many cells as its header (pdfmake cannot lay out
 * another table, and fails with a dump of its data). A row that does not is reported at the template
 * line it comes from, when one line of the template can have made it.
 */
export function checkTables(tree: Root, rendered: string, file: string, source?: string): void {
  const lines = rendered.split('\n');
  const problems: ReturnType<typeof diagnostic>[] = [];
  visit(tree, 'table', (table: Table) => {
    const width = table.children[0]?.children.length ?? 0;
    // one diagnostic per table: its first ragged row, and how many more there are
    const bad = table.children.slice(1).filter((row) => row.children.length !== width);
    if (!bad.length) return undefined;
    const [row] = bad;
    const at = row.position?.start.line;
    const line = at !== undefined ? lines[at - 1] ?? '' : '';
    const more = bad.length > 1 ? `; ${bad.length - 1} more row(s) of this table too` : '';
    problems.push(
      diagnostic({
        rule: 'render:table-shape',
        reason: `a table row has ${row.children.length} cell(s), its header ${width}: \`${quote(line)}\` (line ${at ?? '?'} of the rendered Markdown${more})`,
        file,
        place: source !== undefined ? templateLineOf(source, line) : undefined,
      }),
    );
    // a few are enough to see what is wrong
    return problems.length >= 5 ? false : undefined;
  });
  if (problems.length) throw new UserError(problems);
}

/** Unescaped `|` in a line of Markdown. */
function pipes(text: string): number {
  return (text.match(/(?<!\\)\|/g) ?? []).length;
}

/**
 * The line of a template that rendered `line`: its text outside `{{…}}` matches, with as many pipes
 * (values are escaped, so their pipes do not count). The first such line, if any.
 */
export function templateLineOf(source: string, line: string): Place | undefined {
  const target = line.trim();
  // a long line could make the pattern backtrack for long: then no place
  if (target.length > 2000) return undefined;
  const want = pipes(target);
  const tlines = source.split('\n');
  for (let i = 0; i < tlines.length; i++) {
    const parts = tlines[i].trim().split(/\{\{[\s\S]*?\}\}/);
    if (!parts.some((p) => p.includes('|'))) continue;
    if (parts.reduce((n, p) => n + pipes(p), 0) !== want) continue;
    const re = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?')}$`);
    if (re.test(target)) return { line: i + 1, column: tlines[i].length - tlines[i].trimStart().length + 1 };
  }
  return undefined;
}
