// Plans and State Council documents (规划, 行动方案, 意见) as a scraped page gives them: numbered parts whose
// headings have a comma, tasks titled with a full stop over their paragraph, boxes (专栏) holding an
// indicator table one cell to a line or a list of projects, a target for a year in the goals section, and
// the page's closing paragraph over a rule. Each fault class on a short made-up plan.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { cellsAsTable, isBoxTitle } from '../../pipeline/ingest/boxes.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { mainDepth } from '../../pipeline/select/report.js';
import { targetOpening, isPlan, plannedFigure, runInTitle } from '../../pipeline/select/genre/plan.js';
import type { Block, Section, SourceDoc } from '../../pipeline/model.js';

const PLAN = `# “十四五”某某事业发展规划

## 政策全文

为推进某某事业高质量发展，根据有关法律法规，制定本规划。

一、发展基础

（一）取得的进展。

“十三五”时期，某某事业体系不断健全，服务能力明显提升，各项目标任务如期实现，群众满意度持续提高，基础设施建设全面加快。

服务体系不断健全。城乡服务网点布局逐步优化，县级服务中心基本实现全覆盖，服务标准体系初步建立，服务流程更加规范，群众办事更加便捷，服务质量评价机制逐步完善，社会各方参与服务的渠道不断拓宽。

保障能力明显增强。财政投入稳定增长，基础设施条件持续改善，信息化建设取得积极进展，专业人才队伍不断壮大，科研支撑能力显著提升，对外交流合作不断深化，为“十四五”时期发展奠定了坚实基础。

（二）面临的形势。

当前，某某事业发展仍面临不少困难，区域之间发展不平衡，基层服务能力薄弱，专业人才短缺问题比较突出，需要加快补齐短板。

二、总体要求

（一）主要目标。

总体目标：到2025年，某某事业体系更加完善，服务能力显著增强，覆盖城乡的服务网络基本建成，群众获得感明显提升。

专栏1　“十四五”时期主要指标

序号

指　　标

目标值

属性

1

服务网点覆盖率

达到95%

约束性

2

专业人员数量

增长20%

预期性

服务网络更加完善。城乡服务网点布局更加合理，县级以上服务机构标准化建设达标率达到80%，基层服务能力明显增强。

三、完善服务体系，构建覆盖城乡的服务网络

（一）加强服务网点建设。

推进服务网点标准化建设，优化城乡网点布局，加快补齐农村地区服务短板，提升网点综合服务能力和运行效率。

专栏2　服务体系建设重点

　　1．城市网点：改扩建现有服务中心，在人口密集区域新建一批综合服务站。
　　2．农村网点：推进县级服务中心建设，重点支持中西部地区网点建设。

完善服务网点运行管理制度，建立服务质量监测评价机制，推动服务网点与社区、学校、医院等公共设施共建共享，提高设施使用效率，方便群众就近获得服务。

（二）强化人才队伍建设。

建立专业人才培养体系，加强基层人员培训，完善人才评价和激励机制，吸引优秀人才投身某某事业发展。

四、推动创新发展，增强事业发展动能

（一）推进科技创新。

加强关键技术研究，推动新技术在某某领域的推广应用，建设一批创新平台，提升科技支撑能力和服务水平。

支持高校、科研院所和企业联合开展技术攻关，完善科技成果转化机制，推广应用一批先进适用技术和装备，建设某某领域重点实验室和工程技术研究中心，加强科技创新人才培养和团队建设。

（二）深化改革开放。

深化体制机制改革，完善政策法规体系，扩大对外交流合作，激发某某事业发展活力和社会参与热情。

五、实施重大工程项目，夯实某某事业发展基础

1．服务网点建设工程。

建设一批某某事业综合服务中心和基层服务网点，完善某某事业服务设施，提升某某事业服务能力和某某事业服务水平。

2．人才培养工程。

建设某某事业人才培训基地，培养一批某某事业专业人才，提升某某事业服务能力和某某事业发展水平。

六、组织实施

各地区、各有关部门要加强组织领导，细化工作措施，落实工作责任，确保规划各项目标任务如期完成，重要情况及时报告。
---

**更新时间**: 2026-01-26
`;

