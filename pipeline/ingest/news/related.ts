// "Related articles" under a news article: a label (相关新闻, 延伸阅读, 【推荐阅读】…) and the headlines of other
// articles under it, each a link. They are the site's, not the article's: neither content nor key points.
import type { List, Link, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** The label of a block of links to other articles, alone on its line (in brackets, with a colon or not). */
const RELATED_LABEL =
  /^[【\[［〖「]?\s*(?:相关(?:新闻|阅读|报道|文章|链接|推荐|资讯|稿件)|延伸阅读|扩展阅读|推荐阅读|推荐文章|热门推荐|精彩推荐|编辑推荐|热点推荐|更多(?:新闻|报道|阅读|精彩)|往期(?:回顾|推荐|精选|阅读)|猜你喜欢|你可能(?:还)?(?:想看|感兴趣|也喜欢)|(?:看完这篇)?还想看|其他人(?:还)?在看|大家都在看)\s*[】\]］〗」]?\s*[：:]?\s*$/;

export function isRelatedLabel(text: string): boolean {
  return RELATED_LABEL.test(text.trim());
}

/** The text of a paragraph is one link's text and nothing else (a headline pointing elsewhere). */
export function linkOnly(text: string, links: Link[]): boolean {
  const t = text.trim();
  if (!t || links.length !== 1) return false;
  return toString(links[0]).replace(/\s+/g, '') === t.replace(/\s+/g, '');
}

/** Every item of a list is a lone link (with at most a date beside it). */
export function linkList(list: List): boolean {
  if (!list.children.length) return false;
  return list.children.every((li) => {
    const paras = li.children.filter((c): c is Extract<RootContent, { type: 'paragraph' }> => c.type === 'paragraph');
    if (paras.length !== 1 || li.children.length !== 1) return false;
    const p = paras[0];
    const links = p.children.filter((c): c is Link => c.type === 'link');
    if (links.length !== 1) return false;
    const rest = toString({ type: 'paragraph', children: p.children.filter((c) => c.type !== 'link') })
      .replace(/[\s\-–—|｜·•()（）[\]【】]/g, '')
      .replace(/\d{1,4}[-/.年月日:：]\d{0,2}[-/.月日]?\d{0,2}日?/g, '');
    return rest.length === 0 && toString(links[0]).trim().length > 0;
  });
}
