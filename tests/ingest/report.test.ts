import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../pipeline/ingest/report/index.js';
import { allSections, docSegments } from '../../pipeline/ingest/walk.js';
import { isPageNumber } from '../../pipeline/ingest/report/furniture.js';
import { matchHeading } from '../../pipeline/ingest/report/headings.js';
import { extractUrls, joinNoteLines, matchNoteStart } from '../../pipeline/ingest/report/footnotes.js';
import { parseDate, splitNames } from '../../pipeline/ingest/report/meta.js';
import { cellItems } from '../../pipeline/ingest/report/tables.js';
import type { ListBlock, SourceDoc } from '../../pipeline/model.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/ingest/report/${name}`, 'utf8');
const parse = (text: string) => parseReport(text, 'x.txt', 'x');
const texts = (doc: SourceDoc) => [...docSegments(doc)].map((v) => v.segment.text);

describe('government work report fixture (一、（一）, page numbers, running head)', () => {
  const { doc } = parse(fixture('gov-work-report.txt'));
  it('reads title, subtitle and date from the cover', () => {
    expect(doc.meta.title).toBe('2024年某市政府工作报告');
    // the delivery line under the title (——2024年1月15日在…会议上) is when it was delivered, not a subtitle
    expect(doc.meta.subtitle).toBeUndefined();
    expect(doc.meta.date).toBe('2024-01-15');
    expect(doc.meta.extra?.occasion).toBe('市第十届人民代表大会第三次会议');
  });
  it('reads who delivers the report from an office-and-name cover line (市长 王 明)', () => {
    expect(doc.meta.authors).toEqual([{ name: '王明', role: '市长' }]);
  });
  it('nests （一） sections under 一、 chapters', () => {
    const chapters = doc.sections.filter((s) => s.kind === 'chapter');
    expect(chapters.map((c) => [c.number, c.heading])).toEqual([
      ['一', '2023年工作回顾'],
      ['二', '2024年工作安排'],
    ]);
    expect(chapters[0].children.map((s) => s.heading)).toEqual(['经济运行稳中有进', '改革开放持续深化']);
    expect(chapters[1].children).toHaveLength(2);
  });
  it('drops page numbers and the running head, and rejoins the paragraph broken by them', () => {
    const all = [...docSegments(doc)].filter((v) => v.role !== 'title').map((v) => v.segment.text);
    expect(all.some((t) => /- \d -/.test(t) || t.includes('2024年某市政府工作报告'))).toBe(false);
    expect(all.some((t) => t.includes('政务服务事项实现网上可办率达到98%以上。'))).toBe(true);
  });
  it('turns 一是/第一/首先 enumerations into lists', () => {
    const lists = [...allSections(doc.sections)].flatMap((s) => s.blocks).filter((b): b is ListBlock => b.type === 'list');
    expect(lists.map((l) => l.style)).toEqual(['yishi', 'diyi', 'shouxian']);
    expect(lists[0].items.map((i) => i.segments[0].text)).toEqual([
      '扩大有效投资，重大项目完成投资同比增长12%',
      '促进消费恢复，社会消费品零售总额增长6.1%',
      '稳定外贸外资，实际使用外资保持稳定。',
    ]);
    expect(lists[2].items.map((i) => i.marker)).toEqual(['首先', '其次', '最后']);
  });
  it('keeps text before the first heading in an untitled section', () => {
    expect(doc.sections[0]).toMatchObject({ heading: '', kind: 'other' });
  });
});

