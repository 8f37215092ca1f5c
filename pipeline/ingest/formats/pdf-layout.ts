// A PDF's text with its geometry → the plain text the report parser reads (report/). What pdftotext
// leaves to guessing from text is decided here from the layout: reading order of one or two columns,
// running heads, feet and page numbers (repeated in the top or bottom band), footnotes (small type at
// the page bottom, starting with a marker) and their markers in the text (raised, smaller),
// headings (larger type, or a heading font), contents pages (dot leaders), captions, paragraphs
// rejoined across lines and pages, letter-spaced Chinese runs, and the title (largest type on the
// first page) put first. A pure function of the text runs: pdf.ts reads them from the file.

import { stripSiteName, titleKey } from './title.js';
import { findAuthorBlock } from './pdf-authors.js';

/** One run of text as the PDF draws it, in page space with y growing downwards (y = baseline). */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  /** Advance width of the run. */
  w: number;
  /** Font size (em height). */
  size: number;
  /** The font's id in the document (bold and regular faces are different fonts). */
  font: string;
}

export interface PageText {
  width: number;
  height: number;
  runs: TextRun[];
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u2e80-\u2fdf]/;
/** Characters after which, or before which, lines and runs join without a space. */
const CJK_JOIN = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2014\u2026\u00b7]/;
const SUP_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A note's marker at the start of a line: superscript digits, [n], ①, or a number followed by text. */
const NOTE_START = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]|［\d{1,3}］|[①-⑳]|\(\d{1,3}\)|（\d{1,3}）|\d{1,3}(?=[\s.．、)）]|[^\d\s年月日号%．.]))/;
/**
 * A publication's licence or copyright statement, as a journal or proceedings sets it at the foot of a
 * paper's first page (©2022 <publisher> 根据《Creative Commons Attribution 4.0 International License》许可出版;
 * This work is licensed under…): a fact about the publication, never a note of the text nor part of it.
 */
const LICENCE_NOTE = /^(?:©|\(c\)\s*\d{4}|Copyright\b|版权所有|This (?:work|article|paper) is licensed)|Creative Commons|许可出版|licensed under a/i;
/** A caption: 图1, 表 2, 图表3-1, Figure 3, Table 4. */
const CAPTION = /^(?:图表?|表|Figure|Fig\.|Table|Chart|专栏|Box)\s*[0-9一二三四五六七八九十]{1,3}(?:[-.．–][0-9]{1,2})?(?:\s|[:：.．、]|[\u4e00-\u9fff(（]|$)/i;
/** A contents entry: dot leaders (or a run of middle dots, ellipses) and a page number at the end. */
const LEADER_ENTRY = /(?:[.．·・…⋯]\s*){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$/i;
/** A list item's marker at the start of a line (1. 2、（3） 4） ① •): the line starts a new paragraph. */
const ITEM_START = /^(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|\d{1,2}[)）]|[（(][一二三四五六七八九十]{1,3}[)）]|[①-⑳]|[•●▪■◆○])/;
/** A line that ends a sentence (closing quotes and brackets aside). */
const SENTENCE_END = /[。！？!?；;：:]["”’」』）)]*$/;
/** A role or an institution, as a byline gives it after a name. */
const ROLE =
  '(?:研究[員员]|[專专][員员]|(?:助理|副)?教授|[講讲]師|[讲講]师|博士(?:生|後|后)?|碩士生|硕士生|研究生|研究助理|主任|院[長长]|所[長长]|[記记]者|[編编]輯|[编編]辑|主[編编]|[總总][監监]|執行[長长]|执行[长長]|董事[長长]|理事[長长]|秘[書书][長长]|創辦人|创办人|律[師师]|[顧顾]問|顾问|委[員员]|[處处][長长]|科[長长]|部[長长]|[經经]理|工程[師师]|分析[師师]|[學学]者|大[學学]|[學学]院|研究院|研究所|研究中心|基金[會会]|[協协][會会]|[學学][會会])';
/** A byline on one line: a person's name (two to four Han characters), a slash or bar, a role or an institution. */
const BYLINE = new RegExp(`^\\p{Script=Han}{2,4}\\s*[/／|｜]\\s*[^/／|｜。，；]{0,30}${ROLE}$`, 'u');
/** A name alone on its line, as a byline sets it above its role. */
const PERSON_NAME = /^\p{Script=Han}{2,4}$/u;
/** A role or institution alone on its line, under a name. */
const ROLE_LINE = new RegExp(`^[^。，；：:]{0,30}${ROLE}$`, 'u');
/** A page number as printed in a head or foot. */
const PAGE_NUMBER = /^(?:[-–—－]\s*\d{1,4}\s*[-–—－]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|(?:Page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[·•]\s*\d{1,4}\s*[·•]|[IVXLivxl]{1,6})$/i;
/** Letter-spaced Chinese (政 府 工 作 报 告): at least three single characters apart by equal spaces. */
const SPACED_HAN = /^\p{Script=Han}(?:([ \u3000]+)\p{Script=Han})(?:\1\p{Script=Han})+$/u;

/** Bounds on the work done for one document. */
export const MAX_RUNS_PER_PAGE = 50_000;

interface Run extends TextRun {
  sup?: boolean;
}

/** A part's, chapter's or section's number standing alone before its title: 第一部分, 第三章, 第2节. */
const PART_LABEL = /^第\s*[一二三四五六七八九十百零〇两\d]{1,6}\s*(?:部分|章|节|節|篇|编|編)$/;
/** An article's number or a list's label standing alone before its text: 第二十八條, 第3条之一, 一、, （二）, 1. */
const LABEL = /^(?:第\s*[一二三四五六七八九十百千零〇两\d]{1,8}\s*[條条款項项](?:之[一二三四五六七八九十]{1,3})?|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、)）])$/;

/** Text of one baseline within one column: runs close together. */
interface Frag {
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
  text: string;
  /** Starts with a raised, smaller run (a note's marker). */
  supStart: boolean;
  /** Characters in each font (the main font is the one with most). */
  fonts: Map<string, number>;
  /** The runs it was made of. */
  runs: Run[];
  /** A word spread over its column (distributed alignment). */
  spread?: boolean;
}

/** One line in reading order: the fragments of one baseline in one column (several: a table row). */
interface Line {
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
  text: string;
  cells: number;
  supStart: boolean;
  /** Left and right edges of the column the line is in. */
  colX0: number;
  colX1: number;
  col: number;
  /** One word spread over its column (a column's head): a block of its own. */
  spread?: boolean;
}

interface PageLayout {
  lines: Line[];
  notes: string[];
  contents: boolean;
}

const round = (n: number, step = 0.5) => Math.round(n / step) * step;

function isHanChar(s: string): boolean {
  return s.length === 1 && HAN.test(s);
}

/** Join two pieces of text: nothing between Chinese, a space between Latin words. */
export function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1];
  const first = b[0];
  if (/\s/.test(last) || /\s/.test(first)) return a + b;
  if (CJK_JOIN.test(last) || CJK_JOIN.test(first)) return a + b;
  // a word broken with a hyphen at the line end: kept as printed, without a space (as the report parser does)
  if (/[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return a + b;
  return `${a} ${b}`;
}

/** A raised marker as the report parser reads note references: 3 and [3] (a web page's citation) → ³. */
function toSuperscript(s: string): string {
  const n = /^(?:\d{1,3}|\[(\d{1,3})\])$/.exec(s);
  if (n) return [...(n[1] ?? s)].map((d) => SUP_DIGITS[Number(d)]).join('');
  // several marks (an author with two affiliations: 1,2)
  return /^\d{1,2}(?:[,，]\d{1,2})+$/.test(s) ? s.replace(/\d/g, (d) => SUP_DIGITS[Number(d)]) : s;
}

/** Collapse letter-spacing in a whole line of single Chinese characters. */
function unspace(text: string): string {
  return SPACED_HAN.test(text) ? text.replace(/[ \u3000]+/g, '') : text;
}

/** Runs that are raised above a larger neighbour on its line, and smaller: note markers (and exponents). */
function markSuperscripts(runs: Run[]): void {
  const byY = runs.slice().sort((a, b) => a.y - b.y);
  for (const r of runs) {
    if (r.str.trim().length > 4) continue;
    // neighbours whose baseline is below r's by up to one em of theirs
    let lo = 0;
    let hi = byY.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byY[mid].y < r.y) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < byY.length; k++) {
      const q = byY[k];
      if (q.y - r.y > q.size * 0.8) break;
      // (not a space: pdf.js fills a gap in a line with one as wide as the gap, which ends where the
      // next text starts — a running head's first character beside a larger stamp was taken for a mark)
      if (q === r || q.size < r.size * 1.12 || !q.str.trim()) continue;
      const rise = q.y - r.y;
      if (rise < q.size * 0.12) continue;
      const near = Math.abs(r.x - (q.x + q.w)) < q.size * 0.6 || Math.abs(q.x - (r.x + r.w)) < q.size * 0.6;
      if (!near) continue;
      r.sup = true;
      r.y = q.y;
      break;
    }
  }
}

