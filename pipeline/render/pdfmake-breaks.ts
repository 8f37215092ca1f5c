// pdfmake splits every text into words at its line-break opportunities (Unicode line breaking, the
// linebreak package) each time it lays a document out, and fitting lays each brief out at several
// sizes: the same texts were split again for every layout. The opportunities depend only on the text,
// so the split is remembered here. getBreaks is pdfmake's own (TextBreaker.js, 0.3), with its word
// splitting remembered; tests/render/pdfmake-breaks.test.ts compares it with pdfmake's on random texts.
import LineBreaker from 'linebreak';
import TextBreakerModule from 'pdfmake/js/TextBreaker.js';
import StyleContextStackModule from 'pdfmake/js/StyleContextStack.js';
import { pdfmakeClass } from './pdfmake-interop.js';

interface Word {
  text: string;
  lineEnd?: boolean;
}
interface StyleStatics {
  getStyleProperty(item: unknown, stack: unknown, property: string, defaultValue: unknown): unknown;
  copyStyle(source?: unknown, destination?: Record<string, unknown>): Record<string, unknown>;
}

/** pdfmake's splitWords (the words are never changed by its callers, so they can be shared). */
function splitWordsOnce(text: unknown, noWrap: unknown, breakAll: boolean): Word[] {
  const words: Word[] = [];
  const t = text === undefined || text === null ? '' : String(text);
  if (noWrap) {
    words.push({ text: t });
    return words;
  }
  if (breakAll) return t.split('').map((c) => (c.match(/^\n$|^\r$/) ? { text: '', lineEnd: true } : { text: c }));
  if (t.length === 0) {
    words.push({ text: '' });
    return words;
  }
  const breaker = new LineBreaker(t);
  let last = 0;
  let bk: { position: number; required: boolean } | null;
  while ((bk = breaker.nextBreak())) {
    let word = t.slice(last, bk.position);
    if (bk.required || word.match(/\r?\n$|\r$/)) {
      word = word.replace(/\r?\n$|\r$/, '');
      words.push({ text: word, lineEnd: true });
    } else words.push({ text: word });
    last = bk.position;
  }
  return words;
}

const MAX_SPLITS = 20_000;
const splits = new Map<string, Word[]>();

/** splitWords, remembered by text and options. */
export function splitWords(text: unknown, noWrap: unknown, breakAll = false): Word[] {
  if (typeof text !== 'string' && text !== undefined && text !== null) return splitWordsOnce(text, noWrap, breakAll);
  const key = `${noWrap ? 1 : 0}${breakAll ? 1 : 0}${text ?? ''}`;
  let words = splits.get(key);
  if (!words) {
    words = splitWordsOnce(text, noWrap, breakAll);
    if (splits.size >= MAX_SPLITS) splits.clear();
    splits.set(key, words);
  }
  return words;
}

function getFirstWord(words: Word[], noWrap: unknown): string | null {
  let word = words[0];
  if (word === undefined) return null;
  if (noWrap) {
    const tmp = splitWords(word.text, false);
    if (tmp[0] === undefined) return null;
    word = tmp[0];
  }
  return word.text;
}

function getLastWord(words: Word[], noWrap: unknown): string | null {
  let word = words[words.length - 1];
  if (word === undefined) return null;
  if (word.lineEnd) return null;
  if (noWrap) {
    const tmp = splitWords(word.text, false);
    if (tmp[tmp.length - 1] === undefined) return null;
    word = tmp[tmp.length - 1];
  }
  return word.text;
}

// pdfmake's helpers/variableType.js
const isString = (v: unknown): boolean => typeof v === 'string' || v instanceof String;
const isNumber = (v: unknown): boolean => (typeof v === 'number' || v instanceof Number) && !Number.isNaN(v);
const isObject = (v: unknown): boolean => v !== null && !Array.isArray(v) && !isString(v) && !isNumber(v) && typeof v === 'object';

/** TextBreaker.prototype.getBreaks, as pdfmake 0.3 has it, with splitWords remembered. */
export function getBreaks(texts: unknown, styleContextStack: unknown): Record<string, unknown>[] {
  const Style = pdfmakeClass(StyleContextStackModule) as unknown as StyleStatics;
  const results: Record<string, unknown>[] = [];
  const list = Array.isArray(texts) ? texts : [texts];
  let lastWord: string | null = null;
  for (let i = 0, l = list.length; i < l; i++) {
    const item = list[i] as Record<string, unknown> & { _textRef?: { _textNodeRef: { text: unknown } } };
    let style: Record<string, unknown> | null = null;
    let words: Word[];
    const breakAll = Style.getStyleProperty(item || {}, styleContextStack, 'wordBreak', 'normal') === 'break-all';
    const noWrap = Style.getStyleProperty(item || {}, styleContextStack, 'noWrap', false);
    if (isObject(item)) {
      if (item._textRef && item._textRef._textNodeRef.text) item.text = item._textRef._textNodeRef.text;
      words = splitWords(item.text, noWrap, breakAll);
      style = Style.copyStyle(item);
    } else words = splitWords(item, noWrap, breakAll);
    if (lastWord && words.length) {
      const firstWord = getFirstWord(words, noWrap);
      const wrapWords = splitWords(lastWord + firstWord, false);
      if (wrapWords.length === 1) results[results.length - 1].noNewLine = true;
    }
    // pdfmake copies the style into each word with copyStyle (for…in, hasOwnProperty); `style` is
    // its own copy of the item's properties, so Object.assign gives the same object, quicker
    for (let i2 = 0, l2 = words.length; i2 < l2; i2++) {
      const result: Record<string, unknown> = words[i2].lineEnd ? { text: words[i2].text, lineEnd: true } : { text: words[i2].text };
      results.push(style ? Object.assign(result, style) : result);
    }
    lastWord = null;
    if (i + 1 < l) lastWord = getLastWord(words, noWrap);
  }
  return results;
}

let installed = false;

export function installRememberedBreaks(): void {
  if (installed) return;
  installed = true;
  pdfmakeClass(TextBreakerModule).prototype.getBreaks = getBreaks;
}