describe('white paper fixture (第一章 on one line, dotted TOC, [n] and ① notes, colophon)', () => {
  const { doc, diagnostics } = parse(fixture('white-paper.txt'));
  it('skips the table of contents and finds preface, chapters, conclusion', () => {
    expect(doc.sections.map((s) => [s.kind, s.number ?? '', s.heading])).toEqual([
      ['preface', '', '前言'],
      ['chapter', '第一章', '发展现状'],
      ['chapter', '第二章', '主要问题'],
      ['conclusion', '', '结语'],
    ]);
    expect(texts(doc).some((t) => /\.{5}/.test(t))).toBe(false);
  });
  it('links [n] and ① notes, with URLs rejoined across lines', () => {
    expect(doc.footnotes.map((f) => f.id)).toEqual(['1', '2', '①']);
    expect(doc.footnotes[0].urls).toEqual(['https://www.stats.gov.cn/sj/tjbz/gjtjbz/202302/t20230213_1902784.html']);
    for (const f of doc.footnotes) expect(f.refs).toHaveLength(1);
    expect(diagnostics).toHaveLength(0);
    const all = texts(doc);
    expect(all.some((t) => /\[\d\]|①/.test(t))).toBe(false);
    expect(all).toContain('本白皮书系统梳理了区域数字经济的发展现状与主要问题，并提出政策建议。');
    const withRef = [...docSegments(doc)].find((v) => v.segment.footnoteRefs.includes('①'));
    expect(withRef?.segment.text).toContain('政策建议');
  });
  it('builds a table with HTML list cells and plain cells', () => {
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect(t).toMatchObject({ label: '表 2', caption: '各地区数字经济规模', header: ['', '东部', '中部', '西部'] });
    expect(t.rows[0].cells.map((c) => c.items)).toEqual([['总量大', '增速稳'], ['增速快'], []]);
    expect(t.rows[1]).toEqual({ label: '占比', cells: [{ text: '60%', items: [] }, { text: '25%', items: [] }, { text: '15%', items: [] }] });
    expect(texts(doc).some((t) => /<|东部\s+中部/.test(t))).toBe(false);
  });
  it('keeps the closing colophon out of the content and in meta', () => {
    expect(doc.meta.institution).toBe('数字经济发展研究中心');
    expect(doc.meta.date).toBe('2023-12');
    expect(doc.meta.extra?.['地址']).toContain('北京市海淀区');
    expect(doc.meta.extra?.website).toBe('https://www.example.org');
    expect(texts(doc).some((t) => /独立智库|联系方式|010-/.test(t))).toBe(false);
  });
});

describe('closing paragraph before the colophon', () => {
  const { doc } = parse(fixture('closing-colophon.txt'));
  it('keeps a closing sentence of running text in the body', () => {
    expect(texts(doc).join('')).toContain('各位代表！新的征程已经开启，让我们在区委的坚强领导下，团结一心、开拓进取、真抓实干，为建设更加美好的家园而努力奋斗！');
    expect(doc.meta.extra?.statement ?? '').not.toMatch(/各位代表|- 3 -/);
  });
  it('keeps the colophon, and a statement about the publication, out of the body', () => {
    expect(doc.meta.extra?.['地址']).toBe('某区人民路1号');
    expect(doc.meta.extra?.statement).toMatch(/^某区人民政府办公室/);
    expect(doc.meta.extra?.statement).toMatch(/本报告内容仅供参考/);
    expect(texts(doc).some((t) => /本报告内容|印发|人民路|- 3 -/.test(t))).toBe(false);
  });
});