/** Split a page's runs into fragments: one baseline, no gap wider than a space between words. */
function fragments(page: number, runs: Run[]): Frag[] {
  const sorted = runs.filter((r) => r.str.trim()).sort((a, b) => a.y - b.y || a.x - b.x);
  // rows of one baseline
  const rows: Run[][] = [];
  let row: Run[] = [];
  let rowY = -Infinity;
  let rowSize = 0;
  for (const r of sorted) {
    if (row.length && r.y - rowY > Math.max(0.35 * Math.min(rowSize, r.size), 0.5)) {
      rows.push(row);
      row = [];
    }
    if (!row.length) {
      rowY = r.y;
      rowSize = r.size;
    }
    row.push(r);
  }
  if (row.length) rows.push(row);
  const out: Frag[] = [];
  for (const rw of rows) {
    rw.sort((a, b) => a.x - b.x);
    const rowStart = out.length;
    let cur: Run[] = [];
    let spaced = false;
    let lastGap = -1;
    const flush = () => {
      if (cur.length) out.push(makeFrag(page, cur, spaced));
      cur = [];
      spaced = false;
      lastGap = -1;
    };
    for (const r of rw) {
      const prev = cur[cur.length - 1];
      if (prev) {
        const size = Math.max(prev.sup ? 0 : prev.size, r.sup ? 0 : r.size, 1);
        const gap = r.x - (prev.x + prev.w);
        const single = isHanChar(prev.str.trim()) && isHanChar(r.str.trim());
        // a letter-spaced run: single characters at equal distances, wider than a word space
        const evenly = single && gap < 3 * size && (lastGap < 0 || Math.abs(gap - lastGap) < 0.15 * size) && (cur.length === 1 || spaced);
        if (gap > 1.0 * size && !evenly) flush();
        else if (single && gap > 0.5 * size && evenly) spaced = true;
        lastGap = gap;
      }
      cur.push(r);
    }
    flush();
    out.splice(rowStart, out.length - rowStart, ...distributed(page, out.slice(rowStart)));
  }
  return joinLabels(page, out);
}

/**
 * A word spread over a column's width (a table's column head set in distributed alignment: 修 正 條 文
 * three ems apart): three single characters or more at equal steps, too far apart for letter-spacing
 * in a line, are one word — not a row of cells.
 */
function distributed(page: number, row: Frag[]): Frag[] {
  const single = (f: Frag) => isHanChar(f.text) && f.runs.length === 1;
  const out: Frag[] = [];
  for (let i = 0; i < row.length; ) {
    let j = i + 1;
    if (single(row[i])) {
      const size = row[i].size;
      const gap = j < row.length ? row[j].x0 - row[i].x1 : Infinity;
      while (j < row.length && single(row[j]) && Math.abs(row[j].size - size) < 0.6 && gap <= 6 * size && Math.abs(row[j].x0 - row[j - 1].x1 - gap) < 0.15 * size) j++;
    }
    if (j - i >= 3) out.push({ ...makeFrag(page, row.slice(i, j).flatMap((f) => f.runs), true), spread: true });
    else {
      out.push(row[i]);
      j = i + 1;
    }
    i = j;
  }
  return out;
}

/**
 * An article's number or a list's label, a gap (an em or two) and its text on one baseline, with the
 * next line hanging under them (starting right of the label, at most where the text starts, and running
 * on under the text, nothing left of it): one paragraph's first line, not two cells of a table row. A
 * table's first column ends before its second starts, so its next row does not run under both.
 */
function joinLabels(page: number, frags: Frag[]): Frag[] {
  const drop = new Set<Frag>();
  const out = frags.slice();
  for (let i = 0; i < out.length; i++) {
    const l = out[i];
    if (drop.has(l) || !(LABEL.test(l.text) || PART_LABEL.test(l.text))) continue;
    const size = l.size;
    const onRow = (f: Frag, y: number) => Math.abs(f.y - y) <= 0.35 * Math.min(f.size, size);
    // the text: the next fragment on the label's baseline, an em or two to its right
    const t = out.filter((f) => f !== l && !drop.has(f) && onRow(f, l.y) && f.x0 > l.x1).sort((a, b) => a.x0 - b.x0)[0];
    if (!t || t.x0 - l.x1 > 3 * size || Math.abs(t.size - size) > 0.6) continue;
    // a part's or chapter's number an em or two before its title, the two alone on their row
    // (第一部分  概况): one heading, not a row of cells
    if (PART_LABEL.test(l.text) && !out.some((f) => f !== l && f !== t && !drop.has(f) && onRow(f, l.y))) {
      out[i] = makeFrag(page, [...l.runs, ...t.runs], false);
      drop.add(t);
      continue;
    }
    if (!LABEL.test(l.text)) continue;
    // the next baseline below, within two and a half lines
    const below = out.filter((f) => f.y - l.y > 0.6 * size && f.y - l.y <= 2.5 * size && f.x1 > l.x0 && f.x0 < t.x1);
    if (!below.length) continue;
    const nextY = Math.min(...below.map((f) => f.y));
    const row = below.filter((f) => onRow(f, nextY));
    const n = row.sort((a, b) => a.x0 - b.x0)[0];
    const hangs = n.x0 >= l.x0 + 0.3 * size && n.x0 <= t.x0 + 0.5 * size && n.x1 >= t.x0 + 2 * size && !LABEL.test(n.text) && Math.abs(n.size - size) <= 0.6;
    if (!hangs) continue;
    const joined = makeFrag(page, [...l.runs, ...t.runs], false);
    out[i] = joined;
    drop.add(t);
  }
  return drop.size ? out.filter((f) => !drop.has(f)) : out;
}

/** Full-width characters: Chinese, kana, CJK and full-width punctuation (each one em wide). */
const FULL_WIDTH = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]/;

/**
 * Spaces pdf.js puts inside one run of Chinese where justified text (TeX's inter-character glue) sets
 * the characters a little apart (了 两 个 for 了两个): a run of full-width characters only, whose
 * spaces are narrower than half an em (its width less an em for each character, shared among its
 * spaces), is one word. A wider space is one the text has (a name and a title apart), and a run with
 * Latin letters keeps its spaces: they are word spaces.
 */
export function closeGlyphSpaces(r: TextRun): string {
  if (!/[ \u3000]/.test(r.str)) return r.str;
  const chars = [...r.str.trim()];
  const spaces = chars.filter((c) => c === ' ' || c === '\u3000').length;
  const glyphs = chars.length - spaces;
  if (!spaces || glyphs < 2 || !chars.every((c) => c === ' ' || c === '\u3000' || FULL_WIDTH.test(c))) return r.str;
  // (the run's own leading and trailing spaces are outside its glyphs: measured without them)
  const lead = r.str.length - r.str.trimStart().length;
  const trail = r.str.length - r.str.trimEnd().length;
  const perChar = r.w / [...r.str].length;
  const inner = r.w - (lead + trail) * perChar;
  const space = (inner - glyphs * r.size) / spaces;
  if (space >= 0.5 * r.size) return r.str;
  return r.str.replace(/(?<=\S)[ \u3000]+(?=\S)/g, '');
}

