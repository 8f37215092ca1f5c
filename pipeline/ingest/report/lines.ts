// Lines of the decoded text with their offsets: the unit the report parser classifies.

export interface Line {
  /** 0-based line index. */
  idx: number;
  /** Offset of the line's first character in the decoded text. */
  start: number;
  /** The line as written (no newline). */
  raw: string;
  /** Trimmed text (spaces, tabs, full-width spaces). */
  text: string;
  /** Offset of text[0] in the decoded text. */
  textStart: number;
}

export function splitLines(source: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let idx = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    let raw = source.slice(start, end);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const lead = /^[\s\u3000]*/.exec(raw)![0].length;
    const text = raw.slice(lead).replace(/[\s\u3000]+$/, '');
    out.push({ idx: idx++, start, raw, text, textStart: start + lead });
    if (end === source.length) break;
    start = end + 1;
  }
  return out;
}

/** Ends with sentence-final punctuation (closing quotes/brackets and note markers may follow). */
export function endsSentence(text: string): boolean {
  const t = text.replace(/(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|[①-⑳]|\*+|\s)+$/, '').replace(/([。！？!?；”’」』）)])\d{1,3}$/, '$1');
  return /[。！？!?；;：:…](?:[”’」』）)》"'\]】*]*)$/.test(t) || /\.[”"’')\]]*$/.test(t) && /[A-Za-z)\]"”]\.[”"’')\]]*$/.test(t);
}

export const CJK_CHAR = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u2E80-\u2FDF]/;

/**
 * How wide a line prints, in half-width cells: Chinese characters and full-width forms take two, Latin
 * letters and digits one. Wrapped lines are of equal width, not of equal length when some hold digits.
 */
export function visualWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    w += c >= 0x2e80 && !(c >= 0xff61 && c <= 0xffdc) ? 2 : 1;
  }
  return w;
}
