// Markdown → Word (.docx), for editors. Made from the same syntax tree as the PDF (pdf.ts
// parseMarkdown), so one template defines every format: headings become Word's heading styles, lists
// real numbered and bulleted lists, tables (the key terms) Word tables. Page, margins, type sizes,
// colours, footer and page number follow the PDF at the scale fitting chose; every run names its
// fonts (Noto Sans SC/TC for East Asian text, Noto Sans for letters the CJK fonts lack, as the PDF).
// Deterministic: fixed document dates and zip entry dates (docx-package.ts), no generated ids.
import * as docxLib from 'docx';
import type { File, INumberingOptions, IParagraphOptions, IRunOptions, IStylesOptions, Paragraph, Table, TextRun, Footer } from 'docx';
import { parse as yamlParse } from 'yaml';
import type { ListItem, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import type { Lang } from '../model.js';
import { fallbackPattern } from './fallback-chars.js';
import { familyFor, LATIN_FALLBACK, type FontFamily } from './fonts.js';
import { parseMarkdown, pdfDate } from './pdf.js';
import type { Style } from './templates.js';
import { corePropertiesXml, fixZipDates, zipParts } from './docx-package.js';

export interface RenderDocxOptions {
  lang: Lang;
  /** The style at the scale the PDF was fitted at (templates.ts scaleStyle). */
  style: Style;
  /** The source's date (ISO, any precision): the document's dates (see pdf.ts pdfDate). */
  date?: string;
  /** Left part of the footer (the source line). */
  footer?: string;
  /** Page label, "{n}" = page, "{m}" = pages (from labels.yaml). Default "{n} / {m}". */
  pageLabel?: string;
  meta?: { title?: string; subject?: string; keywords?: string };
}

/**
 * The docx package. This module is imported on first use (build/job.ts), so a start that writes no
 * Word file never sets docx up; bundled (scripts/bundle.mjs), its code comes from the code cache.
 */
const lib = () => docxLib;

/** The font names Word knows the PDF's families by. */
const FONT_NAMES: Record<FontFamily, string> = { NotoSansSC: 'Noto Sans SC', NotoSansTC: 'Noto Sans TC', NotoSans: 'Noto Sans' };
/** Word's language tags for East Asian text, so it picks the right forms and line breaking. */
const EAST_ASIAN_LANG: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'zh-CN' };

const PAGE_SIZES: Record<string, [number, number]> = { A4: [595.28, 841.89], LETTER: [612, 792], A5: [419.53, 595.28] };

/** Points → twentieths of a point (Word's twips). */
const tw = (pt: number) => Math.round(pt * 20);
/** Points → half-points (Word's font sizes). */
const hp = (pt: number) => Math.round(pt * 2);
/** Points → eighths of a point (Word's border widths), at least Word's thinnest (2). */
const eighths = (pt: number) => Math.max(2, Math.round(pt * 8));
const hex = (color: string) => color.replace(/^#/, '').toUpperCase();

/** What a run sets itself; what it leaves out comes from its paragraph's style (headings). */
interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  color?: string;
  size?: number;
}

interface Ctx {
  lang: Lang;
  style: Style;
  family: FontFamily;
  /** How many lists so far: each numbered list is a list of its own in Word (it starts at its own number). */
  lists: number;
}

/** Runs of a text, the characters the CJK face lacks set in Noto Sans (as pdf.ts leaves()). */
function runs(text: string, rs: RunStyle, ctx: Ctx): TextRun[] {
  const run = (t: string, family: FontFamily) => {
    const name = FONT_NAMES[family];
    const opts: IRunOptions = {
      text: t,
      font: { ascii: name, hAnsi: name, eastAsia: FONT_NAMES[ctx.family], cs: name },
      language: { value: ctx.lang === 'en' ? 'en-US' : EAST_ASIAN_LANG[ctx.lang], eastAsia: EAST_ASIAN_LANG[ctx.lang] },
      size: rs.size === undefined ? undefined : hp(rs.size),
      color: rs.color === undefined ? undefined : hex(rs.color),
      bold: rs.bold || undefined,
      italics: rs.italics || undefined,
      strike: rs.strike || undefined,
    };
    return new (lib().TextRun)(opts);
  };
  const out: TextRun[] = [];
  const fallback = fallbackPattern(ctx.family);
  fallback.lastIndex = 0;
  let last = 0;
  for (let m = fallback.exec(text); m; m = fallback.exec(text)) {
    if (m.index > last) out.push(run(text.slice(last, m.index), ctx.family));
    out.push(run(m[0], LATIN_FALLBACK));
    last = m.index + m[0].length;
  }
  if (last < text.length || !out.length) out.push(run(text.slice(last), ctx.family));
  return out;
}

