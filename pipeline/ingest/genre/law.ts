// Laws and regulations (法律, 条例, 规定, 司法解释): a text made of numbered articles (第X条), usually under
// numbered chapters (第X章, or 一、… in a judicial interpretation). Recognised from the parsed SourceDoc, so
// every input format (Markdown, HTML, DOCX, PDF or plain text) is read the same way.
//
// The lines before the first article that say when and by whom the text was adopted, promulgated,
// amended or put into force (2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过) are the
// law's history, not its content: they become metadata (meta.enactment, and meta.date when the source
// gave none) and leave the body, so no brief quotes them or runs them into the first article.
import type { Block, Enactment, Segment, SourceDoc } from '../../model.js';
import { allSections } from '../walk.js';

const NUM = '[一二三四五六七八九十百千零〇两0-9０-９]{1,8}';
/** An article's number at the start of its first paragraph: 第十二条 / 第12条 / 第十二条之一, then a space or a colon. */
export const ARTICLE = new RegExp(`^\\s*第${NUM}条(?:之[一二三四五六七八九十]{1,3})?(?:[\\s\\u3000：:]+|(?=[\\p{Script=Han}“（(]))`, 'u');
/** A chapter (or 编/分编/节) heading: 第一章 总则, 第二编 物权; or a judicial interpretation's 一、一般规定. */
export const CHAPTER = new RegExp(`^\\s*(?:第${NUM}[编章节](?:[\\s\\u3000]|$)|[一二三四五六七八九十]{1,3}、)`);
/** A date written out, with what happened on it after. */
const DATED = /^\s*[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(.*)$/s;
/** What a line of a law's history says was done. */
const ACTION = /(?:修订通过|修正通过|通过|公布施行|公布|修订|修正|施行|发布|批准|颁布)/;

/** The first segment of a paragraph block, if it is one. */
function paragraphHead(b: Block): Segment | undefined {
  return b.type === 'paragraph' ? b.segments[0] : undefined;
}

/** How many paragraphs open with an article number, and whether the first of them is article 1. */
function articleCount(doc: SourceDoc): { count: number; firstIsOne: boolean } {
  let count = 0;
  let firstIsOne = false;
  for (const s of allSections(doc.sections))
    for (const b of s.blocks) {
      const h = paragraphHead(b);
      const m = h ? ARTICLE.exec(h.text) : null;
      if (!m) continue;
      if (count === 0) firstIsOne = /^\s*第(?:一|1|１)条/.test(h!.text);
      count++;
    }
  return { count, firstIsOne };
}

/** A text of articles: at least three paragraphs open with 第X条, the first of them 第一条. */
export function isLaw(doc: SourceDoc): boolean {
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
  const e: Enactment = { date, action: act[0], text: t.trim() };
  // the adopting body: what stands before the action, without the session (第二十九次会议) it met in
  const who = body.replace(/第[一二三四五六七八九十百0-9]+次(?:全体|常务)?会议$/u, '').replace(/^[《〈]|[》〉]$/gu, '').trim();
  if (who && !/^[《〈]/.test(body)) e.body = who;
  return e;
}

/**
 * Mark a law: `doc.genre = 'law'`, and its history lines (the paragraphs before the first article that
 * are all enactment lines) moved to meta.enactment. Returns the doc (changed in place).
 */
export function readLaw(doc: SourceDoc): SourceDoc {
  if (!isLaw(doc)) return doc;
  doc.genre = 'law';
  const history: Enactment[] = [];
  let done = false;
  for (const s of allSections(doc.sections)) {
    if (done) break;
    const keep: Block[] = [];
    for (const b of s.blocks) {
      const h = paragraphHead(b);
      if (done || (h && ARTICLE.test(h.text))) {
        done = true;
        keep.push(b);
        continue;
      }
      const lines = b.type === 'paragraph' ? b.segments.map((x) => enactmentOf(x.text)) : [];
      if (lines.length && lines.every((x) => x)) history.push(...(lines as Enactment[]));
      else keep.push(b);
    }
    s.blocks = keep;
  }
  if (history.length) {
    doc.meta.enactment = history;
    doc.meta.date ??= history[0].date;
  }
  return doc;
}
