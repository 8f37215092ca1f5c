// Page furniture: what is on the pages but is not content. The cover (and its repetition), the table
// of contents, page numbers, running heads, and the closing colophon/contact block.
import type { Line } from './lines.js';
import { endsSentence } from './lines.js';
import { matchHeading } from './headings.js';
import { isSalutation } from '../salutation.js';

export const PAGE_NUMBER_RE =
  /^(?:[-–—－]\s*\d{1,4}\s*[-–—－]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|(?:Page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[·•]\s*\d{1,4}\s*[·•]|[IVXLivxl]{1,6})$/i;

const TOC_TITLE_RE = /^(?:目\s*录|目\s*次|Contents|Table of Contents)$/i;
/** A TOC entry: text then a page number after dotted leaders, a tab or a run of spaces. */
const TOC_ENTRY_RE = /^(.{1,80}?)(?:\s*[.…·．。・⋯]{2,}\s*|\t+\s*|\s{2,}|\s)(?:\d{1,3}|[ivxlc]{1,5})$/i;
const TOC_STRONG_RE = /^(.{1,80}?)(?:\s*[.…·．。・⋯]{3,}\s*|\t+\s*)(?:\d{1,3}|[ivxlc]{1,5})$/i;

export function isPageNumber(text: string): boolean {
  return text.length <= 20 && PAGE_NUMBER_RE.test(text);
}

/**
 * A line of Latin script that names something rather than says it: in capitals ("INSTITUTE FOR …
 * STUDIES") or in title case ("Institute for Transboundary Rivers"), not ending a sentence. A cover's
 * English name can be as long as a line of running text.
 */
export function isLatinName(text: string): boolean {
  if (/\p{Script=Han}/u.test(text) || endsSentence(text)) return false;
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (!words.length) return false;
  if (!/\p{Ll}/u.test(text)) return true;
  return words.every((w) => /^\p{Lu}/u.test(w) || TITLE_SMALL_WORDS.has(w));
}

/** Words a title in title case leaves in lower case. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'the', 'to', 'by', 'de', 'du', 'des', 'la', 'le', 'und', 'für']);

/**
 * Prose: a line that reads like running text rather than cover furniture. A short line ending in a
 * colon is a title broken after its colon ("从A到B：") as often as a lead-in: not enough by itself.
 */
export function isProse(text: string): boolean {
  const ends = endsSentence(text) && text.length >= (/[：:]$/.test(text) ? 20 : 12);
  return (text.length >= 50 || ends) && !TOC_STRONG_RE.test(text) && !isLatinName(text);
}

export interface Furniture {
  /** First line of the body (after the cover and table of contents). */
  bodyStart: number;
  /** First line after the body (start of the closing colophon, or lines.length). */
  bodyEnd: number;
  /** Lines before the body that are not part of the table of contents. */
  cover: Line[];
  /** Lines of the closing colophon. */
  colophon: Line[];
  /** mask[i] = 1: line i is furniture inside the body (page number, running head, repeated cover line). */
  mask: Uint8Array;
  tocLines: number[];
}

function findToc(lines: Line[], limit: number): { start: number; end: number } | undefined {
  for (let i = 0; i < limit; i++) {
    if (!TOC_TITLE_RE.test(lines[i].text)) continue;
    let j = i + 1;
    let last = i;
    while (j < lines.length) {
      const t = lines[j].text;
      if (!t || TOC_ENTRY_RE.test(t) || isPageNumber(t)) {
        if (t) last = j;
        j++;
        continue;
      }
      // a part title without page number inside the TOC: accept when entries follow
      const k = nextText(lines, j + 1);
      if (t.length <= 40 && !endsSentence(t) && k < lines.length && TOC_ENTRY_RE.test(lines[k].text)) {
        last = j;
        j++;
        continue;
      }
      break;
    }
    return { start: i, end: last + 1 };
  }
  // no title: a run of at least three entries with leaders or tabs
  let runStart = -1;
  let count = 0;
  let lastEntry = -1;
  for (let i = 0; i < limit; i++) {
    const t = lines[i].text;
    if (!t) continue;
    if (TOC_STRONG_RE.test(t)) {
      if (runStart < 0) runStart = i;
      count++;
      lastEntry = i;
    } else {
      if (count >= 3) return { start: runStart, end: lastEntry + 1 };
      runStart = -1;
      count = 0;
    }
  }
  if (count >= 3) return { start: runStart, end: lastEntry + 1 };
  return undefined;
}

function nextText(lines: Line[], i: number): number {
  while (i < lines.length && !lines[i].text) i++;
  return i;
}

const COLOPHON_KEY_RE = /^(?:主\s*编|副\s*主\s*编|执行主编|编\s*辑|责任编辑|出\s*品\s*人|执行出品人|编\s*委\s*会|联系方式|联系我们|地\s*址|邮政编码|邮\s*编|联系电话|电\s*话|传\s*真|电子邮箱|邮\s*箱|E-?mail|Tel|Fax|网\s*址|©|Copyright|版权所有|本报告版权)/i;
const ABOUT_RE = /^关于\s*\S{2,30}$/;
/** What a colophon's statements speak of: the publication itself (its views, rights, reuse). */
const PUBLICATION_STATEMENT_RE = /本(?:报告|书|刊|文|研究|出版物)|版权|转载|引用|不代表|仅代表|免责|未经.{0,6}许可|All rights reserved|disclaim/i;

/** A web address without its scheme: irrc.example.edu.cn */
const BARE_DOMAIN_RE = /^(?:[a-z0-9-]+\.){1,4}(?:com|org|net|edu|gov|int|cn|hk|tw|uk|de|fr|jp|ru|info)(?:\.[a-z]{2})?\/?$/i;

/** Where the closing colophon starts: a "关于<机构>" line or a run of colophon lines reaching the end. */
function findColophon(lines: Line[], from: number): number {
  const n = lines.length;
  const floor = Math.max(from, Math.floor(n * 0.6));
  // everything after the start must be furniture-like: keys, short lines, URLs, the "about" text
  let start = n;
  let keyLines = 0;
  for (let i = n - 1; i >= floor; i--) {
    const t = lines[i].text;
    if (!t) continue;
    if (COLOPHON_KEY_RE.test(t) || /^<?https?:\/\/|^www\./i.test(t) || BARE_DOMAIN_RE.test(t)) {
      keyLines++;
      start = i;
      continue;
    }
    if (ABOUT_RE.test(t) && !endsSentence(t) && keyLines > 0) return i;
    // the last page's number: body furniture, masked with the others; above a colophon that has its
    // own page, the body's last page (whose wrapped lines would pass for short colophon lines)
    if (isPageNumber(t)) {
      if (keyLines >= 2) break;
      continue;
    }
    if ((t.length <= 40 && !endsSentence(t)) || isLatinName(t)) {
      start = i;
      continue;
    }
    // a short statement among the keys ("本报告仅代表作者观点。"), but not a sentence of running text: the
    // body's closing paragraph ends in terminal punctuation too, and is longer, unless it speaks of the publication
    if (keyLines >= 2 && t.length <= 80 && !(t.length >= 40 && endsSentence(t) && !PUBLICATION_STATEMENT_RE.test(t))) {
      start = i;
      continue;
    }
    // a prose paragraph: the colophon (if any) starts after it, unless an "about" line precedes it
    let k = i - 1;
    while (k >= floor && (!lines[k].text || isProse(lines[k].text))) k--;
    if (k >= floor && ABOUT_RE.test(lines[k].text) && keyLines > 0) return k;
    break;
  }
  return keyLines >= 2 ? start : n;
}

/** A line short enough to be a running head (runs of spaces count as one: heads are often set in two columns). */
function shortLine(t: string): boolean {
  return t.replace(/[\s\u3000]+/g, ' ').length <= 40 && !endsSentence(t);
}

/**
 * A line of a cover that states a fact about the document, set in large type as covers do: a date alone
 * (2020 年 10 月, 二〇二四年一月) or an institution's name. The layout shows it as a heading, but it does
 * not end the cover: the cover's metadata is read from it.
 */
export function isCoverFact(t: string): boolean {
  const s = t.replace(/[\s\u3000]+/g, '');
  if (/^(?:\d{4}|[〇零○一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?$/.test(s)) return true;
  return s.length <= 30 && /(?:研究院|研究所|研究中心|大学|学院|基金会|委员会|办公室|协会|学会|人民政府|有限公司|公司|集团)$/.test(s);
}

/** `layoutHeadings`: lines a reader's layout shows as headings (they end the cover as a numbered heading does). */
export function findFurniture(lines: Line[], layoutHeadings: ReadonlySet<number> = new Set()): Furniture {
  const n = lines.length;
  const mask = new Uint8Array(n);
  // the cover: short lines before the first prose or heading line; the TOC ends the front matter
  const limit = Math.min(n, 400);
  let firstContent = n;
  for (let i = 0; i < n; i++) {
    const t = lines[i].text;
    if (!t) continue;
    // (a bio heading of the cover, 作者简介, does not end it)
    const h = matchHeading(t);
    // a speech's salutation (各位代表：) is where the text starts: the cover ends before it
    if (isProse(t) || isSalutation(t) || (h && h.kind !== 'notes' && !TOC_ENTRY_RE.test(t)) || (layoutHeadings.has(i) && !isCoverFact(t))) {
      firstContent = i;
      break;
    }
  }
  const toc = findToc(lines, Math.min(limit, Math.max(firstContent + 1, 200)));
  let bodyStart = firstContent;
  const tocLines: number[] = [];
  if (toc && toc.start <= firstContent + 1) {
    for (let i = toc.start; i < toc.end; i++) tocLines.push(i);
    bodyStart = toc.end;
  } else if (toc) {
    // a TOC after some front prose (a foreword): mask it where it stands
    for (let i = toc.start; i < toc.end; i++) {
      tocLines.push(i);
      mask[i] = 1;
    }
  }
  if (firstContent === n && !toc) bodyStart = 0; // nothing recognizable: all of it is body
  const cover = lines.slice(0, Math.min(bodyStart, toc && toc.start <= firstContent + 1 ? toc.start : bodyStart)).filter((l) => l.text);

  const bodyEnd = findColophon(lines, bodyStart);
  const colophon = lines.slice(bodyEnd).filter((l) => l.text && !isPageNumber(l.text));

  // page numbers and running heads inside the body
  const counts = new Map<string, number>();
  const coverTexts = new Set(cover.map((l) => l.text.replace(/\s+/g, '')));
  for (let i = bodyStart; i < bodyEnd; i++) {
    const t = lines[i].text;
    if (!t) continue;
    if (isPageNumber(t)) {
      mask[i] = 1;
      continue;
    }
    if (shortLine(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  // a short line that comes right after a page number (its next page's head) twice or more is a running
  // head even in a short document, where it is not repeated three times
  const afterPageNumber = new Map<string, number>();
  for (let i = bodyStart; i < bodyEnd; i++) {
    if (!mask[i]) continue;
    let k = i + 1;
    while (k < bodyEnd && !lines[k].text) k++;
    const t = lines[k]?.text;
    if (k < bodyEnd && t && !mask[k] && shortLine(t)) afterPageNumber.set(t, (afterPageNumber.get(t) ?? 0) + 1);
  }
  for (let i = bodyStart; i < bodyEnd; i++) {
    const t = lines[i].text;
    if (!t || mask[i]) continue;
    if (!shortLine(t)) continue;
    const repeated = ((counts.get(t) ?? 0) >= 3 || (afterPageNumber.get(t) ?? 0) >= 2) && !matchHeading(t) && !/\t/.test(lines[i].raw);
    // the cover's title or institution repeated as a running head or on a title page
    const coverRepeat = coverTexts.has(t.replace(/\s+/g, '')) && !matchHeading(t);
    if (repeated || coverRepeat) mask[i] = 1;
  }
  return { bodyStart, bodyEnd, cover, colophon, mask, tocLines };
}