function phrasing(nodes: PhrasingContent[], rs: RunStyle, ctx: Ctx): TextRun[] {
  const out: TextRun[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
      case 'html': // never interpreted: the literal text it is
        out.push(...runs(n.value, rs, ctx));
        break;
      case 'strong':
        out.push(...phrasing(n.children, { ...rs, bold: true }, ctx));
        break;
      case 'emphasis':
        out.push(...phrasing(n.children, { ...rs, italics: true }, ctx));
        break;
      case 'delete':
        out.push(...phrasing(n.children, { ...rs, strike: true }, ctx));
        break;
      case 'break':
        out.push(new (lib().TextRun)({ break: 1 }));
        break;
      default:
        // links keep their text (a Word hyperlink would need a generated relationship id)
        if ('value' in n && typeof n.value === 'string') out.push(...runs(n.value, rs, ctx));
        else if ('children' in n) out.push(...phrasing((n as { children: PhrasingContent[] }).children, rs, ctx));
    }
  }
  return out;
}

const body = (ctx: Ctx): RunStyle => ({ color: ctx.style.colors.text, size: ctx.style.sizes.body });
/** Line spacing as the PDF's: a multiple of the font's own line height. */
const lineSpacing = (ctx: Ctx, lineHeight = ctx.style.lineHeight) => ({ line: Math.round(240 * lineHeight), lineRule: 'auto' as const });

function listParagraphs(items: ListItem[], ordered: boolean, level: number, ctx: Ctx): Paragraph[] {
  const instance = ++ctx.lists;
  const out: Paragraph[] = [];
  items.forEach((item, i) => {
    const lastItem = i === items.length - 1;
    let first = true;
    for (const child of item.children) {
      if (child.type === 'list') {
        out.push(...listParagraphs(child.children, Boolean(child.ordered), Math.min(level + 1, 8), ctx));
        continue;
      }
      const paras = block(child, ctx);
      for (const p of paras) {
        if (!(p instanceof ParagraphSpec)) continue;
        out.push(
          new (lib().Paragraph)({
            ...p.options,
            // the item's first paragraph carries the number or bullet; the rest are indented with it
            ...(first ? { numbering: { reference: ordered ? 'briefs-numbers' : 'briefs-bullets', level, instance } } : { indent: { left: tw(18 * (level + 1)) } }),
            spacing: { ...lineSpacing(ctx), before: 0, after: tw(lastItem ? ctx.style.spacing.paragraph : ctx.style.spacing.item) },
          }),
        );
        first = false;
      }
    }
  });
  return out;
}

/** A paragraph's options before it is made, so a list can add its numbering. */
class ParagraphSpec {
  constructor(readonly options: IParagraphOptions) {}
}

function table(node: MdTable, ctx: Ctx): Table {
  const { style } = ctx;
  const cols = Math.max(1, node.children[0]?.children.length ?? 1);
  const rule = (pt: number) => ({ style: lib().BorderStyle.SINGLE, size: eighths(pt), color: hex(style.colors.rule) });
  const none = { style: lib().BorderStyle.NONE, size: 0, color: 'auto' };
  return new (lib().Table)({
    width: { size: 5000, type: lib().WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: cols }, () => Math.floor(tw(contentWidth(style)) / cols)),
    borders: { top: rule(0.6), bottom: rule(0.6), left: none, right: none, insideHorizontal: rule(0.3), insideVertical: none },
    margins: { left: tw(4), right: tw(4), top: tw(1.5), bottom: tw(1.5) },
    rows: node.children.map(
      (row, r) =>
        new (lib().TableRow)({
          ...(r === 0 ? { tableHeader: true } : {}),
          children: Array.from({ length: cols }, (_, c) => {
            const cell = row.children[c];
            const rs: RunStyle = r === 0 ? { bold: true, color: style.colors.heading, size: style.sizes.table } : { color: style.colors.text, size: style.sizes.table };
            return new (lib().TableCell)({
              width: { size: Math.floor(5000 / cols), type: lib().WidthType.PERCENTAGE },
              ...(r === 0 ? { shading: { type: lib().ShadingType.CLEAR, color: 'auto', fill: hex(style.colors.tableHeader) }, borders: { bottom: rule(0.6) } } : {}),
              children: [new (lib().Paragraph)({ children: cell ? phrasing(cell.children, rs, ctx) : [], spacing: { ...lineSpacing(ctx, 1.1), before: 0, after: 0 } })],
            });
          }),
        }),
    ),
  });
}

