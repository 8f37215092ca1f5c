// Tables: a caption line "表 1：…" followed by tab-separated rows (or, under a caption, columns
// aligned with runs of spaces); cells may hold HTML lists
// (<ol><li>…</li></ol>, or "<ol> 1. … 2. …") or numbered items. HTML never reaches the text.
import { endsSentence, type Line } from './lines.js';
import { cellsAsTable } from '../boxes.js';

export const CAPTION_RE = /^(表|Table|图表)\s*([0-9]{1,3}(?:[-.][0-9]{1,2})?)\s*[：:.．\s]\s*(.*)$/i;

export interface RawTable {
  label?: string;
  caption?: string;
  captionLine?: Line;
  rows: Line[];
  /** Line indexes the table occupies (caption and rows). */
  from: number;
  to: number;
  /** Cells apart by tabs, or (under a caption only) by runs of two or more spaces or one to a line. */
  sep: CellSeparator;
  /** With sep 'lines': the cells read as rows (the header first). */
  grid?: string[][];
}

export type CellSeparator = 'tab' | 'spaces' | 'lines';

/** A box's title over a table (专栏1　主要指标, 【专栏2】…): a caption as 表1 is. */
const BOX_CAPTION_RE = /^【?\s*(专栏)\s*([0-9一二三四五六七八九十]{1,3})\s*】?(?:[\s\u3000：:]+(.*))?$/;
/** A cell of a table laid out one cell to a line: short, no sentence end. */
const LINE_CELL_MAX = 30;
const LINE_CELL_END = /[。！？!?；;]/;

/**
 * Under a caption (表1 …, 专栏1 …), cells one to a line, as a page's text keeps a table it lost the grid of:
 * header cells, then rows numbered 1, 2, 3 … (ingest/boxes.ts cellsAsTable). What the furniture took for a
 * page number (a row's number alone on its line) or a running head (a cell repeated down a column, 约束性)
 * is a cell there — unless the cells read as a table only without it (a page break inside the table).
 * The table and the index of the line after it, or undefined.
 */
function lineCells(lines: Line[], first: number, to: number, skip: (i: number) => boolean): { grid: string[][]; rows: Line[]; end: number } | undefined {
  const run: number[] = [];
  for (let j = first; j < to; j++) {
    const t = lines[j].text.trim();
    if (!t) continue;
    if ([...t].length > LINE_CELL_MAX || LINE_CELL_END.test(t) || lines[j].raw.includes('\t')) break;
    run.push(j);
  }
  if (!run.length) return undefined;
  for (const keep of [() => true, (j: number) => !skip(j) || /^[0-9]{1,3}[.．、]?$/.test(lines[j].text.trim())]) {
    const at = run.filter(keep);
    const table = cellsAsTable(at.map((j) => lines[j].text.trim()));
    if (table) return { grid: [table.header, ...table.rows], rows: at.map((j) => lines[j]), end: run[run.length - 1] + 1 };
  }
  return undefined;
}

export function stripHtml(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:ol|ul|li|p|div|span|b|i|u|em|strong|sup|sub|table|thead|tbody|tr|td|th|a|font)\b[^>]*>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Items of a cell: <li> elements, or a numbered run "1. … 2. …" (at least two in sequence). */
export function cellItems(cell: string): string[] {
  const lis = [...cell.matchAll(/<li\b[^>]*>([\s\S]*?)(?:<\/li>|(?=<li\b)|$)/gi)].map((m) => stripHtml(m[1])).filter(Boolean);
  if (lis.length) return lis;
  const text = stripHtml(cell);
  const re = /(?:^|\s)([0-9]{1,2})[.．、)）]\s*/g;
  const marks: { at: number; end: number; n: number }[] = [];
  let want = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (Number(m[1]) !== want) continue;
    marks.push({ at: m.index, end: m.index + m[0].length, n: want });
    want++;
  }
  if (marks.length < 2) return [];
  return marks.map((mk, i) => text.slice(mk.end, i + 1 < marks.length ? marks[i + 1].at : text.length).trim()).filter(Boolean);
}

