// The document's own date, when nothing else gave one, from what its text says about itself:
// - its cover, before the first heading (a Word file's cover table, a title page): a line that is only a
//   date (（2023年3月）), a labelled date (本稿完成日期：2023年3月9日, 发布日期：…, 印发日期：…) or a standard's
//   "2017-11-08发布 2018-03-01实施" — the day it was issued or finished, never the day it takes effect
//   (实施, 施行, 生效: that is the law's or the standard's start, a fact about it, not its date); failing
//   those, the year of its document number (劳社部发〔2008〕3号: the issuer's serial for that year);
// - the title of a work report that names its year (2024年北京市政府工作报告): such a report is given
//   in the year it names (an annual report, 2023年度工作报告, looks back on its year and is not dated by it).
// - before all of those, the date that signs a transmittal notice at the head of the text (国务院关于印发…的通知
//   … 国务院 / 2021年12月12日): the day the document it sends was issued (a scraped page's 发布日期 is when the
//   page went up);
// Where the date came from is kept in meta.extra (`date from`), which `briefs parse` shows.
import type { Section, SourceDoc } from '../model.js';
import { parseDate } from './report/meta.js';
import { applyMeta } from './meta.js';

/** A date as covers print it: 2023年3月9日, 2023年3月, 二〇二三年三月, 2023-03-09, 2023.3.9. */
const DATE = String.raw`(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[〇零○一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?)`;
const OPEN = String.raw`^[（(【\[]?\s*`;
const CLOSE = String.raw`\s*[）)】\]]?$`;

/** A line that is only a date, perhaps in brackets. */
const BARE = new RegExp(`${OPEN}(${DATE})${CLOSE}`, 'u');
/** A labelled date: what happened on it (本稿完成, 发布, 印发…) and the date. */
const LABELLED = new RegExp(`${OPEN}((?:本稿|本文件?|本标准)?[\\p{Script=Han}]{0,6}?(?:日期|时间))\\s*[：:]\\s*(${DATE})${CLOSE}`, 'u');
/** A date then what happened on it, as standards' covers print it: 2017-11-08发布. */
const DATE_THEN_ACT = new RegExp(`(${DATE})\\s*(发布|印发|公布|实施|施行|生效)`, 'gu');
/** An official document's number: the issuer's short name, the year in brackets, the serial (国发〔2019〕12号). */
const DOC_NUMBER = /^[\p{Script=Han}]{1,12}[〔\[［（(](\d{4})[〕\]］）)]\s*\d{1,4}\s*号$/u;
/** The day a text takes effect: not its date. */
const IN_FORCE = /实施|施行|生效|执行|截止|有效期/;

/** Lines of a section's cover: its paragraphs, list items and table rows (label and cells), in order. */
function coverLines(lead: Section, doc: SourceDoc): string[] {
  const tables = new Map(doc.tables.map((t) => [t.id, t]));
  const out: string[] = [];
  for (const b of lead.blocks) {
    if (b.type === 'paragraph') out.push(b.segments.map((s) => s.text).join(''));
    else if (b.type === 'list') for (const it of b.items) out.push(it.segments.map((s) => s.text).join(''));
    else if (b.type === 'table') {
      const t = tables.get(b.ref);
      for (const r of t?.rows ?? []) out.push(r.label, ...r.cells.map((c) => c.text));
    }
  }
  return out.map((l) => l.trim()).filter(Boolean);
}

export interface FoundDate {
  date: string;
  /** Where it was read: the label as written (本稿完成日期), or what the line is (封面日期, 标题). */
  from: string;
}

