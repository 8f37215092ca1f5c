// A government department's report as Word saves it to PDF: a contents page headed 目录 whose entries
// have no dot leaders and no page numbers (running over two pages), parts numbered 第一部分 with an
// em-wide gap before their title, a definitions part at the end, and tables with their unit line and a
// note under them. The PDFs are made here with pdfmake (pdf-fixtures.ts).
import { describe, it, expect } from 'vitest';
import { pdfToText, readPdfPages } from '../../../pipeline/ingest/formats/pdf.js';
import { layoutText } from '../../../pipeline/ingest/formats/pdf-layout.js';
import { matchHeading } from '../../../pipeline/ingest/report/headings.js';
import { parseReport } from '../../../pipeline/ingest/report/index.js';
import { docSegments } from '../../../pipeline/ingest/walk.js';
import { exclusionOf } from '../../../pipeline/select/exclude.js';
import { selectBrief } from '../../../pipeline/select/index.js';
import type { Brief } from '../../../pipeline/model.js';
import { doc, list, para, resetLines, section } from '../../fixtures/select/build.js';
import { makePdf, PARA_A, PARA_B } from './pdf-fixtures.js';

const items = (b: Brief, slot: string) => b.slots.filter((s) => s.name === slot).flatMap((s) => s.items.map((i) => i.text));

/** 第一部分, an em-wide gap, then its title: two pieces on one baseline, as Word sets them. */
const part = (no: string, title: string) => ({
  columns: [
    { text: no, width: 64, fontSize: 15, bold: true },
    { text: title, width: '*', fontSize: 15, bold: true },
  ],
  columnGap: 30,
  margin: [0, 0, 0, 10],
});

const entries1 = ['第一部分　单位概况', '一、主要职能', '二、单位构成', '第二部分　年度决算表', '一、收入支出决算总表', '二、收入决算表', '三、支出决算表'];
const entries2 = ['第三部分　年度决算情况说明', '一、收入支出决算总体情况说明', '二、收入决算情况说明', '第四部分　名词解释'];

async function reportPdf(): Promise<Buffer> {
  return makePdf({
    content: [
      { text: '某区规划局2024年度部门决算', fontSize: 24, bold: true, alignment: 'center', margin: [0, 200, 0, 0], pageBreak: 'after' },
      { text: '目　录', fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 20] },
      ...entries1.map((t) => ({ text: t, fontSize: 14, margin: [0, 0, 0, 8] })),
      { text: '', pageBreak: 'after' },
      ...entries2.map((t) => ({ text: t, fontSize: 14, margin: [0, 0, 0, 8] })),
      { text: '', pageBreak: 'after' },
      part('第一部分', '单位概况'),
      { text: '一、主要职能', fontSize: 13, bold: true, margin: [0, 0, 0, 6] },
      { text: PARA_A, leadingIndent: 22, margin: [0, 0, 0, 6] },
      { text: PARA_B, leadingIndent: 22, margin: [0, 0, 0, 6] },
    ],
  });
}

describe('a contents page without dot leaders or page numbers', () => {
  it('is dropped, with the page of entries after it; the body is kept', async () => {
    const pdf = await reportPdf();
    expect(layoutText((await readPdfPages(pdf, 'accounts.pdf')).pages).contentsPages).toEqual([2, 3]);
    const r = await pdfToText(pdf, 'accounts.pdf');
    expect(r.text).not.toMatch(/目\s*录/);
    expect(r.text).not.toContain('收入支出决算总表');
    expect(r.text).not.toContain('名词解释');
    expect(r.text).toContain(PARA_A.slice(0, 20));
    expect(r.text).toContain(PARA_B.slice(0, 20));
  });

  it('reads a part number and its title an em or two apart as one heading, not as two cells', async () => {
    const r = await pdfToText(await reportPdf(), 'accounts.pdf');
    const lines = r.text.split('\n');
    expect(lines).toContain('第一部分 单位概况');
    expect(r.text).not.toContain('第一部分\t');
  });

  it('keeps a page of short numbered lines that follows no contents page', async () => {
    const pdf = await makePdf({
      content: [
        { text: '某区规划局工作要点', fontSize: 24, bold: true, alignment: 'center', margin: [0, 0, 0, 20] },
        { text: PARA_A, leadingIndent: 22, margin: [0, 0, 0, 6], pageBreak: 'after' },
        ...['一、加强规划管理', '二、推进土地整备', '三、优化营商环境', '四、强化执法监督'].map((t) => ({ text: t, fontSize: 14, margin: [0, 0, 0, 8] })),
      ],
    });
    expect(layoutText((await readPdfPages(pdf, 'points.pdf')).pages).contentsPages).toEqual([]);
    const r = await pdfToText(pdf, 'points.pdf');
    expect(r.text).toContain('三、优化营商环境');
  });
});

