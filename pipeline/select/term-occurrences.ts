// How often a candidate key term occurs as a word of the text: an occurrence inside a longer word
// (主持 of 主持人) or across the edge of another term (税暂行条例 of 增值税暂行条例, where 增值税 holds its
// first character) is a piece of that word, not the term. Edges are asked of ICU's segmentation in
// context (glossary/match.ts); the terms that can hold it are the glossary's forms (containing it or
// across an edge) and the longer candidates containing it that themselves mostly stand as words.
import { onWordEdges } from '../glossary/match.js';
import { BEFORE_TERM, opensInsideWords } from './word-edges.js';

/**
 * Other terms that can hold an occurrence of `t`: longer ones containing it; with `edges`, also those
 * overlapping one of its edges (the glossary's forms: a candidate n-gram across another's edge is as
 * likely the fragment itself, 中文语法 of 中文语法纠错).
 */
function crossers(t: string, others: Iterable<string>, edges: boolean): string[] {
  const out: string[] = [];
  for (const o of others) {
    if (o === t || o.length < 2 || t.includes(o)) continue;
    if (o.includes(t)) {
      out.push(o);
      continue;
    }
    if (!edges) continue;
    const max = Math.min(o.length, t.length) - 1;
    for (let k = 1; k <= max; k++) {
      if (o.endsWith(t.slice(0, k)) || o.startsWith(t.slice(t.length - k))) {
        out.push(o);
        break;
      }
    }
  }
  return out;
}

/** Is [i, j) of the text held by one of the other terms (overlapping it and going beyond it)? */
function held(text: string, i: number, j: number, others: readonly string[]): boolean {
  for (const o of others) {
    const from = Math.max(0, i - o.length + 1);
    for (let at = text.indexOf(o, from); at >= 0 && at < j; at = text.indexOf(o, at + 1)) {
      const end = at + o.length;
      if (end > i && (at < i || end > j)) return true;
    }
  }
  return false;
}

/** Occurrences of t in the texts: all of them, and those that stand as words. */
function occurrences(t: string, texts: readonly string[], others: readonly string[]): { all: number; whole: number } {
  let all = 0;
  let whole = 0;
  for (const text of texts) {
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + t.length)) {
      all++;
      const j = i + t.length;
      if (onWordEdges(text, i, j) && !held(text, i, j, others)) whole++;
    }
  }
  return { all, whole };
}

const isHan = (c: string) => /\p{Script=Han}/u.test(c);

/**
 * Does t begin with another word's last character: a character that ends two or more of the other terms
 * (税 of 增值税, 消费税, 营业税) and that a content character stands before in most of t's occurrences
 * (印花税暂行条例, 契税暂行条例)? Then t is cut out of longer words (税暂行条例), whichever taxes they name.
 */
export function opensInsideWord(t: string, texts: readonly string[], others: readonly string[]): boolean {
  const head = t.charAt(0);
  const ending = new Set(others.filter((o) => o !== t && o.length >= 2 && o.endsWith(head)));
  if (ending.size < 2) return false;
  let all = 0;
  let bound = 0;
  for (const text of texts) {
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + t.length)) {
      all++;
      const before = text.charAt(i - 1);
      if (i > 0 && isHan(before) && !BEFORE_TERM.has(before)) bound++;
    }
  }
  return all > 0 && 2 * bound > all;
}

/** The whole-word count of each target in the texts. `known` are forms that always stand as terms (the glossary's). */
export function wholeWordCounts(texts: readonly string[], targets: readonly string[], known: readonly string[]): Map<string, number> {
  // only the glossary's longer forms hold a candidate: a candidate n-gram containing another is as often
  // the same concept in use (语法纠错 of 语法纠错质量评估), which the fragment rule of terms.ts weighs
  const out = new Map<string, number>();
  for (const t of targets) out.set(t, opensInsideWord(t, texts, targets) || opensInsideWords(texts, t) ? 0 : occurrences(t, texts, crossers(t, known, false)).whole);
  return out;
}