/** The date a cover gives: a labelled issue or completion date first, then a date alone on its line, a standard's issue date, a document number's year. */
export function coverDate(lines: readonly string[]): FoundDate | undefined {
  let bare: FoundDate | undefined;
  let issued: FoundDate | undefined;
  let numbered: FoundDate | undefined;
  for (const line of lines) {
    const l = LABELLED.exec(line);
    if (l && !IN_FORCE.test(l[1])) {
      const date = parseDate(l[2]);
      if (date) return { date, from: l[1].replace(/\s+/g, '') };
    }
    const b = BARE.exec(line);
    if (b && !bare) {
      const date = parseDate(b[1]);
      if (date) bare = { date, from: '封面日期' };
    }
    const n = DOC_NUMBER.exec(line.replace(/\s+/g, ''));
    if (n && !numbered) numbered = { date: n[1], from: '发文字号' };
    for (const m of line.matchAll(DATE_THEN_ACT)) {
      const date = parseDate(m[1]);
      if (date && !issued && !IN_FORCE.test(m[2])) issued = { date, from: `${m[2]}日期` };
    }
  }
  return bare ?? issued ?? numbered;
}

/**
 * A transmittal notice's title (国务院关于印发《…》的通知, …关于转发…的通知), on its line or broken over two: the
 * document it sends follows it, and it is dated where the notice is signed.
 */
const NOTICE_TITLE = /关于(?:印发|转发|发布|颁布)|^[^。！？；，]{0,60}(?:的通知|的决定)$/;
/** An issuer's name over the date that signs a notice (国务院, 某某省人民政府办公厅): a short line of words alone. */
const ISSUER = /^[\p{Script=Han}（）()]{2,30}$/u;
/** Lines a notice may hold before its signature (addressees, a paragraph or two, the issuer). */
const NOTICE_SPAN = 16;
/** Lines into the text a transmittal notice may open at (a scraped page's header comes first). */
const NOTICE_START = 24;

/**
 * The date that signs a transmittal notice at the head of the text (国务院关于印发…的通知 … 国务院 / 2021年12月12日):
 * the day the document it sends was issued, whatever day a page that republished it gives (发布日期: 2022年1月).
 */
export function noticeDate(lines: readonly string[]): FoundDate | undefined {
  const start = lines.slice(0, NOTICE_START).findIndex((l) => NOTICE_TITLE.test(l.replace(/\s+/g, '')));
  if (start < 0) return undefined;
  for (let i = start + 1; i < Math.min(lines.length, start + NOTICE_SPAN); i++) {
    const b = BARE.exec(lines[i]);
    if (!b || !/日/.test(b[1])) continue;
    if (!ISSUER.test(lines[i - 1].replace(/\s+/g, ''))) return undefined;
    const date = parseDate(b[1]);
    return date ? { date, from: '通知落款' } : undefined;
  }
  return undefined;
}

/** The first lines of the text, in reading order (leads, then each section's heading and lines), up to `max`. */
function openingLines(doc: SourceDoc, max: number): string[] {
  const out: string[] = [];
  const visit = (s: Section) => {
    if (out.length >= max) return;
    if (s.heading.trim()) out.push(s.heading.trim());
    out.push(...coverLines(s, doc));
    for (const c of s.children) visit(c);
  };
  for (const s of doc.sections) visit(s);
  return out.slice(0, max);
}

/** A work report's title that names its year (2022年政府工作报告), not a year's annual report (年度). */
const WORK_REPORT_YEAR = /^(\d{4})\s*年(?!度)\S*工作报告$/u;

export function titleYear(title: string | undefined): FoundDate | undefined {
  const m = WORK_REPORT_YEAR.exec((title ?? '').replace(/\s+/g, ''));
  return m ? { date: m[1], from: '标题' } : undefined;
}

/** The document with a date read from its cover or its title, when it had none (see the header). */
export function datedFromText(doc: SourceDoc): SourceDoc {
  if (doc.meta.date) return doc;
  const lead = doc.sections[0];
  // the document number an official reader found (genre/official.ts) is a cover line too
  const lines = [...(lead && !lead.heading ? coverLines(lead, doc) : []), ...(doc.meta.extra?.['文号'] ? [doc.meta.extra['文号']] : [])];
  // a transmittal notice's signed date first: the page's own date is when it was put up
  const found = noticeDate(openingLines(doc, NOTICE_START + NOTICE_SPAN)) ?? coverDate(lines) ?? titleYear(doc.meta.title);
  if (!found) return doc;
  return applyMeta(doc, { date: found.date, extra: { ...doc.meta.extra, 'date from': found.from } });
}