const read = (text: string): SourceDoc => ingest({ bytes: Buffer.from(text, 'utf8'), file: 'plan.md', format: 'md', slug: 'plan' }).doc;

const headings = (ss: Section[]): string[] => ss.flatMap((s) => [s.heading, ...headings(s.children)]);
const texts = (ss: Section[]): string[] =>
  ss.flatMap((s) => [
    ...s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.segments.map((x) => x.text).join('')] : b.type === 'list' ? b.items.map((i) => i.segments.map((x) => x.text).join('')) : [])),
    ...texts(s.children),
  ]);

describe('a plan’s structure', () => {
  const d = read(PLAN);
  it('reads numbered part headings with a comma as headings', () => {
    expect(headings(d.sections)).toContain('三、完善服务体系，构建覆盖城乡的服务网络');
    expect(headings(d.sections)).toContain('四、推动创新发展，增强事业发展动能');
  });
  it('reads a short task title closed with a full stop, over its paragraph, as a heading', () => {
    expect(headings(d.sections)).toContain('（一）加强服务网点建设。');
    expect(texts(d.sections)).not.toContain('（一）加强服务网点建设。');
  });
  it('keeps a paragraph over a rule (setext underline) a paragraph, not a heading', () => {
    const h = headings(d.sections);
    expect(h.some((x) => x.startsWith('各地区、各有关部门'))).toBe(false);
    expect(texts(d.sections).some((x) => x.startsWith('各地区、各有关部门要加强组织领导'))).toBe(true);
  });
  it('reads an indicator table kept one cell to a line as the box’s table', () => {
    expect(d.tables).toHaveLength(1);
    const t = d.tables[0];
    expect(t.label).toBe('专栏1');
    expect(t.caption).toBe('“十四五”时期主要指标');
    expect(t.header).toEqual(['序号', '指标', '目标值', '属性']);
    expect(t.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).toEqual([
      ['1', '服务网点覆盖率', '达到95%', '约束性'],
      ['2', '专业人员数量', '增长20%', '预期性'],
    ]);
    // the cells are no longer paragraphs of the text
    expect(texts(d.sections)).not.toContain('约束性');
  });
  it('marks a box’s title and its list as the box', () => {
    const all = (ss: Section[]): Section[] => ss.flatMap((s) => [s, ...all(s.children)]);
    const blocks = all(d.sections).flatMap((s) => s.blocks);
    const boxed = blocks.filter((b) => (b.type === 'paragraph' || b.type === 'list') && b.box);
    expect(boxed.map((b) => (b.type === 'paragraph' || b.type === 'list' ? b.box : ''))).toEqual(['专栏1 “十四五”时期主要指标', '专栏2 服务体系建设重点', '专栏2 服务体系建设重点']);
  });
});

describe('a plan’s brief', () => {
  // read as a report, as a real plan's length makes it (ingest/genre/report.ts); this short one is told so
  // (a plan's text read by the report parser: its headings and sections as the Markdown reader finds them)
  const d = { ...read(PLAN), kind: 'report' as const };
  const b = selectBrief(d, []).brief;
  const all = b.slots.flatMap((s) => s.items.map((i) => i.text));
  it('opens its summary with the target the plan sets for its year', () => {
    const summary = b.slots.find((s) => s.name === 'bottomLine')!.items.map((i) => i.text);
    expect(summary[0]).toMatch(/^到2025年，某某事业体系更加完善/);
  });
  it('makes what a box holds no candidate', () => {
    const boxed = collectUnits(d).filter((u) => /专栏2|城市网点|农村网点/.test(u.segment.text));
    expect(boxed.length).toBeGreaterThanOrEqual(3);
    for (const u of boxed) expect([u.eligible, u.excluded]).toEqual([false, 'box']);
  });
  it('spreads its points over the parts under the page’s one wrapping heading (政策全文)', () => {
    expect(mainDepth(collectUnits(d))).toBe(1);
  });
  it('takes no item from a box (its title, projects or table)', () => {
    expect(all.some((t) => /专栏|城市网点|农村网点|改扩建现有服务中心/.test(t))).toBe(false);
  });
  it('takes no task title as a point', () => {
    expect(all.some((t) => /^(?:（[一二三四]）)?(?:加强服务网点建设|强化人才队伍建设|推进科技创新)。$/.test(t))).toBe(false);
  });
});

