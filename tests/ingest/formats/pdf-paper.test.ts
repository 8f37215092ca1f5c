// source.pdf: a paper's first page as journals and proceedings set it — the title, a line of authors
// with raised marks, the affiliations the marks point to, an abstract across the page, then the body in
// two columns — and fake bold (glyphs drawn again a fraction of a point to the right, the copies cut
// into runs differently). The PDFs are made here with pdfmake (pdf-fixtures.ts).
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveContext } from '../../../pipeline/context.js';
import { loadSourceDoc } from '../../../pipeline/build/load-source.js';
import { pdfToText } from '../../../pipeline/ingest/formats/pdf.js';
import { repo } from '../../e2e/helpers.js';
import { drawnPdf, makePdf, PARA_A, PARA_B, PARA_C, PARA_D } from './pdf-fixtures.js';

const blocks = (text: string) => text.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);

function project(slug: string, pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-pdf-paper-'));
  for (const d of ['glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  mkdirSync(path.join(dir, 'sources', slug), { recursive: true });
  writeFileSync(path.join(dir, 'sources', slug, 'source.pdf'), pdf);
  return dir;
}

const sup = (text: string) => ({ text, sup: true });
const column = (t: string) => ({ text: t, leadingIndent: 18, fontSize: 9, lineHeight: 1.3, margin: [0, 0, 0, 4] });

/** A paper's first page: title, authors (one with two affiliations, one named on both lines), affiliations, abstract, two columns. */
async function paperPdf(): Promise<Buffer> {
  return makePdf({
    content: [
      { text: '区域数字经济协调发展的测度与路径', fontSize: 20, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: ['张伟', sup('1'), '，李娜', sup('1,2'), '，王强', sup('2'), '，'], alignment: 'center' },
      { text: ['赵敏', sup('2'), '，李娜', sup('1,2')], alignment: 'center' },
      { text: [sup('1'), '北京大学'], alignment: 'center', fontSize: 9 },
      { text: [sup('2'), '清华大学'], alignment: 'center', fontSize: 9, margin: [0, 0, 0, 10] },
      { text: ['摘要：', PARA_A], fontSize: 9, margin: [20, 0, 20, 12] },
      {
        columnGap: 20,
        columns: [
          { stack: [{ text: '1　引言', fontSize: 11, bold: true, margin: [0, 0, 0, 4] }, column(PARA_B), column(PARA_C)] },
          { stack: [column(PARA_D), { text: '2　方法', fontSize: 11, bold: true, margin: [0, 0, 0, 4] }, column(PARA_A)] },
        ],
      },
    ],
  });
}

describe('a paper’s first page', () => {
  it('gives the authors once each, without their marks, and the affiliations as institutions, not authors', async () => {
    const pdf = await paperPdf();
    const { text } = await pdfToText(pdf, 'paper.pdf');
    expect(text).not.toMatch(/[¹²]北京大学|李娜.*李娜/s);
    const { doc } = await loadSourceDoc(resolveContext({}, project('paper', pdf)), 'paper');
    expect(doc.meta.authors.map((a) => a.name)).toEqual(['张伟', '李娜', '王强', '赵敏']);
    expect(doc.meta.institution).toBe('北京大学');
    expect(doc.meta.title).toBe('区域数字经济协调发展的测度与路径');
  }, 30_000);

  it('reads an abstract across both columns as one paragraph, though its last line stops left of the gutter', async () => {
    const { text } = await pdfToText(await paperPdf(), 'paper.pdf');
    const bs = blocks(text);
    expect(bs).toContain(`摘要：${PARA_A}`);
    // then the columns, left before right
    const order = [`摘要：${PARA_A}`, '1 引言', PARA_B, PARA_C, PARA_D, '2 方法', PARA_A].map((t) => bs.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }, 30_000);
});

describe('a page in two columns', () => {
  it('reads a table across both columns row by row, between the columns above and below it, its caption after it', async () => {
    const rows = [
      ['地区', '算力规模', '年增速'],
      ['东部', '120', '12%'],
      ['西部', '80', '25%'],
    ];
    const pdf = await makePdf({
      content: [
        { columnGap: 20, columns: [{ stack: [column(PARA_B), column(PARA_C)] }, { stack: [column(PARA_D), column(PARA_A)] }] },
        { table: { widths: ['*', '*', '*'], body: rows.map((r) => [...r]) }, fontSize: 9, margin: [0, 8, 0, 4] },
        { text: '表1 东西部算力对比', fontSize: 8, alignment: 'center', margin: [0, 0, 0, 8] },
        { columnGap: 20, columns: [{ stack: [column(PARA_C)] }, { stack: [column(PARA_D)] }] },
      ],
    });
    const { text } = await pdfToText(pdf, 'table.pdf');
    const lines = text.split('\n');
    for (const r of rows) expect(lines).toContain(r.join('\t'));
    const at = (t: string, from = 0) => lines.indexOf(t, from);
    const table = at(rows[0].join('\t'));
    // above the table: the left column, then the right; the caption after the table; then the columns below
    expect(at(PARA_B)).toBeLessThan(at(PARA_D));
    expect(at(PARA_A)).toBeLessThan(table);
    expect(at('表1 东西部算力对比')).toBeGreaterThan(at(rows[2].join('\t')));
    expect(at(PARA_C, table)).toBeGreaterThan(at('表1 东西部算力对比'));
    expect(at(PARA_D, table)).toBeGreaterThan(at(PARA_C, table));
  }, 30_000);
});

describe('fake bold', () => {
  it('drops copies of glyphs drawn again slightly to the right, however the copies are cut into runs', async () => {
    // 王莹莹，孔存良 drawn three times as a TeX bold does, the copies 0.36 and 0.18 pt to the right and
    // cut into other runs than the first drawing (莹 莹莹 莹: the middle run spans both characters)
    const pdf = await drawnPdf([
      ['王', 100, 100],
      ['莹', 112, 100],
      ['莹莹', 112.36, 100],
      ['莹', 124.18, 100],
      ['，孔', 136, 100],
      ['孔存', 148.36, 100],
      ['存', 160.18, 100],
      ['良', 172, 100],
      [PARA_A.slice(0, 40), 60, 140],
    ]);
    const { text } = await pdfToText(pdf, 'bold.pdf');
    expect(text).toContain('王莹莹，孔存良');
    expect(text).not.toMatch(/莹莹莹|孔孔|存存/);
    expect(text).toContain(PARA_A.slice(0, 40));
  }, 30_000);
});
