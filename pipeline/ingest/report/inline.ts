// Inline clean-up of a paragraph before it becomes segments: HTML tags, markdown emphasis (recorded
// per source offset), punctuation normalization, and footnote markers (removed, recorded with their
// offsets so each sentence knows the notes it points to).
import { Located } from '../located.js';
import { normalizeChinese } from '../normalize.js';

const HTML_TAG = /<\/?(?:ol|ul|li|p|div|span|b|i|u|em|strong|sup|sub|br|table|thead|tbody|tr|td|th|font)\b[^>]*>/gi;

export interface Marker {
  id: string;
  off: number;
}

export interface InlineContext {
  /** boldAt[offset] = 1 when the source character at offset is inside **…** */
  boldAt: Uint8Array;
  /** Ids of notes that exist (plain digits only count as markers for these). */
  noteIds: Set<string>;
  /** Ids that plain digits glued after punctuation may stand for (notes no other marker points to). */
  plainIds: Set<string>;
}

/** Remove ** and * markup, marking bold source offsets. */
export function stripEmphasis(loc: Located, boldAt: Uint8Array): Located {
  const text = loc.text;
  if (!text.includes('*')) return loc;
  const parts: Located[] = [];
  let bold = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '*') continue;
    let j = i;
    while (j < text.length && text[j] === '*') j++;
    const seg = loc.slice(last, i);
    if (bold) for (let k = 0; k < seg.offs.length; k++) boldAt[seg.offs[k]] = 1;
    parts.push(seg);
    if (j - i >= 2) bold = !bold;
    last = j;
    i = j - 1;
  }
  const tail = loc.slice(last);
  if (bold) for (let k = 0; k < tail.offs.length; k++) boldAt[tail.offs[k]] = 1;
  parts.push(tail);
  return Located.concat(parts);
}

const SUP_DIGIT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

const MARKER_RE = /([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[(\d{1,3})\]|([①-⑳])|(?<=[。，；：”’）」』！？!?,;])(\d{1,3})(?!\s*[\d年月日号个家项条种名%％.．万亿元岁届次位天周余多])/g;

/** Find and remove footnote markers; superscripts always count, the other forms only for known notes. */
export function takeMarkers(loc: Located, ctx: InlineContext): { loc: Located; markers: Marker[] } {
  const markers: Marker[] = [];
  const text = loc.text;
  if (!/[⁰¹²³⁴⁵⁶⁷⁸⁹①-⑳\[0-9]/.test(text)) return { loc, markers };
  const out = loc.replace(MARKER_RE, (m) => {
    const off = loc.offs[m.index];
    if (m[1]) {
      let id = '';
      for (const ch of m[1]) id += SUP_DIGIT[ch];
      markers.push({ id, off });
      return '';
    }
    const id = m[2] ?? m[3] ?? m[4];
    const known = m[4] ? ctx.plainIds.has(id) : ctx.noteIds.has(id);
    if (!known) return m[0];
    markers.push({ id, off });
    return '';
  });
  return { loc: out, markers };
}

/** HTML tags out, emphasis recorded and removed, punctuation normalized, markers taken out. */
export function cleanInline(loc: Located, ctx: InlineContext): { loc: Located; markers: Marker[] } {
  let l = loc.replace(HTML_TAG, '');
  l = stripEmphasis(l, ctx.boldAt);
  l = normalizeChinese(l);
  const r = takeMarkers(l, ctx);
  return { loc: r.loc.replace(/[ \t]{2,}/g, ' ').trim(), markers: r.markers };
}

/** Share of a located text's visible characters that were bold in the source. */
export function boldShare(loc: Located, boldAt: Uint8Array): number {
  let vis = 0;
  let bold = 0;
  for (let i = 0; i < loc.text.length; i++) {
    if (/\s/.test(loc.text[i])) continue;
    vis++;
    if (boldAt[loc.offs[i]]) bold++;
  }
  return vis ? bold / vis : 0;
}
