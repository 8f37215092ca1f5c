// source.pdf in two columns as a typeset paper has them: layouts the corpus's translated specification
// (two columns, display formulas, description lists, subscripts, run-in headings, the title repeated in
// the running head) showed the reader getting wrong. The PDFs are made here with pdfmake (pdf-fixtures.ts),
// every line placed where a typesetter puts it.
import { describe, it, expect } from 'vitest';
import { pdfToText } from '../../../pipeline/ingest/formats/pdf.js';
import { makePdf, PARA_A, PARA_B, PARA_C, PARA_D } from './pdf-fixtures.js';

/** The paragraphs (blocks between blank lines) of the reader's text. */
const blocks = (text: string) => text.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);

const size = 9;
const lead = 11;
/** Two columns of an A4 page: 231 pt wide, 18 pt apart, on one grid of baselines. */
const COL = [57, 306];
const WIDTH = 231;
/** Characters of 9 pt full-width type in a column's line. */
const PER_LINE = Math.floor(WIDTH / size);
const at = (text: string | Record<string, unknown>[], x: number, y: number, extra: Record<string, unknown> = {}) => ({
  text,
  fontSize: size,
  absolutePosition: { x, y },
  ...extra,
});
/** A paragraph set in a column from line `row` on: its first line indented two ems. */
function paragraph(t: string, col: number, row: number): { items: Record<string, unknown>[]; rows: number } {
  const lines: string[] = [t.slice(0, PER_LINE - 2)];
  for (let i = PER_LINE - 2; i < t.length; i += PER_LINE) lines.push(t.slice(i, i + PER_LINE));
  return { items: lines.map((l, i) => at(l, COL[col] + (i ? 0 : 2 * size), 80 + (row + i) * lead)), rows: lines.length };
}

describe('two columns', () => {
  it('a column of display formulas (a number, then terms apart) beside a column of text is read down, not row by row with it', async () => {
    const items: Record<string, unknown>[] = [];
    // left: a paragraph, then formulas on their own rows, each in short pieces, the number at the column's edge
    const left = paragraph(PARA_A, 0, 0);
    items.push(...left.items);
    for (let k = 0; k < 9; k++) {
      const y = 80 + (left.rows + 1 + k * 2) * lead;
      items.push(at(`(${k + 1})`, COL[0], y), at(`H${k}`, COL[0] + 60, y), at('≡', COL[0] + 90, y), at(`P(H)${k}`, COL[0] + 115, y));
    }
    // right: paragraphs on the same grid of baselines
    const r1 = paragraph(PARA_B, 1, 0);
    const r2 = paragraph(PARA_C, 1, r1.rows + 1);
    items.push(...r1.items, ...r2.items);
    const { text } = await pdfToText(await makePdf({ content: items }), 'formulas.pdf');
    const bs = blocks(text);
    for (const p of [PARA_A, PARA_B, PARA_C]) expect(bs).toContain(p);
    expect(text.indexOf(PARA_A)).toBeLessThan(text.indexOf(PARA_B));
  }, 30_000);
});

describe('the title', () => {
  it('in body type on the first page, repeated by the running head of the later pages, is the title — not a longer version line beside it in the head', async () => {
    const title = '区域数字经济协调发展的通用评测框架';
    const version = 'BERLIN 版本 f72032b - 2022-06-05 修订稿';
    const pdf = await makePdf({
      defaultStyle: { font: 'SC', fontSize: 11, lineHeight: 1.5 },
      header: (page: number) =>
        page > 1 ? { margin: [60, 30, 60, 0], columns: [{ text: title, fontSize: 7 }, { text: version, fontSize: 7, alignment: 'right' }] } : null,
      content: [
        { text: title, alignment: 'center', margin: [0, 40, 0, 4] },
        { text: version, alignment: 'center', fontSize: 10, margin: [0, 0, 0, 20] },
        ...[PARA_A, PARA_B, PARA_C, PARA_D, PARA_A, PARA_B, PARA_C, PARA_D, PARA_A, PARA_B, PARA_C, PARA_D].map((t) => ({ text: t, leadingIndent: 22, margin: [0, 0, 0, 60] })),
      ],
    });
    const r = await pdfToText(pdf, 'title.pdf');
    expect(r.title).toBe(title);
    const bs = blocks(r.text);
    expect(bs[0]).toBe(title);
    // once: the first page's line is the title, not a paragraph after it
    expect(bs.filter((b) => b === title)).toHaveLength(1);
    expect(bs).toContain(version);
  }, 30_000);
});

describe('description lists', () => {
  it('an entry (a term and its text) whose next lines hang under its first is one paragraph, in a column and into the next; short centred lines stay apart', async () => {
    // entries as a paper sets them: the term two ems in from the column's edge, the next lines 1.3 ems
    // further in, each line full until the entry's last
    const entries = [`随机数：${PARA_A}`, `账户余额：${PARA_B}`, `燃料上限：${PARA_C}`];
    const items: Record<string, unknown>[] = [];
    const first = 2 * size;
    const hang = first + 1.3 * size;
    const perFirst = Math.floor((WIDTH - first) / size);
    const perNext = Math.floor((WIDTH - hang) / size);
    let col = 0;
    let row = 18;
    for (const e of entries) {
      const lines = [e.slice(0, perFirst)];
      for (let i = perFirst; i < e.length; i += perNext) lines.push(e.slice(i, i + perNext));
      lines.forEach((l, i) => {
        // the page's column is 30 rows long: the last entry runs on into the right column
        if (row === 30) [col, row] = [1, 0];
        items.push(at(l, COL[col] + (i ? hang : first), 80 + row * lead));
        row++;
      });
    }
    // a block of short lines centred under one another (affiliations under a title)
    const centred = ['北京语言大学信息科学学院', '清华大学', '东北大学计算机学院'];
    centred.forEach((t, i) => items.push(at(t, COL[1] + (WIDTH - t.length * size) / 2, 80 + (row + 3 + i) * lead)));
    // a paragraph above the list, in the left column
    items.push(...paragraph(PARA_D, 0, 0).items);
    const { text } = await pdfToText(await makePdf({ content: items }), 'entries.pdf');
    const bs = blocks(text);
    for (const e of entries) expect(bs).toContain(e);
    for (const t of centred) expect(bs).toContain(t);
  }, 30_000);
});
