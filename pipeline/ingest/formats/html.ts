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
import { FURNITURE_NAME, FURNITURE_TAGS, NAV_LINK } from './furniture.js';

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

/** Figures become an image and its caption as a paragraph; everything else is hast-util-to-mdast's. */
function figuresToParagraphs(tree: HastRoot): void {
  const visit = (node: HastNodes) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'figcaption') {
        (child as Element).tagName = 'p';
      }
      visit(child as HastNodes);
    }
  };
  visit(tree);
}

/** Page furniture by tag and role: never content, whatever Readability makes of a short page. */
const FURNITURE_SELECTOR = [...FURNITURE_TAGS, '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[aria-hidden="true"]', '[hidden]'].join(', ');

function removeFurniture(doc: Doc): void {
  for (const el of [...doc.querySelectorAll(FURNITURE_SELECTOR)]) el.remove();
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    if (el.closest('article') === el) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE_NAME.test(names) && !el.querySelector('article')) el.remove();
  }
  for (const el of [...doc.querySelectorAll('header, footer')]) if (!el.closest('article')) el.remove();
  for (const a of [...doc.querySelectorAll('a')]) if (NAV_LINK.test(a.textContent ?? '')) a.remove();
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
  removeFurniture(document);
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
  figuresToParagraphs(hast);
  const mdast = toMdast(hast) as MdastRoot;
  const body = toMarkdown(mdast, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' });
  const fm: Record<string, string> = {};
  if (meta.title) fm.title = meta.title;
  const date = isoDate(meta.date);
  if (date) fm.date = date;
  if (meta.author) fm.author = meta.author;
  if (meta.site) fm.outlet = meta.site;
  if (meta.url) fm.url = meta.url;
  const head = Object.keys(fm).length ? `---\n${stringifyYaml(fm, { lineWidth: 0 })}---\n\n` : '';
  return { markdown: head + body, meta, wholeBody };
}
