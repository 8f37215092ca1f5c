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

/** A first or a record: 首个, 首次, 第一个, 首部, 里程碑, 创纪录, 历史上… */
const FIRST = /首个|首次|首部|首款|首家|首位|第一个|第一部|第一款|第一家|里程碑|创纪录|创下|历史上|史上/;
/** A rule made or a standard set: a law, a regulation, a policy or a standard issued, approved or in force. */
const POLICY = /(?:发布|印发|出台|颁布|通过|获批|批准|实施|生效|施行)[^。；]{0,30}?(?:法|法案|条例|办法|规定|政策|意见|指南|标准|规范|通知|战略|计划|规划)|(?:法|法案|条例|办法|规定|政策|意见|指南|标准|规范)[》”」]?[^。；]{0,20}?(?:发布|印发|出台|颁布|通过|获批|批准|实施|生效|施行)|国家标准|立法/;
/** A figure beyond the date: an amount, a count, a share (10 亿美元, 100 万, 30%, 5 倍, 1000 家). */
const AMOUNT = /[0-9][0-9,.]*\s*(?:亿|万|千|百万|%|％|倍|个|家|项|款|名|位|人|次|颗|美元|元|星|stars?|[kKMB]\b)/;
/** A gathering: a meeting held, a forum, a conference — an occasion rather than what came of it. */
const GATHERING = /召开|举行|举办|主办|承办|大赛|竞赛|研讨会|论坛|峰会|大会|年会|沙龙|交流会|开幕/;

/**
 * How consequential a dated event reads, from its wording: a first or a record, a rule or a standard
 * issued, a figure beyond its date count for more; a gathering held (召开…研讨会) for less, unless it
 * issued something or was a first. Each with its reason, for the explanation.
 */
/** What each sign of consequence weighs (a sentence's centrality weighs up to 0.6: rank.ts). */
const CONSEQUENCE = 0.15;

export function eventWeight(text: string): { v: number; why: string[] } {
  const rest = text.replace(DATED, '');
  const why: string[] = [];
  let v = 0;
  const first = FIRST.exec(rest)?.[0];
  const policy = POLICY.exec(rest)?.[0];
  const w = CONSEQUENCE.toFixed(2);
  if (first) {
    v += CONSEQUENCE;
    why.push(`a first (${first}) +${w}`);
  }
  if (policy) {
    v += CONSEQUENCE;
    why.push(`a rule or standard issued +${w}`);
  }
  if (AMOUNT.test(rest)) {
    v += CONSEQUENCE;
    why.push(`a figure +${w}`);
  }
  if (gatheringOnly(rest)) {
    v -= GATHERING_WEIGHT;
    why.push(`a gathering −${GATHERING_WEIGHT.toFixed(2)}`);
  }
  return { v, why };
}

/** A heading that says its section tells the subject's history (历史沿革, 发展历程, 年表, History). */
const HISTORY_HEADING = /史$|历史|歷史|沿革|历程|歷程|年表|大事记|大事記|^History\b|^Timeline\b/i;

/** A sentence that opens with a year, a decade or a century (1961年—1962年，…, 1990年代，…, 20世纪40年代，…). */
const YEAR_OPENING = /^\s*(?:公元(?:前)?)?(?:[0-9]{1,2}\s*世纪\s*(?:[0-9]{2}\s*年代)?|[0-9]{3,4}\s*年)/;

/**
 * An entry of the chronology a text other than a chronicle keeps in its history section (历史沿革: 1961年—1962年，
 * 复置…县): background to what the subject is and does now, ranked below what the text states of it.
 */
export function chronologyEntry(text: string, headings: readonly string[]): boolean {
  return YEAR_OPENING.test(text) && headings.some((h) => HISTORY_HEADING.test(h.trim()));
}

/**
 * What a meeting held weighs in a chronicle, dated or not: less than a dated event gains (a chronicle's
 * points are what changed — rules issued, firsts, figures — not the conferences of the year).
 */
export const GATHERING_WEIGHT = 0.3;

/** A meeting, forum or contest held, with no first and no rule issued at it. */
export function gatheringOnly(text: string): boolean {
  return !FIRST.test(text) && !POLICY.test(text) && GATHERING.test(text);
}
