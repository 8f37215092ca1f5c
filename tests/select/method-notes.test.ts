// Method notes and lead-ins of research reports (how the data was collected, defined, counted, grouped or
// sourced; what picture the report says it draws) rank below its findings, and are never dropped outright.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { leadInCue, methodCue } from '../../pipeline/select/cues.js';
import { exclusionOf } from '../../pipeline/select/exclude.js';
import type { Brief } from '../../pipeline/model.js';
import { doc, para, resetLines, section } from '../fixtures/select/build.js';

const items = (b: Brief, slot?: string) => b.slots.filter((s) => !slot || s.name === slot).flatMap((s) => s.items.map((i) => i.text));

describe('method notes', () => {
  it('names how data was defined, sourced, counted, grouped or collected', () => {
    for (const t of [
      '本地企业是以工商登记数据为准，一家企业可能包含多个分支机构。',
      '本文数据来源于某省统计年鉴和企业年报。',
      '文中的就业人数按统计口径计算，不含灵活就业人员。',
      '本调查根据从业年限将受访者分为新人、骨干和资深三组。',
      '本报告采用 2020—2023 年的面板数据。',
      '本次调研共回收有效问卷 1,820 份。',
      '本问卷除基础问题外，还针对不同角色分别进行了提问。',
      '年底，我们再次启动了全省中小企业的年度经营调查。',
      '数据截至 2023 年 12 月 31 日。',
      '**调查方法**：以在线问卷方式收集样本。',
      '问卷通过线上推广和线下会议等多渠道发放。',
    ])
      expect(methodCue(t), t).toBeDefined();
  });

  it('does not take a finding, or a law’s rule on which text prevails, for one', () => {
    for (const t of [
      '本次调查显示，七成受访企业计划扩大投资。',
      '调查结果表明，中小企业的融资成本下降了 0.8 个百分点。',
      '统计局数据显示，全年地区生产总值增长 5.2%。',
      '本协定以中文和英文写成，两种文本同等作准，如有分歧，以中文文本为准。',
      '受访者主要分布在制造业，占比达 61%。',
    ])
      expect(methodCue(t), t).toBeUndefined();
  });

  it('a lead-in says what picture the report draws; a dated event that aims at one is an event', () => {
    expect(leadInCue('整体而言，本篇通过丰富的数据分析，勾勒出全省数字经济在 2023 年的全景图。')).toBeDefined();
    expect(leadInCue('2024 年，我们继续借助调查工具，进一步绘制全省中小企业的地图。')).toBeDefined();
    expect(leadInCue('2023 年 6 月，行业协会发布《数字经济蓝皮书》，力图呈现全省数字经济的全貌。')).toBeUndefined();
    expect(leadInCue('全省数字经济增加值增长 9.1%，占地区生产总值的 41%。')).toBeUndefined();
  });

  it('ranks below the findings of a survey report, even when its section has nothing else', () => {
    resetLines();
    const d = doc('report', { title: '某省中小企业调查报告', institution: '某研究院' }, [
      section('chapter', '一、调查说明', [
        para('本调查根据从业年限将受访企业分为初创、成长和成熟三组，数据以工商登记数据为准。'),
        para('本次调研共回收有效问卷 1,820 份，问卷通过线上推广和线下会议等多渠道发放。'),
      ]),
      section('chapter', '二、经营状况', [
        para('受访企业中 62% 的营业收入比上年增长，成熟企业的增长面最大。'),
        para('用工成本是受访企业最大的负担，占比达 48%，高于融资成本。'),
        para('近四成受访企业计划在明年扩大投资，初创企业的意愿最强。'),
      ]),
      section('chapter', '三、数字化', [
        para('已上云的受访企业占 57%，比上年提高 9 个百分点。'),
        para('数字化投入主要用于财务和销售管理，生产环节的投入不足两成。'),
      ]),
    ]);
    const b = selectBrief(d, []).brief;
    const all = items(b);
    expect(items(b, 'findings').length).toBeGreaterThanOrEqual(3);
    expect(all.some((t) => t.includes('分为初创') || t.includes('有效问卷'))).toBe(false);
  });

  it('is still a point when the text says nothing but its method', () => {
    resetLines();
    const d = doc('report', { title: '某调查的方法说明', institution: '某研究院' }, [
      section('chapter', '一、样本', [
        para('本调查根据从业年限将受访企业分为初创、成长和成熟三组。'),
        para('本次调研共回收有效问卷 1,820 份，覆盖全省 16 个地市。'),
        para('企业数量以工商登记数据为准，一家企业可能包含多个分支机构。'),
      ]),
    ]);
    expect(items(selectBrief(d, []).brief).length).toBeGreaterThan(0);
  });
});

describe("the writers' narration of their own text", () => {
  // session 13: the Yellow Paper's brief took 以上，我定义了大量的函数。 and 我们已经介绍、讨论并正式定义了以太坊的协议。
  it('not-ok: what the writers have defined, introduced or discussed so far', () => {
    for (const t of ['以上，我定义了大量的函数。', '我们已经介绍、讨论并正式定义了该协议。', '至此，我们介绍了模型的三个组成部分。'])
      expect(exclusionOf(t), t).toBe('meta');
  });
  it('ok: what the writers did in the world, or found', () => {
    for (const t of ['我们已经引入了三家战略投资者。', '我们发现，七成企业计划扩大投资。', '我们定义的指标比上年提高了 3 个百分点。'])
      expect(exclusionOf(t), t).toBeUndefined();
  });
});

describe('a heading run into its text', () => {
  it('is found after the heading’s run-in label as well', () => {
    expect(exclusionOf('3.1 赛道一：拼写检查拼写检查任务要求参赛队伍给出错误的位置。')).toBe('fused heading');
    expect(exclusionOf('赛道一：拼写检查任务要求参赛队伍给出错误的位置。')).toBeUndefined();
  });
});
