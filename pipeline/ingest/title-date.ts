// Dates in titles and metadata.
// A title that opens with the day it records (2023-06-16 中央社伦敦专访, as transcripts are filed): the
// date is the document's date, not part of its name. It fills the date when none is known (or repeats
// it), and the title is the rest.
// A date in the years of the Republic of China (中华民国101年10月4日, 民国七十三年七月三十日), as Taiwan's
// official documents write them: year 1 is 1912. westernYears writes such a date in the Western
// calendar (2012年10月4日), so every reader of dates (covers, laws' histories) understands it.
import type { SourceDoc } from '../model.js';
import { applyMeta } from './meta.js';
import { smallNumber } from './enumerations.js';

/** An ISO day, then a space, then the name (two characters at least). */
const DATE_LED = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[\s\u3000]+(\S.+)$/u;

/** `given`: the date meta.yaml gives, which has the last word. */
export function titleWithoutDate(doc: SourceDoc, given?: string): SourceDoc {
  const m = DATE_LED.exec(doc.meta.title?.trim() ?? '');
  if (!m || [...m[4].trim()].length < 2) return doc;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const known = given ?? doc.meta.date;
  if (known && !known.startsWith(date) && !date.startsWith(known)) return doc;
  return applyMeta(doc, { title: m[4].trim(), date: known && known.length > date.length ? known : date });
}

/** A number in figures (full-width too) or in Chinese numerals up to the hundreds (一百零一, 七十三, 一一二). */
const NUM = '[0-9０-９]{1,3}|[〇零○一二三四五六七八九十百]{1,6}';
/** 中华民国 (or 民国) N 年, then perhaps N 月 and N 日: Simplified or Traditional. */
const ROC_DATE = new RegExp(`(?:中[华華])?民[国國][\\s\\u3000]*(${NUM})[\\s\\u3000]*年(?:[\\s\\u3000]*(${NUM})[\\s\\u3000]*月(?:[\\s\\u3000]*(${NUM})[\\s\\u3000]*日)?)?`, 'gu');
/**
 * The text with every date in the years of the Republic of China written in the Western calendar, in
 * figures (中华民国101年10月4日印发 → 2012年10月4日印发); a year alone too (民国101年 → 2012年). Other
 * text is left as it is.
 */
export function westernYears(text: string): string {
  if (!/民[国國]/.test(text)) return text;
  return text.replace(ROC_DATE, (all, y: string, mo?: string, d?: string) => {
    const year = smallNumber(y);
    const month = mo ? smallNumber(mo) : undefined;
    const day = d ? smallNumber(d) : undefined;
    if (!(year >= 1 && year < 1000) || (month !== undefined && !(month >= 1 && month <= 12)) || (day !== undefined && !(day >= 1 && day <= 31))) return all;
    return `${year + 1911}年${month !== undefined ? `${month}月` : ''}${day !== undefined ? `${day}日` : ''}`;
  });
}
