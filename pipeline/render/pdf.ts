// Markdown → PDF. The PDF is typeset from the same syntax tree as the written Markdown
// (remark-parse + gfm + frontmatter → mdast → pdfmake document definition), so one template
// defines both formats.
import pdfmakeModule from 'pdfmake';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as yamlParse } from 'yaml';
import type { Root, RootContent, PhrasingContent, ListItem, Table } from 'mdast';
import type { Lang } from '../model.js';
import { printedTree, remarkBriefGfm } from './markdown.js';
import type { Style } from './templates.js';
import { fallbackPattern } from './fallback-chars.js';
import { ensureFonts, familyFor, fontTable, LATIN_FALLBACK, type PdfmakeLike } from './fonts.js';
import { installFontSharing } from './font-sharing.js';
import { deferDrawing, installRunMerging, type DeferredRender } from './pdfmake-renderer.js';
import { installStyleLookups } from './pdfmake-styles.js';
import { installRememberedBreaks } from './pdfmake-breaks.js';

interface OutputDocument {
  getBuffer(): Promise<Buffer>;
  getStream(): Promise<unknown>;
}
interface Pdfmake extends PdfmakeLike {
  createPdf(def: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
}

let pdfmakeInstance: Pdfmake | undefined;
function getPdfmake(): Pdfmake {
  if (!pdfmakeInstance) {
    const pm = pdfmakeModule as Pdfmake;
    // Everything comes from the virtual file system: no downloads, no other local files.
    pm.setUrlAccessPolicy(() => false);
    pm.setLocalAccessPolicy(() => false);
    installFontSharing();
    installRunMerging();
    installStyleLookups();
    installRememberedBreaks();
    pdfmakeInstance = pm;
  }
  return pdfmakeInstance;
}

const parser = unified().use(remarkParse).use(remarkBriefGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** The last few parsed texts: fitting typesets the same Markdown at several sizes. Read-only. */
const trees = new Map<string, Root>();

/** A Markdown text parsed as the PDF reads it, every time anew. */
export function parseMarkdownText(markdown: string): Root {
  return parser.runSync(parser.parse(markdown), markdown) as Root;
}

/**
 * Adjacent text nodes as one (a new tree where anything changes; the input is left alone). Where
 * they are split depends on how the tree was made (a template's tree, a plugin's, a parser's), and a
 * split in a word would let the line break there.
 */
export function mergeAdjacentText<T extends Root | RootContent>(node: T): T {
  if (!('children' in node)) return node;
  let changed = false;
  const out: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    const c = mergeAdjacentText(child);
    if (c !== child) changed = true;
    const last = out[out.length - 1];
    if (c.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: last.value + c.value };
      changed = true;
    } else out.push(c);
  }
  return changed ? ({ ...node, children: out } as T) : node;
}

/**
 * The tree the PDF is typeset from, adjacent texts merged: parsed once, or made from the tree a
 * canonical text was just printed from (which parsing the text gives back, tests/render/markdown.test.ts).
 */
export function parseMarkdown(markdown: string): Root {
  const hit = trees.get(markdown);
  if (hit) return hit;
  const tree = mergeAdjacentText(printedTree(markdown) ?? parseMarkdownText(markdown));
  trees.set(markdown, tree);
  if (trees.size > 8) trees.delete(trees.keys().next().value as string);
  return tree;
}

export interface PdfMeta {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
}

export interface RenderPdfOptions {
  lang: Lang;
  style: Style;
  /** The source's date (ISO, any precision): the PDF's creation and modification date. */
  date?: string;
  /** Left part of the footer (the source line). */
  footer?: string;
  /** Page label, "{n}" = page, "{m}" = pages (from labels.yaml). Default "{n} / {m}". */
  pageLabel?: string;
  meta?: PdfMeta;
  /** Lay out and count pages without producing the PDF bytes (for fitting). */
  layoutOnly?: boolean;
}

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

/** Fixed date: the source's date, else SOURCE_DATE_EPOCH, else the Unix epoch (never the clock). */
export function pdfDate(date?: string): Date {
  if (date) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?)?)?/.exec(date.trim());
    if (m) {
      const [, y, mo, d, h, mi, s] = m;
      return new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1, h ? Number(h) : 0, mi ? Number(mi) : 0, s ? Number(s) : 0));
    }
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(0);
}

type Inline = Record<string, unknown>;

/**
 * Every text leaf carries all its style properties resolved, so pdfmake does not walk its style
 * stack for each word (with CJK, each character is a word: that walk was the largest cost of layout).
 * `link` stays unset (pdfmake treats any non-null value as a link).
 */