describe('a numbered part named as back matter', () => {
  it('is notes (第四部分 名词解释, 第五章 附录), while a numbered part of content stays a chapter', () => {
    expect(matchHeading('第四部分 名词解释')?.kind).toBe('notes');
    expect(matchHeading('第五章 附录')?.kind).toBe('notes');
    expect(matchHeading('第一部分 单位概况')?.kind).toBe('chapter');
  });

  it('keeps its definitions out of the content', () => {
    const text = [
      '某区规划局2024年度部门决算',
      '',
      '第一部分 单位概况',
      '',
      PARA_A,
      '',
      '第二部分 名词解释',
      '',
      '一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款。',
      '',
    ].join('\n');
    const { doc } = parseReport(text, 'x.txt', 'x');
    const notes = doc.sections.find((s) => s.heading.includes('名词解释'));
    expect(notes?.kind).toBe('notes');
  });
});

describe('table furniture is never an item', () => {
  it('a note on what the table shows and its unit line', () => {
    expect(exclusionOf('注：本表反映部门本年度的总收支和年末结转结余情况。')).toBe('caption');
    expect(exclusionOf('说明：此表数据为初步统计。')).toBe('caption');
    expect(exclusionOf('本表反映部门本年度“三公”经费支出预决算情况。')).toBe('caption');
    expect(exclusionOf('单位：万元')).toBe('caption');
    // 本表决 is a vote, not the table
    expect(exclusionOf('本表决事项经全体会议通过。')).toBeUndefined();
  });

  it('column heads run together, and a row of figures, with no mark of a sentence', () => {
    expect(exclusionOf('财政拨款“三公”经费支出决算表财政拨款“三公”经费公务用车购置及运行维护费因公出国')).toBe('phrase');
    expect(exclusionOf('政府性基金预算财政拨款收入支出决算表年初结转和')).toBe('phrase');
    expect(exclusionOf('2080505 基本养老保险 446.11 446.11 0.00')).toBe('phrase');
    expect(exclusionOf('城乡社区支出 3832.36 3832.36')).toBe('phrase');
    expect(exclusionOf('险缴费支出2080506 机关事业单位职业年金缴 225.12 225.12 0.00费支出2080599 其他支出 0.88 0.88 0.00出')).toBe('phrase');
    expect(exclusionOf('十一、城乡社区支出\t3832.36\t3832.36')).toBe('phrase');
    // figures in a sentence without marks are not a row
    expect(exclusionOf('我们在 2024 年 12 月完成了全部验收工作')).toBeUndefined();
    // a short name, a quote or a formula without marks, a sentence with its marks: items as ever
    expect(exclusionOf('个人在个人信息处理活动中的权利')).toBeUndefined();
    expect(exclusionOf('我已经参与了 Kubernetes 社区大约三年')).toBeUndefined();
    expect(exclusionOf('月计薪天数＝（365天-104天）÷12月＝21.75天')).toBeUndefined();
    expect(exclusionOf('全国人大代表在会上发表意见并表示支持相关工作安排')).toBeUndefined();
    expect(exclusionOf('本年支出合计 9759.38 万元，其中：基本支出 5377.64 万元。')).toBeUndefined();
  });
});

describe('recommendations from a last chapter that is no conclusion', () => {
  const report = (lastItems: string[]) => {
    resetLines();
    return doc('report', { title: '某区规划局2024年度部门决算' }, [
      section('chapter', '第一部分 单位概况', [para(PARA_A), para(PARA_B)]),
      section('chapter', '第二部分 情况说明', [
        para('本年收入合计9746.50万元，其中财政拨款收入9746.50万元，占100%。'),
        list('支出决算情况如下：', lastItems),
      ]),
    ]);
  };
  it('are none when its items only account for figures', () => {
    const b = selectBrief(report(['社会保障和就业支出754.75万元，主要用于离退休人员支出。', '卫生健康支出236.63万元，主要用于行政单位医疗。', '城乡社区支出3832.36万元，主要用于规划与管理。']), []).brief;
    expect(items(b, 'recommendations')).toEqual([]);
  });
  it('are its items when some of them propose', () => {
    const b = selectBrief(report(['应当加快推进预算绩效管理，提高资金使用效益。', '要完善国有资产管理制度，确保资产安全完整。', '进一步加强政府采购管理，规范采购行为。']), []).brief;
    expect(items(b, 'recommendations').length).toBeGreaterThanOrEqual(2);
  });
});
