// In-paragraph enumerations: 一是…二是…, 第一，…第二，…, 首先…其次…最后…, （1）…（2）…, 1，…2，…
// A paragraph is an enumeration only when at least two markers stand in sequence (一 then 二 …)
// at a clause boundary, so ordinary words (第一次, 统一是, 一是一, 首先 alone) never count.
import { Located } from './located.js';

export interface Enumeration {
  style: string;
  lead: Located;
  items: { marker: string; body: Located }[];
  /** What follows the last item in the same paragraph (see splitEnumeration's `tail`), else empty. */
  tail: Located;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一…九十九 → number, or 0 when not a Chinese numeral. */
export function chineseNumber(s: string): number {
  if (!s) return 0;
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (s.length === 1) return s === '十' ? 10 : DIGITS[s] ?? 0;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return 0;
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[2] ? DIGITS[m[2]] : 0);
}

/** The digits of a number written digit by digit (一一二, 二〇二三): DIGITS and the zeros. */
const DIGIT: Record<string, number> = { ...DIGITS, 〇: 0, 零: 0, '○': 0 };

/** A number written in figures or Chinese numerals, below 1000: 101, 一百零一, 一百十二, 一一二; NaN if not one. */
export function smallNumber(s: string): number {
  const t = s.normalize('NFKC');
  if (/^[0-9]+$/.test(t)) return Number(t);
  // digit by digit (一一二): a year written as figures in Chinese characters
  if (!/[十百]/.test(t)) return [...t].every((c) => c in DIGIT) ? Number([...t].map((c) => DIGIT[c]).join('')) : NaN;
  const m = /^(?:([一二三四五六七八九])百)?[零〇]?(.*)$/.exec(t);
  if (!m) return NaN;
  const hundreds = m[1] ? DIGIT[m[1]] * 100 : 0;
  // the tens and units after the hundreds: 零一 (1), 十二 / 一十二 (12), 二十 (20)
  const rest = m[2] ? chineseNumber(m[2]) : 0;
  if (m[2] && !rest) return NaN;
  return hundreds + rest;
}

interface Marker {
  start: number;
  end: number; // end of marker including its trailing punctuation
  value: number;
  marker: string;
}

