// Two columns of running text over a figure whose labels sit in and across the gutter (a report's
// preface above a chart of its chapters): no gutter runs down the whole page, and the columns' lines
// meet on the same baselines as a table's rows do. They are two paragraph flows, read one column after
// the other; a table of short cells on such a page stays a table. The PDFs are made here with pdfmake.
import { describe, it, expect } from 'vitest';
import { pdfToText } from '../../../pipeline/ingest/formats/pdf.js';
import { makePdf, PARA_A, PARA_B, PARA_C, PARA_D } from './pdf-fixtures.js';

const blocks = (text: string) => text.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);
const para = (t: string) => ({ text: t, leadingIndent: 18, fontSize: 9, lineHeight: 1.8, margin: [0, 0, 0, 9] });

/** A chart under the columns: labels in a staircase, each with a few small lines under it; the third starts in the gutter. */
const chart = (top: number) =>
  [
    [40, '［第一章］', '梳理相关法律的发展历程。'],
    [165, '［第二章］', '评估数据开放的政策现状。'],
    [286, '［第三章］', '分析公众参与的典型案例。'],
    [410, '［第四章］', '探讨公私协作的新型关系。'],
  ].flatMap(([x, label, text], k) => [
    { text: label as string, fontSize: 12, absolutePosition: { x: x as number, y: top + 30 * k } },
    { text: text as string, fontSize: 8.5, absolutePosition: { x: (x as number) + 8, y: top + 30 * k + 17 }, width: 94 },
  ]);

describe('two columns of prose without a gutter down the page', () => {
  it('reads each column as paragraphs, the left before the right, and the chart under them apart', async () => {
    const pdf = await makePdf({
      content: [
        { columnGap: 30, columns: [{ stack: [para(PARA_B), para(PARA_C)] }, { stack: [para(PARA_D), para(PARA_A)] }] },
        ...chart(560),
      ],
    });
    const { text } = await pdfToText(pdf, 'prose-columns.pdf');
    const bs = blocks(text);
    // no line of the columns is read as a row of a table
    expect(text).not.toMatch(/[，。、\p{Script=Han}]\t[\p{Script=Han}，]/u);
    const order = [PARA_B, PARA_C, PARA_D, PARA_A].map((p) => bs.findIndex((b) => b.includes(p)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // the chart's labels are not run into the columns' paragraphs
    for (const p of [PARA_B, PARA_C, PARA_D, PARA_A]) expect(bs.find((b) => b.includes(p))).not.toMatch(/［第/);
  }, 30_000);

  it('reads the columns so when one of them ends in a list of short items', async () => {
    const items = ['1. 政策过程处于哪个阶段，谁发起？', '2. 包含哪些流程，各由谁负责？', '3. 有哪些参与者，是否开放？', '4. 参与的结果是否被采纳？'];
    const list = items.map((t) => ({ text: t, fontSize: 9, lineHeight: 1.8 }));
    const lead = '为便于比较，本章对每个案例回答以下三个问题，并据此评估各个案例的参与质量与影响：';
    const pdf = await makePdf({
      content: [
        // one line grid on both sides, as a typeset page has
        { columnGap: 30, columns: [{ ...para(PARA_B + PARA_C), margin: 0 }, { stack: [{ ...para(lead), margin: 0 }, ...list] }] },
        ...chart(560),
      ],
    });
    const { text } = await pdfToText(pdf, 'list-column.pdf');
    const bs = blocks(text);
    expect(text).not.toMatch(/[，。、\p{Script=Han}]\t[\p{Script=Han}，0-9]/u);
    const order = [PARA_B, PARA_C, lead, items[0], items[2]].map((p) => bs.findIndex((b) => b.includes(p)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }, 30_000);

  it('keeps a table of short cells above such a chart a table, read row by row', async () => {
    // two columns, as the prose is, of short cells: rows across the page, not two paragraph flows
    const rows = [
      ['东部地区', '120 万标准机架，年增 12%'],
      ['中部地区', '95 万标准机架，年增 18%'],
      ['西部地区', '80 万标准机架，年增 25%'],
      ['东北地区', '30 万标准机架，年增 6%'],
      ['全国合计', '325 万标准机架'],
    ];
    const pdf = await makePdf({
      content: [{ table: { widths: [220, 220], body: rows.map((r) => [...r]) }, layout: 'noBorders', fontSize: 9 }, ...chart(560)],
    });
    const { text } = await pdfToText(pdf, 'short-table.pdf');
    for (const r of rows) expect(text).toContain(r.join('\t'));
  }, 30_000);
});

describe('a chapter’s byline', () => {
  it('is not a heading: a name with its role or institution, on one line or on two, under the chapter’s title', async () => {
    const head = (t: string) => ({ text: t, fontSize: 16, bold: true, margin: [0, 12, 0, 6] });
    const byline = (t: string) => ({ text: t, fontSize: 13, margin: [0, 0, 0, 2] });
    const pdf = await makePdf({
      content: [
        head('第一章　数据开放的制度基础'),
        byline('王小明 / 某某大学公共政策研究员'),
        { text: PARA_A, margin: [0, 6, 0, 6] },
        head('第二章　公众参与的实践'),
        byline('李华'),
        byline('某某文化基金会研究专员'),
        { text: PARA_B, margin: [0, 6, 0, 6] },
        head('结论'),
        byline('总结'),
        { text: PARA_C, margin: [0, 6, 0, 6] },
      ],
    });
    const r = await pdfToText(pdf, 'bylines.pdf');
    const lines = r.text.split('\n');
    const headings = r.headingLines.map((i) => lines[i]);
    expect(headings).toEqual(expect.arrayContaining(['第一章 数据开放的制度基础', '第二章 公众参与的实践', '结论', '总结']));
    expect(headings.join('|')).not.toMatch(/王小明|李华|研究员|研究专员/);
    // each byline is its own block: no body text runs on from it
    const bs = blocks(r.text);
    expect(bs).toContain('王小明 / 某某大学公共政策研究员');
    expect(bs).toContain(PARA_A);
    expect(bs).toContain(PARA_B);
  }, 30_000);
});
