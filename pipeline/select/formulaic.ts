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

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;

/** Character n-grams within runs of Han characters (as scripts/formulaic-data.mjs counts them). */
export function hanGrams(text: string, n: number = FORMULAIC_DATA.n): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    const chars = [...m[0]];
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}

/** Fewer 4-grams than this: too short to say (0). */
const MIN_GRAMS = 4;

/**
 * Share in [0, 1] of the sentence's 4-grams found in at least `minDf` documents of the background
 * (0 for a sentence with fewer than MIN_GRAMS of them). Deterministic: a fixed table, no state.
 */
export function formulaicScore(text: string): number {
  const grams = hanGrams(text);
  if (grams.length < MIN_GRAMS) return 0;
  const bg = background();
  let hits = 0;
  for (const g of grams) if (bg.has(g)) hits++;
  return hits / grams.length;
}

/** A figure: a number with a unit, a percentage or a date (the kind of fact a brief is for). */
const FIGURE = /[0-9０-９]+(?:[.．][0-9]+)?\s*(?:%|％|‰|万|亿|千|百|个|项|家|倍|元|美元|吨|人|件|所|座|条|公里|千米|平方|米|小时|天|年|月|日|户|辆|台|GW|MW|km)/i;

export function hasFigure(text: string): boolean {
  return FIGURE.test(text);
}
