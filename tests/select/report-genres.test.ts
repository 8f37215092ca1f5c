// What the briefs of written reports' genres state (#14 point 4): a standard's clauses and requirements,
// a chronicle's consequential events, a report's overview — each on a small made-up input.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { requirementCue, unendedClause } from '../../pipeline/select/genre/standard.js';
import { eventWeight } from '../../pipeline/select/genre/chronicle.js';
import { calculationLine, laterBackReference } from '../../pipeline/select/report.js';
import { notationSymbol } from '../../pipeline/select/exclude.js';
import type { Brief, SourceDoc } from '../../pipeline/model.js';
import { doc, list, para, resetLines, section } from '../fixtures/select/build.js';

const items = (b: Brief, slot?: string) => b.slots.filter((s) => !slot || s.name === slot).flatMap((s) => s.items.map((i) => i.text));

/** A standard: a cover and an introduction before its clauses, lists of entries, a few requirements. */
function standard(): SourceDoc {
  resetLines();
  const d = doc('report', { title: '某设备定期评价 第3部分：设计' }, [
    section('section', '', [
      para('中华人民共和国能源行业标准。'),
      para('某设备运行的安全审查有常规审查和专项审查，它们是安全验证的主要手段，被全行业广泛采用。'),
      para('监管部门在2004年发布的规定中明确规定，营运单位在设备整个运行寿期内应当开展定期评价，定期评价是常规审查的补充。'),
      para('2022年发布的规定再次明确营运单位应当采用定期评价的方式对设备进行系统的评价，定期评价是对设备的系统评价。'),
    ]),
    section('section', '1 范围', [para('本部分规定了设备设计评价的目的、内容和方法。')]),
    section('section', '5 评价内容', [
      para('设计评价的目的是确定设备设计与设计文件的适当性。'),
      para('设计评价的范围为安全重要的设备和构筑物。'),
      list('设计评价的要点包括：', ['设计文件与安全基准的符合性；', '评价设备设计修改的适用性，评价修改后的安全影响，评价对设备评价的影响；', '设计修改评价'], 'numbered'),
    ]),
    section('section', '6 评价要求', [
      para('对于发现的不符合安全基准的差异项，应采用确定论和工程判断等方法评价其安全影响。'),
      para('对于管理类弱项，评价人员应提出合理、可行的纠正或改进建议。'),
      para('评价过程中产生的设计评价记录由设备营运单位归档保存。'),
      para('设计评价的结论是设备总体评价的输入之一。'),
    ]),
    section('section', '7 评价报告', [
      para('设计评价报告应包括设计评价的结论和纠正行动建议。'),
      para('设计评价报告由评价组编写并提交设备营运单位审批。'),
      list('对于纠正行动的收益分析，可采用以下方法', ['定性分析法。', '定量分析法。'], 'numbered'),
    ]),
  ]);
  d.genre = 'standard';
  return d;
}

