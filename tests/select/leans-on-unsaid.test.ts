// Points that lean on what they do not say (#14, session 14): a demonstrative whose noun the sentence never
// named, 这 as the subject after an opening adverbial, a pointer to the course of the talk, a one-line reply in a
// meeting; the text describing its own making or contents; a plan's guiding ideology and principles. Each on a
// short made-up text.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { deicticReference, dependentOpening } from '../../pipeline/select/cues.js';
import { exclusionOf, purposeOfItself } from '../../pipeline/select/exclude.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { principlesHeading, underPrinciples } from '../../pipeline/select/genre/plan.js';
import { shortTurn } from '../../pipeline/select/spoken.js';
import { checkBrief } from '../../pipeline/check/brief/index.js';
import type { Brief } from '../../pipeline/model.js';
import { doc, list, para, resetLines, section, seg } from '../fixtures/select/build.js';

const items = (b: Brief, slot?: string) => b.slots.filter((s) => !slot || s.name === slot).flatMap((s) => s.items.map((i) => i.text));

describe('a demonstrative whose noun the sentence never named', () => {
  it('leans on the sentence before (这一个范围, 这个计划, 那些渔船, 这一门槛)', () => {
    expect(deicticReference('每年9月至次年2月，底刺网作业不能在这一个范围内进行。')).toBeUndefined(); // a later clause
    expect(deicticReference('每年9月至次年2月底刺网作业是不能在这一个范围内进行。')).toBe('back-reference 这一个范围');
    expect(dependentOpening('开源开发者工具降低了这一门槛。')).toBe('back-reference 这一门槛');
    expect(dependentOpening('海巡署会持续驱离那些渔船。')).toBe('back-reference 那些渔船');
  });

  it('does not when the sentence names it, sums up its own clause, says whose, or names it in apposition', () => {
    // the noun named before it
    expect(dependentOpening('新划定的保育范围比这个范围大得多。')).toBeUndefined();
    // a later clause summing up the one before it
    expect(dependentOpening('越来越多的公司发布开源模型，这种趋势正改变行业格局。')).toBeUndefined();
    // whose it is, a time, a pronoun, "those that…"
    expect(dependentOpening('县政府下属的渔业署和我们这个研究团队会在明年完成调查。')).toBeUndefined();
    expect(dependentOpening('全县十二个乡镇的渔会在这一年完成了三个渔港的整建。')).toBeUndefined();
    expect(dependentOpening('对于那些计划在平台上开发的企业而言，许可证是必须遵守的要求。')).toBeUndefined();
    // an apposition to a name just written
    expect(dependentOpening('Stable Diffusion 这个开源项目获得了众多开发者的响应。')).toBeUndefined();
    expect(dependentOpening('我们就“您是否参与社区”这个问题做了交叉分析。')).toBeUndefined();
  });
});

describe('这 as the subject after an opening adverbial', () => {
  it('points at the sentence before; a main clause with its own subject does not', () => {
    expect(dependentOpening('在2013年县政府公布禁渔规范后，这已经有了长足的进步。')).toBe('back-reference 这');
    expect(dependentOpening('自新法施行以来，那是第一次有渔船被没收。')).toBe('back-reference 那');
    expect(dependentOpening('在2013年县政府公布禁渔规范后，渔获量已经逐年回升。')).toBeUndefined();
  });
});

describe('a pointer to the course of the talk', () => {
  it('opens with "next" or "later" (后头, 接下来, 下面, 接着, 稍后)', () => {
    expect(dependentOpening('后头会有几个阶段，让渔民了解转型的过程。')).toBe('pointer to the talk 后头');
    expect(dependentOpening('接下来会详细讨论三个层次各自的内容。')).toBe('pointer to the talk 接下来');
    expect(dependentOpening('接着，单靠个人识别假讯息是不够的。')).toBe('pointer to the talk 接着');
    // the one below names a thing
    expect(dependentOpening('后面的工作由各部门分头完成。')).toBeUndefined();
  });

  it('keeps such sentences out of a press conference brief, and the brief check finds none', () => {
    resetLines();
    const turn = (name: string, text: string[]) => section('section', `${name}：`, [{ type: 'paragraph', segments: text.map((t) => seg(t, { speaker: { name } })) }]);
    const d = doc('news', { title: '海洋国家公园划设记者会' }, [
      turn('王署长', [
        '海洋国家公园的海域面积是3.5万公顷，陆域只有370公顷。',
        '每年农历9月至2月间底刺网渔船的作业是不能在这一个范围内执行。',
        '在102年县政府公布海洋国家公园的底刺网禁止作业规范后，这已经有非常长期的进步。',
      ]),
      turn('李处长', [
        '今年海洋国家公园的越界渔船裁罚总额是2095万元，比前一期增加了四成。',
        '后头会有几个阶段，让海洋国家公园周边的渔民了解底刺网渔船转型的过程。',
        '海巡署会加派两艘500吨级的巡防舰驻守海洋国家公园海域。',
      ]),
      turn('陈局长', ['内政部明年会完成海洋国家公园的经营管理规划，并召开三场渔民说明会。', '渔民转型生态旅游的补助每户最高20万元。']),
    ]);
    const { brief } = selectBrief(d, []);
    const all = items(brief);
    expect(all.length).toBeGreaterThan(2);
    for (const t of all) {
      expect(t).not.toMatch(/^(?:每年农历|在102年|后头)/);
    }
    expect(checkBrief(brief, d).filter((m) => m.ruleId === 'brief:dependent')).toEqual([]);
  });
});

