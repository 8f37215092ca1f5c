// Laws and regulations (ingest/genre/law.ts, select/genre/law.ts): recognised from their articles in any
// format, the adoption line is metadata, the brief states the purpose, the chapters' subjects and duties.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { checkBrief } from '../../pipeline/check/brief/index.js';
import { docSegments } from '../../pipeline/ingest/walk.js';
import { diagnosticToJson } from '../../pipeline/diagnostics.js';
import { enactmentOf, lawDate } from '../../pipeline/ingest/genre/law.js';

const LINES = [
  '2020年3月5日 某市第九届人民代表大会常务委员会第七次会议通过',
  '第一章 总则',
  '第一条 为了规范河道管理活动，保障防洪安全，改善水生态环境，制定本条例。',
  '第二条 本市行政区域内河道的规划、治理、保护和利用，适用本条例。',
  '第三条 本条例所称河道，是指江河、湖泊、水库以及人工水道。',
  '第二章 规划与治理',
  '第四条 市水务部门负责编制全市河道规划，报市人民政府批准后公布实施。',
  '第五条 区人民政府应当每年组织河道疏浚，清除淤积物和阻水障碍，保持河道行洪通畅。',
  '第三章 保护',
  '第六条 任何单位和个人不得在河道管理范围内倾倒垃圾、渣土或者堆放物料。',
  '第七条 河道管理单位有权制止侵占河道的行为，并可以依法暂扣作业工具。',
  '第四章 附则',
  '第八条 本条例自2020年7月1日起施行。',
];

function markdown(): string {
  return ['# 某市河道管理条例', '', LINES[0], '', ...LINES.slice(1).flatMap((l) => [/^第.章/.test(l) ? `## ${l}` : l, ''])].join('\n');
}
function plain(): string {
  return ['某市河道管理条例', '', ...LINES.flatMap((l) => [l, ''])].join('\n');
}
const read = (text: string, format: 'md' | 'txt') => ingest({ slug: 'river', file: `source.${format}`, bytes: new TextEncoder().encode(text), format }).doc;