function contentWidth(style: Style): number {
  const [pw] = PAGE_SIZES[style.page.size.toUpperCase()] ?? PAGE_SIZES.A4;
  return pw - style.page.margins[0] - style.page.margins[2];
}

const heading = (depth: number) => {
  const h = lib().HeadingLevel;
  return [h.HEADING_1, h.HEADING_2, h.HEADING_3, h.HEADING_4, h.HEADING_5, h.HEADING_6][depth - 1];
};

function block(node: RootContent, ctx: Ctx, afterTitle = false): (ParagraphSpec | Paragraph | Table)[] {
  const { style } = ctx;
  const sp = style.spacing;
  switch (node.type) {
    case 'heading': {
      // size, weight and colour come from the heading style (see renderDocx's styles)
      const rs: RunStyle = {};
      return [
        new ParagraphSpec({
          heading: heading(node.depth),
          children: phrasing(node.children, rs, ctx),
          keepNext: true,
          ...(node.depth === 1
            ? { spacing: { before: 0, after: tw(3), line: 240, lineRule: 'auto' }, border: { bottom: { style: lib().BorderStyle.SINGLE, size: eighths(1.2), color: hex(style.colors.heading), space: 3 } } }
            : node.depth === 2
              ? { spacing: { before: tw(sp.beforeHeading), after: tw(sp.afterHeading), line: 240, lineRule: 'auto' } }
              : { spacing: { before: tw(sp.afterHeading), after: tw(sp.afterHeading), ...lineSpacing(ctx) } }),
        }),
      ];
    }
    case 'paragraph': {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      // a paragraph that is all emphasis right under the title is the source line (as in the PDF)
      if (afterTitle && only?.type === 'emphasis')
        return [new ParagraphSpec({ children: phrasing(only.children, { color: style.colors.muted, size: style.sizes.subtitle }, ctx), spacing: { before: tw(3), after: tw(sp.paragraph), ...lineSpacing(ctx) } })];
      return [new ParagraphSpec({ children: phrasing(node.children, body(ctx), ctx), spacing: { before: 0, after: tw(sp.paragraph), ...lineSpacing(ctx) } })];
    }
    case 'list':
      return listParagraphs(node.children, Boolean(node.ordered), 0, ctx);
    case 'table':
      return [table(node, ctx), new (lib().Paragraph)({ children: [], spacing: { before: 0, after: 0, line: Math.max(20, tw(sp.paragraph)), lineRule: 'exact' } })];
    case 'blockquote':
      return node.children.flatMap((c) => block(c, ctx)).map((b) =>
        b instanceof ParagraphSpec ? new ParagraphSpec({ ...b.options, indent: { left: tw(12) } }) : b,
      );
    case 'code':
      return node.value.split('\n').map((line) => new ParagraphSpec({ children: runs(line, body(ctx), ctx), spacing: { before: 0, after: 0, ...lineSpacing(ctx) } }));
    case 'thematicBreak':
      return [new ParagraphSpec({ children: [], border: { bottom: { style: lib().BorderStyle.SINGLE, size: eighths(0.5), color: hex(style.colors.rule), space: 1 } }, spacing: { before: tw(2), after: tw(6) } })];
    case 'html':
      return [new ParagraphSpec({ children: runs(node.value, body(ctx), ctx), spacing: { before: 0, after: tw(sp.paragraph), ...lineSpacing(ctx) } })];
    default:
      return []; // front matter, definitions, footnote definitions: not part of the page
  }
}

/** The footer: the source line at the left, the page label at the right edge, as in the PDF. */
function footer(text: string, pageLabel: string, ctx: Ctx): Footer {
  const rs: RunStyle = { color: ctx.style.colors.muted, size: ctx.style.sizes.footer };
  const label: TextRun[] = [];
  for (const part of pageLabel.split(/(\{[nm]\})/)) {
    if (part === '{n}' || part === '{m}')
      label.push(new (lib().TextRun)({ children: [part === '{n}' ? lib().PageNumber.CURRENT : lib().PageNumber.TOTAL_PAGES], size: hp(ctx.style.sizes.footer), color: hex(ctx.style.colors.muted), font: { ascii: FONT_NAMES[ctx.family], hAnsi: FONT_NAMES[ctx.family], eastAsia: FONT_NAMES[ctx.family] } }));
    else if (part) label.push(...runs(part, rs, ctx));
  }
  return new (lib().Footer)({
    children: [
      new (lib().Paragraph)({
        tabStops: [{ type: lib().TabStopType.RIGHT, position: tw(contentWidth(ctx.style)) }],
        children: [...runs(text, rs, ctx), new (lib().TextRun)({ text: '\t', size: hp(ctx.style.sizes.footer) }), ...label],
      }),
    ],
  });
}