describe('a one-line reply in a meeting', () => {
  it('is a speaker’s whole turn of a few words without a figure', () => {
    resetLines();
    const turn = (name: string, text: string[]) => ({ type: 'paragraph' as const, segments: text.map((t) => seg(t, { speaker: { name } })) });
    const blocks = [
      turn('黄委员', ['跨学制的协调一定要做，但请主席裁示由谁来做这个工作。']),
      turn('林委员', ['跨学制是第三群组统整。']),
      turn('黄委员', ['技高提的建议是综合七选二。']),
      turn('林委员', ['第三群组下周一开会。']),
      turn('林委员', ['会后再报告。']),
      turn('张委员', ['课纲6月底送审。']),
    ];
    expect(shortTurn(blocks, 1)).toBe(true);
    // the same speaker goes on in the next paragraph: not a whole turn
    expect(shortTurn(blocks, 3)).toBe(false);
    // a long turn, a figure
    expect(shortTurn(blocks, 0)).toBe(false);
    expect(shortTurn(blocks, 5)).toBe(false);
  });
});

describe('the text describing its own making or contents', () => {
  it('a purpose clause ending on the document it makes (特制定本行动计划) is no point', () => {
    expect(exclusionOf('为加快推动本市某产业高质量发展，打造创新发展高地，特制定本行动计划。')).toBe('meta');
    expect(exclusionOf('为推进全省数据要素市场建设，制定本实施方案。')).toBe('meta');
    // a plan named with whose it is is something the sentence does
    expect(exclusionOf('各区应当在年底前形成该区的发展规划。')).toBeUndefined();
  });

  it('a law’s purpose ending on itself (为了…，制定本法。) may open its summary, never a point', () => {
    expect(purposeOfItself('为了规范渔业资源的保护和利用，根据宪法，制定本法。')).toBe(true);
    expect(purposeOfItself('為規範個人資料之蒐集、處理及利用，特制定本法。')).toBe(true);
    expect(purposeOfItself('为了保护渔业资源，县政府应当制定本县的禁渔规定并公布。')).toBe(false);
    expect(exclusionOf('为了规范渔业资源的保护和利用，根据宪法，制定本法。')).toBeUndefined();
    resetLines();
    const d = doc('report', { title: '某某渔业资源保护法' }, [
      section('chapter', '第一章 总则', [
        para('第一条 为了规范渔业资源的保护和利用，维护渔民的合法权益，促进渔业可持续发展，根据宪法，制定本法。'),
        para('第二条 在本国管辖海域从事渔业资源的捕捞、养殖和保护活动，适用本法。'),
      ]),
      section('chapter', '第二章 保护', [
        para('第三条 县级以上人民政府应当划定禁渔区和禁渔期，并向社会公布。'),
        para('第四条 任何单位和个人不得在禁渔期内使用底刺网捕捞。'),
        para('第五条 渔业主管部门应当每年对渔业资源状况进行调查评估。'),
      ]),
      section('chapter', '第三章 法律责任', [para('第六条 违反本法第四条规定的，没收渔获物和渔具，并处五万元以下罚款。')]),
    ]);
    const { brief } = selectBrief(d, []);
    const points = brief.slots.filter((s) => s.name !== 'bottomLine').flatMap((s) => s.items.map((i) => i.text));
    expect(points.length).toBeGreaterThan(1);
    expect(points.some((t) => t.includes('制定本法'))).toBe(false);
  });

  it('nor are the editors telling what the text lets its reader see', () => {
    expect(exclusionOf('在活泼写实、内容丰富的随笔中，我们可以看到一位年轻人在开源中的成长轨迹。')).toBe('meta');
    expect(exclusionOf('从这篇访谈里，读者能了解到社区如何提名新的维护者。')).toBe('meta');
    expect(exclusionOf('在过去一年中，我们可以看到开源项目的数量增长了三成。')).toBeUndefined();
  });
});

