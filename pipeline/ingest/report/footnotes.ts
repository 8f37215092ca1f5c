// Footnotes: note lines gathered from page bottoms (¹ …, 3 …, 13“…, [12] …, ① …) and the markers
// in the body that point to them (superscripts, [12], ①, plain digits glued after punctuation).
import type { Line } from './lines.js';

const SUP: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
export const SUP_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';

export function fromSuperscript(s: string): string {
  let out = '';
  for (const ch of s) out += SUP[ch] ?? ch;
  return out;
}

export interface NoteStart {
  id: string;
  /** 'sup' | 'plain' | 'bracket' | 'circled' */
  form: string;
  /** Offset of the note's text within the line text. */
  textAt: number;
}

/** Characters after a plain number that show the line is body text (a date, a count), not a note. */
const NOT_NOTE_AFTER = /^\s*[年月日号个家项条种名%％万亿元岁届次位天周．.、，,：:\-–—~～/]/;

/**
 * Does this line start a footnote? Plain numbers count only when they continue the sequence of
 * plain-numbered notes (`expected`), so body lines such as "2025年…" or "2号，…" are never notes.
 */
export function matchNoteStart(text: string, expected: number): NoteStart | undefined {
  // a marker wrapped to the start of a line, with only the sentence's end after it ("[12]。"), is a
  // marker, not a note
  if (/^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]|[①-⑳])\s*[。．.，,；;：:！？!?）)”"’]*\s*$/.test(text)) return undefined;
  let m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?=\S)/.exec(text);
  if (m) return { id: fromSuperscript(m[1]), form: 'sup', textAt: m[0].length };
  m = /^\[(\d{1,3})\]\s*(?=\S)/.exec(text);
  if (m) return { id: m[1], form: 'bracket', textAt: m[0].length };
  m = /^([①-⑳])\s*(?=\S)/.exec(text);
  if (m) return { id: m[1], form: 'circled', textAt: m[0].length };
  m = /^(\d{1,3})(?=[\s“"‘'*A-Za-z\u4e00-\u9fff《<])\s*/.exec(text);
  if (m && Number(m[1]) === expected && !NOT_NOTE_AFTER.test(text.slice(m[1].length))) {
    if (text.length - m[0].length < 4) return undefined;
    return { id: m[1], form: 'plain', textAt: m[0].length };
  }
  return undefined;
}

/** A line that only continues a note: a bare URL (possibly in <…> or [..](..)). */
export function isUrlLine(text: string): boolean {
  return /^(?:<?https?:\/\/|<?www\.|\[https?:\/\/)\S*$/.test(text.replace(/\s+/g, ''));
}

/** http(s) URLs in a note: <…>, [text](url), bare; trailing punctuation stripped; deduplicated in order. */
export function extractUrls(text: string): string[] {
  const urls: string[] = [];
  const seen = new Set<string>();
  const push = (u: string) => {
    const clean = u.replace(/[。．.,，;；:：)）\]】>》”"'’]+$/, '');
    if (/^https?:\/\/\S+\.\S/.test(clean) && !seen.has(clean)) {
      seen.add(clean);
      urls.push(clean);
    }
  };
  // markdown links: the target is the URL, the link text is not taken separately
  const rest = text.replace(/\[([^\]]*)\]\((https?:\/\/[^\s)]+)\)/g, (_all, _t: string, u: string) => {
    push(u);
    return ' ';
  });
  const re = /<(https?:\/\/[^>\s]+)>|(https?:\/\/[^\s<>"“”，。；、（）]+)/g;
  for (let m = re.exec(rest); m; m = re.exec(rest)) push(m[1] ?? m[2]);
  return urls;
}

/** Join the lines of a note: URLs broken across lines are rejoined without a space. */
export function joinNoteLines(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!out) {
      out = p;
      continue;
    }
    const inUrl = /https?:\/\/\S*$/.test(out) && !/[>)）。]$/.test(out);
    const latin = /[A-Za-z0-9,.;:)"”’]$/.test(out) && /^[A-Za-z0-9<(“"‘]/.test(p);
    if (inUrl && !/^(?:<?https?:|<?www\.)/.test(p)) out += p;
    else if (latin || /^<?https?:/.test(p)) out += ' ' + p;
    else out += p;
  }
  return out;
}

/** Text of a note for people: markdown emphasis and angle brackets around URLs removed. */
export function cleanNoteText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\((https?:\/\/[^\s)]+)\)/g, '$2')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*+/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface RawNote {
  id: string;
  form: string;
  lines: Line[];
  textAt: number;
}

/**
 * Find note lines. Returns the notes and a mask of the lines they occupy. A note continues on the
 * following lines until a blank line; after blank lines, bare URL lines still belong to it.
 */
export function collectNotes(lines: Line[], from: number, to: number, isBody: (i: number) => boolean): { notes: RawNote[]; mask: Uint8Array } {
  const mask = new Uint8Array(lines.length);
  const notes: RawNote[] = [];
  let expected = 1;
  let current: RawNote | undefined;
  let blankSince = false;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (!isBody(i) || !l.text) {
      blankSince = true;
      continue;
    }
    const start = matchNoteStart(l.text, expected);
    if (start) {
      current = { id: start.id, form: start.form, lines: [l], textAt: start.textAt };
      notes.push(current);
      mask[i] = 1;
      if (start.form === 'plain' || start.form === 'sup' || start.form === 'bracket') expected = Number(start.id) + 1;
      blankSince = false;
      continue;
    }
    if (current && (isUrlLine(l.text) || (!blankSince && !/^[-*]\s/.test(l.text) && looksLikeNoteContinuation(l.text)))) {
      current.lines.push(l);
      mask[i] = 1;
      blankSince = false;
      continue;
    }
    current = undefined;
    blankSince = false;
  }
  return { notes, mask };
}

/** A line right under a note line (no blank between) that continues it rather than starting body text. */
function looksLikeNoteContinuation(text: string): boolean {
  // bibliographic Latin text, or a short Chinese tail; long Chinese prose is body text
  if (/^[A-Za-z0-9<(“"‘*]/.test(text) && !/[\u4e00-\u9fff]{8}/.test(text)) return true;
  return text.length <= 40;
}