type TextStyle = Record<string, unknown>;

/**
 * OpenType features per language. The CJK fonts draw “ ” ‘ ’ full-width (right in Chinese, gaping in
 * English): English text asks for their proportional forms ('pwid').
 */
function featuresFor(lang: string): string[] | false {
  return lang === 'en' ? ['pwid'] : false;
}

function textStyle(font: string, fontSize: number, color: string, lineHeight: number, bold = false, fontFeatures: string[] | false = false): TextStyle {
  return {
    font,
    bold,
    italics: false,
    alignment: 'left',
    fontSize,
    fontFeatures,
    characterSpacing: 0,
    color,
    decoration: false,
    decorationColor: false,
    decorationStyle: false,
    decorationThickness: false,
    background: false,
    noWrap: false,
    opacity: 1,
    sup: false,
    sub: false,
    lineHeight,
    preserveLeadingSpaces: false,
    preserveTrailingSpaces: false,
    leadingIndent: 0,
  };
}

/**
 * Characters the CJK face lacks and Noto Sans has (Latin Extended letters in names such as Erdoğan or
 * Wałęsa, ₽, ⁴, IPA…: fallback-chars.ts) are set in Noto Sans, the same design's Latin font, so a
 * name or a sign never turns into an empty box.
 */
export function leaves(base: TextStyle, text: string): Inline[] {
  const fallback = fallbackPattern(String(base.font));
  fallback.lastIndex = 0;
  if (!fallback.test(text)) return [{ ...base, text }];
  const out: Inline[] = [];
  let last = 0;
  fallback.lastIndex = 0;
  for (let m = fallback.exec(text); m; m = fallback.exec(text)) {
    if (m.index > last) out.push({ ...base, text: text.slice(last, m.index) });
    out.push({ ...base, font: LATIN_FALLBACK, fontFeatures: false, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ ...base, text: text.slice(last) });
  return out;
}

function phrasing(nodes: PhrasingContent[], base: TextStyle): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(...leaves(base, n.value));
        break;
      case 'strong':
        out.push(...phrasing(n.children, { ...base, bold: true }));
        break;
      case 'emphasis':
        out.push(...phrasing(n.children, { ...base, italics: true }));
        break;
      case 'delete':
        out.push(...phrasing(n.children, { ...base, decoration: 'lineThrough' }));
        break;
      case 'inlineCode':
        out.push(...leaves(base, n.value));
        break;
      case 'link':
        out.push(...phrasing(n.children, /^https?:\/\//.test(n.url) ? { ...base, link: n.url } : base));
        break;
      case 'break':
        out.push({ ...base, text: '\n' });
        break;
      case 'html':
        // Never interpreted: shown as the literal text it is.
        out.push(...leaves(base, n.value));
        break;
      default:
        if ('value' in n && typeof n.value === 'string') out.push(...leaves(base, n.value));
        else if ('children' in n) out.push(...phrasing((n as { children: PhrasingContent[] }).children, base));
    }
  }
  return out;
}

interface Ctx {
  style: Style;
  contentWidth: number;
  ts: Record<'title' | 'subtitle' | 'heading' | 'body' | 'th' | 'td', TextStyle>;
}

function listItem(item: ListItem, ctx: Ctx): unknown {
  const blocks = item.children.flatMap((c) => block(c, ctx)) as Record<string, unknown>[];
  for (const b of blocks) if (b.style === 'body') b.style = 'item';
  if (blocks.length === 1) return blocks[0];
  return { stack: blocks };
}

function table(node: Table, ctx: Ctx): unknown {
  const { style } = ctx;
  const cols = node.children[0]?.children.length ?? 0;
  return {
    table: {
      headerRows: 1,
      widths: Array.from({ length: cols }, () => '*'),
      body: node.children.map((row, r) =>
        row.children.map((cell) => ({
          text: phrasing(cell.children, r === 0 ? ctx.ts.th : ctx.ts.td),
          style: r === 0 ? 'th' : 'td',
          fillColor: r === 0 ? style.colors.tableHeader : undefined,
        })),
      ),
    },
    layout: {
      hLineWidth: (i: number, n: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === n.table.body.length ? 0.6 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => style.colors.rule,
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    margin: [0, 0, 0, style.spacing.paragraph],
  };
}

function rule(ctx: Ctx, color: string, width: number): unknown {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.contentWidth, y2: 0, lineWidth: width, lineColor: color }] };
}

