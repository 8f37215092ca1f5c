// Laws and regulations (法律, 条例, 规定, 司法解释): a text made of numbered articles (第X条, 第 1 條),
// usually under numbered chapters (第X章, or 一、… in a judicial interpretation). Recognised from the
// parsed SourceDoc, so every input format (Markdown, HTML, DOCX, PDF or plain text) is read the same way.
// A scraped law may write its articles as list items numbered in sequence (`* 1 …`, `1. …`): when they
// run 1, 2, 3… and stand under 第X章 headings or name the law itself (本法, 本条例…), each becomes an
// article paragraph (its number kept as `article`), and the blockquotes between them (释：…, the
// drafters' reasons) are commentary on the law, not the law: they go to a notes section.
//
// The lines before the first article that say when and by whom the text was adopted, promulgated,
// amended or put into force (2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过) are the
// law's history, not its content: they become metadata (meta.enactment, and meta.date when the source
// gave none) and leave the body, so no brief quotes them or runs them into the first article.
import type { Block, Enactment, ListBlock, ListItem, QuoteBlock, Section, Segment, SourceDoc } from '../../model.js';
import { segmentId } from '../segment.js';
import { allSections } from '../walk.js';

const NUM = '[一二三四五六七八九十百千零〇两0-9０-９]{1,8}';
/** An article's number at the start of its first paragraph: 第十二条 / 第12条 / 第十二条之一, then a space or a colon. */
export const ARTICLE = new RegExp(`^\\s*第[\\s\\u3000]?${NUM}[\\s\\u3000]?[条條](?:之[一二三四五六七八九十]{1,3})?(?:[\\s\\u3000：:]+|(?=[\\p{Script=Han}“（(]))`, 'u');
/** A chapter (or 编/分编/节) heading: 第一章 总则, 第二编 物权; or a judicial interpretation's 一、一般规定. */
export const CHAPTER = new RegExp(`^\\s*(?:第[\\s\\u3000]?${NUM}[\\s\\u3000]?[编章节](?:[\\s\\u3000]|$)|[一二三四五六七八九十]{1,3}、)`);
/** A date written out, with what happened on it after. */
const DATED = /^\s*[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(.*)$/s;
/** What a line of a law's history says was done. */
const ACTION = /(?:修订通过|修正通过|通过|公布施行|公布|修订|修正|施行|发布|批准|颁布)/;

/** A paragraph that opens an article: its first sentence opens with 第X条, or the law wrote it as a numbered list item. */
export function isArticle(b: Block): boolean {
  if (b.type !== 'paragraph') return false;
  return b.article !== undefined || (b.segments.length > 0 && ARTICLE.test(b.segments[0].text));
}

/** How many paragraphs open with an article number, and whether the first of them is article 1. */
function articleCount(doc: SourceDoc): { count: number; firstIsOne: boolean } {
  let count = 0;
  let firstIsOne = false;
  for (const s of allSections(doc.sections))
    for (const b of s.blocks) {
      if (!isArticle(b)) continue;
      if (count === 0) firstIsOne = b.type === 'paragraph' && (b.article === '1' || /^\s*第[\s\u3000]?(?:一|1|１)[\s\u3000]?[条條]/.test(b.segments[0].text));
      count++;
    }
  return { count, firstIsOne };
}

/** A list item's number at the start of its text, then a space: `* 1 為規範…` (an article 15-1 too). */
const ITEM_NUMBER = /^[\s\u3000]*([0-9０-９]{1,3}(?:[-－][0-9]{1,2})?)[\s\u3000]+(?=\S)/;
/** The law naming itself, as its articles do: 本法, 本条例, 本规定… */
const SELF_REFERENCE = /本(?:法|条例|規定|规定|办法|細則|细则|解释|決定|决定)(?![律院])/;

interface ListArticle {
  section: Section;
  block: ListBlock;
  item: ListItem;
  number: string;
  /** Characters of the number written at the start of the item's text (0 for an ordered list's own number). */
  prefix: number;
}

/** A list item's number: an ordered list's own (1.), or one written at the start of its text. */
function itemNumber(block: ListBlock, item: ListItem): { number: string; prefix: number } | undefined {
  const own = block.style === 'numbered' ? /^([0-9]{1,3})[.)]$/.exec(item.marker) : null;
  if (own) return { number: own[1], prefix: 0 };
  const m = item.segments[0] ? ITEM_NUMBER.exec(item.segments[0].text) : null;
  return m ? { number: m[1].normalize('NFKC').replace('－', '-'), prefix: m[0].length } : undefined;
}