function makeFrag(page: number, runs: Run[], spaced: boolean): Frag {
  let text = '';
  const weight = new Map<string, number>();
  let sizeBest = 0;
  const sizeWeight = new Map<number, number>();
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    let s = closeGlyphSpaces(r).replace(/\s+/g, ' ');
    if (r.sup) s = toSuperscript(s.trim());
    if (i > 0) {
      const p = runs[i - 1];
      const gap = r.x - (p.x + p.w);
      const size = Math.max(p.size, r.size);
      const a = text[text.length - 1] ?? '';
      const b = s[0] ?? '';
      // a space where the gap is one: wide between Chinese characters (justified text spreads them), a
      // word space between Latin letters or digits and Chinese
      const cjkA = CJK_JOIN.test(a);
      const cjkB = CJK_JOIN.test(b);
      const min = cjkA && cjkB ? 0.5 : cjkA || cjkB ? 0.2 : 0.15;
      if (!spaced && !r.sup && !p.sup && !/\s/.test(a) && !/\s/.test(b) && gap > min * size) text += ' ';
    }
    text += s;
    if (!r.sup) {
      // characters, not UTF-16 units: a mathematical letter (𝑃) is one character, as a Chinese one is
      const n = [...r.str].length;
      weight.set(r.font, (weight.get(r.font) ?? 0) + n);
      const sz = round(r.size);
      sizeWeight.set(sz, (sizeWeight.get(sz) ?? 0) + n);
    }
  }
  let font = runs[0].font;
  let best = -1;
  for (const [f, n] of weight) if (n > best) [font, best] = [f, n];
  best = -1;
  for (const [s, n] of sizeWeight) if (n > best) [sizeBest, best] = [s, n];
  const first = runs[0];
  const last = runs[runs.length - 1];
  text = text.trim();
  if (spaced || SPACED_HAN.test(text)) text = text.replace(/[ \u3000]+/g, '');
  return {
    page,
    x0: first.x,
    x1: last.x + last.w,
    y: (runs.find((r) => !r.sup) ?? first).y,
    size: sizeBest || first.size,
    font,
    text,
    supStart: !!first.sup,
    fonts: weight,
    runs,
  };
}

/** The most frequent value, weighted. */
function mode<K>(pairs: Iterable<[K, number]>): K | undefined {
  const m = new Map<K, number>();
  for (const [k, n] of pairs) m.set(k, (m.get(k) ?? 0) + n);
  let best: K | undefined;
  let bn = -1;
  for (const [k, n] of m) if (n > bn) [best, bn] = [k, n];
  return best;
}

/** Key of a head or foot: its text without digits (page numbers change, the words do not). */
function furnitureKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/[\s\u3000]+/g, '');
}

/**
 * A gutter between two columns: an x where few fragments cross, with lines on both sides that start
 * at the same x (the columns' left edges), and on one side at least lines that fill their column (a
 * table's cells do not). The other side may be narrow: a sidebar, a box beside the text.
 */
function findGutter(frags: Frag[], width: number, bodySize: number, start = 0): { x0: number; x1: number } | undefined {
  if (frags.length < 6) return undefined;
  // (the middle of the span from start, the page’s edge or a column’s, to the page’s right edge)
  const from = Math.floor(start + (width - start) * 0.2);
  const to = Math.ceil(start + (width - start) * 0.8);
  const cross: number[] = [];
  for (let x = from; x <= to; x++) {
    let c = 0;
    for (const f of frags) if (f.x0 < x - 0.5 && f.x1 > x + 0.5) c++;
    cross.push(c);
  }
  // the lowest crossing count over an interval as wide as a gutter is at least: a narrower dip is a
  // wide word space in a line across the page (justified text under two columns), not a gutter
  const minWidth = Math.max(6, bodySize * 0.6);
  const span = Math.ceil(minWidth) + 1;
  let bestCross = Infinity;
  for (let i = 0; i + span <= cross.length; i++) bestCross = Math.min(bestCross, Math.max(...cross.slice(i, i + span)));
  // lines across the gutter are allowed (a title over both columns, text under a sidebar), as long as most are not
  if (!Number.isFinite(bestCross) || bestCross > frags.length * 0.5) return undefined;
  // the widest interval at the lowest crossing count (or under it)
  let gs = -1;
  let ge = -1;
  for (let i = 0; i < cross.length; ) {
    if (cross[i] > bestCross) {
      i++;
      continue;
    }
    let j = i;
    while (j < cross.length && cross[j] <= bestCross) j++;
    if (j - i > ge - gs) [gs, ge] = [i, j];
    i = j;
  }
  if (gs < 0) return undefined;
  const g0 = from + gs;
  const g1 = from + ge - 1;
  if (g1 - g0 < minWidth) return undefined;
  const left = frags.filter((f) => f.x1 <= g0 + 1);
  const right = frags.filter((f) => f.x0 >= g1 - 1);
  if (left.length < 3 || right.length < 3 || bestCross > left.length + right.length) return undefined;
  // the rows of a side (fragments of one baseline): where they start and end, and their characters
  type Row = { x0: number; x1: number; chars: number };
  const rowsOf = (side: Frag[]) => {
    const rows = new Map<number, Row>();
    for (const f of side) {
      const k = Math.round(f.y);
      const r = rows.get(k);
      if (r) Object.assign(r, { x0: Math.min(r.x0, f.x0), x1: Math.max(r.x1, f.x1), chars: r.chars + f.text.length });
      else rows.set(k, { x0: f.x0, x1: f.x1, chars: f.text.length });
    }
    return [...rows.values()];
  };
  const share = (rows: Row[], pick: (r: Row) => boolean) =>
    rows.reduce((n, r) => n + (pick(r) ? r.chars : 0), 0) / Math.max(1, rows.reduce((n, r) => n + r.chars, 0));
  // where nothing crosses the gutter, a side of many rows is weighed by its text, not by its pieces: a
  // column of formulas, and of list items under their labels, is in many short pieces that start further in
  const byText = (rows: Row[]) => bestCross === 0 && rows.length >= 8;
  // lines that start at the column's left edge (of its fragments, or of its text)
  const starts = (side: Frag[], edge: number) => {
    if (side.filter((f) => f.x0 - edge < 2.5 * bodySize).length >= side.length * 0.4) return true;
    const rows = rowsOf(side);
    return byText(rows) && share(rows, (r) => r.x0 - edge < 2.5 * bodySize) >= 0.5;
  };
  // lines that fill the column: half of its rows at least half its width (or half of its text in such rows)
  const fills = (side: Frag[], edge: number, end: number) => {
    const rows = rowsOf(side);
    const widths = rows.map((r) => r.x1 - r.x0).sort((a, b) => a - b);
    return widths[Math.floor(widths.length / 2)] >= (end - edge) * 0.5 || (byText(rows) && share(rows, (r) => r.x1 - r.x0 >= (end - edge) * 0.5) >= 0.5);
  };
  const lEdge = Math.min(...left.map((f) => f.x0));
  const rEdge = Math.min(...right.map((f) => f.x0));
  const rEnd = Math.max(...right.map((f) => f.x1));
  const lFills = fills(left, lEdge, g0);
  const rFills = fills(right, rEdge, rEnd);
  // the text column(s): lines that fill them, starting at their left edge
  if (!(lFills && starts(left, lEdge)) && !(rFills && starts(right, rEdge))) return undefined;
  if (lFills && rFills && !(starts(left, lEdge) && starts(right, rEdge))) return undefined;
  if (!(lFills && rFills)) {
    // one side of short lines beside text: a sidebar on its own line grid, or a table whose rows share
    // their baselines (read row by row, not as columns)
    const ys = new Set(left.map((f) => Math.round(f.y)));
    const shared = right.filter((f) => ys.has(Math.round(f.y)) || ys.has(Math.round(f.y) - 1) || ys.has(Math.round(f.y) + 1)).length;
    if (shared > right.length * 0.5) return undefined;
  }
  return { x0: g0, x1: g1 };
}

/** Fragments of one baseline → lines (several fragments on one baseline: cells apart by tabs). */
function linesOf(frags: Frag[], col: number): Line[] {
  const sorted = frags.slice().sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: Line[] = [];
  let group: Frag[] = [];
  const flush = () => {
    if (!group.length) return;
    group.sort((a, b) => a.x0 - b.x0);
    const main = group.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    out.push({
      page: group[0].page,
      x0: group[0].x0,
      x1: group[group.length - 1].x1,
      y: main.y,
      size: main.size,
      font: main.font,
      text: group.map((f) => f.text).join('\t'),
      cells: group.length,
      supStart: group[0].supStart,
      spread: group.length === 1 && !!group[0].spread,
      colX0: 0,
      colX1: 0,
      col,
    });
    group = [];
  };
  for (const f of sorted) {
    if (group.length && Math.abs(f.y - group[0].y) > 0.35 * Math.min(f.size, group[0].size)) flush();
    group.push(f);
  }
  flush();
  return out;
}

export interface LayoutOptions {
  /** The title the file's properties give (often empty, a file name or a template's): used only when the text carries it. */
  infoTitle?: string;
}