function block(node: RootContent, ctx: Ctx): unknown[] {
  const { style } = ctx;
  switch (node.type) {
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
      return [];
    case 'heading':
      if (node.depth === 1)
        return [
          { text: phrasing(node.children, ctx.ts.title), style: 'title' },
          { ...(rule(ctx, style.colors.heading, 1.2) as object), margin: [0, 3, 0, 3] },
        ];
      return [{ text: phrasing(node.children, node.depth === 2 ? ctx.ts.heading : { ...ctx.ts.body, bold: true, color: style.colors.heading }), style: node.depth === 2 ? 'heading' : 'subheading' }];
    case 'paragraph': {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      // A paragraph that is all emphasis right under the title is the source line.
      if (only && only.type === 'emphasis') return [{ text: phrasing(only.children, ctx.ts.subtitle), style: 'subtitle' }];
      return [{ text: phrasing(node.children, ctx.ts.body), style: 'body' }];
    }
    case 'list': {
      const items = node.children.map((li) => listItem(li, ctx));
      return [
        node.ordered
          ? { ol: items, style: 'list', start: node.start ?? 1 }
          : { ul: items, style: 'list', markerColor: style.colors.heading },
      ];
    }
    case 'table':
      return [table(node, ctx)];
    case 'blockquote':
      return [{ stack: node.children.flatMap((c) => block(c, ctx)), margin: [12, 0, 0, 0], color: style.colors.muted }];
    case 'code':
      return [{ text: leaves({ ...ctx.ts.body, preserveLeadingSpaces: true }, node.value), style: 'body' }];
    case 'thematicBreak':
      return [{ ...(rule(ctx, style.colors.rule, 0.5) as object), margin: [0, 2, 0, 6] }];
    case 'html':
      return [{ text: leaves(ctx.ts.body, node.value), style: 'body' }];
    default:
      return [];
  }
}

const PAGE_SIZES: Record<string, [number, number]> = {
  A4: [595.28, 841.89],
  LETTER: [612, 792],
  A5: [419.53, 595.28],
};

/** A tree's YAML front matter, read once per tree (fitting lays the same tree out at several sizes). Read-only. */
const frontMatters = new WeakMap<Root, Record<string, unknown>>();
function frontMatter(tree: Root): Record<string, unknown> {
  let fm = frontMatters.get(tree);
  if (!fm) {
    const node = tree.children.find((n) => n.type === 'yaml');
    fm = (node && node.type === 'yaml' ? (yamlParse(node.value) as Record<string, unknown> | null) : null) ?? {};
    frontMatters.set(tree, fm);
  }
  return fm;
}

/** The pdfmake document definition for a Markdown text. */
export function documentDefinition(
  markdown: string,
  opts: RenderPdfOptions,
): { def: Record<string, unknown> } {
  const { style, lang } = opts;
  const tree = parseMarkdown(markdown);
  const fm = frontMatter(tree);
  const [pw] = PAGE_SIZES[style.page.size.toUpperCase()] ?? PAGE_SIZES.A4;
  const [ml, mt, mr, mb] = style.page.margins;
  const s = style.sizes;
  const sp = style.spacing;
  const c = style.colors;
  const family = familyFor(lang);
  const lh = style.lineHeight;
  const ff = featuresFor(lang);
  const ctx: Ctx = {
    style,
    contentWidth: pw - ml - mr,
    ts: {
      title: textStyle(family, s.title, c.title, 1, true, ff),
      subtitle: textStyle(family, s.subtitle, c.muted, lh, false, ff),
      heading: textStyle(family, s.heading, c.heading, 1, true, ff),
      body: textStyle(family, s.body, c.text, lh, false, ff),
      th: textStyle(family, s.table, c.heading, 1, true, ff),
      td: textStyle(family, s.table, c.text, 1, false, ff),
    },
  };
  const content = tree.children.flatMap((n) => block(n, ctx));
  const footerText = opts.footer ?? (typeof fm.source === 'string' ? fm.source : '');
  const pageLabel = opts.pageLabel ?? '{n} / {m}';
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const date = pdfDate(opts.date ?? str(fm.date));
  const def: Record<string, unknown> = {
    pageSize: style.page.size.toUpperCase(),
    pageMargins: [ml, mt, mr, mb],
    language: lang,
    info: {
      title: opts.meta?.title ?? str(fm.title) ?? '',
      author: opts.meta?.author ?? footerText,
      subject: opts.meta?.subject ?? str(fm.source),
      keywords: opts.meta?.keywords,
      creator: 'briefs',
      producer: 'briefs (pdfmake)',
      creationDate: date,
      modDate: date,
    },
    content,
    defaultStyle: { font: family, fontSize: s.body, lineHeight: style.lineHeight, color: c.text },
    styles: {
      title: { fontSize: s.title, bold: true, color: c.title, lineHeight: 1 },
      subtitle: { fontSize: s.subtitle, color: c.muted, italics: false, margin: [0, 0, 0, sp.paragraph] },
      heading: { fontSize: s.heading, bold: true, color: c.heading, lineHeight: 1, margin: [0, sp.beforeHeading, 0, sp.afterHeading] },
      subheading: { fontSize: s.body, bold: true, color: c.heading, margin: [0, sp.afterHeading, 0, sp.afterHeading] },
      body: { margin: [0, 0, 0, sp.paragraph] },
      item: {},
      list: { margin: [0, 0, 0, sp.paragraph] },
      th: { fontSize: s.table, bold: true, color: c.heading, lineHeight: 1.1 },
      td: { fontSize: s.table, lineHeight: 1.1 },
    },
    footer: (currentPage: number, pageCount: number) => {
      return {
        margin: [ml, Math.max(8, mb / 2 - s.footer), mr, 0],
        columns: [
          { text: leaves(textStyle(family, s.footer, c.muted, 1, false, ff), footerText), width: '*' },
          {
            text: [
              {
                ...textStyle(family, s.footer, c.muted, 1),
                text: pageLabel.replace('{n}', String(currentPage)).replace('{m}', String(pageCount)),
                noWrap: true,
              },
            ],
            width: 'auto',
            margin: [12, 0, 0, 0],
          },
        ],
      };
    },
  };
  // List items are spaced a little apart (pdfmake has no per-list item gap).
  for (const node of content as Record<string, unknown>[]) {
    const items = (node.ul ?? node.ol) as unknown[] | undefined;
    if (items)
      for (let i = 0; i < items.length - 1; i++) {
        const it = items[i] as Record<string, unknown>;
        it.margin = [0, 0, 0, sp.item];
      }
  }
  return { def };
}