/**
 * Articles written as list items: every item of the lists that hold them numbered, the numbers rising
 * from 1 with at least three of them (five without chapter headings), under 第X章 headings or, without
 * them, at least two items naming the law itself. Undefined when the lists are not a law's articles.
 */
function listArticles(doc: SourceDoc): ListArticle[] | undefined {
  const found: ListArticle[] = [];
  let chapters = 0;
  for (const s of allSections(doc.sections)) {
    if (CHAPTER.test(s.heading) && /^\s*第/.test(s.heading)) chapters++;
    for (const b of s.blocks) {
      if (b.type !== 'list') continue;
      for (const item of b.items) {
        const n = itemNumber(b, item);
        if (!n) return undefined;
        found.push({ section: s, block: b, item, ...n });
      }
    }
  }
  if (found.length < (chapters ? 3 : 5) || found[0].number !== '1') return undefined;
  const major = (n: string) => Number(n.split('-')[0]);
  for (let k = 1; k < found.length; k++) if (major(found[k].number) < major(found[k - 1].number) || found[k].number === found[k - 1].number) return undefined;
  if (!chapters && found.filter((a) => a.item.segments.some((x) => SELF_REFERENCE.test(x.text))).length < 2) return undefined;
  return found;
}

/** The item's first segment without the number written before it (its place moved past the number). */
function withoutNumber(seg: Segment, prefix: number): Segment {
  if (!prefix) return seg;
  const text = seg.text.slice(prefix);
  return { ...seg, id: segmentId(text), text, place: { line: seg.place.line, column: seg.place.column + prefix } };
}

/**
 * A law whose articles are list items: each item becomes an article paragraph, and the blockquotes after
 * the first article (the drafters' reasons, 释：…) move to a notes section at the end. True when it is one.
 */
function readListArticles(doc: SourceDoc): boolean {
  const articles = listArticles(doc);
  if (!articles) return false;
  const byItem = new Map(articles.map((a) => [a.item, a]));
  const commentary: Block[] = [];
  let started = false;
  for (const s of allSections(doc.sections)) {
    const keep: Block[] = [];
    for (const b of s.blocks) {
      if (b.type === 'list') {
        started = true;
        for (const item of b.items) {
          const a = byItem.get(item)!;
          const [first, ...rest] = item.segments;
          keep.push({ type: 'paragraph', segments: [withoutNumber(first, a.prefix), ...rest], article: a.number });
        }
      } else if (started && b.type === 'quote') commentary.push(b);
      else keep.push(b);
    }
    s.blocks = keep;
  }
  if (commentary.length) {
    const first = commentary.find((b) => b.type === 'quote' && b.segments.length) as QuoteBlock | undefined;
    doc.sections.push({ id: 'commentary', level: 1, kind: 'notes', heading: '', place: first?.segments[0].place ?? { line: 1, column: 1 }, blocks: commentary, children: [] });
  }
  return true;
}

/** A text of articles: at least three paragraphs open with 第X条, the first of them 第一条. */
function isLaw(doc: SourceDoc): boolean {
  const { count, firstIsOne } = articleCount(doc);
  return count >= 3 && firstIsOne;
}

/**
 * A line of the law's history: a date, then (after a space or directly) who did what — at most 80
 * characters, without a sentence end inside, ending with an action (通过, 公布, 修正, 施行…) or a
 * document named for it (…通过的《…修正案》).
 */