/** A running head that names a document: words, not a date, a time, a URL or a page number. */
function namesDocument(text: string): boolean {
  if (/https?:|www\.|\.(?:com|org|net|cn|gov)\b/i.test(text)) return false;
  const words = text.replace(/\d+|\b(?:AM|PM)\b|[\s\p{P}\p{S}]+/gu, '');
  return [...words].filter((c) => HAN.test(c)).length >= 2 || words.length >= 6;
}

export interface LayoutResult {
  text: string;
  /** Pages dropped as contents (dot leaders). */
  contentsPages: number[];
  /** Characters of text read (0: no text layer). */
  chars: number;
  title?: string;
  /** Where the title was found: the cover's largest type, the file's properties, or a running head. */
  titleFrom?: 'cover' | 'properties' | 'running head';
  /** 0-based indices of the text's lines that are headings by their type (size or face). */
  headingLines: number[];
}

/** The pages' text runs → the plain text the report parser reads. */
export function layoutText(pages: PageText[], opts: LayoutOptions = {}): LayoutResult {
  const pageFrags: Frag[][] = pages.map((p, i) => {
    const runs: Run[] = p.runs.slice(0, MAX_RUNS_PER_PAGE).map((r) => ({ ...r }));
    markSuperscripts(runs);
    return fragments(i, runs);
  });
  let chars = 0;
  const sizeW: [number, number][] = [];
  for (const fs of pageFrags)
    for (const f of fs) {
      chars += f.text.length;
      sizeW.push([f.size, f.text.length]);
    }
  if (!chars) return { text: '', contentsPages: [], chars: 0, headingLines: [] };
  const bodySize = mode(sizeW) ?? 10;
  const fontW: [string, number][] = [];
  for (const fs of pageFrags) for (const f of fs) if (Math.abs(f.size - bodySize) <= 0.6) fontW.push([f.font, f.text.length]);
  const bodyFont = mode(fontW) ?? '';
  const fontShare = new Map<string, number>();
  for (const [f, n] of fontW) fontShare.set(f, (fontShare.get(f) ?? 0) + n);
  const bodyChars = fontW.reduce((s, [, n]) => s + n, 0);
  // faces set inside body lines (Latin letters and digits, mathematical italics in Chinese text): of
  // each font at body size, the characters in lines whose main font is the body's
  const inBody = new Map<string, number>();
  const atBodySize = new Map<string, number>();
  for (const fs of pageFrags)
    for (const f of fs) {
      if (Math.abs(f.size - bodySize) > 0.6) continue;
      for (const [font, n] of f.fonts) {
        atBodySize.set(font, (atBodySize.get(font) ?? 0) + n);
        if (f.font === bodyFont) inBody.set(font, (inBody.get(font) ?? 0) + n);
      }
    }
  /** A face used mostly inside body text: a line set in it is not a heading for its face. */
  const inlineFace = (font: string) => (inBody.get(font) ?? 0) >= 0.5 * (atBodySize.get(font) ?? 0);

  // running heads and feet: the same words (digits aside) in the top or bottom band of several pages
  const bandOf = (f: Frag, p: PageText): 'top' | 'bottom' | undefined =>
    f.y - f.size < p.height * 0.11 ? 'top' : f.y > p.height * 0.89 ? 'bottom' : undefined;
  const seen = new Map<string, Set<number>>();
  const headText = new Map<string, string>();
  pageFrags.forEach((fs, i) => {
    for (const f of fs) {
      const band = bandOf(f, pages[i]);
      if (!band) continue;
      const key = `${band}:${furnitureKey(f.text)}`;
      const s = seen.get(key) ?? new Set<number>();
      s.add(i);
      seen.set(key, s);
      if (band === 'top' && !headText.has(key)) headText.set(key, f.text);
    }
  });
  const repeatMin = Math.max(2, Math.ceil(pages.length * 0.3));
  const layouts: PageLayout[] = pageFrags.map((fs, i) => {
    const p = pages[i];
    // the topmost and bottommost rows: page numbers by their form, heads and feet by their repetition
    const topY = Math.min(...fs.map((f) => f.y));
    const botY = Math.max(...fs.map((f) => f.y));
    const repeated = (f: Frag) => {
      const band = bandOf(f, p);
      return !!band && (seen.get(`${band}:${furnitureKey(f.text)}`)?.size ?? 0) >= repeatMin && f.text.length <= 80;
    };
    const heads = fs.filter(repeated);
    const body = fs.filter((f) => {
      const band = bandOf(f, p);
      if (!band) return true;
      if (repeated(f)) return false;
      // a few words on the row of a running head or foot (a stamp beside it: 更正本, 草案): furniture too
      if (f.text.length <= 12 && heads.some((h) => Math.abs(h.y - f.y) < 0.6 * Math.max(h.size, f.size))) return false;
      const edge = band === 'top' ? Math.abs(f.y - topY) < 1 : Math.abs(f.y - botY) < 1;
      return !(edge && PAGE_NUMBER.test(f.text.trim()));
    });
    return splitPage(i, body, p, bodySize);
  });
  markPlainContents(layouts);

  // a document in columns: each page's columns edges, for paragraph ends
  const lines: Line[] = [];
  const notesAfter = new Map<number, string[]>();
  const contentsPages: number[] = [];
  layouts.forEach((l, i) => {
    if (l.contents) contentsPages.push(i + 1);
    else lines.push(...l.lines);
    if (l.notes.length) notesAfter.set(i, l.notes);
  });

  // line spacing of body text: the usual distance between baselines of consecutive body lines
  const deltas: [number, number][] = [];
  for (let k = 1; k < lines.length; k++) {
    const a = lines[k - 1];
    const b = lines[k];
    if (a.page === b.page && a.col === b.col && Math.abs(a.size - bodySize) <= 0.6 && Math.abs(b.size - bodySize) <= 0.6 && b.y > a.y)
      deltas.push([round(b.y - a.y, 0.5), 1]);
  }
  const leading = mode(deltas) ?? bodySize * 1.5;
  const edges = localEdges(lines);
  const evenlyWide = evenSpacing(lines);

  // bylines: a name with its role or institution (曾柏瑜 / 某基金會研究專員), or a name alone on its line
  // with such a line right under it, are in a heading's type but head nothing
  const bylines = new Set<Line>();
  lines.forEach((l, k) => {
    if (BYLINE.test(l.text)) bylines.add(l);
    const next = lines[k + 1];
    if (next && PERSON_NAME.test(l.text) && ROLE_LINE.test(next.text) && next.page === l.page && next.y > l.y && next.y - l.y < 3 * l.size) bylines.add(l).add(next);
  });
  const isHeading = (l: Line): boolean => {
    if (l.cells > 1 || l.text.length > 60 || bylines.has(l)) return false;
    if (l.size >= bodySize * 1.15) return true;
    // a heading face: another font at body size, rare in the document, for the whole line
    const share = (fontShare.get(l.font) ?? 0) / Math.max(1, bodyChars);
    return l.font !== bodyFont && !inlineFace(l.font) && Math.abs(l.size - bodySize) <= 0.6 && share < 0.15 && !/[。；;，,]$/.test(l.text) && l.x1 < l.colX1 - 2 * l.size;
  };

  // title: the largest type on the first page with text, not a salutation ("各位代表："), first; a
  // size that recurs (on later pages, or in another block of the first) is a level of headings instead
  let titleLines: Line[] = [];
  const firstPage = lines.length ? lines[0].page : -1;
  const onFirst = lines.filter((l) => l.page === firstPage);
  const titleLike = (l: Line) => !/[：:]$/.test(l.text) && /\p{L}/u.test(l.text);
  const maxSize = Math.max(0, ...onFirst.filter(titleLike).map((l) => l.size));
  if (maxSize >= bodySize * 1.15) {
    // the title's type: within 8% of the largest (a line's size is its most used one, and a
    // title line with a word in another face can come out a point apart from the line above it)
    const titleSize = (l: Line) => l.size >= maxSize * 0.92 && l.size >= bodySize * 1.15 && titleLike(l);
    const start = onFirst.findIndex((l) => Math.abs(l.size - maxSize) < 0.5 && titleLike(l));
    // a title set over several lines: the lines of that type right above and below the largest one
    const near = (a: Line, b: Line) => Math.abs(b.y - a.y) < Math.max(a.size, b.size) * 2.2 && a.col === b.col;
    let first = start;
    while (first > 0 && titleSize(onFirst[first - 1]) && near(onFirst[first - 1], onFirst[first])) first--;
    let last = start;
    while (last + 1 < onFirst.length && titleSize(onFirst[last + 1]) && near(onFirst[last], onFirst[last + 1])) last++;
    titleLines = onFirst.slice(first, last + 1);
    const inBlock = new Set(titleLines);
    // the same size again elsewhere is a level of headings — but not the title's translation that
    // bilingual papers print under it (an English title for a Chinese one)
    const han = (t: string) => /\p{Script=Han}/u.test(t);
    const titleHan = titleLines.some((l) => han(l.text));
    if (lines.some((l) => !inBlock.has(l) && Math.abs(l.size - maxSize) < 0.5 && titleLike(l) && (!titleHan || han(l.text)))) titleLines = [];
  }
  if (!titleLines.length) {
    // no larger type: a line of the first page that the running head of most pages repeats (a paper's
    // title block in body type, its title in the head of every later page), the first such line (a
    // version or date line under the title can be in the head too)
    const heads = new Set(
      [...headText.entries()].filter(([k, t]) => (seen.get(k)?.size ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.6)) && namesDocument(t)).map(([, t]) => furnitureKey(t)),
    );
    const repeated = onFirst.find((l) => l.cells === 1 && titleLike(l) && heads.has(furnitureKey(l.text)));
    if (repeated) titleLines = [repeated];
  }
  const titleSet = new Set(titleLines);
  // a paper's author block on the first page: names once, without their marks, then the affiliations
  const firstLines = onFirst.filter((l) => !titleSet.has(l) && l.cells === 1);
  const authors = findAuthorBlock(firstLines.map((l) => l.text));
  const authorLines = new Set(authors ? firstLines.slice(authors.start, authors.end) : []);
  const authorsAt = authors ? firstLines[authors.start] : undefined;

  const blocks: string[] = [];
  /** Blocks that are headings (by size or face). */
  const headingBlocks = new Set<number>();
  let title: string | undefined;
  let titleFrom: LayoutResult['titleFrom'];
  if (titleLines.length) {
    title = unspace(titleLines.map((l) => l.text).reduce(joinText, ''));
    titleFrom = 'cover';
  } else {
    // no cover title: the file's own title if the text carries it, else a running head on most pages
    // that names the document (a browser's print puts the page's title there), without a site's name
    const start = lines
      .slice(0, 200)
      .map((l) => l.text)
      .join('\n');
    const key = (t: string) => titleKey(t);
    const info = opts.infoTitle?.trim();
    if (info && key(info).length >= 2 && key(start).includes(key(stripSiteName(info, { text: start })))) {
      title = stripSiteName(info, { text: start });
      titleFrom = 'properties';
    } else {
      const heads = [...headText.entries()]
        .filter(([k, t]) => (seen.get(k)?.size ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.6)) && namesDocument(t))
        .map(([, t]) => t)
        .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
      if (heads.length) {
        title = stripSiteName(unspace(heads[0]), { text: start });
        titleFrom = 'running head';
      }
    }
  }
  if (title) blocks.push(title);
  let para: { text: string; first: Line; last: Line } | undefined;
  let tableRows: string[] = [];
  let notesDone = -1;
  const flushNotes = (upTo: number) => {
    for (let p = notesDone + 1; p <= upTo; p++) {
      const notes = notesAfter.get(p);
      if (notes) blocks.push(notes.join('\n\n'));
    }
    notesDone = Math.max(notesDone, upTo);
  };
  const closePara = () => {
    if (para) {
      blocks.push(para.text);
      // the notes of the pages this paragraph ran over
      flushNotes(para.last.page - 1);
    }
    para = undefined;
  };
  const closeTable = () => {
    if (tableRows.length) blocks.push(tableRows.join('\n'));
    tableRows = [];
  };
  let heading: { text: string; last: Line } | undefined;
  const closeHeading = () => {
    if (heading) {
      headingBlocks.add(blocks.length);
      blocks.push(heading.text);
    }
    heading = undefined;
  };
  const numbered = numberedHeadings(lines, leading);
  const runIns = runInLabels(lines, leading);
  for (const l of lines) {
    if (titleSet.has(l)) continue;
    if (authorLines.has(l)) {
      if (l === authorsAt && authors) {
        closePara();
        closeHeading();
        closeTable();
        blocks.push(authors.names.map((n) => `作者：${n}`).join('\n'), authors.affiliations.join('\n'));
      }
      continue;
    }
    // pages read: their notes go out once the paragraph running over the page end is closed
    if (!para && !heading) flushNotes(l.page - 1);
    // two characters alone on their line, one at the column's start and one at its end: a word spread
    // over the column (說 明), as three or more at equal steps are
    if (l.cells === 2 && /^\p{Script=Han}\t\p{Script=Han}$/u.test(l.text) && l.x0 <= l.colX0 + 0.5 * l.size && l.x1 >= l.colX1 - l.size && l.x1 - l.x0 >= 5 * l.size)
      Object.assign(l, { spread: true, cells: 1, text: l.text.replace('\t', '') });
    const runIn = runIns.get(l);
    if (runIn) {
      closePara();
      closeHeading();
      closeTable();
      headingBlocks.add(blocks.length);
      blocks.push(runIn.label);
      para = { text: runIn.text, first: l, last: l };
      continue;
    }
    if (numbered.has(l)) {
      closePara();
      closeHeading();
      closeTable();
      headingBlocks.add(blocks.length);
      blocks.push(l.text.replace('\t', ' '));
      continue;
    }
    const text = l.text;
    if (l.cells > 1 && !LEADER_ENTRY.test(text.replace(/\t/g, ' '))) {
      closePara();
      closeHeading();
      tableRows.push(text);
      continue;
    }
    closeTable();
    if (LEADER_ENTRY.test(text.replace(/\t/g, ' '))) continue;
    // a caption, unless the line goes on with a sentence the line before it left open ("…如" then
    // "图 1.2(b)所示。"): a reference to a figure wrapped to the line start is body text
    const goesOn = !!para && !SENTENCE_END.test(para.last.text) && continues(para.last, l, leading, edges.get(para.last), false, evenlyWide);
    if (CAPTION.test(text) && text.length <= 100 && !goesOn) {
      closePara();
      closeHeading();
      blocks.push(text);
      continue;
    }
    if (l.spread) {
      closePara();
      closeHeading();
      // it heads what is under it, as a heading does
      headingBlocks.add(blocks.length);
      blocks.push(text);
      continue;
    }
    if (bylines.has(l)) {
      // a byline is a block of its own: nothing runs on from it or into it
      closePara();
      closeHeading();
      blocks.push(unspace(text));
      continue;
    }
    if (isHeading(l)) {
      closePara();
      if (heading && !ITEM_START.test(text) && Math.abs(heading.last.size - l.size) < 0.5 && heading.last.font === l.font && l.page === heading.last.page && l.y - heading.last.y < l.size * 2.2) {
        heading.text = joinText(heading.text, text);
        heading.last = l;
        continue;
      }
      closeHeading();
      heading = { text: unspace(text), last: l };
      continue;
    }
    closeHeading();
    // in an entry whose lines hang under its first, a line back where the first started starts the next entry
    const outdented =
      !!para &&
      para.last !== para.first &&
      para.first.page === l.page &&
      para.first.col === l.col &&
      para.last.col === l.col &&
      para.last.x0 > para.first.x0 + 0.5 * l.size &&
      l.x0 <= para.first.x0 + 0.5 * l.size;
    if (para && !outdented && continues(para.last, l, leading, edges.get(para.last), hangsFrom(para.first, para.last, l), evenlyWide)) {
      para.text = joinText(para.text, text);
      para.last = l;
      continue;
    }
    closePara();
    para = { text: unspace(text), first: l, last: l };
  }
  closePara();
  closeHeading();
  closeTable();
  flushNotes(pages.length - 1);
  const headingLines: number[] = [];
  let lineNo = 0;
  blocks.forEach((b, k) => {
    if (headingBlocks.has(k) && !b.includes('\n')) headingLines.push(lineNo);
    lineNo += b.split('\n').length + 1;
  });
  return { text: blocks.join('\n\n') + '\n', contentsPages, chars, title, titleFrom, headingLines };
}

