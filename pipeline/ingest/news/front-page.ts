// What a long official document published as a page (a white paper, a report, a plan) carries before
// its text, besides the headline:
// - the issuer's block, as the printed document sets it under the title: the organ's name (on one line
//   or broken over several: 中华人民共和国 / 国务院新闻办公室) and the month it was issued (2021年9月,
//   （二〇二一年九月）) — the document's institution and date, not a paragraph of its text;
// - its contents (目录): the word, then the titles of its parts, each repeated as a heading further on —
//   a list of what follows, not parts of their own (read as headings, every part would appear twice, the
//   first time empty).
import { parseDate } from '../report/meta.js';

/** A date as the issuer's block prints it: 2021年9月, 2021年9月28日, 二〇二一年九月, perhaps in brackets. */
const BLOCK_DATE = /^[（(]?\s*((?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?)\s*[）)]?$/u;
/** What an organ's name ends with (a state organ, a party organ, a people's organisation, an institute). */
export const ORGAN_END = /(?:办公室|办公厅|委员会|常务委员会|人民政府|政府|国务院|中央|部|局|署|院|委|厅|总局|研究院|研究所|研究中心|中心|协会|学会|联合会|基金会|大学|学院)$/u;
/** A line of an organ's name: ideographs only (a space between words), short. */
const NAME_LINE = /^[\p{Script=Han}（）()][\p{Script=Han}（）()\s\u3000]{0,29}$/u;

export interface IssuerBlock {
  institution?: string;
  date: string;
}

/**
 * The issuer's block: the lines of a paragraph (or of consecutive short paragraphs) that are an organ's
 * name and then a date, or only a date in brackets. Undefined when any line is something else.
 */
export function readIssuerBlock(lines: string[]): IssuerBlock | undefined {
  let ls = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!ls.length || ls.length > 5) return undefined;
  // the month first and the organ after it (（2021年9月） / 中华人民共和国国务院新闻办公室) as well
  if (ls.length > 1 && BLOCK_DATE.test(ls[0]) && !BLOCK_DATE.test(ls[ls.length - 1])) ls = [...ls.slice(1), ls[0]];
  const dm = BLOCK_DATE.exec(ls[ls.length - 1]);
  if (!dm) return undefined;
  const date = parseDate(dm[1].replace(/\s+/g, ''));
  if (!date) return undefined;
  const name = ls.slice(0, -1);
  if (!name.length) return /^[（(].*[）)]$/.test(ls[0]) ? { date } : undefined;
  if (!name.every((l) => NAME_LINE.test(l))) return undefined;
  const institution = name.join('').replace(/[\s\u3000]+/g, '');
  if (!ORGAN_END.test(institution) || institution.length > 40) return undefined;
  return { institution, date };
}

/**
 * The name of a document's opening part (前言, 序言, 引言…): set in bold at the top of the text it is a
 * heading, not the bold lead paragraph of a news article.
 */
export const OPENING_PART = /^(?:前\s*言|序\s*言|引\s*言|导\s*言|绪\s*论|内容提要)$/u;

/** A notice that the whole document follows (…发表《X》白皮书。全文如下：). */
export const FULL_TEXT_FOLLOWS = /(?:全文|原文|全文内容)(?:公布|刊登|刊发|发布)?如下[：:。]?$/u;

/** The word that heads a table of contents. */
const CONTENTS = /^(?:目\s*录|目\s*次|内容目录|Contents|Table of Contents)$/i;
/** An entry of the contents: a short title, no sentence's end. */
const ENTRY_MAX = 60;
const isEntry = (t: string) => t.length > 0 && t.length <= ENTRY_MAX && !/[。！？!?；;]$/.test(t);
/** For comparing an entry with a heading: no spaces or punctuation, compatibility forms folded. */
const key = (t: string) => t.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * The contents in a sequence of texts (paragraphs and headings, in order): the index of the word 目录
 * and the end of its entries (exclusive), when the entries are titles repeated further on — at least
 * two, and most of them (a contents may list a part the page titles a little differently). Only the
 * first third of the texts is looked at for the word; one pass over the rest.
 */
export function findContents(texts: string[]): { start: number; end: number } | undefined {
  const limit = Math.max(1, Math.ceil(texts.length / 3));
  const start = texts.slice(0, limit).findIndex((t) => CONTENTS.test(t.trim()));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < texts.length && isEntry(texts[end].trim())) end++;
  const entries = texts.slice(start + 1, end).map((t) => key(t));
  if (entries.length < 2) return undefined;
  // the titles used further on (the entries themselves excluded)
  const later = new Set(texts.slice(end).map((t) => key(t)).filter((k) => k.length > 0));
  // a run of entries goes on into the text's own first parts (前言 then its text): the contents end at
  // the last entry a later title repeats, and what follows it is the text
  let last = -1;
  let repeated = 0;
  for (let k = 0; k < entries.length; k++) {
    if (later.has(entries[k])) {
      repeated++;
      last = k;
    }
  }
  if (repeated < 2 || repeated < (last + 1) * 0.6) return undefined;
  return { start, end: start + 1 + last + 1 };
}