describe('robustness', () => {
  it('parses empty text to an empty doc', () => {
    const { doc, diagnostics } = parse('');
    expect(doc.sections).toEqual([]);
    expect(doc.kind).toBe('report');
    expect(diagnostics).toEqual([]);
    expect(parse('\n\n  \n').doc.sections).toEqual([]);
  });
  it('puts text with no structure into one untitled section', () => {
    const { doc } = parse('这是第一段文字，没有标题，也没有封面。这是第二句话。\n\n这是另一段文字，内容同样普通。\n');
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0].heading).toBe('');
    expect(doc.sections[0].blocks).toHaveLength(2);
  });
  it('records bold segments and never keeps asterisks or HTML', () => {
    const { doc } = parse('摘要\n\n**这一句完全加粗，非常重要。**后面这一句不是加粗的。\n\n<p>这里有标签。</p>\n');
    const segs = [...docSegments(doc)].map((v) => v.segment).filter((s) => s.text !== '摘要');
    expect(segs.map((s) => [s.text, !!s.emphasis])).toEqual([
      ['这一句完全加粗，非常重要。', true],
      ['后面这一句不是加粗的。', false],
      ['这里有标签。', false],
    ]);
  });
  it('joins Latin words broken across lines with a space and Chinese without', () => {
    const { doc } = parse('前言\n\n这是一段被分成两行的中文文字，它在这里断\n开了，包含 United\nNations 的名字。\n');
    expect(texts(doc)).toContain('这是一段被分成两行的中文文字，它在这里断开了，包含 United Nations 的名字。');
  });
  it('warns about a marker without a note and a note without a marker', () => {
    const { diagnostics } = parse('前言\n\n第一句有脚注。¹第二句没有。\n\n² 一条没有标记的注释。\n');
    const rules = diagnostics.map((d) => `${d.source}:${d.ruleId}`);
    expect(rules).toEqual(['ingest:footnote-unlinked', 'ingest:footnote-unlinked']);
    expect(diagnostics.every((d) => d.fatal === false)).toBe(true);
  });
  it('links plain-digit notes by sequence without mistaking dates for notes', () => {
    const src =
      '前言\n\n会议于去年召开。1各方于2025年3月再次会谈，并达成共识。2\n\n1 “Meeting notes”, Example Press, 2024.\n\n2号文件随后印发，要求各地落实。\n\n2 参见某报告，2025年。\n';
    const { doc, diagnostics } = parse(src);
    expect(doc.footnotes.map((f) => f.id)).toEqual(['1', '2']);
    expect(diagnostics).toEqual([]);
    expect(texts(doc)).toContain('各方于2025年3月再次会谈，并达成共识。');
    expect(texts(doc)).toContain('2号文件随后印发，要求各地落实。');
  });
  it('parses a large input', () => {
    const page = fixture('gov-work-report.txt');
    const big = Array.from({ length: 200 }, () => page).join('\n');
    const { doc } = parse(big);
    expect(doc.sections.length).toBeGreaterThan(100);
  });
});

describe('helpers', () => {
  it('recognizes page numbers', () => {
    for (const t of ['12', '- 12 -', '— 3 —', '第 3 页', '第3页 共20页', '3/20', 'Page 4']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['2025年', '12个', '一、总则']) expect(isPageNumber(t), t).toBe(false);
  });
  it('recognizes headings and rejects numbered paragraphs', () => {
    expect(matchHeading('致 谢')).toMatchObject({ kind: 'acknowledgements', title: '致谢' });
    expect(matchHeading('(三) 构建机制')).toMatchObject({ type: 'paren', number: '三', title: '构建机制' });
    expect(matchHeading('（三）构建机制')).toMatchObject({ type: 'paren', number: '三' });
    expect(matchHeading('第二章')).toMatchObject({ type: 'chapter', number: '第二章', title: '' });
    expect(matchHeading('一是加强合作')).toBeUndefined();
    expect(matchHeading('一、坚持改革开放，推动高质量发展。')).toBeUndefined();
    // a speech numbers its parts 第一、…: a heading when short and unpunctuated; 第一，… is a paragraph's enumeration
    expect(matchHeading('第二、强化社会安全网')).toMatchObject({ type: 'numeral', number: '第二', title: '强化社会安全网' });
    expect(matchHeading('第二、我们要强化社会安全网，照顾弱势。')).toBeUndefined();
    expect(matchHeading('第二，强化社会安全网')).toBeUndefined();
    expect(matchHeading('（一）加强合作，深化改革，扩大开放，推动经济社会发展取得新的更大成效，为实现目标打下坚实基础，并在此基础上继续推进各项工作')).toBeUndefined();
  });
  it('reads note starts', () => {
    expect(matchNoteStart('¹¹ “Russia”, CNN.', 1)).toMatchObject({ id: '11', form: 'sup' });
    expect(matchNoteStart('13“Russia and Ukraine”, 2025.', 13)).toMatchObject({ id: '13', form: 'plain' });
    expect(matchNoteStart('2号，下调价格上限', 2)).toBeUndefined();
    expect(matchNoteStart('2025年3月11日，乌克兰', 3)).toBeUndefined();
    expect(matchNoteStart('5 月 9 日，各方会谈', 5)).toBeUndefined();
    expect(matchNoteStart('7 Some note text here', 3)).toBeUndefined();
  });
  it('extracts URLs in every form', () => {
    expect(extractUrls('See <https://a.org/x>. And [https://b.org/y-z](https://b.org/yz). Also https://c.org/p?q=1。')).toEqual([
      'https://b.org/yz',
      'https://a.org/x',
      'https://c.org/p?q=1',
    ]);
    expect(joinNoteLines(['Report, https://a.org/abso-', 'lutely/x.'])).toBe('Report, https://a.org/abso-lutely/x.');
  });
  it('splits names with spaces inside two-character names', () => {
    expect(splitNames('赵 隆 封 帅 苏刘强 李红梅')).toEqual(['赵隆', '封帅', '苏刘强', '李红梅']);
  });
  it('parses dates', () => {
    expect(parseDate('2025年7月')).toBe('2025-07');
    expect(parseDate('2024年1月5日')).toBe('2024-01-05');
  });
  it('splits cell items', () => {
    expect(cellItems('<ol style="x"> 1. 甲 2. 乙 ')).toEqual(['甲', '乙']);
    expect(cellItems('<ol><li>甲</li><li>乙</li></ol>')).toEqual(['甲', '乙']);
    expect(cellItems('只有文字')).toEqual([]);
  });
});