/** The Word document of a rendered brief. Deterministic: same Markdown and options, same bytes. */
export async function renderDocx(markdown: string, opts: RenderDocxOptions): Promise<Buffer> {
  const { style, lang } = opts;
  const tree: Root = parseMarkdown(markdown);
  const fm = frontMatterOf(tree);
  const ctx: Ctx = { lang, style, family: familyFor(lang), lists: 0 };
  const children: (Paragraph | Table)[] = [];
  let prev: RootContent | undefined;
  for (const node of tree.children) {
    const afterTitle = prev?.type === 'heading' && prev.depth === 1;
    for (const b of block(node, ctx, afterTitle)) children.push(b instanceof ParagraphSpec ? new (lib().Paragraph)(b.options) : b);
    if (node.type !== 'yaml') prev = node;
  }
  const [pw, ph] = PAGE_SIZES[style.page.size.toUpperCase()] ?? PAGE_SIZES.A4;
  const [ml, mt, mr, mb] = style.page.margins;
  // where the PDF sets its footer: from mb/2 - footer size (at least 8 pt) below the content
  const footerTop = Math.max(8, mb / 2 - style.sizes.footer);
  const footerDistance = Math.max(0, mb - footerTop - style.sizes.footer * 1.45);
  const footerText = opts.footer ?? fm.source ?? '';
  const fontName = FONT_NAMES[ctx.family];
  const styles: IStylesOptions = {
    default: {
      document: {
        run: { font: { ascii: fontName, hAnsi: fontName, eastAsia: fontName, cs: fontName }, size: hp(style.sizes.body), color: hex(style.colors.text) },
        paragraph: { spacing: lineSpacing(ctx) },
      },
      heading1: { run: { font: { ascii: fontName, hAnsi: fontName, eastAsia: fontName }, size: hp(style.sizes.title), bold: true, color: hex(style.colors.title) } },
      heading2: { run: { font: { ascii: fontName, hAnsi: fontName, eastAsia: fontName }, size: hp(style.sizes.heading), bold: true, color: hex(style.colors.heading) } },
      heading3: { run: { font: { ascii: fontName, hAnsi: fontName, eastAsia: fontName }, size: hp(style.sizes.body), bold: true, color: hex(style.colors.heading) } },
    },
  };
  const numbering: INumberingOptions = {
    config: [
      {
        reference: 'briefs-bullets',
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: lib().LevelFormat.BULLET,
          text: level % 2 ? '◦' : '•',
          alignment: lib().AlignmentType.LEFT,
          style: { paragraph: { indent: { left: tw(14 * (level + 1)), hanging: tw(10) } }, run: { color: hex(style.colors.heading) } },
        })),
      },
      {
        reference: 'briefs-numbers',
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: lib().LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          alignment: lib().AlignmentType.LEFT,
          style: { paragraph: { indent: { left: tw(16 * (level + 1)), hanging: tw(14) } } },
        })),
      },
    ],
  };
  const doc = new (lib().Document)({
    creator: 'briefs',
    title: opts.meta?.title ?? fm.title ?? '',
    subject: opts.meta?.subject,
    keywords: opts.meta?.keywords,
    styles,
    numbering,
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(pw), height: tw(ph) },
            margin: { left: tw(ml), top: tw(mt), right: tw(mr), bottom: tw(mb), footer: tw(footerDistance), header: 0, gutter: 0 },
          },
        },
        footers: { default: footer(footerText, opts.pageLabel ?? '{n} / {m}', ctx) },
        children,
      },
    ],
  });
  const core = corePropertiesXml({
    title: opts.meta?.title ?? fm.title ?? '',
    subject: opts.meta?.subject,
    keywords: opts.meta?.keywords,
    creator: 'briefs',
    date: pdfDate(opts.date ?? fm.date),
  });
  reuseConstantParts(doc, styles, numbering);
  const overrides = [{ path: 'docProps/core.xml', data: core }];
  const compiler = (lib().Packer as unknown as { compiler?: { compile?: (file: File, prettify: undefined, o: typeof overrides) => unknown } }).compiler;
  if (process.env.BRIEFS_DOCX_OWN_ZIP !== '0' && typeof compiler?.compile === 'function') {
    // The parts as the package writes them (its Packer does this, then zips them with fflate's
    // deflate, in JavaScript): zipped here with Node's zlib, the parts that are the same from file to
    // file deflated once (docx-package.ts zipParts). Packer.compiler is not in the package's types:
    // without it, the package zips as before.
    const parts = compiler.compile.call(compiler, doc, undefined, overrides);
    if (parts instanceof Map) return zipParts(parts as Map<string, string | Uint8Array>);
  }
  const bytes = await lib().Packer.toBuffer(doc, false, overrides);
  return Buffer.from(fixZipDates(bytes));
}

