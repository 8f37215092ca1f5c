// source.pdf: layouts the corpus's white paper, paper and printed web page showed the reader getting
// wrong — a cover title over two lines, a title with a colon, text beside a box, numbered lists, a
// figure reference wrapped to the line start. The PDFs are made here with pdfmake (pdf-fixtures.ts).
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveContext } from '../../../pipeline/context.js';
import { loadSourceDoc } from '../../../pipeline/build/load-source.js';
import { pdfToText } from '../../../pipeline/ingest/formats/pdf.js';
import { repo } from '../../e2e/helpers.js';
import { makePdf, PARA_A, PARA_B, PARA_C, PARA_D } from './pdf-fixtures.js';

/** The paragraphs (blocks between blank lines) of the reader's text. */
const blocks = (text: string) => text.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);

function project(sources: Record<string, Record<string, string | Uint8Array>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-pdf-cases-'));
  for (const d of ['glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  for (const [slug, files] of Object.entries(sources)) {
    mkdirSync(path.join(dir, 'sources', slug), { recursive: true });
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, 'sources', slug, name), data);
  }
  return dir;
}

const body = [PARA_A, PARA_B, PARA_C].map((t) => ({ text: t, leadingIndent: 22, margin: [0, 0, 0, 6] }));

describe('the cover title', () => {
  it('is every line of the largest type, though a word in another face makes one line a point larger', async () => {
    const pdf = await makePdf({
      content: [
        { text: '知识联邦数据安全', fontSize: 30, alignment: 'center' },
        { text: ['交换', { text: '(FLEX)', fontSize: 31 }, '白皮书'], fontSize: 30, alignment: 'center', margin: [0, 0, 0, 40] },
        ...body,
      ],
    });
    const r = await pdfToText(pdf, 'cover.pdf');
    expect(r.title).toBe('知识联邦数据安全交换(FLEX)白皮书');
    expect(r.text.split('\n')[0]).toBe(r.title);
    expect(r.text).not.toMatch(/\n知识联邦数据安全\n/);
  }, 30_000);

  it('is the whole line with its colon, not the part before the colon', async () => {
    const pdf = await makePdf({ content: [{ text: 'CLTC 2024：区域数字经济协调发展评测', fontSize: 22, bold: true, alignment: 'center', margin: [0, 0, 0, 30] }, ...body] });
    const dir = project({ colon: { 'source.pdf': pdf } });
    const { doc } = await loadSourceDoc(resolveContext({}, dir), 'colon');
    expect(doc.meta.title).toBe('CLTC 2024：区域数字经济协调发展评测');
    expect(doc.meta.subtitle).toBeUndefined();
    expect(doc.titleSegments.map((s) => s.text)).toEqual(['CLTC 2024：区域数字经济协调发展评测']);
  }, 30_000);

  it('comes from meta.yaml when it gives one, and the read summary says so instead of asking for it', async () => {
    const pdf = await makePdf({ content: body });
    const dir = project({ given: { 'source.pdf': pdf, 'meta.yaml': 'title: 区域数字经济报告\n' }, untitled: { 'source.pdf': pdf } });
    const ctx = resolveContext({}, dir);
    const given = await loadSourceDoc(ctx, 'given');
    const read = (ds: { ruleId?: string | null; reason: string }[]) => ds.find((d) => d.ruleId === 'read')!.reason;
    expect(given.doc.meta.title).toBe('区域数字经济报告');
    expect(read(given.diagnostics)).toContain('title from meta.yaml');
    expect(read(given.diagnostics)).not.toContain('no title found');
    const untitled = await loadSourceDoc(ctx, 'untitled');
    expect(read(untitled.diagnostics)).toContain('no title found (give one in meta.yaml)');
  }, 30_000);
});

describe('the cover\'s numbers', () => {
  it('a bill\'s general number (院总第N号, a word\'s last character glued to 总第) is no issue of a periodical; a series\' issue is', async () => {
    const cover = (line: string) =>
      makePdf({ content: [{ text: line, margin: [0, 0, 0, 20] }, { text: '区域数字经济协调发展报告', fontSize: 24, alignment: 'center', margin: [0, 0, 0, 40] }, ...body] });
    const dir = project({ bill: { 'source.pdf': await cover('院总第 1121 号　　委员提案第 13877 号') }, brief: { 'source.pdf': await cover('政策简报　总第 45 期') } });
    const ctx = resolveContext({}, dir);
    const bill = (await loadSourceDoc(ctx, 'bill')).doc.meta;
    expect(bill.issue).toBeUndefined();
    expect(bill.series).toBeUndefined();
    const brief = (await loadSourceDoc(ctx, 'brief')).doc.meta;
    expect(brief).toMatchObject({ series: '政策简报', issue: '45' });
  }, 30_000);
});