describe('a standard states what it assesses and what it requires', () => {
  it('reads a requirement’s modal 应, and not 应 inside another word', () => {
    expect(requirementCue('评价人员应提出纠正建议。')).toBe('应');
    expect(requirementCue('营运单位应当开展定期评价。')).toBe('应');
    expect(requirementCue('报告须经审批。')).toBe('须');
    expect(requirementCue('以应对老化和修改的积累效应。')).toBeUndefined();
    expect(requirementCue('适应各种应用场景的响应速度。')).toBeUndefined();
    expect(unendedClause('与设计相关安全基准的符合性；')).toBe(true);
    expect(unendedClause('可采用以下方法')).toBe(true);
    expect(unendedClause('设计评价的范围为安全重要物项。')).toBe(false);
  });

  it('its points are clauses that are sentences, with its requirements, and not its introduction’s background', () => {
    const b = selectBrief(standard(), []).brief;
    const all = items(b);
    // a list entry or a lead-in running into its list is part of a longer sentence
    expect(all.filter((t) => !/[。！？]$/.test(t.replace(/……$/, '。')))).toEqual([]);
    // the regulations behind the standard (its introduction) are why it was written
    expect(all.some((t) => t.includes('2004年') || t.includes('2022年') || t.includes('常规审查'))).toBe(false);
    // what it requires
    expect(all.filter((t) => requirementCue(t)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('points are sentences, not a list’s entries', () => {
  it('a list entry without a sentence end (a headline) is never a point, however central', () => {
    resetLines();
    const d = doc('report', { title: '某开源投资报告' }, [
      section('chapter', '一. 投资', [
        para('2024 年开源人工智能投资热潮持续，开源人工智能初创公司全年融资总额接近 1000 亿美元。'),
        list('', ['甲公司完成开源人工智能 10 亿美元融资', '乙公司完成开源人工智能 6.4 亿美元融资', '丙公司完成开源人工智能 1 亿美元融资', '丁公司完成开源人工智能 2 亿美元融资']),
      ]),
      section('chapter', '二. 模型', [para('开源模型的下载量在一年内增长了十倍，超过一万个衍生模型发布。'), para('多家企业以开源权重发布旗舰模型，推理成本下降九成。')]),
      section('chapter', '三. 政策', [para('欧盟人工智能法案于 2024 年 8 月生效，对通用模型提出透明度要求。'), para('多国出台开源模型的监管规则，开源豁免成为立法争论的焦点。')]),
    ]);
    const b = selectBrief(d, []).brief;
    expect(items(b).filter((t) => /公司完成/.test(t))).toEqual([]);
  });

  it("a Greek letter set as a symbol marks notation, which a summary's reader was never given", () => {
    expect(notationSymbol('交易执行是协议中最复杂的部分：它定义了状态转换函数 Υ。')).toBe(true);
    expect(notationSymbol('账户状态 σ[a] 由四个字段组成。')).toBe(true);
    expect(notationSymbol('细颗粒物指直径小于2.5μm的颗粒物。')).toBe(false);
    expect(notationSymbol('以太坊可以看作一个基于交易的状态机。')).toBe(false);
  });

  it('a calculation on its own line is no sentence of the summary', () => {
    expect(calculationLine('月计薪天数＝（365天-104天）÷12月＝21.75天')).toBe(true);
    expect(calculationLine('季工作日：250天÷4季＝62.5天/季')).toBe(true);
    expect(calculationLine('月计薪天数按21.75天计算。')).toBe(false);
    expect(calculationLine('其中 x = 3 时成立。')).toBe(false);
    resetLines();
    const d = doc('report', { title: '关于工资折算问题的通知' }, [
      section('section', '', [para('根据国务院的规定，全体公民的节日假期由原来的10天增设为11天，职工全年月平均工作天数相应调整。')]),
      section('section', '一、日工资的折算', [para('月计薪天数＝（365天-104天）÷12月＝21.75天'), para('日工资：月工资收入÷月计薪天数'), para('法定节假日用人单位应当依法支付工资，折算日工资时不剔除11天法定节假日。')]),
      section('section', '二、附则', [para('2000年发布的通知同时废止，各地应按本通知调整工资折算办法。')]),
    ]);
    const b = selectBrief(d, []).brief;
    expect(items(b, 'bottomLine').filter((t) => /[=＝]/.test(t))).toEqual([]);
  });
});

describe('a chronicle’s brief keeps its most consequential events', () => {
  it('weighs a first, a rule issued and a figure over a meeting held', () => {
    expect(eventWeight('2023 年 3 月，中国的第二个开源基金会在重庆正式成立。').v).toBe(0);
    expect(eventWeight('2024 年 8 月，国家标准《开源许可证框架》正式获批发布。').v).toBeGreaterThan(0);
    expect(eventWeight('2023 年 5 月，某公司发布首个开源大模型。').v).toBeGreaterThan(0);
    expect(eventWeight('2024 年 6 月，某公司完成 6 亿美元融资。').v).toBeGreaterThan(0);
    expect(eventWeight('2024年3月10日，某工作组在北京召开2024年战略研讨会。').v).toBeLessThan(0);
  });

  it('its summary and points prefer the events that changed something over the meetings', () => {
    resetLines();
    const meetings = ['2024 年 3 月，开源社区在北京召开开源社区年度研讨会，讨论开源社区发展。', '2024 年 5 月，开源社区在上海召开开源社区年度论坛，讨论开源社区发展。', '2024 年 9 月，开源社区在深圳召开开源社区年度峰会，讨论开源社区发展。', '2024 年 11 月，开源社区在杭州举办开源社区年度大会，讨论开源社区发展。'];
    const d = doc('report', { title: '2024 开源大事记' }, [
      section('chapter', '一. 社区', meetings.map((t) => para(t))),
      section('chapter', '二. 政策与产业', [
        para('2024 年 8 月，国家标准《信息技术 开源许可证框架》正式获批发布。'),
        para('2024 年 6 月，某开源公司完成 6 亿美元融资，估值达到 60 亿美元。'),
        para('2024 年 10 月，国内首个开源操作系统基金会在北京成立。'),
      ]),
    ]);
    const b = selectBrief(d, []).brief;
    const all = items(b, 'bottomLine').concat(items(b, 'findings'));
    const consequential = all.filter((t) => /获批发布|融资|首个/.test(t)).length;
    expect(consequential).toBe(3);
  });
});

describe('a point stands on its own', () => {
  it('a sentence that names what was listed before it (…上述…) is a weak point', () => {
    expect(laterBackReference('通常运行核电厂的定期安全评价应涵盖上述所有14项安全要素。')).toBe('上述');
    expect(laterBackReference('上述要素的评价应在三年内完成。')).toBeUndefined(); // an opening one merges with its sentence
    expect(laterBackReference('营运单位应保持合适的项目管理安排。')).toBeUndefined();
    resetLines();
    const d = doc('report', { title: '某设备定期评价通用要求' }, [
      section('chapter', '一. 评价范围', [
        para('评价包括设备状态、老化、经验反馈、应急计划和人因等十四项安全要素。'),
        para('通常运行设备的定期安全评价应涵盖上述所有十四项安全要素，并给出每一要素的评价结论。'),
      ]),
      section('chapter', '二. 评价组织', [para('设备定期安全评价的责任主体为设备营运单位，营运单位应组建评价团队。'), para('评价团队由营运单位、设计单位和外部专家共同组成。')]),
      section('chapter', '三. 纠正行动', [para('纠正行动和安全改进应在下次定期安全评价之前完成。'), para('营运单位应保持合适的项目管理安排，确保及时完成承诺的纠正行动。')]),
      section('chapter', '四. 报告', [para('评价报告应在评价结束后六个月内提交监管部门。'), para('监管部门在收到报告后三个月内完成审查并反馈意见。')]),
    ]);
    const b = selectBrief(d, []).brief;
    expect(items(b, 'findings').filter((t) => t.includes('上述'))).toEqual([]);
  });
});
