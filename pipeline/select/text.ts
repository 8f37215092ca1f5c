// Text helpers for selection: word tokens for similarity, and trimming a sentence at a clause boundary.
import { segmentId } from '../ingest/segment.js';

let segmenter: Intl.Segmenter | undefined;

/** Function words and fillers that say nothing about what a sentence is about. */
const STOP = new Set(
  (
    '的 了 是 在 和 与 及 以及 或 等 也 都 而 对 将 把 被 从 以 为 于 中 其 这 那 之 上 下 不 有 个 并 又 就 还 更 ' +
    '我们 他们 她们 它们 你们 自己 一个 一些 这些 那些 这种 那种 这一 该 此 各 每 可 能 会 要 已 已经 正在 进行 ' +
    '没有 表示 认为 指出 称 说 说道 通过 由于 因为 所以 但是 但 然而 同时 此外 因此 如果 虽然 尽管 其中 以及 ' +
    '之间 方面 问题 情况 目前 当前 一是 二是 三是 四是 五是 首先 其次 最后 第一 第二 第三 可以 需要 应该 进一步'
  ).split(/\s+/),
);

/**
 * Content words of one sentence via Intl.Segmenter (kept for comparison and for callers that want
 * words; selection ranks with charTokens, which is an order of magnitude cheaper from a cold start).
 * Keeps word-like tokens of two or more characters (or Latin words), minus stop words.
 */
export function wordTokens(sentence: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(sentence)) {
    if (!s.isWordLike) continue;
    const w = s.segment.toLowerCase();
    if (/^[0-9.,%]+$/.test(w)) continue;
    if (STOP.has(w)) continue;
    if (w.length < 2) continue;
    out.push(w);
  }
  return out;
}

/**
 * Characters that almost never start or end a content word: a bigram with one of them on the side it
 * cannot take (的X, X了…) is noise. Kept small: 中 (中国), 对 (对话), 为 (为期) and the like are not here.
 */
const NOT_FIRST = new Set([...'的了着过吗呢吧啊也都就又还并而且']);
const NOT_LAST = new Set([...'的了着过吗呢吧啊在是和与及或被把将从']);
const STOP_BIGRAM = new Set(
  (
    '我们 他们 她们 它们 你们 自己 一个 一些 这些 那些 这种 那种 这一 这个 已经 正在 进行 没有 表示 认为 指出 ' +
    '说道 通过 由于 因为 所以 但是 然而 同时 此外 因此 如果 虽然 尽管 其中 以及 之间 方面 问题 情况 目前 当前 ' +
    '一是 二是 三是 四是 五是 首先 其次 最后 第一 第二 第三 可以 需要 应该 进一 一步 不是 不会 可能 能够 并不 ' +
    '对于 关于 以来 之后 之前 同样 而是 其他 各方 一方 一种 为了 还是 就是 也是 都是 成为 作为 这样 如何 什么'
  ).split(/\s+/),
);

/**
 * Tokens of one sentence without a word segmenter: overlapping Han character bigrams (the classic
 * representation for Chinese sentence similarity: a two-character word is one bigram, a longer one is
 * its chain of bigrams) minus stop bigrams and bigrams that start or end on a particle, plus Latin
 * words and mixed tokens (2025年 is dropped as a number). Glossary terms are added as whole tokens by
 * the caller.
 */
export function charTokens(sentence: string): string[] {
  const out: string[] = [];
  const text = sentence.toLowerCase();
  let prev = '';
  let latin = '';
  const flushLatin = () => {
    if (latin.length >= 2 && !/^[0-9.,%]+$/.test(latin)) out.push(latin);
    latin = '';
  };
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const han = (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
    if (han) {
      flushLatin();
      if (prev && !NOT_FIRST.has(prev) && !NOT_LAST.has(ch)) {
        const bg = prev + ch;
        if (!STOP_BIGRAM.has(bg)) out.push(bg);
      }
      prev = ch;
    } else {
      prev = '';
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) latin += ch;
      else flushLatin();
    }
  }
  flushLatin();
  return out;
}

/** Clause marks: comma, semicolon, colon (full and half width); a sentence is cut at its commas and semicolons only. */
export const CLAUSE_MARKS = '，；：,;:';
const OPEN = '“‘「『（(《〈【';
const CLOSE = '”’」』）)》〉】';

