// Markdown news articles → SourceDoc. remark (with GFM and front matter) gives the syntax tree with
// positions; this module reads the page the way an editor would: headline, byline and date at the top,
// the lead image and its caption, bold-only paragraphs as subheadings, direct quotes and their speakers.
// Every segment keeps its line:column in the original file.
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Root as HastRoot, Nodes as HastNodes } from 'hast';
import { stripFurniture } from '../formats/furniture.js';
import { isoDate } from '../formats/dates.js';
import { namesDocument } from '../part-title.js';
import type { Root, RootContent, Image, List, Table as MdTable, FootnoteDefinition, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type {
  Block,
  Footnote,
  ListBlock,
  Person,
  Place,
  Quote,
  Section,
  Segment,
  SourceDoc,
  SourceMeta,
  Table,
} from '../../model.js';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { Located, LineIndex } from '../located.js';
import { checkEmphasisMarks, checkHtmlNesting, checkLineNesting, checkTreeDepth } from '../depth.js';
import { makeSegment, splitSentences } from '../segment.js';
import { normalizeChinese } from '../normalize.js';
import { splitEnumeration } from '../enumerations.js';
import { inlineText, type InlineResult } from './inline.js';
import { readMetaLine, readDateline, parseDate, type MetaFacts } from './byline.js';
import { guestHeading, interviewReader, QUESTION_HEADING } from './interview.js';
import { findContents, readIssuerBlock, OPENING_PART, FULL_TEXT_FOLLOWS, type IssuerBlock } from './front-page.js';
import { titleKey } from '../formats/title.js';
import { deliveryOf } from '../report/meta.js';
import { creditedCaption, isCaption } from './captions.js';
import { isRelatedLabel, linkList, linkOnly } from './related.js';
import { parseMarkdown } from './markdown.js';
import { SPEECH_TITLE } from '../genre/speech.js';
import { People, findQuotes, mentions, type QuoteContext } from './quotes.js';

export { readMetaLine, parseDate } from './byline.js';
export { splitRole, findQuotes, People } from './quotes.js';

type Item =
  | { kind: 'heading'; depth: number; inl: InlineResult; node: RootContent }
  | { kind: 'para'; inl: InlineResult; node: RootContent }
  | { kind: 'image'; node: Image }
  | { kind: 'list'; node: List }
  | { kind: 'quote'; paras: InlineResult[]; node: RootContent }
  | { kind: 'table'; node: MdTable }
  | { kind: 'code'; loc: Located; node: RootContent }
  | { kind: 'footdef'; node: FootnoteDefinition };

/** A piece of text whose segments are made once the whole document's people are known. */
interface Unit {
  loc: Located;
  footnotes: { id: string; offset: number }[];
  emphasis?: boolean;
  /** An interview's question (see interview.ts). */
  asked?: boolean;
  /** An interview's answer: who answers. */
  answeredBy?: string;
  /** The text of a bold run-in heading at the start of loc (inline.ts leadStrong): a sentence of its own. */
  lead?: string;
  /** Receives the segments; parts (enumeration lead and items) are sub-ranges of loc. */
  sink: (make: (part: Located) => Segment[]) => void;
}

const BOLD_HEADING_MAX = 40;

/** A heading that is only a speaker's label: a short name, then a colon ("問：", "唐鳳：", "Kolas Yotaka："). */
const LABEL_HEADING = /^[^\s，,。、；;：:！!？?“”「」]{1,16}(?:[ \u3000][^\s，,。、；;：:！!？?“”「」]{1,16}){0,2}\s*[：:]$/;

/**
 * The items with each speaker-label heading run into the paragraph after it ("### 問：" + "…？" →
 * "問：…？"), as interviews label their turns in text; undefined when no heading is a label.
 */
function foldLabelHeadings(items: Item[]): Item[] | undefined {
  const out: Item[] = [];
  let folded = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const next = items[k + 1];
    if (it.kind === 'heading' && next?.kind === 'para' && LABEL_HEADING.test(it.inl.text.text.trim())) {
      const label = it.inl.text.trim();
      out.push({ ...next, inl: { ...next.inl, text: Located.concat([label, next.inl.text]), allStrong: false, leadStrong: undefined } });
      k++;
      folded++;
    } else out.push(it);
  }
  return folded ? out : undefined;
}

/** A bold run-in heading of an inline text, as it reads at the start of the normalized loc (if it still does). */
function leadOf(inl: { text: Located; leadStrong?: number }, loc: Located): { lead?: string } {
  if (!inl.leadStrong) return {};
  const head = normalizeChinese(inl.text.slice(0, inl.leadStrong)).trim().text;
  return head && loc.text.startsWith(head) && loc.text.length > head.length ? { lead: head } : {};
}

/** Sentences with a bold run-in heading at the start of the unit set off as a sentence of its own. */
function withLead(sentences: Located[], u: { loc: Located; lead?: string }): Located[] {
  if (!u.lead) return sentences;
  const lead = u.lead;
  return sentences.flatMap((sl) => (sl.offs[0] === u.loc.offs[0] && sl.text.startsWith(lead) && sl.text.length > lead.length ? [sl.slice(0, lead.length), sl.slice(lead.length).trim()] : [sl]));
}


/** A paragraph of a scraped page's markup (<p style=…>); anything else (ads in <div>s, scripts, styles) is dropped. */
const TEXT_HTML = /^\s*<p\b[^>]*>/i;
const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&ldquo;': '“', '&rdquo;': '”', '&hellip;': '…', '&mdash;': '—' };

/**
 * The paragraphs of a block of text markup (<p>…</p>, <br>): tags out, entities decoded, each character
 * still where it stood in the source. Empty for other markup.
 */
function htmlText(value: string, offset: number): Located[] {
  if (!TEXT_HTML.test(value) || /<(?:script|style|iframe|table)\b/i.test(value)) return [];
  const loc = Located.from(value, offset)
    .replace(/<br\s*\/?>|<\/(?:p|div|section|article)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39|ldquo|rdquo|hellip|mdash);/g, (m) => ENTITIES[m[0]] ?? ' ');
  return loc.nonBlankLines();
}

/** Block-level markup as Markdown nodes, positions shifted to the file, furniture removed. */
function htmlBlock(value: string, offset: number, file: string, lines: LineIndex): RootContent[] {
  if (value.length > 2_000_000) return [];
  checkHtmlNesting(value, file, offset, (off) => lines.place(off));
  const hast = fromHtml(value, { fragment: true });
  shiftPositions(hast, offset);
  stripFurniture(hast);
  // hast-util-to-mdast recurses: markup nested past the bound is refused, located (see depth.ts)
  checkTreeDepth(hast, file);
  const mdast = toMdast(hast) as Root;
  return mdast.children.filter((c) => c.type !== 'html');
}

