// Report or news, for a source the Markdown reader read (Markdown, a web page, a Word file): the format
// says nothing about it. A news article opens with a dateline (新华社北京…电) and is short; a report —
// a chapter of an annual report, a white paper, a standard saved as a page — is long and is divided
// into parts under headings. Such a text, without a dateline and not an interview, is read as a report:
// its brief follows its chapters, not a news lead.
import type { Section, SourceDoc } from '../../model.js';
import { allSections, docSegments } from '../walk.js';

/** Parts under headings a report has at least (news articles have a few subheadings at most). */
export const REPORT_SECTIONS = 4;
/** Characters of text a report has at least (a long news feature stays news below it). */
export const REPORT_LENGTH = 4000;

const headed = (s: Section) => s.heading.trim().length > 0;
/** A numbered part: 一、 二. 第三章 第二部分 3 1.2 — how reports number their parts. */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十0-9]{1,3}(?:章|部分|节|篇)|[0-9]{1,2}(?:[.．][0-9]{1,2})*(?:\s|[.．、](?![0-9])))/;
/** Numbered parts (一、二、三、) that make a long text a report, however few its other headings. */
export const NUMBERED_REPORT_PARTS = 3;
/** Characters of text a shorter report has at least, when it numbers its parts as reports do. */
export const NUMBERED_REPORT_LENGTH = 1500;

/** Is a text the Markdown reader read a report, by its structure? */
export function readsAsReport(doc: SourceDoc, datelined: boolean): boolean {
  if (datelined || doc.kind !== 'news') return false;
  let chars = 0;
  for (const v of docSegments(doc)) {
    if (v.segment.asked) return false; // an interview
    if (v.role !== 'title' && v.role !== 'heading') chars += v.segment.text.length;
  }
  let sections = 0;
  let numbered = 0;
  for (const s of allSections(doc.sections)) {
    if (headed(s)) sections++;
    if (NUMBERED.test(s.heading)) numbered++;
  }
  // fewer parts, when they are numbered as a report's chapters (一、二、三、) and the text is long: a report
  // in three parts (what was done, what is lacking, what comes next) is no news article
  if (numbered >= NUMBERED_REPORT_PARTS && chars >= REPORT_LENGTH) return true;
  return sections >= REPORT_SECTIONS && (chars >= REPORT_LENGTH || (numbered >= 2 && chars >= NUMBERED_REPORT_LENGTH));
}
