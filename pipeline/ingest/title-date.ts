// A title that opens with the day it records (2023-06-16 中央社伦敦专访, as transcripts are filed): the
// date is the document's date, not part of its name. It fills the date when none is known (or repeats
// it), and the title is the rest.
import type { SourceDoc } from '../model.js';
import { applyMeta } from './meta.js';

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
