// Rejoining what the PDF broke: lines of a paragraph, paragraphs split by a page break (with page
// furniture and footnotes in between), and words split at a line end.
import { Located } from '../located.js';
import type { Line } from './lines.js';
import { endsSentence, visualWidth } from './lines.js';

const LATIN_END = /[A-Za-z0-9,.;:!?)\]"'”’%-]$/;
const LATIN_START = /^[A-Za-z0-9(\["'“‘<]/;

/** What goes between two pieces of one paragraph: nothing for Chinese and hyphen breaks, a space between Latin words. */
export function joinSeparator(a: Located, b: Located): Located | undefined {
  if (!a.length || !b.length) return undefined;
  const at = a.text.slice(-2);
  const bt = b.text.slice(0, 1);
  if (/[A-Za-z0-9]-$/.test(at) && /^[A-Za-z0-9]/.test(bt)) return undefined;
  // a number broken at the line end in Chinese text ("较202" / "3年"): one number, no space
  if (/[0-9.]$/.test(at) && /^[0-9.%]/.test(bt) && !/[A-Za-z\s][0-9.]*$/.test(a.text.slice(-12))) return undefined;
  if (LATIN_END.test(at) && LATIN_START.test(bt)) return new Located(' ', Int32Array.of(b.start));
  return undefined;
}

/** Join two pieces of one paragraph: Chinese without a space, Latin words with one, hyphen breaks without. */
export function joinPieces(a: Located, b: Located): Located {
  const sep = joinSeparator(a, b);
  return Located.concat(sep ? [a, sep, b] : [a, b]);
}

/** Pieces of a paragraph gathered line by line and concatenated once (no quadratic copying). */
export class PieceBuilder {
  private readonly parts: Located[] = [];
  private last: Located | undefined;
  constructor(first: Located) {
    this.parts.push(first);
    this.last = first;
  }
  add(b: Located): void {
    if (!b.length) return;
    if (this.last) {
      const sep = joinSeparator(this.last, b);
      if (sep) this.parts.push(sep);
    }
    this.parts.push(b);
    this.last = b;
  }
  build(): Located {
    return this.parts.length === 1 ? this.parts[0] : Located.concat(this.parts);
  }
}

/** The located text of a line (trimmed). */
export function lineLocated(l: Line): Located {
  return Located.from(l.text, l.textStart);
}

/**
 * Runs of at least three adjacent short lines that each stand for themselves (a list of names, of
 * titles): none ends a sentence, and their lengths vary (wrapped prose has lines of equal width).
 */
export function lineListRuns(lines: Line[], from: number, to: number, usable: (i: number) => boolean): Uint8Array {
  const mark = new Uint8Array(lines.length);
  let i = from;
  while (i < to) {
    if (!usable(i) || !lines[i].text) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && usable(j) && lines[j].text && lines[j].text.length <= 60 && !endsSentence(lines[j].text)) j++;
    const n = j - i;
    if (n >= 3) {
      let max = 0;
      for (let k = i; k < j; k++) max = Math.max(max, visualWidth(lines[k].text));
      let full = 0;
      for (let k = i; k < j; k++) if (visualWidth(lines[k].text) >= 0.9 * max) full++;
      if (full < n / 2) for (let k = i; k < j; k++) mark[k] = 1;
    }
    i = Math.max(j, i + 1);
  }
  return mark;
}

/**
 * Does the body look hard-wrapped (most lines followed directly by another line, of a steady width)?
 * Then a line ending a sentence ends its paragraph only when it is shorter than the width or the next
 * line is indented. The width is in half-width cells (visualWidth).
 */
export function wrapWidth(lines: Line[], from: number, to: number, usable: (i: number) => boolean): number {
  let adjacent = 0;
  let total = 0;
  const lens: number[] = [];
  for (let i = from; i < to; i++) {
    if (!usable(i) || !lines[i].text) continue;
    total++;
    lens.push(visualWidth(lines[i].text));
    if (i + 1 < to && lines[i + 1].text) adjacent++;
  }
  if (total < 4 || adjacent < total * 0.6) return 0;
  lens.sort((a, b) => a - b);
  const width = lens[Math.floor(lens.length * 0.9)];
  return width <= 240 ? width : 0;
}
