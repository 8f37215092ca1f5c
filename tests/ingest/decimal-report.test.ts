// A report laid out another way: the title between an English name and a "研究报告 / 第5号" block, a
// 课题组组长, a date in Chinese numerals, 执行摘要, 第一章 with 1.1 sections, paragraphs marked only by an
// indent and wrapped with digits in them, a table aligned with spaces, "[2]。" wrapped to a line start.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../pipeline/ingest/report/index.js';
import { parseDate } from '../../pipeline/ingest/report/meta.js';
import { matchHeading } from '../../pipeline/ingest/report/headings.js';
import { visualWidth } from '../../pipeline/ingest/report/lines.js';
import { docSegments } from '../../pipeline/ingest/walk.js';
import type { SourceDoc } from '../../pipeline/model.js';

const { doc, diagnostics } = parseReport(readFileSync('tests/fixtures/ingest/report/decimal-report.txt', 'utf8'), 'x.txt', 'x');
const texts = (d: SourceDoc) => [...docSegments(d)].map((v) => v.segment.text);

describe('a report with 1.1 sections and a cover in another layout', () => {
  it('reads the cover: the title, not the series word; the group leader; the date in Chinese numerals; 第5号', () => {
    expect(doc.meta.title).toBe('近海风电开发的前景、风险与合作路径研究');
    expect(doc.meta.authors.map((a) => [a.name, a.role])).toEqual([
      ['龚然', '组长'],
      ['贺明轩', undefined],
      ['顾宁', undefined],
      ['欧阳青', undefined],
    ]);
    expect(doc.meta.date).toBe('2024-11');
    expect([doc.meta.series, doc.meta.issue]).toEqual(['研究报告', '5']);
  });
  it('finds 执行摘要 and nests 1.1 sections under their chapter', () => {
    expect(doc.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['abstract', '执行摘要'],
      ['chapter', '近海风电的新变化'],
      ['chapter', '政策建议'],
    ]);
    expect(doc.sections[1].children.map((c) => [c.number, c.heading])).toEqual([
      ['1.1', '装机规模与成本'],
      ['1.2', '并网条件'],
    ]);
    // a quantity at a line start is not a heading
    expect(matchHeading('3.5 万千瓦的项目已经并网')).toBeUndefined();
    expect(matchHeading('2.1 货运结构：以出口为主，过境为辅')).toMatchObject({ type: 'decimal', number: '2.1' });
  });
  it('reads "2. 名称" and "4.1. 名称" lines (a number closed by a Latin full stop, a short unpunctuated name) as headings, not as the first words of the paragraph', () => {
    expect(matchHeading('2. 区块链范式')).toMatchObject({ type: 'decimal', kind: 'chapter', number: '2', title: '区块链范式' });
    expect(matchHeading('4.1. 世界状态')).toMatchObject({ type: 'decimal', kind: 'section', number: '4.1', title: '世界状态' });
    // a list item that says something, or is punctuated, is not a heading
    expect(matchHeading('1. 加强监管，完善制度')).toBeUndefined();
    expect(matchHeading('3. 2023年全国财政收入增长了百分之六点四左右')).toBeUndefined();
    const { doc: d } = parseReport('以太坊的设计\n\n2. 区块链范式\n以太坊在整体上可以看作一个基于交易的状态机。\n', 'p.txt', 'p');
    const body = docSegments(d).map((v) => v.segment.text);
    expect(body).toContain('以太坊在整体上可以看作一个基于交易的状态机。');
    expect(body.some((t) => t.includes('区块链范式以太坊'))).toBe(false);
  });

  it('rejoins paragraphs wrapped at an even width, though lines with digits hold more characters', () => {
    expect(texts(doc)).toContain(
      '近年来，近海风电装机持续增长，成本快速下降，但并网消纳与海域使用的矛盾日益突出，2019年至2024年累计装机从1020万千瓦增至5100万千瓦，新增装机主要集中在东部沿海省份，近海风电的主要瓶颈已经从技术和成本转向电网和规划协同。',
    );
    expect(doc.sections[0].blocks).toHaveLength(1);
    expect(visualWidth('近海ab12')).toBe(8);
  });
  it('reads a table aligned with spaces under its caption, not a sentence about it', () => {
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].caption).toBe('近海风电装机与成本（2020—2024年）');
    expect(texts(doc)).toContain('表 1-1 显示了近五年装机和成本的变化。');
  });
  it('takes "[2]。" at a line start for the marker it is, and links both notes', () => {
    expect(doc.footnotes.map((f) => f.id)).toEqual(['1', '2']);
    expect(diagnostics.filter((d) => d.ruleId === 'footnote-unlinked')).toEqual([]);
    expect(texts(doc).some((t) => t.includes('送不出”的局面。'))).toBe(true);
  });
  it('reads 课题组负责人 as the one in charge', () => {
    const { doc: d } = parseReport('某研究中心\n\n近海风电的前景\n\n课题组负责人：苏 景\n课题组成员：戴宁远　韩子墨\n\n摘要\n\n近海风电装机持续增长，成本快速下降。\n', 'c.txt', 'c');
    expect(d.meta.authors.map((a) => [a.name, a.role])).toEqual([
      ['苏景', '负责人'],
      ['戴宁远', undefined],
      ['韩子墨', undefined],
    ]);
  });
  it('parses dates in Chinese numerals', () => {
    expect(parseDate('二〇二四年十二月')).toBe('2024-12');
    expect(parseDate('二〇二五年三月二十一日')).toBe('2025-03-21');
    expect(parseDate('二〇二五年十三月')).toBeUndefined();
  });
});