/**
 * What the parts of a Word file that are the same from brief to brief were made into, by what they
 * were made from: the theme (always the same), the styles (by the styles given: the language's font,
 * the sizes and colours at the fitted scale) and the numbering (by the lists' definitions and the
 * lists the document has, in order). The docx package builds a part's XML in two steps: each
 * component's prepForXml makes a tree of plain objects, then the tree is written out as text. The
 * first step was ~a sixth of a Word file's CPU for these three parts (bench/README.md, Session 13);
 * its result, read only by the writer, is kept here and given again for the same inputs, so the
 * text written — the file's bytes — is the same. At most PARTS_KEPT trees are kept.
 */
const keptParts = new Map<string, unknown>();
const PARTS_KEPT = 48;

type Preparable = { prepForXml: (context: unknown) => unknown };

/** Let `component` give the tree kept for `key()` (worked out when the part is written), making it once. */
function keepPrepared(component: Preparable, part: string, key: () => string): void {
  const make = component.prepForXml.bind(component);
  component.prepForXml = (context: unknown) => {
    const k = `${part}\n${key()}`;
    const hit = keptParts.get(k);
    if (hit !== undefined) return hit;
    const made = make(context);
    keptParts.set(k, made);
    if (keptParts.size > PARTS_KEPT) keptParts.delete(keptParts.keys().next().value as string);
    return made;
  };
}

/**
 * The theme, styles and numbering of `doc` given as kept (keepPrepared). Only parts made from the
 * inputs named in their key: the styles as given here (none of them refers to a list, so writing them
 * adds nothing to the document), the numbering once the document's lists are known (it is written
 * after the document's text, whose list paragraphs create them). The package is pinned (package.json):
 * a test checks that a file made with kept parts has the bytes of one made without.
 */
function reuseConstantParts(doc: File, styles: IStylesOptions, numbering: INumberingOptions): void {
  if (process.env.BRIEFS_DOCX_KEEP_PARTS === '0') return;
  const d = doc as unknown as { Theme?: Preparable; Styles?: Preparable; Numbering?: Preparable & { ConcreteNumbering?: { reference: string; instance: number; numId: number; restartedListId?: unknown }[] } };
  if (d.Theme && typeof d.Theme.prepForXml === 'function') keepPrepared(d.Theme, 'theme', () => '');
  if (d.Styles && typeof d.Styles.prepForXml === 'function') {
    const key = JSON.stringify(styles);
    keepPrepared(d.Styles, 'styles', () => key);
  }
  const n = d.Numbering;
  if (n && typeof n.prepForXml === 'function' && Array.isArray(n.ConcreteNumbering)) {
    const config = JSON.stringify(numbering);
    keepPrepared(n, 'numbering', () => `${config}\n${JSON.stringify((n.ConcreteNumbering ?? []).map((c) => [c.reference, c.instance, c.numId, c.restartedListId ?? null]))}`);
  }
}

/** The few front-matter fields the document falls back on (title, source, date). */
function frontMatterOf(tree: Root): { title?: string; source?: string; date?: string } {
  const node = tree.children.find((n) => n.type === 'yaml');
  if (!node || node.type !== 'yaml') return {};
  let fm: unknown;
  try {
    fm = yamlParse(node.value);
  } catch {
    return {};
  }
  if (!fm || typeof fm !== 'object') return {};
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const r = fm as Record<string, unknown>;
  return { title: str(r.title), source: str(r.source), date: str(r.date) };
}