describe('a plan’s quantified targets', () => {
  // the goals section states two targets with their figures beside the goal of the year; the background
  // reports a figure reached, in the same words
  const text = PLAN.replace(
    '服务网络更加完善。',
    '人才队伍更加壮大。专业人员持证上岗率达到95%，基层服务人员培训覆盖率达到100%。\n\n服务网络更加完善。',
  ).replace('“十三五”时期，某某事业体系不断健全，', '2020年，县级服务中心覆盖率达到85%。“十三五”时期，某某事业体系不断健全，');
  const d = { ...read(text), kind: 'report' as const };
  const b = selectBrief(d, []).brief;
  const points = b.slots.find((s) => s.name === 'findings')!.items.map((i) => i.text);
  it('makes two of its points the targets it sets with their figures', () => {
    expect(points.filter((t) => /(?:达标率|上岗率|覆盖率)达到(?:80|95|100)%/.test(t)).length).toBe(2);
  });
  it('does not take a figure reached for a target', () => {
    expect(points.some((t) => t.includes('覆盖率达到85%'))).toBe(false);
  });
  it('states each target as a whole sentence of the text', () => {
    for (const t of points.filter((x) => /达到\d+%/.test(x))) expect(text).toContain(t);
  });
});

describe('rules behind it', () => {
  it('finds the numbered title a plain text left as a paragraph over a goal', () => {
    const para = (text: string): Block => ({ type: 'paragraph', segments: [{ id: text, text, place: { line: 1, column: 1 }, footnoteRefs: [] }] }) as unknown as Block;
    const blocks = [para('（二）基本原则。'), para('坚持以人为本，把保护人民群众生命安全放在第一位。'), para('（三）主要目标。'), para('到2025年，体系基本建成。'), para('服务网络更加完善。县级以上服务机构达标率达到80%。')];
    expect(runInTitle(blocks, 4)).toBe('（三）主要目标。');
    expect(runInTitle(blocks, 1)).toBe('（二）基本原则。');
    expect(runInTitle(blocks, 0)).toBeUndefined();
    // so a target figure under it counts as the plan's target
    expect(plannedFigure('县级以上服务机构达标率达到80%。', ['二、总体要求', runInTitle(blocks, 4)!])).toBe(true);
  });
  it('knows a quantified target from a figure reached', () => {
    expect(plannedFigure('灾害预警信息发布公众覆盖率达到90%。', ['二、总体要求', '（三）主要目标。'])).toBe(true);
    expect(plannedFigure('受灾人员基本生活得到有效救助时间缩短至10小时以内。', ['发展目标'])).toBe(true);
    expect(plannedFigure('到2030年，可再生能源消费比重提高到25%左右。', ['四、重点任务'])).toBe(true);
    expect(plannedFigure('推动某某产业规模达1000亿元，培育100家产业链优质企业。', ['二、发展目标'])).toBe(true);
    // a figure reached, told in the background
    expect(plannedFigure('2020年，数字经济核心产业增加值占GDP比重达到7.8%。', ['一、发展现状和形势', '（一）发展现状。'])).toBe(false);
    // a goal without a figure
    expect(plannedFigure('应急管理体制机制更加完善。', ['（三）主要目标。'])).toBe(false);
  });
  it('knows a box’s title', () => {
    expect(isBoxTitle('专栏1　“十四五”时期主要指标')).toBe(true);
    expect(isBoxTitle('【专栏3】重大工程')).toBe(true);
    expect(isBoxTitle('专栏作家的文章很受欢迎。')).toBe(false);
  });
  it('reads cells as a table only when the rows are numbered and as wide as the header', () => {
    expect(cellsAsTable(['序号', '指标', '1', '甲', '2', '乙'])).toEqual({ header: ['序号', '指标'], rows: [['1', '甲'], ['2', '乙']] });
    expect(cellsAsTable(['序号', '指标', '1', '甲', '3', '乙'])).toBeUndefined();
    expect(cellsAsTable(['序号', '指标', '1', '甲', '2'])).toBeUndefined();
    expect(cellsAsTable(['甲', '乙', '丙'])).toBeUndefined();
  });
  it('knows a target of a year and a plan by its title', () => {
    expect(targetOpening('到2025年，数字经济迈向全面扩展期。')).toBe(true);
    expect(targetOpening('总体目标：到2035年，基本建成。')).toBe(true);
    expect(targetOpening('展望2035年，数字经济将迈向繁荣成熟期。')).toBe(true);
    expect(targetOpening('2025年，数字经济核心产业增加值占比达到10%。')).toBe(false);
    const plan = (title: string) => isPlan({ meta: { title } } as SourceDoc);
    expect(plan('“十四五”国家应急体系规划')).toBe(true);
    expect(plan('扩大内需战略规划纲要（2022－2035年）')).toBe(true);
    expect(plan('国务院关于加快发展某某产业的意见')).toBe(true);
    expect(plan('2024年政府工作报告')).toBe(false);
  });
});