describe('a white paper: the issuer\'s name over two lines, and "——" list items', () => {
  const src = [
    '中华人民共和国',
    '海洋经济协同办公室',
    '',
    '《近海养殖发展》白皮书',
    '',
    '2024年10月',
    '',
    '前言',
    '',
    '　　近海养殖是沿海地区的重要产业，近年来发展迅速，规模持续扩大，质量不断',
    '提高，已经成为渔民增收的重要来源。',
    '',
    '一、养殖基础设施加快完善',
    '',
    '　　近五年来，近海养殖基础设施建设取得明显成效：',
    '——深远海养殖平台达到46座，年产能超过20万吨，带动沿海就业超过3万',
    '人；',
    '——养殖尾水处理设施覆盖率达到78%。',
    '',
  ].join('\n');
  const { doc: wp } = parseReport(src, 'w.txt', 'w');
  it('takes the title, not the first line of the issuer', () => {
    expect(wp.meta.title).toBe('《近海养殖发展》白皮书');
    expect(wp.meta.date).toBe('2024-10');
  });
  it('reads "——" lines as list items, a wrapped item as one', () => {
    const chapter = wp.sections.find((x) => x.heading === '养殖基础设施加快完善')!;
    const list = chapter.blocks.find((b) => b.type === 'list');
    expect(list && list.type === 'list' && list.items.map((i) => i.segments.map((x) => x.text).join(''))).toEqual([
      '深远海养殖平台达到46座，年产能超过20万吨，带动沿海就业超过3万人；',
      '养殖尾水处理设施覆盖率达到78%。',
    ]);
  });
});

describe('wrapped lines and a title broken after a particle', () => {
  it('joins a number broken at the line end without a space; Latin words still get one', () => {
    const { doc: d } = parseReport('前言\n\n抽检量达到每千人4.1批次，较202\n3年增加0.6批次，合格率为97.\n5%，覆盖 United\nNations 标准。\n', 'n.txt', 'n');
    expect([...docSegments(d)].map((v) => v.segment.text)).toContain('抽检量达到每千人4.1批次，较2023年增加0.6批次，合格率为97.5%，覆盖 United Nations 标准。');
  });
  it('goes on with a title line that stops on 的', () => {
    const { doc: d } = parseReport('某研究院\n\n全球竞争新格局下我国半导体产业政策的\n演进、成效与优化路径\n\n作者：周 立\n\n摘要\n\n全球半导体产业经历了剧烈的周期波动。\n', 't.txt', 't');
    expect(d.meta.title).toBe('全球竞争新格局下我国半导体产业政策的演进、成效与优化路径');
  });
  it('drops a running head set in two columns, though with its spaces it is longer than a line of text', () => {
    const head = `某某产业研究院研究报告${' '.repeat(30)}2024年第9期`;
    const page = (n: number, text: string) => `${head}\n${text}\n\n- ${n} -\n\n`;
    const src = '摘要\n\n' + [1, 2, 3].map((n) => page(n, `第${n}页的正文说明了产业政策的一个方面，内容较长。`)).join('');
    const { doc: d } = parseReport(src, 'h.txt', 'h');
    expect([...docSegments(d)].some((v) => v.segment.text.includes('某某产业研究院研究报告'))).toBe(false);
  });
});