export function enactmentOf(text: string): Enactment | undefined {
  const t = text.replace(/[\s\u3000]+$/u, '');
  const m = DATED.exec(t);
  if (!m || [...t].length > 120 || /[。！？；]/.test(t.slice(0, -1))) return undefined;
  const rest = m[4].replace(/^[\s\u3000，,]+/u, '').replace(/[）)\s\u3000]+$/u, '');
  const act = ACTION.exec(rest);
  if (!act) return undefined;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const body = rest.slice(0, act.index).replace(/[\s\u3000]+$/u, '');
  // a closing bracket whose opening one a scraper left on another line is not part of the line
  const e: Enactment = { date, action: act[0], text: t.trim().replace(/^([^（(]*)[）)]$/u, '$1') };
  // the adopting body: what stands before the action, without the session (第二十九次会议) it met in
  const who = body.replace(/第[一二三四五六七八九十百0-9]+次(?:全体|常务)?会议$/u, '').replace(/^[《〈]|[》〉]$/gu, '').trim();
  if (who && !/^[《〈]/.test(body)) e.body = who;
  return e;
}

/** A date written out inside a text: where each clause of a parenthesised history begins. */
const DATE_INSIDE = /(?=\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/;
/** Words that say a line of the history revised the law (修正, 修订, 修改, 修正案). */
const REVISION = /修正|修订|修改/;

/**
 * The history a paragraph before the first article states: every sentence an enactment line; or one
 * parenthesised run of dated clauses (（1982年…通过 1982年…公布施行 根据1988年…通过的《…修正案》、…和2018年…
 * 通过的《…修正案》修正）), with at most a translation of it after; or undefined.
 */
function historyOf(texts: string[]): Enactment[] | undefined {
  const lines = texts.map(enactmentOf);
  if (lines.length && lines.every((x) => x)) return lines as Enactment[];
  const all = texts.join('');
  const m = /^\s*[（(]([^（）()]*)[）)]([\s\S]*)$/.exec(all);
  if (!m || /\p{Script=Han}/u.test(m[2])) return undefined;
  if (!DATED.test(m[1])) return undefined;
  const found = m[1].split(DATE_INSIDE).map((c) => enactmentOf(c.replace(/(?:根据|依据|[、，,和及\s\u3000])+$/u, '')));
  return found.every((x) => x) ? (found as Enactment[]) : undefined;
}

/** The date a law is known by: its latest revision (修正, 修订, 修改…) when its history has one, else the first line's. */
export function lawDate(history: readonly Enactment[]): string | undefined {
  const revised = history.filter((e) => REVISION.test(e.action) || REVISION.test(e.text)).map((e) => e.date);
  return revised.length ? revised.reduce((a, b) => (b > a ? b : a)) : history[0]?.date;
}

/**
 * Mark a law: `doc.genre = 'law'`, and its history (the paragraphs before the first article that state
 * it, also one a scraper broke in two) moved to meta.enactment; meta.date is the latest revision's.
 * Returns the doc (changed in place).
 */
export function readLaw(doc: SourceDoc): SourceDoc {
  if (!isLaw(doc) && !(readListArticles(doc) && isLaw(doc))) return doc;
  doc.genre = 'law';
  const history: Enactment[] = [];
  let done = false;
  const texts = (b: Block | undefined) => (b?.type === 'paragraph' ? b.segments.map((x) => x.text) : []);
  for (const s of allSections(doc.sections)) {
    if (done) break;
    const keep: Block[] = [];
    for (let k = 0; k < s.blocks.length; k++) {
      const b = s.blocks[k];
      if (done || isArticle(b)) {
        done = true;
        keep.push(b);
        continue;
      }
      const mine = texts(b);
      const next = s.blocks[k + 1];
      const lines = mine.length ? historyOf(mine) : undefined;
      // a line broken in two (…第二次 / 会议通过）): the two paragraphs read together
      const joined = !lines && mine.length && next && !isArticle(next) && texts(next).length ? historyOf([[...mine, ...texts(next)].join('')]) : undefined;
      if (lines) history.push(...lines);
      else if (joined) {
        history.push(...joined);
        k++;
      } else keep.push(b);
    }
    s.blocks = keep;
  }
  if (history.length) {
    doc.meta.enactment = history;
    doc.meta.date ??= lawDate(history);
  }
  return doc;
}
