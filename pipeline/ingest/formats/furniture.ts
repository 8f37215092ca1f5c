// Page furniture: what a web page carries around its text and is never content. Shared by the HTML
// reader (over a DOM) and the Markdown reader's raw HTML blocks (over hast).
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';

export const FURNITURE_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'form', 'button', 'svg', 'canvas', 'nav', 'aside', 'select', 'input', 'object', 'embed',
]);

/**
 * Class or id words of share bars, QR codes, breadcrumbs, toolbars, comment boxes, pagers, a wiki's
 * edit links beside its headings ([编辑]) and its navigation boxes of links to other articles.
 */
export const FURNITURE_NAME =
  /(^|[\s_-])(share|sharing|qr|qrcode|appendqr|erweima|breadcrumbs?|crumbs?|toolbar|comments?|pager|pagination|related|recommend|footer|header|topbar|sidebar|login|subscribe|advert|ads?|editsection|navbox)([\s_-]|$)|appendQr|qrcode|erweima|breadcrumb/i;

/** Links back to the site's front page or top, print and close buttons: navigation. */
export const NAV_LINK = /^\s*(返回(首页|顶部|主页|上页|列表|目录)|回到(首页|顶部)|返回首頁|回到首頁|[【[]?(关闭窗口|關閉窗口|打印本页|打印|列印|收藏|纠错|糾錯)[】\]]?)\s*$/;

function textOf(n: HastNodes): string {
  if (n.type === 'text') return n.value;
  return 'children' in n ? n.children.map((c) => textOf(c as HastNodes)).join('') : '';
}

function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== false) return true;
  if (String(p.ariaHidden) === 'true') return true;
  const role = String(p.role ?? '');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo') return true;
  const cls = Array.isArray(p.className) ? p.className.join(' ') : String(p.className ?? '');
  if (FURNITURE_NAME.test(`${cls} ${String(p.id ?? '')}`)) return true;
  if (el.tagName === 'a' && NAV_LINK.test(textOf(el))) return true;
  return false;
}

/** Remove furniture from a hast tree, in place (iteratively: no recursion on user input). */
export function stripFurniture(tree: HastRoot): void {
  const stack: (HastRoot | Element)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    node.children = node.children.filter((c) => !(c.type === 'element' && isFurniture(c)) && c.type !== 'comment' && c.type !== 'doctype');
    for (const c of node.children) if (c.type === 'element') stack.push(c);
  }
}
