// Boxes set apart from a plan's text (专栏1　“十四五”时期主要指标, 【专栏2】重大工程): the box's title and what
// it holds — a list of projects, or a table of indicators — are illustration beside the text, not its
// sentences. Whatever the format, a box's title stands as a paragraph of its own and its contents follow
// it: lists, or short cells one to a paragraph (a table the page's text kept one cell to a line, as a
// scraped web page or a PDF's text does). The box ends at the first paragraph of prose or at the
// section's end. Its blocks are marked with the box's title (model.ts `box`); cells that read as a table
// (header cells, then rows numbered 1, 2, 3 …, each as wide as the header) become that table.
import type { Block, Section, SourceDoc, Table } from '../model.js';

/** A box's title: 专栏1 …, 专栏 2：…, 【专栏3】… (a number, then its caption). */
const BOX_TITLE = /^(?:【\s*专栏\s*[0-9一二三四五六七八九十]{1,3}\s*】|专栏\s*[0-9一二三四五六七八九十]{1,3}(?:[\s\u3000：:]|$))/;
const TITLE_MAX = 40;
/** A cell of a table laid out one cell to a line: short, no sentence end. */
const CELL_MAX = 30;
const SENTENCE_END = /[。！？!?；;]/;

export function isBoxTitle(text: string): boolean {
  const t = text.trim();
  return BOX_TITLE.test(t) && [...t].length <= TITLE_MAX && !SENTENCE_END.test(t);
}

function paragraphText(b: Block): string | undefined {
  if (b.type !== 'paragraph') return undefined;
  return b.segments.map((s) => s.text).join('');
}

function isCell(b: Block): boolean {
  if (b.type !== 'paragraph' || !b.segments.length) return false;
  return b.segments.every((s) => {
    const t = s.text.trim();
    return t.length > 0 && [...t].length <= CELL_MAX && !SENTENCE_END.test(t);
  });
}

const squash = (t: string) => t.replace(/[\s\u3000]+/g, '');

/**
 * Cells in reading order as a table: header cells up to the first row number "1", then rows as wide as the
 * header, each opening with the next number. Undefined when they do not read so.
 */
export function cellsAsTable(cells: readonly string[]): { header: string[]; rows: string[][] } | undefined {
  const first = cells.findIndex((c) => /^1[.．、]?$/.test(squash(c)));
  if (first < 2) return undefined;
  const width = first;
  const body = cells.slice(first);
  if (body.length < width || body.length % width) return undefined;
  const rows: string[][] = [];
  for (let i = 0; i < body.length; i += width) {
    const row = body.slice(i, i + width).map(squash);
    if (row[0].replace(/[.．、]$/, '') !== String(rows.length + 1)) return undefined;
    rows.push(row);
  }
  return { header: cells.slice(0, first).map(squash), rows };
}

function markSection(section: Section, tables: Table[]): void {
  const out: Block[] = [];
  const blocks = section.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const title = paragraphText(b);
    if (title === undefined || b.type !== 'paragraph' || !isBoxTitle(title)) {
      out.push(b);
      continue;
    }
    const name = title.trim();
    out.push({ ...b, box: name });
    let j = i + 1;
    while (j < blocks.length) {
      const c = blocks[j];
      if (c.type === 'list') {
        out.push({ ...c, box: name });
        j++;
        continue;
      }
      if (!isCell(c)) break;
      // a run of cells: a table when it reads as one, else each cell stays a (box) paragraph
      let k = j;
      while (k < blocks.length && isCell(blocks[k])) k++;
      const run = blocks.slice(j, k);
      const texts = run.flatMap((r) => (r.type === 'paragraph' ? r.segments.map((s) => s.text) : []));
      const table = cellsAsTable(texts);
      if (table && run.every((r) => r.type === 'paragraph' && r.segments.length === 1)) {
        const id = `t${tables.length + 1}`;
        const label = /^【?\s*(专栏\s*[0-9一二三四五六七八九十]{1,3})/.exec(name)?.[1];
        const caption = name.replace(/^【?\s*专栏\s*[0-9一二三四五六七八九十]{1,3}\s*】?[\s\u3000：:]*/, '');
        const at = run[0].type === 'paragraph' ? run[0].segments[0].place : section.place;
        tables.push({
          id,
          ...(label ? { label: squash(label) } : {}),
          ...(caption ? { caption } : {}),
          header: table.header,
          rows: table.rows.map((r) => ({ label: r[0], cells: r.slice(1).map((text) => ({ text, items: [] })) })),
          place: at,
        });
        out.push({ type: 'table', ref: id });
      } else for (const r of run) out.push(r.type === 'paragraph' ? { ...r, box: name } : r);
      j = k;
    }
    i = j - 1;
  }
  section.blocks = out;
  for (const c of section.children) markSection(c, tables);
}

/** The document with its boxes marked (and their tables read as tables); a document without one is returned as it is. */
export function markBoxes(doc: SourceDoc): SourceDoc {
  const has = (s: Section): boolean => s.blocks.some((b) => { const t = paragraphText(b); return t !== undefined && isBoxTitle(t); }) || s.children.some(has);
  if (!doc.sections.some(has)) return doc;
  const tables = [...doc.tables];
  const sections = structuredClone(doc.sections);
  for (const s of sections) markSection(s, tables);
  return { ...doc, sections, tables };
}