/** A section's number standing alone as a cell: 4, 3.2, 2.1.3 (not 0 nor 01: a formula's case, a rank). */
const SECTION_NO = /^[1-9]\d?(?:\.\d{1,2}){0,3}$/;
/** A section's title: words (Chinese or Latin), no sentence inside, no formula. */
const SECTION_TITLE = /^[\p{L}“"‘(（][\p{L}\p{N}\p{M} \u3000：:·\-—–/&()（）“”"'‘’、，,=+_]{0,39}$/u;

/**
 * Numbered section headings a paper's layout sets as two pieces on one baseline — the number, an em's
 * space, the title (LaTeX: 4  模型, 3.2  加噪方式) — in type as large as the body's or barely larger, so
 * neither size nor face tells them: two cells, the first a section number, the second a short title
 * ending no sentence, at the column's left edge and well short of its right edge, set apart from the
 * line above (more than the body's line spacing, or the column's first line, or under its parent
 * section's heading: 5 then 5.1), with body text under it (a line of body type that fills its column
 * or ends a sentence, a run-in label in the margin before it or not) or its first subsection's heading. A table of numbered rows is not: its rows are
 * as close as lines, and the row under a row is no subsection of it.
 */
function numberedHeadings(lines: Line[], leading: number): Set<Line> {
  const parts = (l: Line) => {
    if (l.cells !== 2) return undefined;
    const [no, title] = l.text.split('\t').map((t) => t.trim());
    if (!SECTION_NO.test(no) || !SECTION_TITLE.test(title) || SENTENCE_END.test(title)) return undefined;
    if (l.x0 > l.colX0 + 0.5 * l.size || l.x1 >= l.colX1 - 2 * l.size) return undefined;
    return { no, title };
  };
  const child = (parent: string, no: string) => no.startsWith(`${parent}.`) && !no.slice(parent.length + 1).includes('.');
  const out = new Set<Line>();
  const near = (a: Line, b: Line) => a.page === b.page && a.col === b.col && b.y > a.y;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const me = parts(l);
    if (!me) continue;
    const prev = lines[k - 1];
    const next = lines[k + 1];
    if (!next) continue;
    const prevNo = prev ? parts(prev)?.no : undefined;
    const apart = !prev || !near(prev, l) || l.y - prev.y > 1.3 * leading || (prevNo !== undefined && child(prevNo, me.no));
    if (!apart) continue;
    const nextNo = parts(next)?.no;
    // (a paragraph's run-in label set apart in its margin, 数据集  在…, is a cell of its first line)
    const body =
      (next.cells === 1 || [...(next.text.split('\t').pop() ?? '')].length >= 20) &&
      !CAPTION.test(next.text) &&
      next.size <= l.size + 0.6 &&
      (next.x1 >= next.colX1 - 2 * next.size || SENTENCE_END.test(next.text));
    if (body || (nextNo !== undefined && child(me.no, nextNo))) out.add(l);
  }
  return out;
}

