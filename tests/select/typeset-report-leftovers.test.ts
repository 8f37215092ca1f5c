// Session 14 (docsb): a typeset report (a two-column PDF with figures and boxes, here a Traditional-script one)
// leaves a figure's words, a box's labels and a reference entry in the paragraphs the reader reads: none of
// them is a sentence of the report, and each one reached a brief.
import { describe, expect, it } from 'vitest';
import { exclusionOf, labelRun } from '../../pipeline/select/exclude.js';
import { isCaption } from '../../pipeline/check/brief/caption.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { ingest } from '../../pipeline/ingest/index.js';

const read = (text: string) => ingest({ slug: 't', file: 'source.md', bytes: new TextEncoder().encode(text), format: 'md' }).doc;

describe('a caption in brackets, and a chart read as one line', () => {
  it('not-ok: 〈图表 2.2 〉 and 【图 3】 open a caption as 图 2 does', () => {
    expect(exclusionOf('〈图表 2.2 〉 政府资讯公开 vs 开放政府资料')).toBe('caption');
    expect(exclusionOf('【图 3】各县市开放资料集数量')).toBe('caption');
    expect(isCaption('〈图表 2.2 〉 政府资讯公开 vs 开放政府资料')).toBe(true);
  });
  it('not-ok: cells apart by tabs with a figure label among them', () => {
    expect(exclusionOf('政策基础 35.0%资料现况 35.0%影响力\t30.0%〈图表 2.1 〉 总分2-1.\t绪论')).toBe('caption');
  });
  it('ok: a sentence that cites a figure, and a chart-free line with a tab', () => {
    expect(exclusionOf('如〈图表 2.1 〉所示，政策基础占总分的 35%。')).toBeUndefined();
    expect(exclusionOf('图表显示，开放资料集数量三年增长了一倍。')).toBeUndefined();
  });
});

describe("a box's labels run into the paragraph", () => {
  it('not-ok: two colons before the first comma', () => {
    expect(exclusionOf('议员配合款参与式预算模式：议员委托里长进行数位工具：新北市统一数位平台纪录新北市第一次尝试参与式预算，是议员陈某受到启发。')).toBe('fused heading');
  });
  it('ok: one colon, or a colon inside a quotation', () => {
    expect(exclusionOf('研究发现：公民参与的比例逐年上升，但仍集中于都会区。')).toBeUndefined();
    expect(exclusionOf('部长表示：“我们的目标是：三年内完成全部资料集的开放。”')).toBeUndefined();
  });
});

describe('a reference entry in author-year-title order', () => {
  it('not-ok: the whole sentence is author, year and title', () => {
    expect(exclusionOf('g0v 社群，2015，〈开放政府资料法〉。')).toBe('citation');
    expect(exclusionOf('李四，2019年，《数字治理导论》，台北：某出版社。')).toBe('citation');
  });
  it('ok: a sentence that names a year and a title and says something', () => {
    expect(exclusionOf('2015 年，国发会发布了《政府资料开放授权条款》，以取代原先的规定。')).toBeUndefined();
  });
});

describe("a diagram's labels as a paragraph of their own", () => {
  it('labelRun: short pieces, no end, no figure', () => {
    expect(labelRun('政府开放资料，公民社会')).toBe(true);
    expect(labelRun('资料提供者／资料使用者／中介者')).toBe(true);
    expect(labelRun('公民科技协作关系在台湾仍是罕有的。')).toBe(false);
    expect(labelRun('开放资料集数量，2016 年')).toBe(false);
    expect(labelRun('台湾的开放资料政策仍缺少法源基础，各机关的执行程度也不一')).toBe(false);
  });
  it('not-ok as a paragraph; ok as a list item, where an unended line is how a list is written', () => {
    const md = [
      '# 报告',
      '',
      '## 公私协力',
      '',
      '政府开放资料，公民社会',
      '',
      '公民科技协作关系在台湾仍是罕有的，多数合作仍停留在委托与采购。',
      '',
      '- 加强组织领导，压实工作责任',
      '- 完善资料标准，提升资料质量',
    ].join('\n');
    const units = collectUnits(read(md));
    const of = (t: string) => units.find((u) => u.segment.text.trim() === t);
    expect(of('政府开放资料，公民社会')?.eligible).toBe(false);
    expect(of('加强组织领导，压实工作责任')?.eligible).toBe(true);
    expect(of('公民科技协作关系在台湾仍是罕有的，多数合作仍停留在委托与采购。')?.eligible).toBe(true);
  });
});

describe('a pull quote: a box repeating the close of a sentence of the text', () => {
  const md = [
    '# 报告',
    '',
    '## 组织架构',
    '',
    '在开放资料的分工上，国发会负责督导各二级机关的资料开放，并以行政命令的方式颁布作业原则。',
    '',
    '### 国发会',
    '',
    '督导各二级机关的资料开放，并以行政命令的方式颁布作业原则',
    '',
    '各部会则依原则公开其业务资料，并以开放格式提供下载',
  ].join('\n');
  it('not-ok: the copy without its start or end; ok: the sentence it copies, and an unended paragraph that copies nothing', () => {
    const units = collectUnits(read(md));
    const of = (t: string) => units.find((u) => u.segment.text.trim().startsWith(t));
    expect(of('督导各二级机关')?.eligible).toBe(false);
    expect(of('督导各二级机关')?.excluded).toBe('box');
    expect(of('在开放资料的分工上')?.eligible).toBe(true);
    expect(of('各部会则依原则')?.eligible).toBe(true);
  });
});

describe('a note mark with a typeset PDF spacing', () => {
  it('[ 注 9] and ［ 註 9 ］ go like [注9]', async () => {
    const { withoutNoteMarks } = await import('../../pipeline/select/note-marks.js');
    expect(withoutNoteMarks('已订有「推动参与式预算作业程序」[ 注 9]，将参与式预算分为五个阶段。')).toBe('已订有「推动参与式预算作业程序」，将参与式预算分为五个阶段。');
    expect(withoutNoteMarks('此授权条款已获认证［ 註 9 ］。')).toBe('此授权条款已获认证。');
    expect(withoutNoteMarks('数组 a[1] 的值为 3。')).toBe('数组 a[1] 的值为 3。');
  });
});
