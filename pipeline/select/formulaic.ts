// How formulaic a sentence is: the share of its character 4-grams that recur across a background corpus
// of the genre (data/formulaic.ts, made by scripts/formulaic-data.mjs from the public-domain official
// texts in corpus/). A sentence built of the genre's stock phrases (依照…规定, 县级以上人民政府…,
// 新时代中国特色社会主义…) says less about this document than one with its own figures, names and
// actions; ranking down-weights it (rank.ts priorOf), it never excludes it.
import { FORMULAIC_DATA } from './data/formulaic.js';

let table: Map<string, number> | undefined;

function background(): Map<string, number> {
  if (table) return table;
  table = new Map();
  for (const [df, grams] of Object.entries(FORMULAIC_DATA.grams)) for (const g of grams.split(' ')) table.set(g, Number(df));
  return table;
}

/** Runs of Han characters: 4-grams are counted within them (as scripts/formulaic-data.mjs counts them). */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;

/** Fewer Han characters in 4-gram runs than this: too short to say (0). */
const MIN_CHARS = 8;

/**
 * Share in [0, 1] of the sentence's Han characters (in runs of at least 4) covered by a 4-gram found in
 * at least `minDf` documents of the background: how much of the sentence is stock phrase. 0 for a
 * sentence with fewer than MIN_CHARS such characters. Deterministic: a fixed table, no state.
 */
export function formulaicScore(text: string): number {
  const bg = background();
  const n = FORMULAIC_DATA.n;
  let total = 0;
  let covered = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    const chars = [...m[0]];
    if (chars.length < n) continue;
    total += chars.length;
    // words that carry a figure (地区生产总值增长 5.2%, 城镇新增就业 28.1万人) are what the figure
    // measures, however often the genre names it: not stock phrase. A number that is no figure (成立
    // 75 周年: an anniversary, not a measure) does not make its words concrete.
    if (nextToFigure(text, m.index!, m.index! + m[0].length)) continue;
    let until = 0; // chars before this index are covered
    for (let i = 0; i + n <= chars.length; i++) {
      if (!bg.has(chars.slice(i, i + n).join(''))) continue;
      covered += i + n - Math.max(i, until);
      until = i + n;
    }
  }
  return total < MIN_CHARS ? 0 : covered / total;
}

/**
 * The Han run text[start, end) is written right against a figure: a figure ends just before it
 * (…增长 5.2%，, 28.1万人口…) or starts just after it (…增长 5.2%), spaces between allowed (PDF text
 * sets numbers apart: 地铁 16 号线).
 */
function nextToFigure(text: string, start: number, end: number): boolean {
  const before = /([0-9０-９][0-9０-９.．,，]*\s*(?:%|％|‰)?)\s*$/.exec(text.slice(Math.max(0, start - 24), start));
  if (before && /[0-9０-９]/.test(before[1]) && FIGURE_AT_START.test(before[1] + text.slice(start, start + 4))) return true;
  const after = /^\s*[0-9０-９]/.test(text.slice(end, end + 3));
  return after && FIGURE_AT_START.test(text.slice(end).trimStart());
}

/** A figure: a number with a unit, a percentage or a date (the kind of fact a brief is for). */
const FIGURE = /[0-9０-９]+(?:[.．][0-9]+)?\s*(?:%|％|‰|万|亿|千|百|个|项|家|倍|元|美元|吨|人|件|所|座|条|公里|千米|平方|米|小时|天|年|月|日|户|辆|台|GW|MW|km)/i;

/** A figure at the very start of a text. */
const FIGURE_AT_START = new RegExp('^(?:' + FIGURE.source + ')', 'i');

export function hasFigure(text: string): boolean {
  return FIGURE.test(text);
}

const FIGURES = new RegExp(FIGURE.source, 'gi');

/** How many figures the sentence states. */
export function figureCount(text: string): number {
  return text.match(FIGURES)?.length ?? 0;
}