/** The text a block of markup shows (to tell furniture from text that could not be read). */
function htmlVisibleText(value: string): string {
  const hast = fromHtml(value.slice(0, 200_000), { fragment: true });
  stripFurniture(hast);
  let out = '';
  const stack: HastNodes[] = [hast];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.value;
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HastNodes);
  }
  return out;
}

function shiftPositions(tree: HastRoot, offset: number): void {
  const stack: HastNodes[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      if (n.position.start.offset !== undefined) n.position.start.offset += offset;
      if (n.position.end.offset !== undefined) n.position.end.offset += offset;
    }
    if ('children' in n) for (const c of n.children) stack.push(c as HastNodes);
  }
}

/** Characters beyond which a setext "heading" that holds a sentence end is read as a paragraph. */
const SETEXT_SENTENCE_MIN = 40;

/**
 * A setext heading (text underlined by === or ---) that is really a paragraph: it is long and holds a
 * sentence end (。！？), which no heading does; its underline is a thematic break (or a stray rule).
 */
function isSetextSentence(node: RootContent, source: string, text: string): boolean {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined) return false;
  const raw = source.slice(s, e);
  if (!/\n[ \t]*(?:=+|-+)[ \t]*$/.test(raw)) return false;
  const t = text.trim();
  return [...t].length > SETEXT_SENTENCE_MIN && /[。！？!?]/.test(t);
}

/** Plain text as a paragraph's inline result: no emphasis, links or notes. */
function plainInline(text: Located): InlineResult {
  return { text, allStrong: false, allEmphasis: false, images: [], links: [], footnoteRefs: [], lines: [text] };
}

function flatten(children: RootContent[], source: string, items: Item[], diagnostics: Diagnostic[], file: string, lines: LineIndex): void {
  for (const node of children) {
    switch (node.type) {
      case 'heading': {
        const inl = inlineText(node.children, source, node.position?.start.offset);
        // a paragraph of sentences over a thematic break ("…报告。\n---", as scrapers end a page) parses as a
        // setext heading: it stays a paragraph
        if (isSetextSentence(node, source, inl.text.text)) items.push({ kind: 'para', inl, node });
        else items.push({ kind: 'heading', depth: node.depth, inl, node });
        break;
      }
      case 'paragraph': {
        const inl = inlineText(node.children, source, node.position?.start.offset);
        for (const img of inl.images) items.push({ kind: 'image', node: img });
        if (inl.text.length) items.push({ kind: 'para', inl, node });
        break;
      }
      case 'list':
        items.push({ kind: 'list', node });
        break;
      case 'blockquote': {
        const paras: InlineResult[] = [];
        for (const c of node.children) {
          if (c.type === 'paragraph' || c.type === 'heading') {
            const inl = inlineText(c.children, source, c.position?.start.offset);
            if (inl.text.length) paras.push(inl);
          }
        }
        if (paras.length) items.push({ kind: 'quote', paras, node });
        break;
      }
      case 'table':
        items.push({ kind: 'table', node });
        break;
      case 'code': {
        const off = node.position?.start.offset ?? 0;
        const raw = source.slice(off, node.position?.end.offset ?? off);
        const k = raw.indexOf(node.value);
        const loc = Located.from(node.value, k >= 0 ? off + k : off).replace(/\s*\n\s*/g, ' ').trim();
        if (loc.length) items.push({ kind: 'code', loc, node });
        break;
      }
      case 'footnoteDefinition':
        items.push({ kind: 'footdef', node });
        break;
      case 'html': {
        // a page scraped with its markup (<p style=…>text<br/>text): the text is kept, the tags are not
        const paras = htmlText(node.value, node.position?.start.offset ?? 0);
        if (paras.length) {
          for (const text of paras) items.push({ kind: 'para', inl: plainInline(text), node: { type: 'paragraph', children: [], position: node.position } });
          break;
        }
        // any other markup (an article body wrapped in a <div>, a table, a list): read the unified way
        // (hast → mdast), page furniture removed, each text still located in the file
        const converted = htmlBlock(node.value, node.position?.start.offset ?? 0, file, lines);
        if (converted.length) {
          flatten(converted, source, items, diagnostics, file, lines);
          break;
        }
        if (node.value.trim() && !/^<!--[\s\S]*-->$/.test(node.value.trim()) && /[\p{L}\p{N}]/u.test(htmlVisibleText(node.value)))
          diagnostics.push(
            diagnostic({
              rule: 'ingest:html-dropped',
              severity: 'warning',
              file,
              place: lines.place(node.position?.start.offset ?? 0),
              reason: 'raw HTML with no readable text (scripts, styles or page furniture) was dropped',
            }),
          );
        break;
      }
      default:
        break; // yaml (front matter, read separately), thematicBreak, definition
    }
  }
}

/**
 * Front matter at the start of a scraped file: YAML between `---` lines or TOML between `+++` lines, also
 * after a byte-order mark or blank lines (which remark-frontmatter does not accept). It is blanked out of
 * the text given to the Markdown parser, character for character, so every offset, line and column of
 * the rest stays those of the file.
 */
export interface FrontMatterBlock {
  kind: 'yaml' | 'toml';
  value: string;
  /** Offset of the opening fence. */
  start: number;
  /** Offset just after the closing fence's line. */
  end: number;
}

const FRONT_MATTER = /^(?:\uFEFF)?(?:[ \t]*\r?\n)*(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/;

export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const m = FRONT_MATTER.exec(text.slice(0, 200_000));
  if (!m) return undefined;
  const start = m[0].indexOf(m[1]);
  return { kind: m[1] === '---' ? 'yaml' : 'toml', value: m[2], start, end: m[0].length };
}

/**
 * Markup of the editors scraped pages are written in, which no Markdown parser reads: container fences
 * (`:::info`, `:::tip 提示`, `:::` — HackMD, VuePress, Docusaurus admonitions; what they hold stays) and
 * HackMD's author and time tags (`[name=某某]`, `[time=…]`, `[color=…]`). Replaced by spaces, newlines kept,
 * so every offset, line and column stays the file's.
 */
