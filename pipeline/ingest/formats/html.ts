// A saved web page (source.html) → Markdown with front matter, for the Markdown reader. The main content
// is found by Mozilla's Readability (over linkedom's DOM, no browser), the metadata read from the page's
// own tags (og:title, article:published_time, author, og:site_name, canonical URL), and the content turned
// into Markdown the unified way (hast → mdast → Markdown), so headings, lists, tables, quotes and images
// with their captions survive and no markup is left in the text.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { stringify as stringifyYaml } from 'yaml';
import type { Root as HastRoot, Element, Nodes as HastNodes } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { isoDate } from './dates.js';
import { splitTitle, stripSiteName, titleKey } from './title.js';
import { FURNITURE_NAME, FURNITURE_TAGS, NAV_LINK } from './furniture.js';
import { plainInline } from './html-inline.js';
import { readMetaLine } from '../news/byline.js';
import { ORGAN_END } from '../news/front-page.js';

export { isoDate };

export interface PageMeta {
  title?: string;
  date?: string;
  author?: string;
  site?: string;
  url?: string;
  description?: string;
}

/** Largest page read (characters): past this a page is cut, so a hostile file costs bounded time. */
export const HTML_MAX = 8_000_000;

type Doc = ReturnType<typeof parseHTML>['document'];

function metaContent(doc: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}"]`);
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return undefined;
}

/** The page's keywords (<meta name="keywords">), split. */
function metaKeywords(doc: Doc): string[] | undefined {
  const k = metaContent(doc, 'keywords');
  return k ? k.split(/\s*[,，;；、]\s*/).filter(Boolean) : undefined;
}

/** The page's own statements about itself, from its head. */
export function pageMeta(doc: Doc): PageMeta {
  const m: PageMeta = {};
  m.title = metaContent(doc, 'og:title', 'twitter:title', 'ArticleTitle', 'title') ?? (doc.querySelector('title')?.textContent?.trim() || undefined);
  m.date = metaContent(doc, 'article:published_time', 'og:published_time', 'pubdate', 'PubDate', 'publishdate', 'datePublished', 'date', 'dc.date');
  if (!m.date) {
    const t = doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim();
    if (t) m.date = t;
  }
  m.author = metaContent(doc, 'author', 'article:author', 'dc.creator', 'Author');
  m.site = metaContent(doc, 'og:site_name', 'application-name', 'publisher', 'SiteName');
  m.url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || metaContent(doc, 'og:url');
  m.description = metaContent(doc, 'description', 'og:description');
  return m;
}

/**
 * Who the page says wrote it, if that can be the author: not a line naming an editor or a source
 * (责任编辑：X, 编辑 X, 来源：X — page furniture, kept as facts of the page), and not a name the page
 * shows nowhere (a CMS fills <meta name="author"> with whoever uploaded the page: an editor). Returns the
 * author, or the facts the value states instead.
 */
export function pageAuthor(value: string | undefined, visibleText: string): { author?: string; extra?: Record<string, string> } {
  const v = value?.replace(/\s+/g, ' ').trim();
  if (!v) return {};
  const facts = /^(?:责任编辑|编辑|责编|校对|审核|审校|值班编辑|实习编辑|来源|出处|稿源|转自|原载)/.test(v) ? readMetaLine(v) : undefined;
  if (facts?.extra || facts?.outlet) return { extra: { ...(facts.extra ?? {}), ...(facts.outlet ? { 来源: facts.outlet } : {}) } };
  if (/^(?:责任编辑|编辑|责编|来源)/.test(v)) return { extra: { 编辑: v.replace(/^[^：:\s]+[：:\s]*/, '') } };
  const squash = (t: string) => t.replace(/[\s\u3000]+/g, '');
  const names = v.split(/\s*[、，,;；/]\s*|\s+/).filter(Boolean);
  const shown = squash(visibleText);
  if (/\p{Script=Han}/u.test(v) && !names.some((n) => shown.includes(squash(n)))) return { extra: { 'page-author': v } };
  return { author: v };
}

/** A label of the organ that issued a document, as government pages' information tables set it (发文机关：). */
const ISSUER_LABEL = /^(?:发文机关|发文单位|发文机构|发布机关|发布机构|成文机关|發文機關|發布機關)[：:]?$/u;

/**
 * The organ a government page's information table (索引号, 发文机关, 成文日期, 发文字号…) names as the
 * document's issuer: the cell or element after the label, or the text after it in the same element. Read
 * before furniture goes (the table sits outside the article). An organ's name only.
 */