export interface LaidOutPdf {
  pages: number;
  /**
   * Height of the content in page heights: 0.8 fills 80% of one page, 1.3 overflows by 30% of a page.
   * Fitting uses it to predict the type size that fits (the footer is not content).
   */
  fill: number;
  /** Finish the laid-out document into its bytes (subset fonts, compress). Call at most once. */
  finish(): Promise<Buffer>;
}

/**
 * Lay a rendered brief out and count its pages, leaving the document open: finishing it gives the
 * same bytes as renderPdf with the same Markdown and options, without laying it out again.
 */
export async function layoutPdf(markdown: string, opts: RenderPdfOptions): Promise<LaidOutPdf> {
  const pm = getPdfmake();
  const family = familyFor(opts.lang);
  ensureFonts(pm, family);
  const { def } = documentDefinition(markdown, opts);
  // The font table is mutated by pdfmake: a fresh one per document, set right before createPdf
  // (createPdf reads it synchronously).
  // Drawing is deferred too: most probes are only counted, never drawn.
  const drawing: DeferredRender = {};
  def.images = deferDrawing(drawing);
  pm.setFonts(fontTable(family));
  const doc = pm.createPdf(def);
  await doc.getStream();
  const draw = drawing.draw;
  if (!draw) throw new Error('pdfmake laid the document out without reaching its renderer');
  return {
    pages: drawing.pages?.length ?? 0,
    fill: contentFill((drawing.pages ?? []) as LaidOutPage[]),
    finish: () => {
      draw();
      return doc.getBuffer();
    },
  };
}

interface LaidOutPage {
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
  items: { type: string; item: { y?: number; getHeight?: () => number } }[];
}

/** Content height of laid-out pages, in page content heights (the lowest text line of the last page). */
export function contentFill(pages: LaidOutPage[]): number {
  if (!pages.length) return 0;
  const last = pages[pages.length - 1];
  const top = last.pageMargins.top;
  const bottom = last.pageSize.height - last.pageMargins.bottom;
  let lowest = top;
  for (const { type, item } of last.items)
    if (type === 'line' && typeof item.y === 'number' && item.y < bottom && item.getHeight) lowest = Math.max(lowest, item.y + item.getHeight());
  return pages.length - 1 + (lowest - top) / (bottom - top);
}

/** Typeset a rendered brief. Deterministic: same Markdown and options, same bytes. */
export async function renderPdf(markdown: string, opts: RenderPdfOptions): Promise<RenderedPdf> {
  const laid = await layoutPdf(markdown, opts);
  if (opts.layoutOnly) return { pdf: Buffer.alloc(0), pages: laid.pages };
  return { pdf: await laid.finish(), pages: laid.pages };
}