describe('office-and-name cover lines', () => {
  const cover = (line: string) => parse(`某研究院\n\n关于某某问题的研究报告\n\n${line}\n\n2024年3月\n\n一、引言\n\n这是正文的第一段，说明研究的背景和主要结论。\n`).doc.meta.authors;
  it('take the name with its office', () => {
    expect(cover('临江市市长  王建国')).toEqual([{ name: '王建国', role: '临江市市长' }]);
    expect(cover('中心主任 欧阳小明')).toEqual([{ name: '欧阳小明', role: '中心主任' }]);
  });
  it('leave lines that are not one office and one name', () => {
    expect(cover('某研究院 研究员')).toEqual([]);
    expect(cover('市长 王建国 李四')).toEqual([]);
  });
});

describe('a work report’s delivery line', () => {
  const body = ['各位代表：', '现在，我代表市人民政府，向大会报告工作，请予审议。', '一、过去一年的工作', '全市地区生产总值增长5.1%，城镇新增就业12万人。', '二、今年的主要任务', '推进老旧小区改造200个，新建公园30处。'];
  for (const [name, head] of [
    ['on the title line', ['政府工作报告——2024年1月16日在南湾市第十七届人民代表大会第三次会议上市长 林海']],
    ['on its own line', ['政府工作报告', '——2024年1月16日在南湾市第十七届人民代表大会第三次会议上', '南湾市市长 林海']],
  ] as const) {
    it(`${name}: the date and the speaker, not a part of the title nor a sentence`, () => {
      const { doc } = parse([...head, ...body].join('\n'));
      expect(doc.meta.title).toBe('政府工作报告');
      expect(doc.meta.subtitle).toBeUndefined();
      expect(doc.meta.date).toBe('2024-01-16');
      expect(doc.meta.authors.map((a) => a.name)).toEqual(['林海']);
      expect(doc.titleSegments.map((s) => s.text)).toEqual(['政府工作报告']);
      expect(texts(doc).some((t) => /人民代表大会第三次会议上/.test(t))).toBe(false);
    });
  }
  it('a subtitle that only names a topic stays the subtitle', () => {
    const { doc } = parse(['南湾市产业报告——在转型中寻找新的增长点', ...body.slice(2)].join('\n'));
    expect(doc.meta.subtitle).toBe('在转型中寻找新的增长点');
  });
});