/** The label of an example's part (输入, 输出, 原句, Source…): a table's first column, never a paragraph's label. */
const EXAMPLE_LABEL = /^(?:输入|输出|原句|原文|例句|改正|修改|参考答案|Source|Target|Input|Output)/i;

/**
 * A paragraph's run-in label set in its margin (LaTeX's \paragraph: 数据集, an em or more of space, then
 * the paragraph's first line): a short label without punctuation at the column's left edge, the text
 * beside it running to the column's right edge and opening with a word, and the next line going on
 * under it from the column's left edge at the body's line spacing. Read as two cells, the label and
 * the first line made a table row and the paragraph's other lines a paragraph that starts mid-sentence.
 * The label heads the paragraph; the paragraph is its first line and the lines under it.
 */
function runInLabels(lines: Line[], leading: number): Map<Line, { label: string; text: string }> {
  const out = new Map<Line, { label: string; text: string }>();
  for (let k = 0; k + 1 < lines.length; k++) {
    const l = lines[k];
    if (l.cells !== 2) continue;
    const [label, text] = l.text.split('\t').map((t) => t.trim());
    if ([...label].length > 16 || !/\p{L}/u.test(label) || /[。！？!?；;，,、：:.．]/.test(label) || EXAMPLE_LABEL.test(label) || SECTION_NO.test(label)) continue;
    if ([...text].length < 15 || !/^(?:[\p{Script=Han}A-Za-z“"]|[（(]\d{1,2}[)）])/u.test(text)) continue;
    if (l.x0 > l.colX0 + 0.5 * l.size || l.x1 < l.colX1 - 2 * l.size) continue;
    const next = lines[k + 1];
    if (next.cells !== 1 || next.page !== l.page || next.col !== l.col || Math.abs(next.size - l.size) > 0.6) continue;
    if (next.x0 > next.colX0 + 0.8 * next.size || next.y - l.y <= 0 || next.y - l.y > 1.35 * leading) continue;
    out.set(l, { label, text });
  }
  return out;
}

/**
 * Where the lines around each line end: the lower median of the ends of up to three lines before and
 * three after it in its column, of its type. Text beside a box or figure (an infobox, a floated image)
 * is narrower than the column there: its lines are full though they stop short of the column's edge.
 */
function localEdges(lines: Line[]): Map<Line, number> {
  const out = new Map<Line, number>();
  const same = (a: Line, b: Line) => a.page === b.page && a.col === b.col && b.cells === 1 && Math.abs(a.size - b.size) <= Math.max(0.6, a.size * 0.1);
  for (let k = 0; k < lines.length; k++) {
    const a = lines[k];
    const ends: number[] = [];
    for (let j = k - 1; j >= 0 && j >= k - 6 && ends.length < 3; j--) if (same(a, lines[j])) ends.push(lines[j].x1);
    const before = ends.length;
    for (let j = k + 1; j < lines.length && j <= k + 6 && ends.length < before + 3; j++) if (same(a, lines[j])) ends.push(lines[j].x1);
    if (ends.length < 2) continue;
    ends.sort((x, y) => x - y);
    out.set(a, ends[Math.floor((ends.length - 1) / 2)]);
  }
  return out;
}

/**
 * Are lines a and b (a the line above b in its column) as far apart as a is from the line above it (b
 * from the one below it when a starts the column): a passage set evenly with a wider spacing than the
 * body's (double-spaced), where the wider gap is the passage's line spacing, not a paragraph break. (The
 * gap above a first: entries of a list a little apart are as far from the next, and the last line of
 * an entry with two lines is closer to its first.)
 */
function evenSpacing(lines: Line[]): (a: Line, b: Line) => boolean {
  const above = new Map<Line, number>();
  const below = new Map<Line, number>();
  for (let k = 1; k < lines.length; k++) {
    const a = lines[k - 1];
    const b = lines[k];
    if (a.page !== b.page || a.col !== b.col || b.y <= a.y) continue;
    above.set(b, b.y - a.y);
    below.set(a, b.y - a.y);
  }
  return (a, b) => {
    const g = above.get(a) ?? below.get(b);
    return g !== undefined && Math.abs(g - (b.y - a.y)) <= 0.15 * a.size;
  };
}

/**
 * Is b a line of the list item that starts with line first (last: the item's line before b)? A list
 * item's lines after the first start where its text does, right of the marker (a hanging indent).
 */
function hangsFrom(first: Line, last: Line, b: Line): boolean {
  if (ITEM_START.test(first.text)) {
    const indent = b.x0 - first.x0;
    return indent > 0.5 * b.size && indent <= 4 * b.size && (last === first || Math.abs(b.x0 - last.x0) < 1);
  }
  // an entry of a description list (a term and its text): its next lines indented under its first line,
  // each going on with a sentence the line above left open at the column's end (measured from the
  // column's edge: an entry runs on into the next column), as full as it — or ending the entry's sentence
  // (short lines centred under one another are not an entry's)
  const indent = b.x0 - b.colX0 - (first.x0 - first.colX0);
  return (
    indent > 0.5 * b.size &&
    indent <= 4 * b.size &&
    (last === first || Math.abs(b.x0 - b.colX0 - (last.x0 - last.colX0)) < 1) &&
    !SENTENCE_END.test(last.text) &&
    !/[.．]$/.test(last.text) &&
    last.x1 >= last.colX1 - 2 * last.size &&
    (b.x1 >= b.colX1 - 2 * b.size || SENTENCE_END.test(b.text) || /[.．]$/.test(b.text))
  );
}

/**
 * Does line b go on with the paragraph whose last line is a (edge: where the lines around a end;
 * hanging: b is indented as the next line of a list item)?
 */
function continues(a: Line, b: Line, leading: number, edge = a.colX1, hanging = false, evenlyWide?: (a: Line, b: Line) => boolean): boolean {
  if (Math.abs(a.size - b.size) > Math.max(0.6, a.size * 0.1)) return false;
  // a paper's part named alone on its line (摘要, Abstract, 参考文献) heads what follows, whatever the columns
  if (PART_NAME.test(a.text.trim())) return false;
  // an indented first line starts a paragraph, and so does a list item
  if (!hanging && b.x0 > b.colX0 + 0.8 * b.size) return false;
  if (ITEM_START.test(b.text)) return false;
  // a short last line ends one: the line stops well before the column's right edge — and, unless it
  // ends a sentence, before where the lines around it end (text beside a box is narrower there)
  if (a.x1 < a.colX1 - 2 * a.size && (SENTENCE_END.test(a.text) || a.x1 < edge - 2 * a.size)) return false;
  if (a.page === b.page && a.col === b.col) {
    const gap = b.y - a.y;
    const spacing = Math.max(leading, a.size * 1.2 / 1.35);
    if (gap <= 0) return false;
    // a vertical gap wider than the line spacing ends the paragraph — unless the line before is full and
    // leaves its sentence open: a passage set wider than the body (double-spaced) goes on across it
    if (gap <= spacing * 1.35) return true;
    // (lines spaced evenly so, a running from the column's start to its end, not ending a sentence, nor
    // an entry of a list of references with its full stop)
    return (
      gap <= spacing * 2.6 &&
      !!evenlyWide?.(a, b) &&
      !SENTENCE_END.test(a.text) &&
      !/[.．]$/.test(a.text) &&
      a.x0 <= a.colX0 + 4 * a.size &&
      a.x1 >= Math.min(a.colX1, edge) - 2 * a.size
    );
  }
  // the next column or page: goes on when the line before reached the column's end
  return true;
}

/** The name of a paper's part, alone: 摘要, 摘 要, Abstract, 关键词, 参考文献, References, 致谢. */
const PART_NAME = /^(?:摘\s*要|Abstract|关\s*键\s*词|Key\s*words|参\s*考\s*文\s*献|References|致\s*谢|Acknowledge?ments)$/i;

/** A contents page's own title: 目录, 目 录, 目次, Contents. */
const CONTENTS_TITLE = /^(?:目录|目次|(?:table of )?contents)$/i;
/** A heading's number at the start of a contents entry: 第一部分, 第三章, 一、, （二）, 1.2, 3、 */
const ENTRY_NUMBER = /^(?:第\s*[一二三四五六七八九十百\d]{1,4}\s*[部分章节篇编卷]|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}(?:[.．]\d{1,2})*[.．、\s])/;

/**
 * Contents pages printed without dot leaders or page numbers (a document saved from Word with its
 * outline typed as lines): a page headed by its own title (目录) whose other lines are all short and end
 * no sentence, most of them numbered as headings; and the pages right after it while they hold nothing
 * but such entries. Read as headings, its entries would be an outline of empty sections before the body.
 */
function markPlainContents(layouts: PageLayout[]): void {
  const entry = (l: Line) => {
    const t = l.text.replace(/\t/g, ' ').trim();
    return t.length <= 60 && !SENTENCE_END.test(t) && !/[，,、]$/.test(t);
  };
  const numbered = (ls: Line[]) => ls.filter((l) => ENTRY_NUMBER.test(l.text.trim())).length;
  layouts.forEach((l, i) => {
    if (l.contents || l.lines.length < 4) return;
    const [first, ...rest] = l.lines;
    const titled = CONTENTS_TITLE.test(first.text.replace(/\s+/g, ''));
    const after = i > 0 && layouts[i - 1].contents;
    const entries = titled ? rest : l.lines;
    if (!titled && !after) return;
    if (!entries.every(entry) || numbered(entries) < entries.length * (titled ? 0.5 : 0.6)) return;
    l.contents = true;
    l.lines = [];
  });
}

/** One page's body fragments → lines in reading order, its footnotes, and whether it is a contents page. */
function splitPage(page: number, frags: Frag[], p: PageText, bodySize: number): PageLayout {
  // footnotes: the rows at the page bottom in smaller type, from the first that starts with a marker
  const sorted = frags.slice().sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const notes: string[] = [];
  let bodyFrags = frags;
  if (sorted.length) {
    let k = sorted.length;
    while (k > 0 && sorted[k - 1].size <= bodySize * 0.88) k--;
    const hasBodyAbove = k > 0;
    if (hasBodyAbove && k < sorted.length) {
      const block = sorted.slice(k);
      const first = block.findIndex((f) => f.x0 <= Math.min(...block.map((g) => g.x0)) + bodySize * 3 && (f.supStart || NOTE_START.test(f.text)));
      if (first >= 0) {
        const noteFrags = new Set(block.slice(first));
        bodyFrags = frags.filter((f) => !noteFrags.has(f));
        const rows = linesOf(block.slice(first), 0);
        for (const r of rows) {
          // "¹国家…" → "¹ 国家…": the note's marker apart from its text
          const t = r.text.replace(/\t/g, ' ').replace(/^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=\S)/, '$1 ');
          if (r.supStart || (NOTE_START.test(t) && !notes.length) || (NOTE_START.test(t) && r.x0 <= rows[0].x0 + 1)) notes.push(t);
          else if (notes.length) notes[notes.length - 1] = joinText(notes[notes.length - 1], t);
        }
      }
      // the publication's licence in the small type at the foot, under no note's marker (a note's own
      // lines keep it, as they read): its rows leave the page, not run into the next page's first line
      const left = new Set(bodyFrags);
      const small = block.filter((f) => left.has(f));
      const licence = small.filter((f) => LICENCE_NOTE.test(f.text.trim()));
      if (licence.length) {
        const sameRow = (f: Frag) => licence.some((l) => Math.abs(l.y - f.y) <= Math.max(l.size, f.size) * 0.5);
        const gone = new Set(small.filter(sameRow));
        bodyFrags = bodyFrags.filter((f) => !gone.has(f));
      }
    }
  }
  // contents and lists of figures: most lines end in dot leaders and a page number
  const rowsAll = linesOf(bodyFrags, 0);
  const leaders = rowsAll.filter((l) => LEADER_ENTRY.test(l.text.replace(/\t/g, ' '))).length;
  if (leaders >= 3 && leaders >= rowsAll.length * 0.4) return { lines: [], notes, contents: true };

  const gutter = findGutter(bodyFrags, p.width, bodySize);
  // no gutter down the page: two columns of prose over part of it, read column by column there
  const prose = gutter ? undefined : proseColumns(bodyFrags, bodySize);
  let lines: Line[];
  if (gutter) lines = columnLines(bodyFrags, gutter, p.width, bodySize);
  else if (prose) {
    setEdges(rowsAll);
    const inBand = (f: Frag) => f.y >= prose.y0 - 0.5 && f.y <= prose.y1 + 0.5;
    lines = [...rowsAll.filter((l) => l.y < prose.y0 - 0.5), ...columnLines(bodyFrags.filter(inBand), prose, p.width, bodySize), ...rowsAll.filter((l) => l.y > prose.y1 + 0.5)];
  } else {
    lines = rowsAll;
    setEdges(lines);
  }
  for (const l of lines) l.page = page;
  return { lines, notes, contents: false };
}

/** A page's (or a band's) fragments on two sides of a gutter → lines in reading order: in each band between lines across the gutter, the left column, then the right. */
function columnLines(frags: Frag[], gutter: { x0: number; x1: number }, width: number, bodySize: number): Line[] {
  let lines: Line[];
  // bands between fragments that cross the gutter (a title over both columns); in each band the left
  // column, then the right
  const across = tableAcross(frags, gutter, bodySize);
  const spanning = frags.filter((f) => across.has(f) || (f.x0 < gutter.x0 - 0.5 && f.x1 > gutter.x1 + 0.5)).sort((a, b) => a.y - b.y);
  const rest = frags.filter((f) => !spanning.includes(f));
  lines = [];
  let prevCut = -Infinity;
  const leftAll = linesOf(rest.filter((f) => f.x1 <= gutter.x0 + 1), 1);
  const rightFrags = rest.filter((f) => f.x1 > gutter.x0 + 1);
  // the right side in two columns of its own (a comparison table's 現行條文 | 說明): read one after
  // the other, not row by row across them
  const sub = findGutter(rightFrags, width, bodySize, gutter.x1);
  const rightCols = sub && sub.x0 > gutter.x1 ? [rightFrags.filter((f) => f.x1 <= sub.x0 + 1), rightFrags.filter((f) => f.x1 > sub.x0 + 1)] : [rightFrags];
  const rightLines = rightCols.map((fs, k) => linesOf(fs, k + 2));
  setEdges(leftAll);
  rightLines.forEach(setEdges);
  const rightAll = rightLines.flat();
  // one line for each row across the columns (a row of a table's cells is one line)
  const spanLines = linesOf(spanning, 0);
  setEdges(spanLines);
  const cuts = [...spanLines.map((l) => l.y), Infinity];
  for (let c = 0; c < cuts.length; c++) {
    const inBand = (l: Line) => l.y > prevCut && l.y < cuts[c];
    const left = leftAll.filter(inBand);
    const right = rightLines.flatMap((ls) => ls.filter(inBand));
    // the last line of a paragraph across both columns (an abstract) can be short enough to stop
    // left of the gutter: right under the line above, starting where it starts, nothing beside it,
    // and the column's text only after a wider gap
    const above = lines[lines.length - 1];
    const [l0, l1] = left;
    const step = l0 && above ? l0.y - above.y : 0;
    if (
      above?.col === 0 &&
      l0 &&
      step <= 2.5 * above.size &&
      Math.abs(l0.x0 - above.x0) < 1 &&
      Math.abs(l0.size - above.size) < 0.6 &&
      (!l1 || l1.y - l0.y > step * 1.3) &&
      !right.some((r) => r.y <= l0.y + 0.5 * l0.size)
    )
      Object.assign(l0, { col: 0, colX0: above.colX0, colX1: above.colX1 });
    lines.push(...left, ...right);
    if (c < spanLines.length) lines.push(spanLines[c]);
    prevCut = cuts[c];
  }
  // spanning fragments of one row give one line: keep it once
  lines = lines.filter((l, k) => lines.indexOf(l) === k);
  return lines;
}

/**
 * Two columns of running text side by side where no gutter runs down the whole page (a figure or its
 * labels under the columns cross it): rows of two pieces, one each side of a clear gap, each starting
 * where its side's lines start and filling its side, in long lines of prose (punctuation inside,
 * sentences running on from line to line). A table's rows are short cells, or cells with few marks;
 * these are two paragraph flows, read one column after the other. The gutter is the gap of the
 * longest such run of rows.
 */
function proseColumns(frags: Frag[], bodySize: number): { x0: number; x1: number; y0: number; y1: number } | undefined {
  const rows = new Map<number, Frag[]>();
  for (const f of frags) {
    const k = Math.round(f.y);
    const r = rows.get(k);
    if (r) r.push(f);
    else rows.set(k, [f]);
  }
  const sorted = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r.slice().sort((a, b) => a.x0 - b.x0));
  const minGap = Math.max(6, bodySize * 0.6);
  const pair = (r: Frag[]) => r.length === 2 && r[1].x0 - r[0].x1 >= minGap && Math.abs(r[0].size - r[1].size) < 0.6;
  const chars = (t: string) => t.replace(/\s+/g, '').length;
  const PUNCT = /[，。；：、！？,;:]/;
  let best: { x0: number; x1: number; run: Frag[][] } | undefined;
  const judge = (run: Frag[][]) => {
    if (run.length < 4) return;
    // the gap between the sides: clear in every row of the run
    const x0 = Math.max(...run.map((r) => r[0].x1));
    const x1 = Math.min(...run.map((r) => r[1].x0));
    if (x1 - x0 < minGap) return;
    let filled = 0;
    for (const side of [0, 1]) {
      const cells = run.map((r) => r[side]);
      const start = Math.min(...cells.map((f) => f.x0));
      const end = Math.max(...cells.map((f) => f.x1));
      const size = cells[0].size;
      // lines that start at the side's edge (a paragraph's indent aside), on one side at least filling it
      // (the other may hold a list of short items)
      if (cells.filter((f) => f.x0 - start < 2.5 * size).length < cells.length * 0.8) return;
      if (cells.filter((f) => f.x1 - f.x0 >= (end - start) * 0.85).length >= cells.length * 0.6) filled++;
      // long lines of prose, not cells: many characters, and punctuation inside most of them
      const lens = cells.map((f) => chars(f.text)).sort((a, b) => a - b);
      if (lens[Math.floor(lens.length / 2)] < 15 || end - start < 12 * size) return;
      if (cells.filter((f) => PUNCT.test(f.text)).length < cells.length * 0.5) return;
    }
    if (!filled) return;
    if (!best || run.length > best.run.length) best = { x0, x1, run };
  };
  let run: Frag[][] = [];
  for (const r of sorted) {
    const aligned = !run.length || (Math.abs(r[0]?.x0 - run[0][0].x0) < 4 * bodySize && Math.abs(r[1]?.x0 - run[0][1].x0) < 4 * bodySize);
    if (pair(r) && aligned) {
      run.push(r);
      continue;
    }
    judge(run);
    run = pair(r) ? [r] : [];
  }
  judge(run);
  if (!best) return undefined;
  // the columns go on above and below the run while each side's lines follow on its line grid (at
  // most a blank line apart, starting at its edge): what is further off (a figure's labels, a box
  // under the columns) is read as it was, row by row
  const { x0, x1, run: found } = best;
  const steps = found.slice(1).map((r, i) => r[0].y - found[i][0].y).sort((a, b) => a - b);
  const reach = 2.2 * steps[Math.floor(steps.length / 2)];
  let y0 = found[0][0].y;
  let y1 = found[found.length - 1][0].y;
  for (const side of [0, 1]) {
    const cells = found.map((r) => r[side]);
    const start = Math.min(...cells.map((f) => f.x0));
    const size = cells[0].size;
    const ys = frags
      .filter((f) => (side ? f.x0 >= x1 - 1 : f.x1 <= x0 + 1) && f.x0 >= start - 0.5 * size && f.x0 - start < 2.5 * size && Math.abs(f.size - size) < 0.6)
      .map((f) => f.y)
      .sort((a, b) => a - b);
    let top = found[0][side].y;
    for (let k = ys.length - 1; k >= 0; k--) if (ys[k] < top && top - ys[k] <= reach) top = ys[k];
    let bottom = found[found.length - 1][side].y;
    for (const y of ys) if (y > bottom && y - bottom <= reach) bottom = y;
    y0 = Math.min(y0, top);
    y1 = Math.max(y1, bottom);
  }
  return { x0, x1, y0, y1 };
}