export function labelledIssuer(doc: Doc): string | undefined {
  const squash = (t: string) => t.replace(/[\s\u00a0\u3000]+/g, '');
  const els = doc.querySelectorAll('td, th, dt, span, b, strong, label, em, li');
  const n = Math.min(els.length, 20_000);
  for (let i = 0; i < n; i++) {
    const el = els[i];
    const own = el.textContent ?? '';
    let value: string | undefined;
    if (ISSUER_LABEL.test(squash(own))) {
      const next = el.nextElementSibling?.textContent ?? '';
      value = next;
      if (!next.replace(/[\s\u00a0\u3000]+/g, '')) {
        const whole = el.parentElement?.textContent ?? '';
        value = whole.slice(whole.indexOf(own) + own.length);
      }
    } else if (el.tagName === 'LI' || el.tagName === 'li') {
      // <li>发文机关：X</li>
      const m = /^[\s\u00a0\u3000]*([^：:]{2,12})[：:]([\s\S]{2,60})$/.exec(own);
      if (m && ISSUER_LABEL.test(squash(m[1]))) value = m[2];
    }
    const v = value?.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (v && v.length <= 40 && ORGAN_END.test(squash(v.split(' ').pop() ?? ''))) return v;
  }
  return undefined;
}

/**
 * Figures become an image and its caption as a paragraph in italics, as captions are set (the Markdown
 * reader takes a short italic paragraph after an image for its caption, not for a paragraph of the
 * text); everything else is hast-util-to-mdast's.
 */
function figuresToParagraphs(tree: HastRoot): void {
  const visit = (node: HastNodes) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'figcaption') {
        const el = child as Element;
        el.tagName = 'p';
        if (el.children.some((c) => c.type === 'text' ? c.value.trim() : c.type === 'element'))
          el.children = [{ type: 'element', tagName: 'em', properties: {}, children: el.children }];
        continue;
      }
      visit(child as HastNodes);
    }
  };
  visit(tree);
}

/** Never content: scripts, styles, embedded objects, controls. */
const NEVER_CONTENT = 'script, style, noscript, template, svg, canvas, iframe, object, embed, select, input, button';
/** Page furniture by tag and role: never content, whatever Readability makes of a short page. */
const FURNITURE_SELECTOR = [...FURNITURE_TAGS].filter((t) => t !== 'form').concat(['[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[aria-hidden="true"]', '[hidden]']).join(', ');
/** Furniture by its usual place: a page's forms, headers and footers, unless they hold its content. */
const WRAPPERS = 'form, header, footer';
/** The page's main content, as pages mark it. */
const MAIN_CONTENT = 'main, article, [role="main"]';
/** Share of the page's text past which an element is the page's content, whatever its tag or class says. */
const CONTENT_SHARE = 0.4;

const textLength = (el: { textContent: string | null } | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, '').length;

/**
 * Remove furniture: scripts and styles always; navigation and asides unless the page's <main> is in
 * them; forms, headers, footers and blocks named like furniture (share, sidebar, breadcrumb…) unless
 * they hold the page's content: an element
 * with the page's <main> or <article> in it, or most of its text (old sites wrap the whole page in a
 * <form>; documentation sites name the content's wrapper `has-sidebar`).
 */
function removeFurniture(doc: Doc): void {
  for (const el of [...doc.querySelectorAll(NEVER_CONTENT)]) el.remove();
  const total = Math.max(1, textLength(doc.querySelector('body') ?? doc.documentElement));
  const holdsContent = (el: Element_) => !!el.querySelector(MAIN_CONTENT) || textLength(el) >= total * CONTENT_SHARE;
  for (const el of [...doc.querySelectorAll(FURNITURE_SELECTOR)]) if (el.isConnected && !el.querySelector(MAIN_CONTENT)) el.remove();
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected || el.matches(MAIN_CONTENT)) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE_NAME.test(names) && !holdsContent(el)) el.remove();
  }
  for (const el of [...doc.querySelectorAll(WRAPPERS)]) if (el.isConnected && !el.closest('article') && !holdsContent(el)) el.remove();
  for (const a of [...doc.querySelectorAll('a')]) if (NAV_LINK.test(a.textContent ?? '')) a.remove();
}

type Element_ = ReturnType<Doc['querySelector']> & object;

