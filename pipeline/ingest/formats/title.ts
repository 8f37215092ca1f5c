// A page's or file's title without the site's name: `问卷篇 | 2023 中国开源年度报告`, `中华人民共和国监察法-纪检`,
// `人工智能 - 维基百科，自由的百科全书`. Browsers, CMSs and print headers join the document's own title and the
// site's (or column's) name with a separator; which part is the document's is decided by evidence, never
// by position alone: the part the site's name matches is dropped; the part the document's own heading
// matches is kept; otherwise the part its text carries is kept. Without evidence the title stays whole,
// so titles that contain a dash (`中国-东盟自由贸易区`, `2023-2024年度`) are kept as written.

/** Separators between a title and a site's name: spaced bars and dashes, full-width bars, underscores, unspaced dashes between words. */
const SEPARATOR = /\s+[|｜–—-]{1,2}\s+|\s*[|｜_]\s*|(?<=[\p{Script=Han}\p{L}])\s*[-–—]\s*(?=[\p{Script=Han}\p{L}])|\s+[·•»]\s+/u;

export interface TitleEvidence {
  /** The site's name (og:site_name, application-name…). */
  site?: string;
  /** Other names of the site or its column: a description, keywords. */
  names?: string[];
  /** The document's own heading (its <h1>, a cover's largest line). */
  heading?: string;
  /** The start of the document's text. */
  text?: string;
  /** Texts the page shows as elements of their own (a headline line, a breadcrumb's last step). */
  shown?: string[];
}

/** For comparing: no spaces, no punctuation, no list number in front (`8. 大事记篇`), case folded. */
export function titleKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

/** Parts of a title split at its separators (one part: no separator). */
export function splitTitle(title: string): string[] {
  const out: string[] = [];
  let rest = title;
  for (let guard = 0; guard < 8; guard++) {
    const m = SEPARATOR.exec(rest);
    if (!m || m.index === 0) break;
    out.push(rest.slice(0, m.index).trim());
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest.trim());
  return out.filter((p) => p.length > 0);
}

/** What a page adds to a document's title to say it is all there: （全文）, 全文发布, 全文实录 (as keys: no brackets). */
const FULL_TEXT_NOTE = /^(?:全文|全文发布|全文公布|全文实录|实录|摘要|全文下载)?$/;

/** The document's own title out of a title that may carry the site's name. */
export function stripSiteName(title: string, ev: TitleEvidence = {}): string {
  const whole = title.replace(/\s+/g, ' ').trim();
  const parts = splitTitle(whole);
  if (parts.length < 2) return whole;
  const key = titleKey(whole);
  const heading = ev.heading ? titleKey(ev.heading) : '';
  // the heading is the whole title (or holds it): nothing to strip
  if (heading && (heading === key || heading.includes(key))) return whole;
  const keys = parts.map(titleKey);
  const names = [ev.site, ...(ev.names ?? [])].filter((n): n is string => !!n).map(titleKey).filter((n) => n.length > 0);
  const isName = (k: string) => names.some((n) => n === k || (k.length >= 2 && n.includes(k) && k.length >= n.length * 0.5));
  // 1. the document's heading is one of the parts (or a part is the heading with a list number)
  if (heading) {
    if (keys.includes(heading)) return ev.heading!.replace(/\s+/g, ' ').trim();
    // …or one part is the heading as others cite it (《X》白皮书, X（全文）): that part, whatever a
    // description that repeats it (国新办发布《X》白皮书) would make of it
    const holding = keys.filter((k) => heading.length >= 4 && k.includes(heading));
    if (holding.length === 1) {
      const part = parts[keys.indexOf(holding[0])];
      // the heading with only a note about the page around it (（全文）, 全文发布): the heading
      return FULL_TEXT_NOTE.test(holding[0].replace(heading, '')) ? ev.heading!.replace(/\s+/g, ' ').trim() : part;
    }
  }
  // 2. the site's name is the first or the last part: drop it (again, for `title - column - site`)
  let from = 0;
  let to = parts.length;
  while (to - from > 1 && isName(keys[to - 1])) to--;
  while (to - from > 1 && isName(keys[from])) from++;
  if (to - from < parts.length) return parts.slice(from, to).join(' ');
  // 3. the document's text carries one end part and not the other: the other is the site's
  const text = ev.text ? titleKey(ev.text) : '';
  if (text && !text.includes(key)) {
    const inText = keys.map((k) => k.length >= 2 && text.includes(k));
    if (inText[0] && !inText[parts.length - 1]) return parts.slice(0, parts.length - 1).join(' ');
    if (!inText[0] && inText[parts.length - 1]) return parts.slice(1).join(' ');
  }
  // 4. the page shows one end part on a line of its own (its headline) and never the other: the other is
  // the site's name, which only the browser's title bar carries (标题_某某官方网站)
  if (ev.shown?.length) {
    const shown = new Set(ev.shown.map(titleKey));
    if (!shown.has(key)) {
      const first = keys[0].length >= 4 && shown.has(keys[0]);
      const last = keys[parts.length - 1].length >= 4 && shown.has(keys[parts.length - 1]);
      if (first && !last) return parts.slice(0, parts.length - 1).join(' ');
      if (!first && last) return parts.slice(1).join(' ');
    }
  }
  return whole;
}