/**
 * A table across both columns: rows of three cells or more on both sides of the gutter, each cell short
 * against a column, in two rows at least that start their cells at the same places. Its rows are read
 * whole, as a title across the columns is (the columns' lines beside one another fill them instead).
 */
function tableAcross(frags: Frag[], gutter: { x0: number; x1: number }, bodySize: number): Set<Frag> {
  const left = Math.min(...frags.map((f) => f.x0));
  const colW = gutter.x0 - left;
  const rows = new Map<number, Frag[]>();
  for (const f of frags) {
    const k = Math.round(f.y);
    rows.set(k, [...(rows.get(k) ?? []), f]);
  }
  const cells = [...rows.values()]
    .filter((r) => r.length >= 3 && r.some((f) => f.x1 <= gutter.x0 + 1) && r.some((f) => f.x0 >= gutter.x1 - 1) && r.every((f) => f.x1 - f.x0 < colW * 0.5))
    .map((r) => r.slice().sort((a, b) => a.x0 - b.x0))
    .sort((a, b) => a[0].y - b[0].y);
  const starts = (r: Frag[]) => r.map((f) => f.x0);
  // cells that start at the same places, or are centred on the same places (a paper's authors side by
  // side, each name over its affiliation and e-mail)
  const mid = (f: Frag) => (f.x0 + f.x1) / 2;
  const aligned = (a: Frag[], b: Frag[]) =>
    a.length === b.length && Math.abs(a[0].y - b[0].y) <= 3 * bodySize && (starts(a).every((x, i) => Math.abs(x - starts(b)[i]) < 2) || a.every((f, i) => Math.abs(mid(f) - mid(b[i])) < 2));
  const out = new Set<Frag>();
  cells.forEach((r, i) => {
    if ((i > 0 && aligned(cells[i - 1], r)) || (i + 1 < cells.length && aligned(r, cells[i + 1]))) for (const f of r) out.add(f);
  });
  return out;
}

/** The left edge (the usual line start) and right edge (the usual line end) of the lines of one column. */
function setEdges(lines: Line[]): void {
  if (!lines.length) return;
  const x0 = mode(lines.map((l) => [round(l.x0, 1), l.text.length] as [number, number])) ?? lines[0].x0;
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  const x1 = ends[Math.floor((ends.length - 1) * 0.9)];
  for (const l of lines) {
    l.colX0 = Math.min(x0, l.x0);
    l.colX1 = x1;
  }
}
