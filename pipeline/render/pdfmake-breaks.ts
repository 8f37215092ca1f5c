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

/**
 * The properties a word can carry here: the style properties pdf.ts gives every text leaf (and
 * `link`), and what pdfmake's measuring (TextInlines.measure), line breaking and drawing set on a
 * word later. A word made with all of them at once keeps one shape from birth: V8 stores its
 * properties in the object, where a word given them one at a time (a copy of the style, then
 * measuring's 20 more) outgrew its property store again and again and became a hash table: the
 * seed build's ten layouts make ~6,600 words, and their copies were 29 of its 244 MB of garbage
 * (~4 KB a word; V8's sampling heap profiler).
 */
const WORD_KEYS = new Set([
  'text', 'lineEnd', 'font', 'bold', 'italics', 'alignment', 'fontSize', 'fontFeatures', 'characterSpacing', 'color',
  'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'link', 'linkToPage',
  'linkToDestination', 'noWrap', 'opacity', 'sup', 'sub', 'lineHeight', 'preserveLeadingSpaces', 'preserveTrailingSpaces',
  'leadingIndent',
]);

/** Whether every own property of an item is one a word made by `wordOf` carries. */
function wordShaped(item: Record<string, unknown>): boolean {
  for (const key in item) if (Object.prototype.hasOwnProperty.call(item, key) && !WORD_KEYS.has(key)) return false;
  return true;
}

/**
 * A word with the style of `s` (an item whose own properties are all in WORD_KEYS): what
 * `Object.assign({ text }, copyStyle(s))` gives, with the properties `s` lacks present as
 * undefined — which pdfmake reads as absent (its style lookups skip undefined, its flags test truth) —
 * and those measuring sets. `text` is the word's, never the item's.
 */
function wordOf(text: string, lineEnd: true | undefined, s: Record<string, unknown>): Record<string, unknown> {
  return {
    text,
    lineEnd,
    font: s.font,
    bold: s.bold,
    italics: s.italics,
    alignment: s.alignment,
    fontSize: s.fontSize,
    fontFeatures: s.fontFeatures,
    characterSpacing: s.characterSpacing,
    color: s.color,
    decoration: s.decoration,
    decorationColor: s.decorationColor,
    decorationStyle: s.decorationStyle,
    decorationThickness: s.decorationThickness,
    background: s.background,
    link: s.link,
    linkToPage: s.linkToPage,
    linkToDestination: s.linkToDestination,
    noWrap: s.noWrap,
    opacity: s.opacity,
    sup: s.sup,
    sub: s.sub,
    lineHeight: s.lineHeight,
    preserveLeadingSpaces: s.preserveLeadingSpaces,
    preserveTrailingSpaces: s.preserveTrailingSpaces,
    leadingIndent: s.leadingIndent,
    // set by pdfmake's measuring and line breaking
    width: undefined,
    height: undefined,
    leadingCut: undefined,
    trailingCut: undefined,
    noNewLine: undefined,
    x: undefined,
  };
}

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
    let shaped = false;
    if (isObject(item)) {
      if (item._textRef && item._textRef._textNodeRef.text) item.text = item._textRef._textNodeRef.text;
      words = splitWords(item.text, noWrap, breakAll);
      shaped = wordShaped(item);
      style = shaped ? item : Style.copyStyle(item);
    } else words = splitWords(item, noWrap, breakAll);
    if (lastWord && words.length) {
      const firstWord = getFirstWord(words, noWrap);
      const wrapWords = splitWords(lastWord + firstWord, false);
      if (wrapWords.length === 1) results[results.length - 1].noNewLine = true;
    }
    // pdfmake copies the style into each word with copyStyle (for…in, hasOwnProperty); `style` is
    // its own copy of the item's properties, so Object.assign gives the same object, quicker
    for (let i2 = 0, l2 = words.length; i2 < l2; i2++) {
      const lineEnd = words[i2].lineEnd ? true : undefined;
      if (shaped) {
        results.push(wordOf(words[i2].text, lineEnd, style!));
        continue;
      }
      const result: Record<string, unknown> = lineEnd ? { text: words[i2].text, lineEnd } : { text: words[i2].text };
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