// session 13: a plan given as plain text keeps its indicator table one cell to a line with no blank line
// between cells; the reader joined the cells into one run-on "sentence" (…下降15%重特大…下降20%…), took the
// rows' numbers for page numbers and a cell repeated down a column (约束性) for a running head.
describe('a plain-text plan’s table laid out one cell to a line', () => {
  const rows = [
    ['1', '服务网点覆盖率', '达到95%', '约束性'],
    ['2', '专业人员数量', '增长20%', '约束性'],
    ['3', '基层机构达标率', '达到90%', '约束性'],
    ['4', '群众满意度', '>90%', '预期性'],
  ];
  const cells = (header: string[]) => [...header, ...rows.flat()].join('\n');
  const txt = (caption: string, header: string[]) =>
    [
      '某某事业发展规划',
      '一、总体要求',
      '（一）主要目标。',
      '到2025年，某某事业体系更加完善，服务能力显著增强，覆盖城乡的服务网络基本建成，群众获得感明显提升。',
      caption,
      cells(header),
      '服务网络更加完善。城乡服务网点布局更加合理，县级以上服务机构标准化建设达标率达到80%，基层服务能力明显增强。',
      '二、重点任务',
      '推进服务网点标准化建设，优化城乡网点布局，加快补齐农村地区服务短板，提升网点综合服务能力和运行效率。',
      '建立专业人才培养体系，加强基层人员培训，完善人才评价和激励机制，吸引优秀人才投身某某事业发展。',
    ].join('\n') + '\n';
  const readTxt = (text: string) => ingest({ bytes: Buffer.from(text, 'utf8'), file: 'plan.txt', format: 'txt', slug: 'plan', meta: { file: 'meta.yaml', text: 'kind: report\n' } }).doc;
  for (const [caption, label] of [
    ['专栏1　“十四五”时期主要指标', '专栏1'],
    ['表1　“十四五”时期主要指标', '表 1'],
  ] as const) {
    it(`reads the cells under “${caption.slice(0, 3)}…” as the table, its rows’ numbers and repeated cells included`, () => {
      const d = readTxt(txt(caption, ['序号', '指　　标', '目标值', '属性']));
      expect(d.tables).toHaveLength(1);
      expect(d.tables[0].label).toBe(label);
      expect(d.tables[0].caption).toBe('“十四五”时期主要指标');
      expect(d.tables[0].header).toEqual(['序号', '指标', '目标值', '属性']);
      expect(d.tables[0].rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).toEqual(rows);
      // no cell is left in the text, and the paragraph after the table starts on its own
      const all = texts(d.sections);
      expect(all.some((t) => /约束性|服务网点覆盖率|下降|达到95%/.test(t))).toBe(false);
      expect(all.some((t) => t.startsWith('服务网络更加完善。'))).toBe(true);
    });
  }
  it('leaves short lines that do not read as a table (no numbered rows) to the text', () => {
    const d = readTxt(txt('表1　主要指标', ['指标', '目标值']).replace(/^[1-4]\n/gm, ''));
    expect(d.tables).toHaveLength(0);
  });
});