describe('running heads', () => {
  it('a stamp on the row of the running head (更正本 beside it on one page) goes with the head', async () => {
    const head = { text: '区域发展研究院　政策研究报告', fontSize: 8, alignment: 'right' };
    const pdf = await makePdf({
      header: (page: number) => ({ margin: [60, 30, 60, 0], columns: page === 2 ? [{ text: '更正本', fontSize: 14, width: 80 }, head] : [{ text: '', width: 80 }, head] }),
      content: [...body, { text: '', pageBreak: 'after' }, ...body, { text: '', pageBreak: 'after' }, ...body],
    });
    const r = await pdfToText(pdf, 'stamp.pdf');
    expect(r.text).not.toMatch(/更\s*正\s*本/);
    // the head is furniture on every page (a running head that names the document may stand as its title)
    expect(r.text.split('\n').slice(1).join('\n')).not.toContain('政策研究报告');
    for (const p of [PARA_A, PARA_B, PARA_C]) expect(blocks(r.text)).toContain(p);
  }, 30_000);
});

describe('paragraphs', () => {
  it('beside boxes: lines that stop where the lines around them stop go on, though the column is wider elsewhere', async () => {
    // two boxes on the right, their text at one x: the second box's frame (its margin) is wider, so the
    // text beside it is narrower than the text beside the first
    const box = (margin: number) => ({ fontSize: 9, margin: [margin, 0, 0, 0], text: '各地常用名称\n中国大陆　人工智能\n台湾　人工智慧\n港澳　人工智能' });
    const wide = PARA_A + PARA_D;
    const narrow = PARA_B + PARA_C;
    const pdf = await makePdf({
      content: [
        { columnGap: 30, columns: [{ width: '*', text: wide, leadingIndent: 22 }, { width: 100, ...box(0) }], margin: [0, 0, 0, 6] },
        { columnGap: 30, columns: [{ width: '*', text: narrow, leadingIndent: 22 }, { width: 160, ...box(60) }], margin: [0, 0, 0, 6] },
        { text: PARA_D, leadingIndent: 22 },
      ],
    });
    const { text } = await pdfToText(pdf, 'box.pdf');
    expect(blocks(text)).toContain(wide);
    expect(blocks(text)).toContain(narrow);
    expect(blocks(text)).toContain(PARA_D);
  }, 30_000);

  it('numbered items each start one, and an item’s lines under its text (a hanging indent) stay in it', async () => {
    const items = ['甲方：提出查询请求的一方', '乙方：提供查询服务的一方', '丙方：协调计算的第三方', '丁方：提供标签数据的一方', '戊方：接收计算结果的一方'];
    const pdf = await makePdf({
      content: [
        ...body,
        { text: '', pageBreak: 'after' },
        // a page of short items only: none is short against the others
        ...items.map((t, i) => ({ text: `${i + 1}. ${t}` })),
        { text: '', pageBreak: 'after' },
        { ol: [PARA_A, PARA_B] },
      ],
    });
    const { text } = await pdfToText(pdf, 'list.pdf');
    const bs = blocks(text);
    items.forEach((t, i) => expect(bs).toContain(`${i + 1}. ${t}`));
    expect(bs).toContain(`1. ${PARA_A}`);
    expect(bs).toContain(`2. ${PARA_B}`);
  }, 30_000);

  it('an article number, a gap and its text, the next lines hanging under them: one paragraph, not a table row', async () => {
    // a bill's article as set in a column of a comparison table: 第十二条, an em apart its text, the next
    // lines one em right of the number; the second paragraph indented two ems
    const size = 11;
    const at = (text: string, x: number, y: number) => ({ text, fontSize: size, absolutePosition: { x, y } });
    const chunks = (t: string, n: number) => Array.from({ length: Math.ceil(t.length / n) }, (_, i) => t.slice(i * n, i * n + n));
    const label = '第十二条';
    const first = '用人单位应当按照';
    const rest = '本条例的规定，为劳动者缴纳社会保险费，并按月足额支付工资，不得克扣或者无故拖欠劳动者的工资。';
    const second = '用人单位拖欠工资的，劳动行政部门应当责令其限期支付，逾期不支付的，按应付金额加付赔偿金。';
    const x0 = 70;
    const textX = x0 + (label.length + 1.2) * size;
    const lines = [at(label, x0, 100), at(first, textX, 100), ...chunks(rest, 12).map((t, i) => at(t, x0 + size, 100 + (i + 1) * 16))];
    const y2 = 100 + (chunks(rest, 12).length + 1) * 16;
    lines.push(at(second.slice(0, 10), x0 + 3 * size, y2), ...chunks(second.slice(10), 12).map((t, i) => at(t, x0 + size, y2 + (i + 1) * 16)));
    // a table whose first column holds numbers: the next row starts under the number, not under its text
    const rows = [['第一条', '总则'], ['第二条', '适用范围'], ['第三条', '用语定义']];
    rows.forEach(([n, t], i) => lines.push(at(n, x0, 500 + i * 16), at(t, x0 + 5 * size, 500 + i * 16)));
    const pdf = await makePdf({ content: lines });
    const { text } = await pdfToText(pdf, 'article.pdf');
    const bs = blocks(text);
    expect(bs).toContain(`${label} ${first}${rest}`);
    expect(bs).toContain(second);
    // no paragraph starts with the words of a line above it that left its sentence open
    expect(bs.some((b) => b.startsWith(rest.slice(0, 6)))).toBe(false);
    expect(bs).toContain(rows.map((r) => r.join('\t')).join('\n'));
  }, 30_000);

  it('a column head spread over its column (distributed, three ems apart) is one word on its own, not cells nor the start of the text below', async () => {
    const size = 11;
    const at = (text: string, x: number, y: number) => ({ text, fontSize: size, absolutePosition: { x, y } });
    const head = '修正条文';
    const chunks = PARA_B.match(/.{1,13}/gu)!;
    const lines = [...[...head].map((c, i) => at(c, 70 + i * 4 * size, 100)), ...chunks.map((t, i) => at(t, 70, 120 + i * 16))];
    // two characters, at the column's start and at its end
    const y = 140 + chunks.length * 16;
    lines.push(at('说', 70, y), at('明', 70 + 12 * size, y), ...PARA_C.match(/.{1,13}/gu)!.map((t, i) => at(t, 70, y + 20 + i * 16)));
    // two single characters apart are cells of a row
    lines.push(at('是', 70, 500), at('否', 70 + 4 * size, 500), at('是', 70, 516), at('否', 70 + 4 * size, 516));
    const pdf = await makePdf({ content: lines });
    const { text } = await pdfToText(pdf, 'head.pdf');
    const bs = blocks(text);
    expect(bs).toContain(head);
    expect(bs).toContain(PARA_B);
    expect(bs).toContain('说明');
    expect(bs).toContain(PARA_C);
    expect(bs).toContain('是\t否\n是\t否');
  }, 30_000);

  it('three columns of text (a comparison table: amended | current | explanation), the last two 1.3 ems apart: each read down, not row by row', async () => {
    const size = 11;
    const at = (text: string, x: number, y: number) => ({ text, fontSize: size, absolutePosition: { x, y } });
    const column = (t: string, x: number) => t.match(/.{1,13}/gu)!.map((c, i) => at(c, x, 100 + i * 16));
    const w = 13 * size;
    const b = PARA_D.slice(0, 100);
    const pdf = await makePdf({ content: [...column(PARA_A, 60), ...column(b, 60 + w + 14), ...column(PARA_C.slice(0, 70), 60 + 2 * w + 14 + 1.3 * size)] });
    const { text } = await pdfToText(pdf, 'three.pdf');
    const bs = blocks(text);
    expect(bs).toContain(PARA_A);
    expect(bs).toContain(b);
    expect(bs).toContain(PARA_C.slice(0, 70));
  }, 30_000);

  it('a passage set double-spaced goes on across its wider line spacing; entries spaced apart stay apart', async () => {
    // an official document's explanation (說明) in wider spacing than its body: every line is as far from
    // the next as paragraphs are apart elsewhere
    const wide = (t: string) => ({ text: t, lineHeight: 2.6 });
    // entries of a list a little apart, their lines full (43 full-width characters fill a line at 11 pt):
    // two lines each, the gap between entries wider than within one; one line each, ending in a full stop
    const han = (PARA_A + PARA_B + PARA_C + PARA_D).replace(/[^\p{Script=Han}]/gu, '');
    const twoLines = [0, 1, 2].map((i) => han.slice(i * 86, i * 86 + 86));
    const oneLine = [0, 1, 2].map((i) => `${han.slice(i * 42, i * 42 + 42)}.`);
    const pdf = await makePdf({
      content: [
        ...body,
        { text: '说明：', lineHeight: 2.6 },
        wide(`一、${PARA_A}`),
        wide(`二、${PARA_B}`),
        { text: '', pageBreak: 'after' },
        ...body,
        ...twoLines.map((t) => ({ text: t, margin: [0, 0, 0, 14] })),
        ...oneLine.map((t) => ({ text: t, margin: [0, 0, 0, 14] })),
      ],
    });
    const { text } = await pdfToText(pdf, 'spaced.pdf');
    const bs = blocks(text);
    expect(bs).toContain(`一、${PARA_A}`);
    expect(bs).toContain(`二、${PARA_B}`);
    for (const p of [PARA_A, PARA_B, PARA_C]) expect(bs).toContain(p);
    for (const e of [...twoLines, ...oneLine]) expect(bs).toContain(e);
  }, 30_000);

  it('a figure reference wrapped to the start of a line is text; a caption under a figure stands alone', async () => {
    // 43 full-width characters fill a line of the A4 page at 11 pt: the reference starts the next one
    const first = '东部地区算力需求旺盛而能源和土地成本较高，西部地区可再生能源丰富且气候适宜，二者互补如';
    const para = `${first}图2所示，算力设施向西部有序转移，网络时延和数据安全仍需统筹考虑。`;
    const pdf = await makePdf({
      content: [
        ...body,
        { text: para, margin: [0, 0, 0, 6] },
        { canvas: [{ type: 'rect', x: 100, y: 10, w: 275, h: 100, lineColor: '#333333' }], margin: [0, 0, 0, 6] },
        { text: '图2 东西部算力协同示意', fontSize: 9, alignment: 'center', margin: [0, 0, 0, 10] },
        { text: PARA_D, leadingIndent: 22 },
      ],
    });
    const { text } = await pdfToText(pdf, 'figure.pdf');
    const bs = blocks(text);
    expect(bs).toContain(para);
    expect(bs).toContain('图2 东西部算力协同示意');
  }, 30_000);

  it('a line in a face the body sets its symbols in is not a heading for its face', async () => {
    // the bold face here is the body's face for variables (as a mathematical italic is): inside body lines
    const withSymbols = (t: string) => t.split('，').flatMap((part, i) => [i ? '，' : '', part, { text: ` P${i}x${i} `, bold: true }]);
    const symbolLine = [{ text: '11. [P1x1]', bold: true }, '：密文'];
    const pdf = await makePdf({
      content: [
        { text: '联邦数据安全交换协议', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 20] },
        ...[PARA_A, PARA_B, PARA_C, PARA_D].map((t) => ({ text: withSymbols(t), leadingIndent: 22, margin: [0, 0, 0, 6] })),
        { text: symbolLine, margin: [0, 0, 0, 6] },
        { text: '结论', bold: true, fontSize: 15, margin: [0, 6, 0, 6] },
        { text: PARA_C, leadingIndent: 22 },
      ],
    });
    const r = await pdfToText(pdf, 'symbols.pdf');
    const lines = r.text.split('\n');
    const headings = r.headingLines.map((i) => lines[i]);
    expect(lines.some((l) => l.startsWith('11. [P1x1]'))).toBe(true);
    expect(headings.some((h) => h.startsWith('11.'))).toBe(false);
    expect(headings).toContain('结论');
  }, 30_000);

  it('a raised citation in brackets ([3], as a printed web page has them) is a note reference, not text', async () => {
    const [head, tail] = PARA_A.split('新动能。');
    const pdf = await makePdf({
      content: [
        { text: '数字经济区域协调发展研究', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 20] },
        { text: [head + '新动能', { text: '[3]', sup: true }, '。' + tail], leadingIndent: 22, margin: [0, 0, 0, 6] },
        { text: PARA_B, leadingIndent: 22 },
      ],
    });
    const { text } = await pdfToText(pdf, 'cite.pdf');
    expect(blocks(text)).toContain(`${head}新动能³。${tail}`);
    expect(text).not.toContain('[3]');
  }, 30_000);
});