describe('a plan’s guiding ideology and principles', () => {
  it('are named by their headings, numbered or run in', () => {
    expect(principlesHeading('（一）指导思想')).toBe(true);
    expect(principlesHeading('（二）基本原则。')).toBe(true);
    expect(principlesHeading('二 实施乡村振兴战略的总体要求')).toBe(true);
    expect(principlesHeading('二、2022年经济社会发展总体要求和政策取向')).toBe(false);
    expect(principlesHeading('（三）发展目标')).toBe(false);
  });

  it('lose to the plan’s measures and targets', () => {
    resetLines();
    const formula = '服务国家重大任务，加强产业规划引领，聚焦重点、发挥优势、持续创新、合理布局，推进某产业融合化、集群化、生态化发展。';
    const runIn = '坚持创新引领，强化某产业关键核心技术攻关，推动某产业链、创新链、人才链深度融合发展。';
    const d = doc('report', { title: '某市某产业高质量发展三年行动计划' }, [
      section('chapter', '一、总体思路', [], [
        section('section', '（一）指导思想', [para(`以新发展理念为引领，${formula}`)], [], 2),
        section('section', '（二）基本原则', [para(`1.统筹规划，协调推进。${formula}`), para(`2.创新驱动，融合发展。${runIn}`)], [], 2),
      ]),
      section('chapter', '二、发展目标', [para('到2025年，某产业规模达到1000亿元，培育100家某产业链优质企业。'), para('建成10个某产业应用示范区，形成某产业发展的完整生态。')]),
      section('chapter', '三、主要任务', [
        list('', ['建设某产业公共服务平台，提供检测认证、标准时间和数据共享服务。', '支持某产业龙头企业牵头组建创新联合体，开展关键芯片攻关。', '在交通、港口、电力领域开展某产业规模化应用示范。'], 'numbered'),
        para('设立某产业发展专项资金，对重大项目给予最高3000万元支持。'),
        para('推动某产业高精度服务在城市治理、智能交通和无人系统中的融合应用，建设统一的时空数据底座。'),
      ]),
      section('chapter', '四、保障措施', [
        para('建立市级统筹协调机制，由市发展改革委牵头，各区政府分工落实。'),
        para('对引进的某产业高端人才给予住房和子女入学保障，支持高校设立某产业相关专业。'),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(underPrinciples(of('以新发展理念为引领'))).toBe(true);
    expect(underPrinciples(of('服务国家重大任务'))).toBe(true);
    expect(underPrinciples(of('到2025年'))).toBe(false);
    expect(underPrinciples(of('设立某产业发展专项资金'))).toBe(false);
    const r = selectBrief(d, [], { explain: true });
    const { brief } = r;
    const all = items(brief);
    expect(all.length).toBeGreaterThan(2);
    expect(all.some((t) => t.includes('聚焦重点、发挥优势') || t.includes('以新发展理念为引领'))).toBe(false);
  });

  it('are also the sentence that opens on the guiding-ideology clause, under any heading', () => {
    resetLines();
    const d = doc('report', { title: '关于某产业发展情况的报告' }, [
      section('chapter', '一、发展成效', [para('某产业规模从2012年的1.3万亿元增长到2021年的13万亿元。'), para('已与16个国家签署合作备忘录，与24个国家建立双边合作机制。')]),
      section('chapter', '二、下一步工作', [
        para('以新时代中国特色社会主义思想为指导，深入贯彻会议精神，统筹发展和安全，推动某产业高质量发展。'),
        para('设立某产业发展专项资金，对重大项目给予最高3000万元支持。'),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(underPrinciples(of('以新时代中国特色社会主义思想为指导'))).toBe(true);
    expect(underPrinciples(of('设立某产业发展专项资金'))).toBe(false);
    // the clause inside a sentence that states something else is no opening
    expect(underPrinciples(of('某产业规模从2012年'))).toBe(false);
  });
});