describe('law genre', () => {
  for (const [format, text] of [
    ['md', markdown()],
    ['txt', plain()],
  ] as const) {
    it(`${format}: recognised; the adoption line is metadata, not body text`, () => {
      const doc = read(text, format);
      expect(doc.genre).toBe('law');
      // the plain-text reader keeps the line before the first heading out of the body itself
      if (format === 'md') expect(doc.meta.enactment).toEqual([{ date: '2020-03-05', action: '通过', body: '某市第九届人民代表大会常务委员会', text: LINES[0] }]);
      if (format === 'md') expect(doc.meta.date).toBe('2020-03-05');
      expect([...docSegments(doc)].some((v) => v.segment.text.includes('第七次会议'))).toBe(false);
    });
  }
  it('txt: the chapters’ subjects also when the reader took the numbers off the headings', () => {
    const { brief } = selectBrief(read(plain(), 'txt'), []);
    expect(brief.slots.find((s) => s.name === 'chapters')?.items.map((i) => i.text)).toEqual(['规划与治理', '保护']);
    expect(brief.slots.find((s) => s.name === 'findings')?.items.length).toBeGreaterThanOrEqual(3);
  });
  it('md: the brief states the purpose and scope, the chapters’ subjects and duties and powers', () => {
    const doc = read(markdown(), 'md');
    const { brief } = selectBrief(doc, []);
    const slot = (name: string) => brief.slots.find((s) => s.name === name)?.items.map((i) => i.text) ?? [];
    expect(slot('bottomLine')).toEqual(['为了规范河道管理活动，保障防洪安全，改善水生态环境，制定本条例。', '本市行政区域内河道的规划、治理、保护和利用，适用本条例。']);
    expect(slot('chapters')).toEqual(['规划与治理', '保护']);
    const points = slot('keyPoints');
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const p of points) expect(p).toMatch(/应当|不得|有权|负责|可以/);
    // a definition and the commencement article are not duties
    expect(points.join('')).not.toMatch(/是指|施行/);
    expect(checkBrief(brief, doc, { file: 'source.md' }).map(diagnosticToJson).filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('a text of a few numbered articles without 第一条, or without articles, is not a law', () => {
    const notLaw = read(['# 说明', '', '第五条 规定了责任。', '', '第六条 规定了义务。', '', '第七条 规定了罚则。', ''].join('\n'), 'md');
    expect(notLaw.genre).toBeUndefined();
    const news = read(['# 新闻', '', '2020年3月5日 某市召开会议通过了决定。', '', '会议指出，要加强河道管理。', ''].join('\n'), 'md');
    expect(news.genre).toBeUndefined();
    expect([...docSegments(news)].some((v) => v.segment.text.startsWith('2020年3月5日'))).toBe(true);
  });
  // a scraped law: its articles as list items (`* 1 …`, or an ordered list), the drafters' reasons as blockquotes
  const ARTICLES = LINES.filter((l) => l.startsWith('第') && l.includes('条 ')).map((l) => l.replace(/^第.条 /, ''));
  const noted = (mark: (k: number) => string, withChapters: boolean) =>
    ['# 某市河道管理条例', '', ...ARTICLES.flatMap((a, k) => [...(withChapters && k % 3 === 0 ? [`## 第 ${k / 3 + 1} 章 第${k}部分`, ''] : []), `${mark(k)}${a}`, '', `> 释：本条为新增，参考了他市条例第${k + 2}条的写法。`, ''])].join('\n');
  for (const [name, text] of [
    ['bullet items numbered in their text', noted((k) => `* ${k + 1} `, false)],
    ['an ordered list under 第 X 章 headings', noted((k) => `${k + 1}. `, true)],
  ] as const) {
    it(`articles written as ${name}: a law, the notes are not its text`, () => {
      const doc = read(text, 'md');
      expect(doc.genre).toBe('law');
      const { brief } = selectBrief(doc, []);
      const slot = (n: string) => brief.slots.find((s) => s.name === n)?.items.map((i) => i.text) ?? [];
      expect(slot('bottomLine')[0]).toBe('为了规范河道管理活动，保障防洪安全，改善水生态环境，制定本条例。');
      const all = brief.slots.flatMap((s) => s.items.map((i) => i.text)).join('\n');
      expect(all).not.toMatch(/释：|参考了他市/);
      expect(all).not.toMatch(/^\d/m);
      expect(slot('keyPoints').length).toBeGreaterThanOrEqual(3);
      expect(checkBrief(brief, doc, { file: 'source.md' }).map(diagnosticToJson).filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
  it('a lead-in run into its first enumerated item is not a key point alone', () => {
    const list = [...ARTICLES.slice(0, 3), '河道管理单位发现违法行为的，应当责令改正，并可以采取下列措施：一、暂扣作业工具。二、责令恢复原状。', ...ARTICLES.slice(3)];
    const doc = read(['# 某市河道管理条例', '', ...list.flatMap((a, k) => [`* ${k + 1} ${a}`, ''])].join('\n'), 'md');
    const { brief } = selectBrief(doc, []);
    expect(brief.slots.flatMap((s) => s.items.map((i) => i.text)).some((t) => /：一、/.test(t))).toBe(false);
  });
  it('articles numbered 第 1 條 (spaced, Traditional): a law', () => {
    const text = ['# 河道條例', '', ...ARTICLES.flatMap((a, k) => [`第 ${k + 1} 條 ${a}`, ''])].join('\n');
    expect(read(text, 'md').genre).toBe('law');
  });
  it('a numbered list that does not name a law, or restarts its numbers, is not one', () => {
    const steps = ['打开阀门，检查水压是否正常。', '关闭电源后再拆下过滤器。', '清洗滤网并晾干两个小时。', '装回过滤器并拧紧螺丝。', '打开电源，观察指示灯是否变绿。', '记录本次维护的日期。'];
    expect(read(['# 维护步骤', '', ...steps.map((s, k) => `${k + 1}. ${s}`)].join('\n'), 'md').genre).toBeUndefined();
    const restarted = ARTICLES.map((a, k) => `* ${(k % 4) + 1} ${a}`);
    expect(read(['# 条例', '', ...restarted.flatMap((l) => [l, ''])].join('\n'), 'md').genre).toBeUndefined();
  });
  it('the date is the latest revision’s, every line of the history kept', () => {
    const history = (lines: string[]) => lines.map((l) => enactmentOf(l)!);
    expect(lawDate(history(['2000年3月15日 某届人民代表大会通过', '2015年3月15日 某届人民代表大会修正', '2023年3月13日 某届人民代表大会修正']))).toBe('2023-03-13');
    expect(lawDate(history(['1982年12月4日 某届人民代表大会通过', '1988年4月12日 某届人民代表大会通过的《某法修正案》', '1982年12月4日 公布施行']))).toBe('1988-04-12');
    expect(lawDate(history(['2022年4月14日 某部令第5号公布', '2022年7月1日 施行']))).toBe('2022-04-14');
    const lines = ['2010年1月5日 某市人民代表大会常务委员会通过', '2016年6月1日 某市人民代表大会常务委员会第二次修正'];
    const doc = read(['# 某市河道管理条例', '', lines[0], '', lines[1], '', ...LINES.slice(1).flatMap((l) => [/^第.章/.test(l) ? `## ${l}` : l, ''])].join('\n'), 'md');
    expect(doc.meta.date).toBe('2016-06-01');
    expect(doc.meta.enactment?.map((e) => e.text)).toEqual(lines);
  });
  it('a history in brackets, clause after clause, and a line broken in two, are metadata too', () => {
    const bracketed = '（2010年1月5日某市人民代表大会通过　2010年1月6日某市人民代表大会公告公布施行 根据2012年3月1日某市人民代表大会通过的《某条例修正案》和2016年6月1日某市人民代表大会通过的《某条例修正案》修正）（Adopted on January 5, 2010）';
    const body = LINES.slice(1).flatMap((l) => [/^第.章/.test(l) ? `## ${l}` : l, '']);
    const one = read(['# 某市河道管理条例', '', bracketed, '', ...body].join('\n'), 'md');
    expect(one.meta.enactment?.map((e) => e.date)).toEqual(['2010-01-05', '2010-01-06', '2012-03-01', '2016-06-01']);
    expect(one.meta.date).toBe('2016-06-01');
    expect([...docSegments(one)].some((v) => /2010年|Adopted/.test(v.segment.text))).toBe(false);
    const broken = read(['# 某市河道管理条例', '', '（2010年1月5日 某市人民代表大会第二次', '', '会议通过）', '', ...body].join('\n'), 'md');
    expect(broken.meta.enactment).toEqual([{ date: '2010-01-05', action: '通过', body: '某市人民代表大会', text: '（2010年1月5日 某市人民代表大会第二次会议通过）' }]);
    expect([...docSegments(broken)].some((v) => /会议通过/.test(v.segment.text))).toBe(false);
  });
  it('enactment lines: date, action and body; a sentence with a date is not one', () => {
    expect(enactmentOf('2018年3月11日 第十三届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》')).toMatchObject({ date: '2018-03-11', action: '通过' });
    expect(enactmentOf('2000年1月4日 中华人民共和国国务院令第276号公布')).toMatchObject({ date: '2000-01-04', action: '公布', body: '中华人民共和国国务院令第276号' });
    expect(enactmentOf('2023年12月5日 施行')).toMatchObject({ date: '2023-12-05', action: '施行' });
    expect(enactmentOf('2020年3月5日，会议通过了决定。会议指出，要加强管理。')).toBeUndefined();
    expect(enactmentOf('2020年3月5日 某市召开会议')).toBeUndefined();
  });
});
