// English sentence splitting for alignment: a sentence ends at . ! ? (and closing quotes or brackets)
// before white space and a capital, a digit or an opening quote — unless the word before the point
// is a known abbreviation (Mr., Dr., e.g., U.S., No., Art.) or a single initial (J. Smith).
// The sentences are slices of the input, so each is verbatim the publisher's text (trimmed).

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'no', 'nos', 'vol', 'vols', 'art', 'arts', 'sec', 'para', 'fig', 'figs',
    'ch', 'chap', 'p', 'pp', 'ed', 'eds', 'eg', 'e.g', 'ie', 'i.e', 'etc', 'vs', 'cf', 'al', 'approx', 'inc', 'ltd', 'co', 'corp',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u', 'p.r.c', 'gov', 'dept',
  ],
);

/** Closing punctuation that may follow the sentence mark and still belongs to the sentence. */
const CLOSERS = `"'”’)]»`;
/** What a new sentence may start with, after the white space. */
const OPENER = /[\p{Lu}\p{N}"'“‘(\[«\p{Script=Han}]/u;

function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, end);
}

function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (ABBREVIATIONS.has(w)) return true;
  // a single letter (an initial) or letters with inner points (U.S.A, a.m)
  return /^\p{L}$/u.test(w) || /^(\p{L}\.)+\p{L}$/u.test(w);
}

/** The sentences of one paragraph of English text, in order, trimmed; empty pieces dropped. */
export function splitEnglishSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const n = paragraph.length;
  for (let i = 0; i < n; i++) {
    const c = paragraph[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let end = i + 1;
    while (end < n && (paragraph[end] === '.' || paragraph[end] === '!' || paragraph[end] === '?')) end++;
    while (end < n && CLOSERS.includes(paragraph[end])) end++;
    let next = end;
    while (next < n && /\s/.test(paragraph[next])) next++;
    // "future.Now": a point between a lower-case word and a capitalised one, the space lost in publishing
    const glued = next === end && c === '.' && /[a-z]{3}$/.test(paragraph.slice(Math.max(0, i - 3), i)) && /^[A-Z][a-z]/.test(paragraph.slice(end, end + 2));
    if ((next === end && !glued) || next >= n) {
      i = end - 1;
      continue;
    }
    if (!OPENER.test(paragraph[next])) continue;
    if (c === '.' && isAbbreviation(wordBefore(paragraph, i))) continue;
    // "1. Overview", "IV. Scope": a number or enumeration marker is no sentence of its own
    if (!/\p{L}{2}/u.test(paragraph.slice(start, i).replace(/^[IVXLC]+$/, ''))) continue;
    const s = paragraph.slice(start, end).trim();
    if (s) out.push(s);
    start = next;
    i = next - 1;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