const SPACED = /\t|[ \u3000]{2,}/;

export function splitCells(raw: string, sep: CellSeparator = 'tab'): string[] {
  return (sep === 'tab' ? raw.split('\t') : raw.trim().split(SPACED)).map((c) => c.trim());
}

/** Is this raw line a table row (at least one tab between cells; or, space-aligned, two cells or more)? */
export function isRowLine(raw: string, sep: CellSeparator = 'tab'): boolean {
  if (!/\S/.test(raw)) return false;
  if (sep === 'spaces') return raw.trim().split(SPACED).length >= 2;
  const n = raw.split('\t').length;
  return n >= 3 || (n === 2 && raw.trim().includes('\t'));
}

/**
 * Find the tables: a caption line followed (after blank lines) by row lines, or a bare run of at
 * least two row lines with the same number of cells.
 */
export function findTables(lines: Line[], from: number, to: number, skip: (i: number) => boolean): RawTable[] {
  const tables: RawTable[] = [];
  const nextNonBlank = (i: number) => {
    while (i < to && (skip(i) || !lines[i].text)) i++;
    return i;
  };
  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    const l = lines[i];
    const cap = CAPTION_RE.exec(l.text) ?? BOX_CAPTION_RE.exec(l.text.trim());
    let first = i;
    let captionLine: Line | undefined;
    let sep: CellSeparator = 'tab';
    // a caption over cells one to a line (a table whose grid the text lost)
    if (cap && !l.raw.includes('\t') && l.text.length <= 80 && !endsSentence(l.text)) {
      const next = nextNonBlank(i + 1);
      const cells = next < to && !isRowLine(lines[next].raw) ? lineCells(lines, next, to, skip) : undefined;
      if (cells) {
        tables.push({ label: `${cap[1]}${/^[0-9]/.test(cap[2]) && cap[1] !== '专栏' ? ' ' : ''}${cap[2]}`, caption: cap[3]?.trim() || undefined, captionLine: l, rows: cells.rows, from: i, to: cells.end, sep: 'lines', grid: cells.grid });
        i = cells.end - 1;
        continue;
      }
    }
    if (BOX_CAPTION_RE.test(l.text.trim()) && !CAPTION_RE.test(l.text)) continue;
    // a caption names the table; "表1显示，…。" is a sentence about it
    if (cap && !l.raw.includes('\t') && l.text.length <= 80 && !endsSentence(l.text)) {
      first = nextNonBlank(i + 1);
      if (first >= to) continue;
      // under a caption, columns aligned with spaces count too: the header and the next row both split
      if (!isRowLine(lines[first].raw)) {
        const second = nextNonBlank(first + 1);
        if (!(isRowLine(lines[first].raw, 'spaces') && second < to && isRowLine(lines[second].raw, 'spaces'))) continue;
        sep = 'spaces';
      }
      captionLine = l;
    } else if (!isRowLine(l.raw)) continue;
    const rows: Line[] = [];
    let j = first;
    while (j < to) {
      if (skip(j) || !lines[j].text) {
        const k = nextNonBlank(j);
        // rows go on after a blank line or two, or after a page break (page number, running head)
        let blanks = 0;
        for (let b = j; b < k; b++) if (!skip(b) && !lines[b].text) blanks++;
        if (k < to && isRowLine(lines[k].raw, sep) && blanks <= 2) {
          j = k;
          continue;
        }
        break;
      }
      if (!isRowLine(lines[j].raw, sep)) break;
      rows.push(lines[j]);
      j++;
    }
    if (!captionLine && rows.length < 2) continue;
    tables.push({
      label: cap && captionLine ? `${cap[1]} ${cap[2]}` : undefined,
      caption: cap && captionLine ? cap[3].trim() || undefined : undefined,
      captionLine,
      rows,
      from: i,
      to: rows.length ? rows[rows.length - 1].idx + 1 : first,
      sep,
    });
    i = j - 1;
  }
  return tables;
}
