// source.pdf: text read with its geometry (pdf.js) and laid out for the report parser. The PDFs are
// made here with pdfmake and the project's CJK font, so what is asserted is what the layout says.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveContext } from '../../../pipeline/context.js';
import { loadSourceDoc } from '../../../pipeline/build/load-source.js';
import { docSegments } from '../../../pipeline/ingest/walk.js';
import { pdfToText } from '../../../pipeline/ingest/formats/pdf.js';
import { layoutText, joinText, type PageText } from '../../../pipeline/ingest/formats/pdf-layout.js';
import { briefs, hasStackTrace, repo } from '../../e2e/helpers.js';
import { reportPdf, twoColumnPdf, makePdf, PARA_A, PARA_B, PARA_C, NOTE, LEFT_1, LEFT_2, RIGHT_1, RIGHT_2 } from './pdf-fixtures.js';

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-pdf-'));
  mkdirSync(path.join(dir, 'sources'));
  for (const d of ['glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  return dir;
}

function addSource(dir: string, slug: string, data: string | Uint8Array): void {
  mkdirSync(path.join(dir, 'sources', slug), { recursive: true });
  writeFileSync(path.join(dir, 'sources', slug, 'source.pdf'), data);
}

let report: Buffer;
let twoColumns: Buffer;
beforeAll(async () => {
  report = await reportPdf();
  twoColumns = await twoColumnPdf();
}, 60_000);

describe('source.pdf → text', () => {
  it('puts the title first, drops heads, page numbers and the contents page, keeps headings and captions on their own lines', async () => {
    const { text } = await pdfToText(report, 'report.pdf');
    const lines = text.split('\n');
    expect(lines[0]).toBe('数字经济区域协调发展研究');
    expect(lines[1]).toBe('');
    // running head (on every page but the cover) and page numbers (in the footer)
    expect(text).not.toContain('政策研究报告');
    expect(lines.filter((l) => /^\d+$/.test(l.trim()))).toEqual([]);
    // the contents page (dot leaders) is gone, its title too
    expect(text).not.toMatch(/\.{4,}/);
    expect(text).not.toMatch(/目\s*录/);
    // headings in larger type stand alone between blank lines
    for (const h of ['一、发展现状', '（一）总体规模', '二、主要问题', '三、政策建议']) {
      const i = lines.indexOf(h);
      expect(i, h).toBeGreaterThan(0);
      expect(lines[i - 1]).toBe('');
      expect(lines[i + 1]).toBe('');
    }
    // the caption is a line of its own, not fused into a paragraph
    expect(lines).toContain('图1 数字经济规模（2019—2024年）');
    // paragraphs are rejoined (one line each), the marker raised in the text is a superscript
    expect(lines).toContain(PARA_A.replace('新动能。', '新动能¹。'));
    expect(lines).toContain(PARA_C);
    // the note in small type at the page bottom, as a note line the report parser reads
    expect(lines).toContain(`¹ ${NOTE}`);
    // reading order of the body
    expect(text.indexOf('一、发展现状')).toBeLessThan(text.indexOf(PARA_B));
    expect(text.indexOf('二、主要问题')).toBeLessThan(text.indexOf('三、政策建议'));
  });

  it('reads a paragraph across the page break as one, with the page’s notes after it', async () => {
    const { text } = await pdfToText(report, 'report.pdf');
    const lines = text.split('\n');
    // the long paragraph of page 3 runs onto page 4: one line, no running head or page number inside
    const long = lines.find((l) => l.startsWith('从国际比较看'))!;
    expect(long).toMatch(/^从国际比较看.*另一方面.*外部环境。$/);
    expect(lines.indexOf(`¹ ${NOTE}`)).toBeGreaterThan(lines.indexOf(long));
  });

  it('reads two columns left before right, under a title across both', async () => {
    const { text } = await pdfToText(twoColumns, 'two.pdf');
    const order = ['东西部算力协同的路径', LEFT_1, LEFT_2, RIGHT_1, RIGHT_2].map((t) => text.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text.split('\n')[0]).toBe('东西部算力协同的路径');
  });

  it('joins letter-spaced Chinese and keeps word spaces in Latin', async () => {
    const pdf = await makePdf({
      content: [
        { text: '政府工作报告', fontSize: 24, characterSpacing: 12 },
        { text: '政 府 工 作 报 告', fontSize: 12, margin: [0, 20, 0, 0] },
        { text: 'Digital economy and regional development in China.', margin: [0, 20, 0, 0] },
      ],
    });
    const { text } = await pdfToText(pdf, 'spaced.pdf');
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('政府工作报告');
    expect(lines[1]).toBe('政府工作报告');
    expect(lines).toContain('Digital economy and regional development in China.');
  });
});

describe('layout rules on text runs', () => {
  const page = (runs: [string, number, number, number?][]): PageText => ({
    width: 600,
    height: 800,
    runs: runs.map(([str, x, y, size = 10]) => ({ str, x, y, w: str.length * size, size, font: 'f1' })),
  });

  it('never takes a salutation for the title', () => {
    const r = layoutText([page([['各位代表：', 60, 100, 16], ['现在，我代表市人民政府，向大会报告政府工作，请予审议。', 60, 140]])]);
    expect(r.title).toBeUndefined();
    expect(r.text.split('\n')[0]).toBe('各位代表：');
  });

  it('joins lines: Chinese without a space, Latin with one', () => {
    expect(joinText('数字经济', '发展')).toBe('数字经济发展');
    expect(joinText('digital', 'economy')).toBe('digital economy');
    expect(joinText('数字', 'AI')).toBe('数字AI');
  });
});

describe('source.pdf → SourceDoc', () => {
  it('gives the title, sections, the footnote and its marker', async () => {
    const dir = project();
    addSource(dir, 'report', report);
    const { doc } = await loadSourceDoc(resolveContext({}, dir), 'report');
    expect(doc.kind).toBe('report');
    expect(doc.meta.title).toBe('数字经济区域协调发展研究');
    expect(doc.meta.date).toBe('2024-06');
    const headings = doc.sections.map((s) => s.heading);
    expect(headings).toEqual(['发展现状', '主要问题', '政策建议']);
    expect(doc.sections[0].children.map((s) => s.heading)).toEqual(['总体规模']);
    expect(doc.footnotes).toHaveLength(1);
    expect(doc.footnotes[0].text).toBe(NOTE);
    const all = [...docSegments(doc)].map((v) => v.segment);
    expect(all.find((s) => s.text.includes('注入了新动能'))?.footnoteRefs).toEqual(['1']);
    const texts = all.map((s) => s.text).join('\n');
    for (const junk of ['政策研究报告', '....', '目录']) expect(texts).not.toContain(junk);
  });
});

describe('source.pdf: titles and headings by type', () => {
  it('unnumbered headings in larger type are sections, not the start of the next paragraph', async () => {
    const pdf = await makePdf({
      content: [
        { text: '数字经济区域协调发展研究', fontSize: 24, bold: true, alignment: 'center', margin: [0, 0, 0, 30] },
        { text: '发展现状', fontSize: 15, bold: true, margin: [0, 10, 0, 8] },
        { text: [PARA_A], leadingIndent: 22 },
        { text: '主要问题', fontSize: 15, bold: true, margin: [0, 10, 0, 8] },
        { text: [PARA_B], leadingIndent: 22 },
        { text: '政策建议', fontSize: 15, bold: true, margin: [0, 10, 0, 8] },
        { text: [PARA_C], leadingIndent: 22 },
      ],
    });
    const dir = project();
    addSource(dir, 'plain', pdf);
    const { doc } = await loadSourceDoc(resolveContext({}, dir), 'plain');
    expect(doc.meta.title).toBe('数字经济区域协调发展研究');
    expect(doc.sections.map((s) => s.heading).filter(Boolean)).toEqual(['发展现状', '主要问题', '政策建议']);
    const texts = [...docSegments(doc)].map((v) => v.segment.text);
    expect(texts.some((t) => /^(发展现状|主要问题|政策建议)./.test(t))).toBe(false);
  });

  it('a size that recurs as headings is not a title; a running head on most pages names the document, without the site’s name', () => {
    const head = (n: number): [string, number, number, number?][] => [
      ['2/2/24, 2:43 PM', 20, 20, 8],
      ['人工智能 - 示例百科，自由的百科全书', 250, 20, 8],
      [`https://example.org/wiki/x ${n}/3`, 20, 780, 8],
    ];
    const body = '人工智能亦称机器智能，指由人制造出来的机器所表现出来的智能，通常指用普通计算机程序来呈现人类智能的技术。';
    const pages = [1, 2, 3].map((n) => ({
      width: 600,
      height: 800,
      runs: [...head(n), [`第${n}节概述`, 60, 100, 12] as [string, number, number, number?], [body, 60, 130, 9] as [string, number, number, number?], [body, 60, 145, 9] as [string, number, number, number?]].map(
        ([str, x, y, size = 10]) => ({ str, x, y, w: str.length * size, size, font: 'f1' }),
      ),
    }));
    const r = layoutText(pages);
    expect(r.text.split('\n')[0]).toBe('人工智能');
    expect(r.text).toContain('第1节概述');
    expect(r.headingLines.map((i) => r.text.split('\n')[i])).toEqual(['第1节概述', '第2节概述', '第3节概述']);
  });
});

describe('source.pdf errors (CLI)', () => {
  it('a file that is not a PDF, a broken PDF, an encrypted one: unreadable-pdf, exit 1, no stack trace', async () => {
    const dir = project();
    addSource(dir, 'notpdf', 'Just some text, not a PDF.\n');
    addSource(dir, 'broken', Buffer.concat([report.subarray(0, 2000)]));
    // an encrypted PDF: the trailer points to an /Encrypt dictionary (standard security handler, RC4 40-bit)
    addSource(dir, 'locked', encryptedPdf());
    for (const slug of ['notpdf', 'broken', 'locked']) {
      const r = briefs(dir, ['parse', slug, '--sources', path.join(dir, 'sources')]);
      expect(r.code, slug).toBe(1);
      expect(r.stderr, slug).toContain('unreadable-pdf');
      expect(hasStackTrace(r.stderr), slug).toBe(false);
    }
    const locked = briefs(dir, ['parse', 'locked', '--sources', path.join(dir, 'sources')]);
    expect(locked.stderr).toMatch(/encrypted|password/);
  });

  it('a PDF without a text layer (a scan): no-text, saying OCR is needed', async () => {
    const dir = project();
    const scan = await makePdf({ content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 400, h: 600, color: '#dddddd' }] }] });
    addSource(dir, 'scan', scan);
    const r = briefs(dir, ['parse', 'scan', '--sources', path.join(dir, 'sources')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-text');
    expect(r.stderr).toMatch(/OCR/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('parses a PDF source from the CLI', async () => {
    const dir = project();
    addSource(dir, 'two', twoColumns);
    const r = briefs(dir, ['parse', 'two', '--sources', path.join(dir, 'sources')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('东西部算力协同的路径');
    // what the reader understood: pages, headings by type, where the title came from
    expect(r.stderr).toMatch(/read as a PDF: 1 page, \d+ headings? by type, title from the cover/);
  });
});

/**
 * A small PDF whose trailer names an /Encrypt dictionary with a user password: pdf.js asks for the
 * password (PasswordException). Offsets are computed, so the cross-reference table is right.
 */
function encryptedPdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    // owner and user keys of some password (not the empty one): the empty password fails
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'1'.repeat(64)}> /U <${'2'.repeat(64)}> >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('a paper set in LaTeX: fake bold and a bilingual title', () => {
  it('reads overprinted glyphs once, and a title whose English translation follows it in the same size is the title', async () => {
    const bold = (text: string, x: number, y: number, fontSize: number) =>
      [0, 0.2, 0.4].map((dx) => ({ text, fontSize, absolutePosition: { x: x + dx, y } }));
    const pdf = await makePdf({
      content: [
        ...bold('汉语学习者文本纠错评测综述', 120, 90, 16),
        { text: 'An Overview of the Chinese Learner Text Correction', fontSize: 16, absolutePosition: { x: 80, y: 130 } },
        { text: PARA_A, absolutePosition: { x: 60, y: 190 } },
        ...bold('一、评测任务', 60, 300, 12),
        { text: PARA_B, absolutePosition: { x: 60, y: 330 } },
      ],
    });
    const { text, title } = await pdfToText(pdf, 'paper.pdf');
    expect(title).toBe('汉语学习者文本纠错评测综述');
    expect(text).toContain('一、评测任务');
    expect(text).not.toMatch(/汉汉|评评|任任/);
  });
});