/** An element's text without what furniture inside it says (a heading's [编辑] link). */
function textBesideFurniture(el: Element_): string {
  let out = '';
  const stack: ChildNode_[] = [el as unknown as ChildNode_];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) out += n.textContent ?? '';
    if (n.nodeType !== 1) continue;
    const e = n as unknown as Element_;
    if (e !== el && FURNITURE_NAME.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`)) continue;
    const kids = [...n.childNodes];
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return out;
}

type ChildNode_ = { nodeType: number; textContent: string | null; childNodes: ArrayLike<ChildNode_> & Iterable<ChildNode_> };

/** Comments are not content (`<!--[-->` of Vue's rendering came out as raw HTML in the Markdown). */
function dropComments(tree: HastRoot): void {
  const stack: (HastRoot | Element)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    node.children = node.children.filter((c) => c.type !== 'comment');
    for (const c of node.children) if (c.type === 'element') stack.push(c);
  }
}

/** The page's own heading: the first <h1> of its main content, else of the page. */
function pageHeading(doc: Doc): string | undefined {
  const h = doc.querySelector('main h1, article h1, [role="main"] h1') ?? doc.querySelector('h1');
  const t = h?.textContent?.replace(/[\s\u200b]+/g, ' ').trim();
  return t || undefined;
}

/** The texts of the page's innermost elements (at most the first 20,000, each up to 200 characters). */
function shownTexts(document: ReturnType<typeof parseHTML>['document']): string[] {
  const out: string[] = [];
  const all = document.querySelectorAll('body *');
  const n = Math.min(all.length, 20_000);
  for (let i = 0; i < n; i++) {
    const el = all[i];
    if (el.children.length) continue;
    const t = (el.textContent ?? '').trim();
    if (t.length >= 2 && t.length <= 200) out.push(t);
  }
  return out;
}

/** A line of Markdown without its hard break (a trailing backslash or two spaces). */
const unbroken = (line: string) => line.replace(/(?:\\| {2,})$/, '');

/**
 * The page's headline set as the first (bold) paragraph, not as a heading — on one line, or broken over
 * its first lines (<br>) with more after it (the line saying when it was adopted): those lines become the
 * headline, one heading, and the rest stays a paragraph of its own.
 */
export function headlineFirst(body: string, title: string): { body: string; heading?: string } {
  const end = body.search(/\n[ \t]*\n/);
  const para = end < 0 ? body : body.slice(0, end);
  const lines = para.split('\n');
  // already a heading (the page's <h1>): nothing to do
  if (/^[ \t]*#/.test(lines[0])) return { body };
  const key = titleKey(title);
  for (let k = 1; k <= Math.min(4, lines.length); k++) {
    const head = lines.slice(0, k).map(unbroken).join(' ');
    const m = /^[ \t]*(\*\*|__)?([\s\S]{1,200}?)\1?[ \t]*$/.exec(head);
    // a bold run must close where the headline ends, not inside what follows
    if (!m || (m[1] && !head.trimEnd().endsWith(m[1]))) continue;
    if (titleKey(m[2]) !== key) continue;
    const rest = lines.slice(k).join('\n');
    const heading = m[2].replace(/\s+/g, ' ').replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '').trim();
    return { body: `# ${heading}\n` + (rest.trim() ? `\n${rest}` : '') + body.slice(para.length), heading };
  }
  return headlineOverParagraphs(body, key);
}

/** Most paragraphs a headline is broken over (a notice's title set as 2–4 centred lines, each a <div>). */
const HEADLINE_PARAGRAPHS = 6;

/**
 * The headline broken over the first paragraphs, one short line each (a government page sets each line of
 * a long title as a block of its own): when those lines, joined, are the title and nothing more, they are
 * the headline — one heading — and not a paragraph and headings of their own.
 */
function headlineOverParagraphs(body: string, key: string): { body: string; heading?: string } {
  const paras: { text: string; end: number }[] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  while (paras.length < HEADLINE_PARAGRAPHS) {
    const m = re.exec(body);
    const end = m ? m.index : body.length;
    const text = body.slice(start, end);
    // one line each, short: a line of a headline, not a paragraph of text
    if (text.includes('\n') || !text.trim() || text.length > 80) break;
    paras.push({ text, end });
    if (!m) break;
    start = m.index + m[0].length;
  }
  let joined = '';
  for (let k = 0; k < paras.length; k++) {
    const m = /^[ \t\u3000]*(\*\*|__)?([\s\S]{1,80}?)\1?[ \t\u3000]*$/.exec(paras[k].text);
    if (!m || (m[1] && !paras[k].text.trimEnd().endsWith(m[1]))) break;
    joined += m[2].trim();
    const got = titleKey(joined);
    if (!got || !key.startsWith(got)) break;
    if (got === key && k >= 1) {
      const heading = joined.replace(/\s+/g, ' ').replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '').trim();
      return { body: `# ${heading}\n` + body.slice(paras[k].end), heading };
    }
  }
  return { body };
}

