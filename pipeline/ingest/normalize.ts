// Punctuation and character normalization for Chinese text extracted from PDF or typed by hand:
// half-width , : ; ( ) ? ! next to Chinese become full-width; radicals that PDF extraction produces
// in place of ideographs (Kangxi radicals, CJK Radicals Supplement) become the unified ideographs;
// full-width ASCII letters and digits become ASCII. URLs, numbers and Latin text are left alone.
// Offsets are kept (Located), so normalized text still traces back to line:column.
import { Located } from './located.js';

/** CJK Radicals Supplement (U+2E80–U+2EFF) forms that stand for a whole ideograph. NFKC leaves most of these alone. */
const SUPPLEMENT: Record<string, string> = {
  '\u2E8C': '小', '\u2E8D': '小', '\u2E95': '彐', '\u2E9C': '日', '\u2E9D': '月', '\u2E9F': '母', '\u2EA0': '民',
  '\u2EA7': '牛', '\u2EA9': '王', '\u2EAB': '目', '\u2EAE': '竹', '\u2EAF': '糸', '\u2EB0': '纟', '\u2EB6': '羊',
  '\u2EB7': '羊', '\u2EB9': '老', '\u2EBC': '月', '\u2EC1': '虎', '\u2EC3': '西', '\u2EC4': '西', '\u2EC5': '见',
  '\u2EC6': '角', '\u2EC7': '角', '\u2EC8': '讠', '\u2EC9': '贝', '\u2ECA': '足', '\u2ECB': '车', '\u2ECF': '阝',
  '\u2ED0': '钅', '\u2ED1': '長', '\u2ED2': '镸', '\u2ED3': '长', '\u2ED4': '门', '\u2ED6': '阝', '\u2ED7': '雨',
  '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EE0': '饣',
  '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦',
  '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '斉', '\u2EEC': '齐', '\u2EED': '歯', '\u2EEE': '齿', '\u2EEF': '竜',
  '\u2EF0': '龙', '\u2EF1': '龜', '\u2EF2': '亀', '\u2EF3': '龟',
};

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

/** Ideographs and full-width Chinese punctuation: the context that makes ASCII punctuation full-width. */
const CJK_RE = /[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65《》“”‘’…—]/;
const IDEOGRAPH_RE = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_RE.test(ch);
}

/** One character to its normalized form (always one UTF-16 unit). */
function mapChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x2f00 && c <= 0x2fdf) {
    const n = ch.normalize('NFKC');
    return n.length === 1 ? n : ch;
  }
  if (c >= 0x2e80 && c <= 0x2eff) return SUPPLEMENT[ch] ?? ch;
  // full-width ASCII digits and letters → ASCII
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a))
    return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000) return ' ';
  return ch;
}

const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"“”（）()\u3000-\u303F\u4E00-\u9FFF]+/g;

interface Edit {
  from: number;
  to: number;
  text: string;
}

function applyEdits(loc: Located, edits: Edit[]): Located {
  if (!edits.length) return loc;
  const parts: Located[] = [];
  let last = 0;
  for (const e of edits) {
    parts.push(loc.slice(last, e.from));
    const off = loc.offs[e.from] ?? (loc.offs.length ? loc.offs[loc.offs.length - 1] : 0);
    parts.push(new Located(e.text, new Int32Array(e.text.length).fill(off)));
    last = e.to;
  }
  parts.push(loc.slice(last));
  return Located.concat(parts);
}

/** Index of the next non-space character at or after i (or text.length). */
function skipSpaceFwd(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
function skipSpaceBack(text: string, i: number): number {
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i;
}

/**
 * Normalize Chinese text, keeping offsets. Half-width , : ; ( ) ? ! become full-width when a Chinese
 * character stands next to them (spaces around them are then dropped); inside URLs, between digits
 * (1,000  10:30) and in Latin text nothing changes. Radicals become ideographs.
 */
export function normalizeChinese(loc: Located): Located {
  let needsMap = false;
  for (let i = 0; i < loc.text.length; i++) {
    const c = loc.text.charCodeAt(i);
    if ((c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xff10 && c <= 0xff5a) || c === 0x3000) {
      needsMap = true;
      break;
    }
  }
  const mapped = needsMap ? loc.mapChars(mapChar) : loc;
  const text = mapped.text;
  if (!/[,:;()?!]/.test(text) || !IDEOGRAPH_RE.test(text)) return mapped;

  // protected ranges: URLs
  const protectedAt = new Uint8Array(text.length);
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) protectedAt.fill(1, m.index, m.index + m[0].length);

  const convert = new Uint8Array(text.length);
  // parentheses: pair them up (no nesting across pairs needed for this genre)
  const open: number[] = [];
  const pairOf = new Int32Array(text.length).fill(-1);
  for (let i = 0; i < text.length; i++) {
    if (protectedAt[i]) continue;
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) {
      const o = open.pop()!;
      pairOf[o] = i;
      pairOf[i] = o;
    }
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!(ch in FULL) || protectedAt[i]) continue;
    const prev = text[skipSpaceBack(text, i - 1)];
    const next = text[skipSpaceFwd(text, i + 1)];
    const adjPrev = text[i - 1];
    const adjNext = text[i + 1];
    if (ch === '(' || ch === ')') {
      const o = ch === '(' ? i : pairOf[i];
      const c = ch === ')' ? i : pairOf[i];
      if (o >= 0 && c >= 0) {
        if (ch === ')') continue; // decided with its opening bracket
        const inner = text.slice(o + 1, c);
        if (IDEOGRAPH_RE.test(inner) || isCjk(text[o - 1]) || isCjk(text[c + 1])) {
          convert[o] = 1;
          convert[c] = 1;
        }
      } else if (isCjk(adjPrev) || isCjk(adjNext)) convert[i] = 1;
      continue;
    }
    if ((ch === ',' || ch === ':') && /[0-9]/.test(adjPrev ?? '') && /[0-9]/.test(adjNext ?? '')) continue;
    if (ch === '?' || ch === '!') {
      if (isCjk(prev)) convert[i] = 1;
      continue;
    }
    if (isCjk(prev) || isCjk(next)) convert[i] = 1;
  }

  const edits: Edit[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!convert[i]) continue;
    const ch = text[i];
    // drop spaces around the full-width mark (but not before an opening or after a closing bracket
    // next to Latin text)
    let from = i;
    let to = i + 1;
    if (ch !== '(') {
      const b = skipSpaceBack(text, i - 1) + 1;
      if (b < i && !convert[b - 1]) from = b;
    }
    if (ch !== ')') {
      const f = skipSpaceFwd(text, i + 1);
      if (f > i + 1 && f < text.length) to = f;
    }
    if (edits.length && from < edits[edits.length - 1].to) from = edits[edits.length - 1].to;
    edits.push({ from, to, text: FULL[ch] });
  }
  // the edit's offset should be the punctuation's own offset: split leading spaces off
  const exact: Edit[] = [];
  for (const e of edits) {
    let k = e.from;
    while (k < e.to && text[k] !== undefined && !(text[k] in FULL)) k++;
    if (k > e.from) exact.push({ from: e.from, to: k, text: '' });
    exact.push({ from: k, to: e.to, text: e.text });
  }
  return applyEdits(mapped, exact);
}

/** normalizeChinese for a plain string. */
export function normalizeText(s: string): string {
  return normalizeChinese(Located.from(s, 0)).text;
}
