// Chronicles (大事记, 年表, 纪事): a record of a period's events, one after another. What a brief of one
// says is the period's main events, each with its date — a sentence that opens with its date (2024年8月，…
// 正式发布。) states one; an incident's details and the chronicle's words about itself do not.
import type { SourceDoc } from '../../model.js';

/** A title or series that names a chronicle. */
const CHRONICLE_NAME = /大事记|大事記|年表|纪事|紀事|编年|編年|大事年表/;

export function isChronicle(doc: SourceDoc): boolean {
  const names = [doc.meta.title, doc.meta.shortTitle, doc.meta.series, doc.titleSegments.map((s) => s.text).join('')];
  return names.some((n) => !!n && CHRONICLE_NAME.test(n));
}

/**
 * A sentence that opens with its date: a year with its month (and day), or a month and day, then a comma
 * or the event (2024年8月，…, 2024 年 2 月 18 日，…, 10月23日，…). A year alone (2024 年，…) dates a period, not an event.
 */
const DATED = /^\s*(?:[0-9]{4}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?|[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)(?:[至到\-–—~][^，,。]{1,12})?\s*(?:[，,]|(?=\p{Script=Han}))/u;

export function datedEvent(text: string): boolean {
  return DATED.test(text);
}