/**
 * Length of an item against its budget (pick.ts BUDGET): characters (code points), a Latin letter or a digit
 * counting as one, as trimAtClause counts the place of a cut. On the page a Latin letter takes about half a
 * Chinese character's width, so the count is on the safe side for text with Latin in it; the page itself is
 * fitted by measuring the laid-out PDF (render/fit.ts), not by this count.
 */
export function displayLength(text: string): number {
  return [...text].length;
}

/** What marks an item as cut from a longer sentence: the rest of the sentence is left out. */
export const CUT = '……';

export interface Trimmed {
  text: string;
  /** The text differs from the segment (cut at a clause boundary). */
  trimmed: boolean;
  /** Id of the trimmed text (segmentId of it) when trimmed. */
  textId?: string;
}

/** A clause that is only an opening phrase (根据…, 随着…, 在…中, 经…审核, 由…牵头): nothing is said in it. */
const OPENER_CLAUSE = /^(?:根据|据|按照|依据|依照|随着|为了|对于|关于|鉴于|由于|截至|自从|在|经|由|继)[^，,；;：:]*$/;
/** A clause that is only a date or a time (2023年9月, 2024 年 6 月 10 日, 今年以来). */
const DATE_CLAUSE = /^\s*(?:[0-9]{2,4}\s*年(?:\s*[0-9]{1,2}\s*月)?(?:\s*[0-9]{1,2}\s*日)?|[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?|今年|去年|近年来|目前|当前)(?:[上中下]旬|[初底末]|以来|前后)?\s*$/;
/**
 * A prefix made only of opening phrases and dates ("2023年9月，经…审核通过"): cut there, nothing would
 * be said — the clause that says what happened comes after.
 */
function openerOnly(prefix: string): boolean {
  const clauses = prefix.split(/[，,；;：:]/).map((c) => c.trim()).filter((c) => c.length > 0);
  if (!clauses.length) return false;
  return clauses.every((c) => DATE_CLAUSE.test(c) || OPENER_CLAUSE.test(c)) && clauses.some((c) => OPENER_CLAUSE.test(c) || clauses.length === 1);
}

/**
 * Fit a sentence into `budget` characters. A sentence within budget is returned as is. A longer one is
 * cut at the last clause mark (，；：) outside quotation marks or brackets that leaves at most `budget`
 * characters (the cut mark included) and at least `min`; the trimmed text is exactly the prefix of the
 * sentence before that mark, followed by CUT ("……"): the cut is visible, no sentence end is invented —
 * but never after an opening phrase alone (根据…，). When no such mark exists the sentence is returned
 * whole (never cut mid-clause).
 */
export function trimAtClause(text: string, budget: number, min = 12): Trimmed {
  if (displayLength(text) <= budget) return { text, trimmed: false };
  let depth = 0;
  let best = -1;
  const chars = [...text];
  let units = 0; // UTF-16 offset of chars[i]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    // not at a colon: what it introduces (判决：…, 目标是：…) is what the sentence says, and a cut there keeps only the lead-in
    else if (depth === 0 && CLAUSE_MARKS.includes(ch) && ch !== '：' && ch !== ':' && i >= min && i + CUT.length <= budget && !openerOnly(text.slice(0, units))) best = units;
    units += ch.length;
  }
  if (best < 0) return { text, trimmed: false };
  const cut = text.slice(0, best) + CUT;
  return { text: cut, trimmed: true, textId: segmentId(cut) };
}

/** The prefix of a trimmed item's text (without the CUT mark), to check it against its segment. */
export function trimmedPrefix(text: string): string {
  return text.endsWith(CUT) ? text.slice(0, -CUT.length) : text;
}

const CONTENT_CHAR = /^[\p{Script=Han}A-Za-z0-9]$/u;

/**
 * How many Chinese characters, Latin letters and digits the text has: the count of
 * /[\p{Script=Han}A-Za-z0-9]/gu matches, without a regex match (and its array) per text. No Han
 * character is below U+2E80; the common ideographs are decided by range, the rare ones by the regex.
 */
export function contentLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) n++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) n++;
    else if (c >= 0x2e80) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (CONTENT_CHAR.test(ch)) n++;
      i += ch.length - 1;
    }
  }
  return n;
}
