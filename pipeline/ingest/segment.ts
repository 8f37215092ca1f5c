// Segments: sentences with a stable id (digest of normalized text) and their place in the source.
import { createHash } from 'node:crypto';
import type { Segment } from '../model.js';
import { Located, LineIndex } from './located.js';

/** The text an id is computed from: NFKC, whitespace collapsed, trimmed. */
export function normalizeForId(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Stable id of a segment's text: 16 hex digits of SHA-256 over the normalized text. */
export function segmentId(text: string): string {
  return 's' + createHash('sha256').update(normalizeForId(text)).digest('hex').slice(0, 15);
}

const OPEN_Q = '“‘「『（(《〈【';
const CLOSE_Q = '”’」』）)》〉】';
const TERMINAL = '。！？!?…';
const TRAILING = '”’」』）)》〉】"\'';

/** A speaker and a speech verb closing a quoted sentence: 他说。 / 外交部发言人汪文斌表示。 */
const ATTRIBUTION_TAIL = /^[^。！？!?“”「」『』"\n]{1,36}?(?:说道|说|表示|指出|强调|称|道|介绍|认为|写道|补充道|补充说|回应说|告诉[^。！？\n]{1,12})[。！!]/;

/** Sentences longer than this are split even inside quotation marks. */
const MAX_QUOTED_SENTENCE = 300;

/** Longest run-in heading (its number and name) that a Latin full stop closes at a paragraph's start. */
const MAX_RUN_IN_HEADING = 24;

/**
 * "4.1. 世界状态. 世界状态（state）是…": Chinese typeset by LaTeX or Word with a run-in paragraph heading
 * closed by a Latin full stop. Chinese prose never ends a sentence with '.', so a '.' after a Chinese
 * character, then a space and Chinese text, near the start of a paragraph whose opening has no Chinese
 * punctuation, closes a heading: it is a sentence of its own, not fused with the first sentence of the
 * body (the heading is the source's own, ended by the source's own mark).
 */
function runInHeadingStop(text: string, i: number): boolean {
  if (i > MAX_RUN_IN_HEADING || !/\p{Script=Han}/u.test(text[i - 1] ?? '')) return false;
  if (!/\s/.test(text[i + 1] ?? '') || !/[\p{Script=Han}“「（(]/u.test(text[i + 2] ?? '')) return false;
  return !/[，。；：、！？,;:!?“”「」]/.test(text.slice(0, i));
}

/**
 * Split text into sentences at 。！？ (and ?! …), keeping closing quotes and brackets with the sentence
 * they close. A full stop inside quotation marks does not end the sentence unless the sentence would
 * grow past MAX_QUOTED_SENTENCE characters. A '.' ends a sentence only in Latin text followed by a space, or
 * after a run-in heading (runInHeadingStop).
 */
export function splitSentences(loc: Located): Located[] {
  const text = loc.text;
  const cuts: number[] = [];
  let depth = 0;
  let sentenceStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPEN_Q.includes(ch)) depth++;
    else if (CLOSE_Q.includes(ch)) depth = Math.max(0, depth - 1);
    let end = -1;
    if (TERMINAL.includes(ch)) {
      end = i + 1;
      while (end < text.length && (TERMINAL.includes(text[end]) || text[end] === '…')) end++;
    } else if (ch === '.' && /[A-Za-z)\]"']/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '') && /[A-Z“"]/.test(text[i + 2] ?? '')) {
      end = i + 1;
    } else if (ch === '.' && runInHeadingStop(text, i)) {
      end = i + 1;
    }
    if (end < 0) continue;
    // closing quotes/brackets right after the stop belong to this sentence
    let j = end;
    let d = depth;
    while (j < text.length && TRAILING.includes(text[j])) {
      if (CLOSE_Q.includes(text[j])) d = Math.max(0, d - 1);
      j++;
    }
    const inside = d > 0;
    if (inside && j - sentenceStart < MAX_QUOTED_SENTENCE) {
      i = end - 1;
      continue;
    }
    // “…。”X说。 — a short attribution after a closing quote belongs to the quoted sentence
    if (!inside && j > end) {
      const tail = ATTRIBUTION_TAIL.exec(text.slice(j, j + 48));
      if (tail) j += tail[0].length;
    }
    cuts.push(j);
    sentenceStart = j;
    depth = inside ? d : 0;
    i = j - 1;
  }
  const out: Located[] = [];
  let last = 0;
  for (const c of cuts) {
    const s = loc.slice(last, c).trim();
    if (s.length) out.push(s);
    last = c;
  }
  const rest = loc.slice(last).trim();
  if (rest.length) out.push(rest);
  return out;
}

export interface SegmentExtras {
  emphasis?: boolean;
  footnoteRefs?: string[];
  speaker?: Segment['speaker'];
}

/** Build a Segment from located text. */
export function makeSegment(loc: Located, lines: LineIndex, extras: SegmentExtras = {}): Segment {
  const seg: Segment = {
    id: segmentId(loc.text),
    text: loc.text,
    place: lines.place(loc.start),
    footnoteRefs: extras.footnoteRefs ?? [],
  };
  if (extras.emphasis) seg.emphasis = true;
  if (extras.speaker) seg.speaker = extras.speaker;
  return seg;
}