const CONTAINER_FENCE = /^[ \t]*:{3,}[ \t]*(?:[A-Za-z][\w-]*)?(?:[ \t][^\n]*)?$/gm;
const HACKMD_TAG = /\[(?:name|time|color)=[^\]\n]{0,80}\]/g;
export function blankEditorMarkup(text: string): string {
  if (!text.includes(':::') && !/\[(?:name|time|color)=/.test(text)) return text;
  const blank = (m: string) => m.replace(/[^\r\n]/g, ' ');
  return text.replace(CONTAINER_FENCE, (m) => blank(m.replace(/\r$/, '')) + (m.endsWith('\r') ? '\r' : '')).replace(HACKMD_TAG, blank);
}

/** The text with the front matter replaced by spaces (newlines kept): same offsets, no front matter. */
export function blankFrontMatter(text: string, fm: FrontMatterBlock | undefined): string {
  if (!fm) return text;
  return text.slice(0, fm.start) + text.slice(fm.start, fm.end).replace(/[^\r\n]/g, ' ') + text.slice(fm.end);
}

/**
 * The length of the number a site orders its pages by, at the start of a front-matter title (`7.开源人工智能篇`, `3、数据篇`):
 * the page's own heading does not carry it, and it is not part of the document's name. A decimal or a
 * year stays (`2.0时代`, `2024年报告`).
 */
function orderNumberLength(title: string): number {
  const m = /^\s*[0-9０-９]{1,2}[.．、](?![0-9０-９])\s*/.exec(title);
  return m && title.length - m[0].length >= 2 ? m[0].length : 0;
}

function frontMatter(block: FrontMatterBlock | undefined, file: string, lines: LineIndex, diagnostics: Diagnostic[]): { facts: MetaFacts & { title?: string; subtitle?: string; series?: string; institution?: string; image?: { url: string; caption?: string } }; titleOffset?: number } {
  if (!block) return { facts: {} };
  const node = { value: block.value, position: { start: { offset: block.start } } };
  let data: unknown;
  try {
    data = block.kind === 'yaml' ? parseYaml(node.value, { maxAliasCount: 100 }) : parseToml(node.value);
  } catch (err) {
    diagnostics.push(
      diagnostic({
        rule: 'ingest:front-matter',
        severity: 'warning',
        file,
        place: lines.place(node.position?.start.offset ?? 0),
        reason: `front matter is not valid ${block.kind === 'yaml' ? 'YAML' : 'TOML'} and was ignored: ${(err as Error).message.split('\n')[0]}`,
      }),
    );
    return { facts: {} };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { facts: {} };
  const d = data as Record<string, unknown>;
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : undefined;
  const facts: MetaFacts & { title?: string; subtitle?: string; series?: string; institution?: string; image?: { url: string; caption?: string } } = {};
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) {
    const key = k.toLowerCase();
    if (key === 'title' || key === '标题') facts.title = str(v);
    else if (key === 'subtitle' || key === '副标题') facts.subtitle = str(v);
    else if (['author', 'authors', 'byline', '作者', '记者'].includes(key)) {
      const list = Array.isArray(v) ? v : [v];
      const people: Person[] = [];
      for (const x of list) {
        if (typeof x === 'string' && x.trim()) people.push(...x.split(/\s*[、，,]\s*/).filter(Boolean).map((name) => ({ name })));
        else if (x && typeof x === 'object' && typeof (x as Person).name === 'string')
          people.push((x as Person).role ? { name: (x as Person).name, role: String((x as Person).role) } : { name: (x as Person).name });
      }
      if (people.length) facts.authors = people;
    } else if (['outlet', 'source', 'publisher', 'site', '来源', '媒体'].includes(key)) facts.outlet = str(v);
    else if (['institution', 'issuer', '发文机关'].includes(key)) facts.institution = str(v);
    else if (['series', 'collection', '系列', '丛书'].includes(key)) facts.series = str(v);
    // a tag that names a document (2024 中国开源年度报告) is the work this page is a part of
    else if (['tags', 'categories', '标签', '分类'].includes(key)) {
      const named = (Array.isArray(v) ? v : [v]).map(str).find((x) => x !== undefined && namesDocument(x));
      if (named && !facts.series) facts.series = named;
      // the tags themselves stay what they were: extra metadata
      const s = str(v);
      if (s) extra[k] = s;
    }
    else if (['date', 'published', 'time', '日期', '时间'].includes(key)) {
      const s = str(v);
      if (s) facts.date = parseDate(s) ?? (/^\d{4}(-\d{2}){0,2}$/.test(s) ? s : isoDate(s));
    } else if (['url', 'link', 'source_url', '链接', '原文链接'].includes(key)) facts.url = str(v);
    else if (['image', 'cover'].includes(key)) {
      if (typeof v === 'string') facts.image = { url: v };
      else if (v && typeof v === 'object' && typeof (v as { url?: unknown }).url === 'string') {
        const cap = str((v as { caption?: unknown }).caption);
        facts.image = cap ? { url: (v as { url: string }).url, caption: cap } : { url: (v as { url: string }).url };
      }
    } else {
      const s = str(v);
      if (s) extra[k] = s;
    }
  }
  if (Object.keys(extra).length) facts.extra = extra;
  let titleOffset: number | undefined;
  const start = node.position?.start.offset;
  const cut = facts.title ? orderNumberLength(facts.title) : 0;
  if (facts.title && cut) facts.title = facts.title.slice(cut);
  if (start !== undefined && facts.title) {
    const m = /^(?:title|标题)\s*[:=]\s*["']?/im.exec(node.value);
    // the value starts after the opening '---' line
    if (m) titleOffset = start + 4 + m.index + m[0].length + cut;
  }
  return { facts, titleOffset };
}

function merge(into: MetaFacts, f: MetaFacts): void {
  if (f.outlet && !into.outlet) into.outlet = f.outlet;
  if (f.date && !into.date) into.date = f.date;
  if (f.url && !into.url) into.url = f.url;
  if (f.authors?.length) into.authors = [...(into.authors ?? []), ...f.authors.filter((a) => !(into.authors ?? []).some((b) => b.name === a.name))];
  if (f.extra) into.extra = { ...(into.extra ?? {}), ...f.extra };
}

/** Facts a head/tail paragraph states, when all its lines are such facts (or it is a lone link). */
function paragraphFacts(inl: InlineResult): MetaFacts | undefined {
  const facts: MetaFacts = {};
  if (inl.links.length === 1 && /^https?:\/\//.test(inl.links[0].url) && toString(inl.links[0]).trim() === inl.text.text.trim()) {
    const t = inl.text.text.trim();
    if (/^https?:\/\//.test(t) || t.length <= 12) return { url: inl.links[0].url };
  }
  if (!inl.lines.length) return undefined;
  for (const l of inl.lines) {
    const f = readMetaLine(l.text);
    if (!f) return undefined;
    merge(facts, f);
  }
  return facts;
}

/**
 * The issuer's block starting at items[i]: one paragraph, or up to four short ones (a line each); the
 * longest that reads as one (a bracketed month, then the organ's name under it).
 */
function issuerBlockAt(items: Item[], i: number): { issuer: IssuerBlock; count: number } | undefined {
  const lines: string[] = [];
  let best: { issuer: IssuerBlock; count: number } | undefined;
  for (let n = 1; n <= 4 && i + n - 1 < items.length; n++) {
    const it = items[i + n - 1];
    if (it.kind !== 'para') break;
    lines.push(...it.inl.lines.map((l) => l.text));
    if (lines.length > 5) break;
    const issuer = readIssuerBlock(lines);
    if (issuer) best = { issuer, count: n };
  }
  return best;
}

/**
 * Headings of an article's back matter: where it got its facts and what it cites. (Where to read on — 外部链接,
 * 延伸阅读 — is left to withoutRelated, which drops such lists when they are lone links.)
 */
const BACK_MATTER =
  /^[【\[]?\s*(?:(?:消息|新闻|资料|数据|信息)?来源|参考(?:资料|文献|来源)|注释|脚注|References|Sources?)\s*[】\]]?\s*[：:]?$/i;

const END_MARK = /^[（(【\[]?\s*(?:完|全文完|END|本文完)\s*[）)】\]]?$/i;
const ORIGINAL_TITLE = /^(原标题|原题|题图|题图来源)\s*[：:]\s*(.+)$/;

function isBoldHeading(inl: InlineResult): boolean {
  const t = inl.text.text;
  return inl.allStrong && t.length > 0 && t.length <= BOLD_HEADING_MAX && !/[。；;，,]$/.test(t) && !/[。]/.test(t);
}

export function parseNews(raw: string, file: string, slug: string): { doc: SourceDoc; diagnostics: Diagnostic[]; datelined: boolean } {
  const text = blankEditorMarkup(raw);
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(text);
  // nesting is bounded before the parser sees the text, and after (inline markup): see depth.ts
  checkLineNesting(text, file);
  checkEmphasisMarks(text, file);
  const fmBlock = findFrontMatter(text);
  const tree = parseMarkdown(blankFrontMatter(text, fmBlock));
  checkTreeDepth(tree, file);
  const fm = frontMatter(fmBlock, file, lines, diagnostics);
  const items: Item[] = [];
  flatten(tree.children, text, items, diagnostics, file, lines);
  const norm = (loc: Located) => normalizeChinese(loc).trim();
  const place = (off: number): Place => lines.place(off);

  // ---- headline ----
  let titleLoc: Located | undefined;
  let i = 0;
  const firstPara = items.findIndex((it) => it.kind === 'para' && !paragraphFacts(it.inl));
  // the headline: the first level-1 heading before the text, else (pages that give their headline a
  // lower level) the first heading of any level before it
  let firstH1 = items.findIndex((it) => it.kind === 'heading' && it.depth === 1);
  if (firstH1 < 0 || (firstPara >= 0 && firstH1 > firstPara)) {
    const anyHeading = items.findIndex((it) => it.kind === 'heading');
    if (anyHeading >= 0 && (firstPara < 0 || anyHeading < firstPara)) firstH1 = anyHeading;
  }
  if (firstH1 >= 0 && (firstPara < 0 || firstH1 < firstPara)) {
    const h = items[firstH1] as Extract<Item, { kind: 'heading' }>;
    titleLoc = norm(h.inl.text);
    items.splice(firstH1, 1);
  } else if (!fm.facts.title && items[0]?.kind === 'para' && (items[0].inl.allStrong || items[0].inl.text.length <= 60) && !/[。]$/.test(items[0].inl.text.text) && !paragraphFacts(items[0].inl)) {
    // a first short line followed by a byline is the headline
    const next = items[1];
    // …or a first line that can only be a name (short, one line, no punctuation of a sentence, some Han):
    // a scraped text that lost its heading mark still opens with its title (中华人民共和国宪法)
    if (next && next.kind === 'para' && (paragraphFacts(next.inl) || isBareHeadline(items[0].inl.text.text))) {
      titleLoc = norm(items[0].inl.text);
      items.splice(0, 1);
    }
  }

  // the site's links to other articles go first: the editor's line after them still ends the article
  items.splice(0, items.length, ...withoutRelated(items));

  // ---- head: byline, date, URL (images stay, they are content) ----
  const facts: MetaFacts & { institution?: string } = {};
  let issuedOn: string | undefined;
  const headConsumed = new Set<Item>();
  for (i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.kind === 'image') continue;
    if (it.kind === 'para') {
      const f = paragraphFacts(it.inl);
      if (f) {
        merge(facts, f);
        headConsumed.add(it);
        continue;
      }
      // the issuer's block under the title (中华人民共和国 / 国务院新闻办公室 / 2021年9月), on one
      // paragraph's lines or over a few short paragraphs
      const block = issuerBlockAt(items, i);
      if (block) {
        if (block.issuer.institution) facts.institution ??= block.issuer.institution;
        facts.extra = { ...(facts.extra ?? {}), 落款日期: block.issuer.date };
        issuedOn ??= block.issuer.date;
        for (let k = 0; k < block.count; k++) headConsumed.add(items[i + k]);
        i += block.count - 1;
        continue;
      }
      // a caption of a head image is content, not the end of the head
      const prev = items[i - 1];
      if (prev?.kind === 'image' && isCaption(it.inl.text.text, it.inl.allEmphasis)) continue;
    }
    break;
  }
  // ---- tail: editors, source, end marks ----
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k];
    if (it.kind === 'footdef') continue;
    if (it.kind !== 'para' || headConsumed.has(it)) break;
    const t = it.inl.text.text.trim();
    if (END_MARK.test(t)) {
      headConsumed.add(it);
      continue;
    }
    const ot = ORIGINAL_TITLE.exec(t);
    if (ot) {
      facts.extra = { ...(facts.extra ?? {}), [ot[1]]: ot[2] };
      headConsumed.add(it);
      continue;
    }
    // "（责任编辑：X）": the facts inside brackets
    // (a wire's date code may follow them: （编辑：X）1130307)
    const bracketed = /^[（(【\[]\s*(.+?)\s*[）)】\]]\s*(?:[0-9]{4,8})?$/.exec(t);
    const f = (bracketed ? readMetaLine(bracketed[1]) : undefined) ?? paragraphFacts(it.inl);
    // editors, the source, or page furniture alone (阅读量, 【纠错】)
    if (f && (f.extra || (f.outlet && !f.authors) || !Object.keys(f).length)) {
      merge(facts, { extra: f.extra, outlet: f.outlet && !facts.outlet ? f.outlet : undefined });
      if (f.outlet && facts.outlet !== f.outlet) facts.extra = { ...(facts.extra ?? {}), 来源: f.outlet };
      headConsumed.add(it);
      continue;
    }
    break;
  }
  let body = items.filter((it) => !headConsumed.has(it));
  // ---- a long document's contents (目录 and the titles of its parts): not parts of their own ----
  const contents = findContents(body.map((it) => (it.kind === 'para' || it.kind === 'heading' ? it.inl.text.text : '')));
  if (contents) body = [...body.slice(0, contents.start), ...body.slice(contents.end)];
  // a caption whose picture was lost (…主持院会。（图／行政院提供）): not content either
  body = body.filter((it, k) => !(it.kind === 'para' && body[k - 1]?.kind !== 'image' && creditedCaption(it.inl.text.text)));

  // ---- dateline in the first paragraph (新华社北京11月1日电（记者 X）), not an image's caption ----
  const firstBody = body.find((it, k) => it.kind === 'para' && !(body[k - 1]?.kind === 'image' && isCaption(it.inl.text.text, it.inl.allEmphasis))) as
    | Extract<Item, { kind: 'para' }>
    | undefined;
  let datelined = false;
  if (firstBody) {
    const dl = readDateline(firstBody.inl.text.text);
    if (dl) {
      datelined = true;
      merge(facts, { outlet: dl.outlet, authors: dl.authors });
      // the dateline is byline, not content: the paragraph starts after it
      const rest = firstBody.inl.text.slice(dl.length);
      if (rest.text.trim()) firstBody.inl = { ...firstBody.inl, text: rest };
      else body.splice(body.indexOf(firstBody), 1);
    }
  }

  // ---- a document published whole under a notice (…发表《X》白皮书。全文如下：): the notice says how it
  // was published, the document starts after it — its title repeated, its issuer's block, its text ----
  const noticeAt = firstBody ? body.indexOf(firstBody) : -1;
  if (firstBody && noticeAt >= 0 && FULL_TEXT_FOLLOWS.test(firstBody.inl.text.text.trim())) {
    facts.extra = { ...(facts.extra ?? {}), 发布: norm(firstBody.inl.text).text };
    let k = noticeAt + 1;
    const titleText = fm.facts.title ?? titleLoc?.text;
    const again = body[k];
    if (titleText && again && (again.kind === 'heading' || again.kind === 'para') && titleKey(again.inl.text.text) === titleKey(titleText)) k++;
    const block = issuerBlockAt(body, k);
    if (block) {
      if (block.issuer.institution) facts.institution ??= block.issuer.institution;
      facts.extra = { ...facts.extra, 落款日期: block.issuer.date };
      issuedOn ??= block.issuer.date;
      k += block.count;
    }
    body = [...body.slice(0, noticeAt), ...body.slice(k)];
    // the dateline was the notice's: the document itself is not a news report
    datelined = false;
  }

  // ---- the text's own title block, as a state organ prints a report or a speech: its title again, the
  // delivery line (——2022年10月28日在…会议上) and who delivers it by office (某某委员会主任 某某), on lines
  // of one paragraph or of several: when and by whom, facts — never a sentence of the text ----
  {
    // (after a paragraph of the page's facts that no reader took: 发布日期：… 来源：…)
    const heading = fm.facts.title ?? titleLoc?.text;
    const block = titleBlockAt(body, heading) ?? titleBlockAt(body.slice(1), heading);
    if (block) {
      const d = block.delivery;
      facts.date ??= d.date;
      if (d.speaker && !(facts.authors ?? []).some((a) => a.name === d.speaker!.name)) facts.authors = [...(facts.authors ?? []), d.speaker];
      facts.extra = { ...(facts.extra ?? {}), occasion: d.occasion };
      body = body.filter((it) => !block.items.includes(it));
    }
  }

  // ---- structure ----
  const units: Unit[] = [];
  const sections: Section[] = [];
  const tables: Table[] = [];
  const footnotes: Footnote[] = [];
  let image: SourceMeta['image'];
  let secCount = 0;
  const lead: Section = { id: 'sec0', level: 1, kind: 'section', heading: '', place: { line: 1, column: 1 }, blocks: [], children: [] };
  let current = lead;
  const stack: Section[] = [];
  const atxDepths = body.filter((it) => it.kind === 'heading').map((it) => (it as { depth: number }).depth);
  const numberedHeads = numberedParagraphHeadings(body);
  const minDepth = atxDepths.length ? Math.min(...atxDepths) : 2;
  let lastAtxLevel = 0;

  const openSection = (level: number, headLoc: Located, emphasis: boolean) => {
    const heading = norm(headLoc);
    const sec: Section = {
      id: `sec${++secCount}`,
      level,
      // the article's sources and references (a wiki news page's 来源, 参考资料) are back matter
      kind: BACK_MATTER.test(heading.text.trim()) ? 'notes' : level === 1 ? 'section' : 'subsection',
      heading: heading.text,
      headingSegment: makeSegment(heading, lines, emphasis ? { emphasis: true } : {}),
      place: place(heading.start >= 0 ? heading.start : headLoc.start),
      blocks: [],
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(sec);
    else sections.push(sec);
    stack.push(sec);
    current = sec;
  };

  const paragraphUnit = (
    inl: { text: Located; footnoteRefs: { id: string; offset: number }[]; allStrong: boolean; leadStrong?: number },
    blocks: Block[],
    allowList = true,
    qa: { asked?: boolean; answeredBy?: string } = {},
  ) => {
    const loc = norm(inl.text);
    if (!loc.length) return;
    // reserve the block's slot now so blocks keep document order; segments are made later
    const idx = blocks.length;
    blocks.push({ type: 'paragraph', segments: [] });
    units.push({
      loc,
      footnotes: inl.footnoteRefs,
      emphasis: inl.allStrong,
      ...leadOf(inl, loc),
      ...qa,
      sink: (make) => {
        const en = allowList ? splitEnumeration(loc) : undefined;
        if (en) {
          const lb: ListBlock = {
            type: 'list',
            style: en.style,
            lead: en.lead.length ? make(en.lead) : [],
            items: en.items.map((it) => ({ marker: it.marker, segments: make(it.body) })),
          };
          blocks[idx] = lb;
        } else blocks[idx] = { type: 'paragraph', segments: make(loc) };
      },
    });
  };

  // an interview: questions and answers (interview.ts); "答：" is the answer of the one named most in answers
  const readQa = (items: Item[]) => {
    const texts = items.flatMap((it) => (it.kind === 'para' ? [it.inl.text.text.trim()] : []));
    return interviewReader(texts, [titleLoc?.text ?? '', ...texts.slice(0, 2)].join('\n'), facts.outlet);
  };
  let qa = readQa(body);
  // …also when each turn's speaker is a heading of its own ("### 問：", "### 唐鳳：") over the turn's paragraphs
  const folded = qa ? undefined : foldLabelHeadings(body);
  const foldedQa = folded ? readQa(folded) : undefined;
  if (folded && foldedQa) {
    body = folded;
    qa = foldedQa;
  }
  let answerer: string | undefined;
  // a speech (致辞, 讲话…) published with its speaker by office: every paragraph is the speaker's words
  const speaker = !qa && SPEECH_TITLE.test(titleLoc?.text ?? '') && facts.authors?.length === 1 && facts.authors[0].role ? facts.authors[0].name : undefined;

  // a collection of interviews under headings: "访谈嘉宾：某某（某机构）" names who answers the question
  // headings (…？) that follow, until a heading above it opens the next interview (interview.ts)
  let guest: { name: string; level: number } | undefined;
  const guests: Person[] = [];
  for (let k = 0; k < body.length; k++) {
    const it = body[k];
    switch (it.kind) {
      case 'heading': {
        const level = Math.max(1, it.depth - minDepth + 1);
        lastAtxLevel = level;
        if (guest && level < guest.level) guest = undefined;
        const g = guestHeading(it.inl.text.text);
        if (g) {
          guest = { name: g.name, level };
          guests.push(g);
        }
        openSection(level, it.inl.text, false);
        break;
      }
      case 'para': {
        if (guest && !qa && QUESTION_HEADING.test(current.heading) && !isBoldHeading(it.inl)) {
          paragraphUnit(it.inl, current.blocks, true, { answeredBy: guest.name });
          break;
        }
        if (qa) {
          const t = it.inl.text.text;
          const lead = t.length - t.trimStart().length;
          const label = qa.read(t.slice(lead));
          if (label?.kind === 'question') {
            answerer = undefined;
            paragraphUnit({ ...it.inl, text: it.inl.text.slice(lead + label.length) }, current.blocks, true, { asked: true });
            break;
          }
          if (label?.kind === 'answer') {
            answerer = label.name ?? qa.interviewee;
            paragraphUnit({ ...it.inl, text: it.inl.text.slice(lead + label.length) }, current.blocks, true, answerer ? { answeredBy: answerer } : {});
            break;
          }
          if (answerer && !isBoldHeading(it.inl)) {
            paragraphUnit(it.inl, current.blocks, true, { answeredBy: answerer });
            break;
          }
        }
        const numbered = numberedHeads.get(it);
        if (numbered !== undefined) {
          openSection((atxDepths.length ? lastAtxLevel : 0) + 1 + numbered, it.inl.text, false);
          break;
        }
        if (isBoldHeading(it.inl) && (current !== lead || current.blocks.length > 0 || sections.length > 0 || OPENING_PART.test(it.inl.text.text.trim()))) {
          openSection(atxDepths.length ? lastAtxLevel + 1 : 1, it.inl.text, true);
          break;
        }
        paragraphUnit(it.inl, current.blocks, true, speaker ? { answeredBy: speaker } : {});
        break;
      }
      case 'image': {
        const url = it.node.url;
        const next = body[k + 1];
        let captionInl: InlineResult | undefined;
        if (next && next.kind === 'para' && isCaption(next.inl.text.text, next.inl.allEmphasis) && !isBoldHeading(next.inl)) {
          captionInl = next.inl;
          k++;
        }
        const block: Block = { type: 'image', url, caption: [] };
        current.blocks.push(block);
        let capLoc: Located | undefined;
        if (captionInl) capLoc = norm(captionInl.text);
        else if (it.node.alt?.trim()) {
          const off = it.node.position?.start.offset ?? 0;
          const k2 = text.indexOf(it.node.alt, off);
          capLoc = norm(Located.from(it.node.alt, k2 >= 0 ? k2 : off));
        }
        if (capLoc && capLoc.length) {
          const cl = capLoc;
          units.push({ loc: cl, footnotes: [], sink: (make) => (block.caption = make(cl)) });
        }
        if (!image) image = capLoc?.length ? { url, caption: capLoc.text } : { url };
        break;
      }
      case 'list': {
        const ordered = Boolean(it.node.ordered);
        const lb: ListBlock = { type: 'list', style: ordered ? 'numbered' : 'bullet', lead: [], items: [] };
        current.blocks.push(lb);
        let n = it.node.start ?? 1;
        const addItems = (list: List, depth: number) => {
          for (const li of list.children) {
            const marker = list.ordered ? `${n++}.` : '-';
            const parts: InlineResult[] = [];
            const nested: List[] = [];
            for (const c of li.children) {
              if (c.type === 'paragraph' || c.type === 'heading') parts.push(inlineText(c.children as PhrasingContent[], text, c.position?.start.offset));
              else if (c.type === 'list') nested.push(c);
            }
            const locs = parts.map((p) => p.text).filter((l) => l.length);
            if (locs.length) {
              const item = { marker, segments: [] as Segment[] };
              lb.items.push(item);
              const loc = norm(Located.concat(locs.flatMap((l, x) => (x ? [new Located(' ', new Int32Array([l.start])), l] : [l]))));
              units.push({ loc, footnotes: parts.flatMap((p) => p.footnoteRefs), ...(parts[0] ? leadOf(parts[0], loc) : {}), sink: (make) => (item.segments = make(loc)) });
            }
            for (const sub of nested) addItems(sub, depth + 1);
          }
        };
        addItems(it.node, 0);
        break;
      }
      case 'quote': {
        const qb: Block & { type: 'quote' } = { type: 'quote', segments: [] };
        current.blocks.push(qb);
        for (const p of it.paras) {
          const loc = norm(p.text);
          if (!loc.length) continue;
          units.push({
            loc,
            footnotes: p.footnoteRefs,
            sink: (make) => {
              const segs = make(loc);
              qb.segments.push(...segs);
              const sp = segs.find((s) => s.speaker)?.speaker;
              if (sp && !qb.speaker) qb.speaker = sp;
            },
          });
        }
        break;
      }
      case 'table': {
        const rows = it.node.children.map((r) => r.children.map((c) => normalizeChinese(inlineText(c.children, text, c.position?.start.offset).text).text.trim()));
        const id = `t${tables.length + 1}`;
        const header = rows[0] ?? [];
        tables.push({
          id,
          header,
          rows: rows.slice(1).map((r) => ({ label: r[0] ?? '', cells: r.slice(1).map((t) => ({ text: t, items: [] })) })),
          place: place(it.node.position?.start.offset ?? 0),
        });
        current.blocks.push({ type: 'table', ref: id });
        break;
      }
      case 'code':
        paragraphUnit({ text: it.loc, footnoteRefs: [], allStrong: false }, current.blocks, false);
        break;
      case 'footdef': {
        const parts: string[] = [];
        const urls: string[] = [];
        for (const c of it.node.children) {
          if (c.type === 'paragraph') {
            const inl = inlineText(c.children, text, c.position?.start.offset);
            parts.push(normalizeChinese(inl.text).text);
            for (const l of inl.links) urls.push(l.url);
          }
        }
        const joined = parts.join(' ').trim();
        for (const m of joined.matchAll(/https?:\/\/[^\s<>“”（）()，。]+/g)) if (!urls.includes(m[0])) urls.push(m[0]);
        footnotes.push({ id: it.node.label ?? it.node.identifier, text: joined, urls, place: place(it.node.position?.start.offset ?? 0), refs: [] });
        break;
      }
    }
  }
  if (lead.blocks.length) sections.unshift(lead);

  // ---- people, quotes, segments ----
  const people = new People();
  for (const u of units) for (const m of mentions(u.loc.text)) if (!m.described) people.register(m.person);
  // who speaks a speech, with the office the page gives
  if (speaker) people.register(facts.authors![0]);
  for (const g of guests) people.register(g);
  const quotes: Quote[] = [];
  const ctx: QuoteContext = { people };
  const footIndex = new Map(footnotes.map((f) => [f.id, f]));
  for (const u of units) {
    const { quotes: spans, intro } = findQuotes(u.loc.text, ctx);
    ctx.intro = intro;
    // an interviewee's answer (or a speech) is their own words: a quote of theirs, as a whole
    const own = u.answeredBy ? people.resolve({ name: u.answeredBy }) : undefined;
    const made: { seg: Segment; from: number; to: number }[] = [];
    const spanOffs = spans.map((sp) => ({ span: sp, from: u.loc.offs[sp.open], to: u.loc.offs[sp.close] }));
    const make = (part: Located): Segment[] =>
      withLead(splitSentences(part), u).map((sl) => {
        const from = sl.offs[0];
        const to = sl.offs[sl.length - 1];
        const hit = spanOffs.find((x) => x.from <= to && x.to >= from && x.span.speaker);
        const seg = makeSegment(sl, lines, { emphasis: u.emphasis || (u.lead !== undefined && sl.offs[0] === u.loc.offs[0] && sl.text === u.lead), speaker: hit?.span.speaker ?? own });
        if (u.asked) seg.asked = true;
        made.push({ seg, from, to });
        return seg;
      });
    u.sink(make);
    // footnote markers belong to the sentence they follow
    for (const ref of u.footnotes) {
      let target = made[0]?.seg;
      for (const m of made) if (m.from <= ref.offset) target = m.seg;
      if (target && !target.footnoteRefs.includes(ref.id)) target.footnoteRefs.push(ref.id);
      footIndex.get(ref.id)?.refs.push(place(ref.offset));
    }
    if (own && made.length) quotes.push({ text: u.loc.text, segmentId: made[0].seg.id, place: place(u.loc.start), speaker: own });
    for (const x of spanOffs) {
      const inner = u.loc.slice(x.span.open + 1, x.span.close).trim();
      if (!inner.length) continue;
      const m = made.find((mm) => mm.from <= x.from && mm.to >= x.from) ?? made.find((mm) => mm.to >= x.from) ?? made[0];
      if (!m) continue;
      const q: Quote = { text: inner.text, segmentId: m.seg.id, place: place(inner.start) };
      // a quote that goes on past its first sentence names every sentence it spans (traceable as a whole)
      const end = inner.offs[inner.length - 1];
      const spanned = made.filter((mm) => mm.to >= m.from && mm.from <= end && mm.from >= m.from);
      if (spanned.length > 1) q.segmentIds = spanned.map((mm) => mm.seg.id);
      if (x.span.speaker) q.speaker = x.span.speaker;
      quotes.push(q);
    }
  }
  if (sections[0] === lead) lead.place = firstBlockPlace(lead) ?? lead.place;

  // ---- meta ----
  const meta: SourceMeta = { authors: [] };
  const title = fm.facts.title ?? titleLoc?.text;
  if (title) meta.title = title;
  if (fm.facts.subtitle) meta.subtitle = fm.facts.subtitle;
  const authors = fm.facts.authors ?? facts.authors;
  if (authors?.length) meta.authors = authors;
  const outlet = fm.facts.outlet ?? facts.outlet;
  if (outlet) meta.outlet = outlet;
  if (fm.facts.series) meta.series = fm.facts.series;
  const date = fm.facts.date ?? facts.date ?? issuedOn;
  if (date) meta.date = date;
  const institution = fm.facts.institution ?? facts.institution;
  if (institution) meta.institution = institution;
  const url = fm.facts.url ?? facts.url;
  if (url) meta.url = url;
  const img = fm.facts.image ?? image;
  if (img) meta.image = img;
  const extra = { ...(facts.extra ?? {}), ...(fm.facts.extra ?? {}) };
  if (Object.keys(extra).length) meta.extra = extra;

  const titleSegments: Segment[] = [];
  if (fm.facts.title) {
    titleSegments.push(makeSegment(Located.from(fm.facts.title, fm.titleOffset ?? 0), lines));
  } else if (titleLoc?.length) titleSegments.push(makeSegment(titleLoc, lines));
  if (fm.facts.subtitle) titleSegments.push(makeSegment(Located.from(fm.facts.subtitle, fm.titleOffset ?? 0), lines));

  if (!title)
    diagnostics.push(
      diagnostic({ rule: 'ingest:no-title', severity: 'warning', file, place: { line: 1, column: 1 }, reason: 'no headline found (a # heading, a front-matter title, or meta.yaml title)' }),
    );

  const doc: SourceDoc = { slug, kind: 'news', meta, titleSegments, sections, footnotes, tables, quotes };
  return { doc, diagnostics, datelined };
}

/** Paragraphs a title block spans at most (the title, the delivery line, the speaker, each alone). */
const TITLE_BLOCK_PARAGRAPHS = 3;

/**
 * The title block at the start of a text: its lines, in order, are the title again (optional), a delivery
 * line (deliveryOf: a date, 在 the meeting 上) and perhaps the line naming the speaker by office — every
 * line of the paragraphs it spans, so no sentence is taken with it. Undefined without a delivery line.
 */
function titleBlockAt(body: Item[], title: string | undefined): { items: Item[]; delivery: NonNullable<ReturnType<typeof deliveryOf>> } | undefined {
  const items: Item[] = [];
  let delivery: ReturnType<typeof deliveryOf>;
  let deliveryLine = '';
  let stage: 'title' | 'delivery' | 'speaker' | 'done' = 'title';
  for (const it of body) {
    if (stage === 'done' || items.length >= TITLE_BLOCK_PARAGRAPHS || it.kind !== 'para') break;
    const lines = it.inl.lines.map((l) => l.text.replace(/\*+/g, '').trim()).filter(Boolean);
    let all = lines.length > 0;
    for (const line of lines) {
      if (stage === 'title' && title && titleKey(line) === titleKey(title)) {
        stage = 'delivery';
        continue;
      }
      if (stage === 'title' || stage === 'delivery') {
        const d = deliveryOf(line);
        if (d) {
          delivery = d;
          deliveryLine = line;
          stage = d.speaker ? 'done' : 'speaker';
          continue;
        }
      } else if (stage === 'speaker') {
        const d = deliveryOf(`${deliveryLine} ${line}`);
        if (d?.speaker) {
          delivery = d;
          stage = 'done';
          continue;
        }
      }
      all = false;
      break;
    }
    if (!all) break;
    items.push(it);
  }
  return delivery && items.length ? { items, delivery } : undefined;
}

/**
 * The article without the site's links to other articles: a related-articles label (相关新闻, 延伸阅读…) with
 * the lone links under it, and a list of lone links that ends the article.
 */
function withoutRelated(body: Item[]): Item[] {
  const drop = new Set<Item>();
  const isLinks = (n: Item) => (n.kind === 'list' && linkList(n.node)) || (n.kind === 'para' && linkOnly(n.inl.text.text, n.inl.links));
  for (let k = 0; k < body.length; k++) {
    const it = body[k];
    if (!((it.kind === 'para' || it.kind === 'heading') && isRelatedLabel(it.inl.text.text))) continue;
    let j = k + 1;
    while (j < body.length && isLinks(body[j])) j++;
    if (j === k + 1) continue;
    for (let x = k; x < j; x++) drop.add(body[x]);
    k = j - 1;
  }
  let end = body.length - 1;
  while (end >= 0 && body[end].kind === 'footdef') end--;
  const last = body[end];
  if (end > 0 && last.kind === 'list' && linkList(last.node)) drop.add(last);
  return drop.size ? body.filter((it) => !drop.has(it)) : body;
}

function firstBlockPlace(sec: Section): Place | undefined {
  for (const b of sec.blocks) {
    if (b.type === 'paragraph' && b.segments[0]) return b.segments[0].place;
    if (b.type === 'list') return (b.lead[0] ?? b.items[0]?.segments[0])?.place;
    if (b.type === 'quote' && b.segments[0]) return b.segments[0].place;
    if (b.type === 'image' && b.caption[0]) return b.caption[0].place;
  }
  return undefined;
}

/** The numbering of a part's heading set as a paragraph: 一、 / （一） / 1、 (in that rank). */
const PART_NUMBERS = [/^[一二三四五六七八九十]{1,3}、/, /^[（(][一二三四五六七八九十]{1,3}[）)]/, /^[0-9]{1,2}[、．]/];
const PART_HEADING_MAX = 40;
/** A heading closed with a full stop: at most this long, over a paragraph at least CLOSED_HEADING_BODY long. */
const CLOSED_HEADING_MAX = 30;
const CLOSED_HEADING_BODY = 40;

/**
 * Paragraphs that are the headings of numbered parts (一、编制过程 / 二、调研情况; （一）…; 1、…), as Word
 * files and scraped official documents set them: short, one line, no mark that ends or divides a sentence
 * (a comma only in a top-rank heading: 三、深化体制机制改革，构建优化协同高效的治理模式),
 * and at least two of the same numbering in the text. Each maps to its rank among the numberings used
 * (0 the highest). A text of articles (第X条) is left alone: its numbered paragraphs are read by the law
 * reader (ingest/genre/law.ts).
 */
function numberedParagraphHeadings(items: Item[]): Map<Item, number> {
  const out = new Map<Item, number>();
  const paras = items.filter((it): it is Extract<Item, { kind: 'para' }> => it.kind === 'para');
  if (paras.some((it) => /^\s*第[一二三四五六七八九十百0-9]{1,6}条/.test(it.inl.text.text))) return out;
  const found: { it: Item; kind: number }[] = [];
  const after = new Map<Item, Item | undefined>(items.map((it, k) => [it, items[k + 1]]));
  for (const it of paras) {
    let t = it.inl.text.text.trim();
    // a short heading closed with a full stop (（二）风险防控能力提升工程。 / 3．灾害事故风险区划图编制。) over
    // a paragraph of its own, as plans title their tasks and projects
    const next = after.get(it);
    const closed = (x: string) => /^[^。]+。$/.test(x) && [...x].length <= CLOSED_HEADING_MAX;
    const nt = next?.kind === 'para' ? next.inl.text.text.trim() : undefined;
    // …or over the heading of its first project (（一）管理创新能力提升工程。 / 1．应急救援指挥中心建设。)
    if (closed(t) && nt !== undefined && ([...nt].length >= CLOSED_HEADING_BODY || (closed(nt) && PART_NUMBERS.some((re) => re.test(nt))))) t = t.slice(0, -1);
    if ([...t].length > PART_HEADING_MAX || /\n/.test(t) || /[。；;：:！？!?]/.test(t)) continue;
    const kind = PART_NUMBERS.findIndex((re) => re.test(t) && t.replace(re, '').trim().length >= 2);
    // a comma divides a top-rank heading into its two halves (三、深化体制机制改革，构建优化协同高效的治理模式),
    // as plans title their parts; a lower-rank item with a comma and no end is more likely a list's phrase
    if (kind !== 0 && /[，,]/.test(t)) continue;
    if (kind >= 0) found.push({ it, kind });
  }
  const used = [0, 1, 2].filter((k) => found.filter((f) => f.kind === k).length >= 2);
  for (const f of found) if (used.includes(f.kind)) out.set(f.it, used.indexOf(f.kind));
  return out;
}

/** A line that reads as a bare headline: ≤ 40 characters, one line, Han, no sentence or clause punctuation, not a date. */
function isBareHeadline(t: string): boolean {
  const s = t.trim();
  return [...s].length <= 40 && !/\n/.test(s) && /\p{Script=Han}{2}/u.test(s) && !/[。！？!?；;：:，,]/.test(s) && !/^\d{4}\s*[年./-]/.test(s);
}
