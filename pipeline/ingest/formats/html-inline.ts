// Inline marks of a saved page that carry nothing a reader of its text needs, taken out before the page
// becomes Markdown: links to the site's own pages (a wiki links every other noun: its paragraphs came out
// with hundreds of link marks and were refused as too much markup), note references (a raised [12] that
// points to the page's list of references), and icons set in a line of text (a road sign before a road's
// name), which stand for their alternative text.
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';

/** A link with a scheme (https:, mailto:) leaves the site; anything else (/wiki/…, ../a.html, #x) does not. */
const LEAVES_SITE = /^[a-z][a-z0-9+.-]*:/i;
/** What a note reference shows: a number or letter, bracketed or not ([12], 12, [a], [注 3]). */
const NOTE_MARK = /^\s*[[［(（]?\s*(?:注\s*)?(?:\d{1,4}|[a-z])\s*[\]］)）]?\s*$/i;
/** Largest declared size (px, either side) of an image that is an icon within a line of text. */
export const ICON_PX = 40;

function textOf(n: HastNodes): string {
  if (n.type === 'text') return n.value;
  return 'children' in n ? n.children.map((c) => textOf(c as HastNodes)).join('') : '';
}

const href = (el: Element) => (typeof el.properties?.href === 'string' ? el.properties.href.trim() : undefined);

/** A raised mark pointing into the page (its list of notes): <sup><a href="#cite_note-3">[3]</a></sup>. */
function isNoteReference(el: Element): boolean {
  if (el.tagName !== 'sup' || !NOTE_MARK.test(textOf(el))) return false;
  const links: Element[] = [];
  const stack: ElementContent[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'element') continue;
    if (n.tagName === 'a') links.push(n);
    stack.push(...n.children);
  }
  return links.length > 0 && links.every((a) => href(a)?.startsWith('#'));
}

const px = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(?:px)?\s*$/.test(v) ? parseInt(v, 10) : undefined);

/** An image the page declares small on both sides it declares (an icon), at least one of them. */
function isIcon(el: Element): boolean {
  if (el.tagName !== 'img') return false;
  const sizes = [px(el.properties?.width), px(el.properties?.height)].filter((n): n is number => n !== undefined);
  return sizes.length > 0 && sizes.every((n) => n <= ICON_PX);
}

/** Ids the page's note references point to (cite_note-3): the entries of its list of notes. */
function noteTargets(tree: HastRoot): Set<string> {
  const ids = new Set<string>();
  const stack: HastNodes[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'root' && n.type !== 'element') continue;
    if (n.type === 'element' && isNoteReference(n)) {
      const inner: ElementContent[] = [...n.children];
      while (inner.length) {
        const c = inner.pop()!;
        if (c.type !== 'element') continue;
        const h = c.tagName === 'a' ? href(c) : undefined;
        if (h && h.length > 1) ids.add(decodeURIComponentSafe(h.slice(1)));
        inner.push(...c.children);
      }
      continue;
    }
    stack.push(...n.children);
  }
  return ids;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Take these marks out of a hast tree, in place (iteratively: no recursion on user input); with the note
 * references go the notes they point to (a wiki's list of references: sources, not the article's text).
 */
export function plainInline(tree: HastRoot): void {
  const notes = noteTargets(tree);
  const stack: (HastRoot | Element)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const out: ElementContent[] = [];
    // next child last; a link's children take its place and are looked at in turn
    const pending = [...node.children].reverse() as ElementContent[];
    while (pending.length) {
      const c = pending.pop()!;
      if (c.type !== 'element') {
        out.push(c);
        continue;
      }
      if (isNoteReference(c)) continue;
      if (notes.size && typeof c.properties?.id === 'string' && notes.has(c.properties.id)) continue;
      if (isIcon(c)) {
        const alt = typeof c.properties?.alt === 'string' ? c.properties.alt.trim() : '';
        if (alt) out.push({ type: 'text', value: alt });
        continue;
      }
      const h = c.tagName === 'a' ? href(c) : undefined;
      if (c.tagName === 'a' && (h === undefined || !LEAVES_SITE.test(h))) {
        for (let k = c.children.length - 1; k >= 0; k--) pending.push(c.children[k]);
        continue;
      }
      out.push(c);
      stack.push(c);
    }
    (node as Element).children = out;
  }
}