export interface HtmlResult {
  markdown: string;
  meta: PageMeta;
  /** Readability found no article: the whole body was used. */
  wholeBody: boolean;
}

/** A page's main content as Markdown with a front matter of what the page says about itself. */
export function htmlToMarkdown(html: string): HtmlResult {
  const { document } = parseHTML(html.length > HTML_MAX ? html.slice(0, HTML_MAX) : html);
  const meta = pageMeta(document);
  // what the page shows (scripts and styles aside): an author it never shows is not its author
  for (const el of [...document.querySelectorAll('script, style, noscript, template')]) el.remove();
  const visible = document.querySelector('body')?.textContent ?? '';
  const keywords = metaKeywords(document) ?? [];
  // every <h1> the page shows, wherever it sits (a wiki's title bar is a <header>)
  const h1s = new Set([...document.querySelectorAll('h1')].map((h) => titleKey(textBesideFurniture(h))).filter(Boolean));
  // what the page shows as elements of their own (its headline line among them): evidence for the title
  const shown = shownTexts(document);
  const issuer = labelledIssuer(document);
  removeFurniture(document);
  const heading = pageHeading(document);
  // Readability changes the document it reads: metadata first, then the article
  let content: string | undefined;
  let wholeBody = false;
  try {
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100, keepClasses: false }).parse();
    content = article?.content ?? undefined;
    if (article?.byline && !meta.author) meta.author = article.byline.trim();
    if (article?.siteName && !meta.site) meta.site = article.siteName.trim();
    if (article?.publishedTime && !meta.date) meta.date = article.publishedTime;
  } catch {
    content = undefined;
  }
  if (!content) {
    wholeBody = true;
    const { document: again } = parseHTML(html.length > HTML_MAX ? html.slice(0, HTML_MAX) : html);
    removeFurniture(again);
    content = again.querySelector('body')?.innerHTML ?? '';
  }
  const hast = fromHtml(content ?? '', { fragment: true });
  dropComments(hast);
  plainInline(hast);
  figuresToParagraphs(hast);
  const mdast = toMdast(hast) as MdastRoot;
  let body = toMarkdown(mdast, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' });
  const fm: Record<string, string> = {};
  const title = meta.title ?? heading;
  if (title) {
    const names = [meta.description, ...keywords].filter((n): n is string => !!n);
    fm.title = stripSiteName(title, { site: meta.site, names, heading, text: body.slice(0, 3000), shown });
    // the part dropped from the title is the site's name when the page's description is that part
    const described = meta.description && titleKey(meta.description);
    if (!meta.site && described && fm.title !== title.trim() && splitTitle(title).some((p) => titleKey(p) === described)) meta.site = meta.description;
    // `heading - name` (spaced, as browsers and wikis join them) where the first part is a heading the page
    // shows: the name after it is the site's (雄安新区 - 维基百科，自由的百科全书)
    const joined = /^(.+?)\s+[-–—|｜]\s+([^|｜]+?)\s*$/.exec(title.trim());
    if (!meta.site && joined && h1s.has(titleKey(joined[1])) && !h1s.has(titleKey(joined[2]))) meta.site = joined[2];
  }
  // the page's headline set as a (bold) paragraph, not a heading: it is the headline, not a paragraph
  if (fm.title) {
    const h = headlineFirst(body, fm.title);
    body = h.body;
    // the same words as the page's <title>, as the page itself sets them (its spacing, its punctuation)
    if (h.heading) fm.title = h.heading;
  }
  const date = isoDate(meta.date);
  if (date) fm.date = date;
  const author = pageAuthor(meta.author, visible);
  if (author.author) fm.author = author.author;
  for (const [k, v] of Object.entries(author.extra ?? {})) fm[k] = v;
  if (meta.site) fm.outlet = meta.site;
  if (issuer) fm.institution = issuer;
  if (meta.url) fm.url = meta.url;
  const head = Object.keys(fm).length ? `---\n${stringifyYaml(fm, { lineWidth: 0 })}---\n\n` : '';
  return { markdown: head + body, meta, wholeBody };
}