/** Characters that may stand right before a marker: a clause boundary. */
const BOUNDARY = /[\s，,；;：:。！？!?、（(“"‘'*\-—…]/;

function atBoundary(text: string, i: number): boolean {
  return i === 0 || BOUNDARY.test(text[i - 1]);
}

const CN = '[一二三四五六七八九十]{1,3}';

interface Style {
  name: string;
  re: RegExp;
  /** The marker delimits itself (brackets): no clause boundary needed before it. */
  free?: boolean;
  /** value and marker from a match; 0 rejects */
  read(m: RegExpExecArray, text: string): { value: number; marker: string } | undefined;
}

const SHOUXIAN: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 然后: 3, 最后: 9 };

const STYLES: Style[] = [
  {
    name: 'yishi',
    re: new RegExp(`(${CN})(是|要)[，,：:]?`, 'g'),
    read(m, text) {
      const after = text[m.index + m[0].length] ?? '';
      // 一是一，二是二 (an idiom), 一是…: the marker must not be followed by the same numeral
      if (after === m[1] || after === '') return undefined;
      const v = chineseNumber(m[1]);
      return v ? { value: v, marker: m[1] + m[2] } : undefined;
    },
  },
  {
    name: 'diyi',
    re: new RegExp(`第(${CN})[，,、：:]`, 'g'),
    read(m) {
      const v = chineseNumber(m[1]);
      return v ? { value: v, marker: '第' + m[1] } : undefined;
    },
  },
  {
    name: 'shouxian',
    re: /(首先|其次|再次|然后|最后)[，,：:]?/g,
    read(m) {
      return { value: SHOUXIAN[m[1]], marker: m[1] };
    },
  },
  {
    name: 'numbered',
    free: true,
    re: new RegExp(`[（(]([0-9]{1,2}|${CN})[）)]\\s*`, 'g'),
    read(m) {
      const v = chineseNumber(m[1]);
      return v ? { value: v, marker: m[0].trim() } : undefined;
    },
  },
  {
    name: 'numbered',
    re: /([0-9]{1,2})[，,、．.](?![0-9])\s*/g,
    read(m, text) {
      // not part of a longer number or a Latin word, and not a decimal like 3.5
      const before = text[m.index - 1] ?? '';
      if (/[0-9A-Za-z]/.test(before)) return undefined;
      return { value: Number(m[1]), marker: m[1] };
    },
  },
];

function markersOf(style: Style, text: string): Marker[] {
  const out: Marker[] = [];
  style.re.lastIndex = 0;
  for (let m = style.re.exec(text); m; m = style.re.exec(text)) {
    if (!style.free && !atBoundary(text, m.index)) {
      style.re.lastIndex = m.index + 1;
      continue;
    }
    const r = style.read(m, text);
    if (r) out.push({ start: m.index, end: m.index + m[0].length, value: r.value, marker: r.marker });
  }
  return out;
}

/** The longest run of markers 1, 2, 3… in text order (for 首先 style: 首先, 其次, [再次…], [最后]). */
function sequence(style: Style, markers: Marker[], minItems = 2): Marker[] {
  let best: Marker[] = [];
  for (let s = 0; s < markers.length; s++) {
    if (markers[s].value !== 1) continue;
    const run = [markers[s]];
    for (let k = s + 1; k < markers.length; k++) {
      const last = run[run.length - 1].value;
      const v = markers[k].value;
      if (v === last + 1 || (style.name === 'shouxian' && v === 9 && last >= 2)) run.push(markers[k]);
      if (v === 9 && style.name === 'shouxian' && run[run.length - 1] === markers[k]) break;
    }
    if (run.length > best.length) best = run;
    if (best.length >= minItems) break; // the first complete run wins
  }
  return best.length >= minItems ? best : [];
}

const TRAIL = /[\s；;，,、]+$/;

function trimBody(loc: Located): Located {
  const t = loc.trim();
  const m = TRAIL.exec(t.text);
  return m ? t.slice(0, m.index).trim() : t;
}

/**
 * Find an enumeration in a paragraph. Returns the lead-in (text before the first marker) and the items
 * (marker kept apart from the body), or undefined when the paragraph holds no enumeration of two or
 * more items in sequence.
 */
export function splitEnumeration(loc: Located, opts: { minItems?: number; tail?: boolean } = {}): Enumeration | undefined {
  const text = loc.text;
  const minItems = Math.max(1, opts.minItems ?? 2);
  let chosen: { style: Style; run: Marker[] } | undefined;
  for (const style of STYLES) {
    const run = sequence(style, markersOf(style, text), minItems);
    if (!run.length) continue;
    if (!chosen || run[0].start < chosen.run[0].start) chosen = { style, run };
  }
  if (!chosen) return undefined;
  const { run } = chosen;
  const items = run.map((mk, i) => ({
    marker: mk.marker,
    body: trimBody(loc.slice(mk.end, i + 1 < run.length ? run[i + 1].start : text.length)),
  }));
  if (items.some((it) => it.body.length === 0)) return undefined;
  let tail = Located.empty();
  if (opts.tail && items.length >= 2 && items.slice(0, -1).every((it) => !SENTENCE_END.test(it.body.text))) {
    // items that are clauses (一是…；二是…；三是…。): the list ends with the sentence, and what the
    // paragraph says after it is not part of the last item
    const last = items[items.length - 1];
    const stop = SENTENCE_END.exec(last.body.text);
    if (stop && stop.index + 1 < last.body.length) {
      tail = last.body.slice(stop.index + 1).trim();
      last.body = trimBody(last.body.slice(0, stop.index + 1));
    }
  }
  return { style: chosen.style.name, lead: trimBody(loc.slice(0, run[0].start)), items, tail };
}

const SENTENCE_END = /[。！？!?]/;

/**
 * The enumeration marker a paragraph starts with (一是, 第二，, 其次, （3）…), with its style and value,
 * so that consecutive paragraphs "一是…" "二是…" can be gathered into one list.
 */
export function leadingMarker(text: string): { style: string; value: number; marker: string; end: number } | undefined {
  for (const style of STYLES) {
    style.re.lastIndex = 0;
    const m = style.re.exec(text);
    if (!m || m.index !== 0) continue;
    const r = style.read(m, text);
    if (r) return { style: style.name, value: r.value, marker: r.marker, end: m[0].length };
  }
  return undefined;
}
