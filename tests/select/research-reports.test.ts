// Research reports and papers: the summary says what the report found, over the whole report (#13 rep).
// Each fault class on a short made-up text.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { exclusionOf } from '../../pipeline/select/exclude.js';
import { illustrationCue, methodCue } from '../../pipeline/select/cues.js';
import { overviewHeading } from '../../pipeline/select/report.js';
import { chronologyEntry, eventWeight, gatheringOnly } from '../../pipeline/select/genre/chronicle.js';
import { stepList } from '../../pipeline/select/genre/standard.js';
import type { Brief } from '../../pipeline/model.js';
import { doc, list, para, resetLines, section } from '../fixtures/select/build.js';

const items = (b: Brief, slot?: string) => b.slots.filter((s) => !slot || s.name === slot).flatMap((s) => s.items.map((i) => i.text));

/** A chapter dense in one subject's words: the kind that wins centrality over the whole report. */
function robotChapter(): ReturnType<typeof section> {
  return section('chapter', '五. 服务机器人', [
    para('服务机器人正在快速发展，服务机器人成为人工智能与服务机器人结合的热点。'),
    para('服务机器人的关键技术包括感知、规划和控制，服务机器人厂商重点投入这些技术。'),
    para('中国服务机器人厂商数量增长，服务机器人整机和零部件的国产化率不断提高。'),
    para('服务机器人的开源社区活跃，服务机器人的开源项目帮助厂商降低服务机器人的研发成本。'),
  ]);
}

describe('a report without a 摘要: its overview, or its chapters, make the summary', () => {
  it('reads an overview heading through its number, an author mention and a colon', () => {
    expect(overviewHeading('一. 概述 @某编辑 @某审核')).toBe(true);
    expect(overviewHeading('概述：')).toBe(true);
    expect(overviewHeading('核心观点')).toBe(true);
    expect(overviewHeading('二、概述与展望方法')).toBe(false);
    expect(overviewHeading('三. 开源模型')).toBe(false);
  });

  it('the overview chapter, not the most lexically dense chapter, gives the summary', () => {
    resetLines();
    const d = doc('report', { title: '年度开源报告·模型篇' }, [
      section('chapter', '一. 概述', [
        para('2024 年，开源模型的快速发展改写了行业规则，开源成为模型创新的主要方式。'),
        para('开源模型以较低成本逼近闭源模型，价格竞争随之加剧。'),
        para('站在新的一年，未来的领先企业将是在开源与商业之间找到平衡的企业。'),
      ]),
      section('chapter', '二. 基础模型', [para('多家企业在 2024 年发布了参数规模更大的开源基础模型，下载量增长了两倍。')]),
      section('chapter', '三. 开发工具', [para('开源开发工具降低了中小企业使用模型的门槛，社区贡献者数量持续增加。')]),
      section('chapter', '四. 监管', [para('多国在 2024 年提出了针对开源模型的监管方案，合规成本有所上升。')]),
      robotChapter(),
    ]);
    const summary = items(selectBrief(d, []).brief, 'bottomLine').join('');
    expect(summary).toContain('改写了行业规则');
    expect(summary).not.toContain('服务机器人');
  });

  it('without an overview, the summary of a report of many chapters comes from more than one of them, and a chapter gives at most two points', () => {
    resetLines();
    const d = doc('report', { title: '年度开源报告·模型篇' }, [
      section('chapter', '一. 基础模型', [para('多家企业在 2024 年发布了参数规模更大的开源基础模型，下载量增长了两倍。')]),
      section('chapter', '二. 开发工具', [para('开源开发工具降低了中小企业使用模型的门槛，社区贡献者数量持续增加。')]),
      section('chapter', '三. 监管', [para('多国在 2024 年提出了针对开源模型的监管方案，合规成本有所上升。')]),
      robotChapter(),
    ]);
    const b = selectBrief(d, []).brief;
    const summary = items(b, 'bottomLine');
    expect(summary.filter((t) => t.includes('服务机器人')).length).toBeLessThanOrEqual(1);
    expect(items(b, 'findings').filter((t) => t.includes('服务机器人')).length).toBeLessThanOrEqual(2);
  });

  it('an edition or interview described by what it covers, or the form the report takes, is about the report itself', () => {
    expect(exclusionOf('在过去两年的年度报告商业化篇中，介绍了开源软件商业化的驱动因素。')).toBe('meta');
    expect(exclusionOf('在与他们的访谈中，总结和分析过去几年的发展。')).toBe('meta');
    expect(exclusionOf('今年则以访谈的形式组织本篇的内容。')).toBe('meta');
    expect(exclusionOf('在过去两年中，开源软件公司的收入增长了一倍。')).toBeUndefined();
    expect(exclusionOf('报告中的数据显示，开源软件公司的收入增长了一倍。')).toBeUndefined();
  });
});

describe('a chart read aloud, an example, a part described rank below findings', () => {
  it('names the cue, and leaves statements alone', () => {
    expect(illustrationCue('从各平台活跃仓库的数据来看，甲平台的活跃度增长最快。')).toBe('chart reading');
    expect(illustrationCue('如上图所示，甲平台的活跃度增长最快。')).toBe('chart reading');
    expect(illustrationCue('以某开源项目为例，有 300 名贡献者成为提交者。')).toBe('example');
    expect(illustrationCue('开发工具层提供了必要的工具和平台，以支持模型的部署。')).toBe('description of a part');
    expect(illustrationCue('根据某机构的数据，很多项目使用的开源软件版本老旧。')).toBeUndefined();
    expect(illustrationCue('甲平台的活跃度在 2022 年超过了乙平台。')).toBeUndefined();
    expect(methodCue('接下来的分析工作，同样建立在每个平台前 3 万个仓库的基础之上。')).toBeDefined();
  });

  it('a finding outranks an example and a part described, in the points and the summary', () => {
    resetLines();
    const d = doc('report', { title: '开源商业化报告' }, [
      section('chapter', '一. 开源模型', [
        para('模型层提供了开源模型的训练和推理能力，以支持开源模型的商业化部署。'),
        para('以某开源模型项目为例，开源模型的商业化部署带来了三倍的收入。'),
        para('开源模型的商业化收入在 2023 年增长了 45%，开源模型企业的融资额超过 20 亿美元。'),
      ]),
      section('chapter', '二. 开源安全', [
        para('很多软件项目使用的开源组件版本老旧，开源模型的安全风险敞口较大。'),
        para('开源模型的安全漏洞数量在 2023 年增长了 30%，开源模型企业加大了安全投入。'),
      ]),
    ]);
    const b = selectBrief(d, []).brief;
    const all = items(b);
    expect(all.some((t) => t.includes('增长了 45%'))).toBe(true);
    expect(items(b, 'bottomLine').some((t) => t.includes('为例') || t.includes('模型层提供'))).toBe(false);
  });
});

describe('a leader\'s instruction passed on frames a report; its findings lead', () => {
  it('names the cue for the office and the verb, with or without a name and a place', () => {
    expect(illustrationCue('某某总书记强调，要统筹发展和安全，做强做优做大海洋经济。')).toBe('instruction passed on');
    expect(illustrationCue('某某总理指出，要加快海洋产业转型。')).toBe('instruction passed on');
    expect(illustrationCue('总书记在全国海洋工作会议上强调，要建设海洋强国。')).toBe('instruction passed on');
    expect(illustrationCue('某某委员长对相关工作作出重要批示。')).toBe('instruction passed on');
    // what a leader did is an event, and what the report finds is a finding
    expect(illustrationCue('某某总书记在峰会上宣布中方将申请加入协定。')).toBeUndefined();
    expect(illustrationCue('海洋经济总量十年增长一倍，占国内生产总值的比重达到9%。')).toBeUndefined();
  });

  it('the summary of a report to a legislature does not quote the instructions its preamble passes on', () => {
    resetLines();
    const d = doc('report', { title: '关于海洋经济发展情况的报告' }, [
      section('section', '', [
        para('某某总书记强调，要发展海洋经济，建设海洋强国，推动海洋经济高质量发展，保护海洋生态环境。'),
        para('某某总理指出，要加快海洋经济发展，推动海洋产业转型升级，提高海洋经济发展质量。'),
      ]),
      section('chapter', '一、海洋经济发展成效显著', [
        para('十年来，海洋经济总量增长一倍，海洋经济占国内生产总值的比重达到9%。'),
        para('海洋产业结构持续优化，海洋新兴产业增加值年均增长12%。'),
        para('海洋经济发展成效显著，海洋渔业、海洋交通运输业和海洋旅游业规模位居世界前列。'),
        para('海洋科技创新能力明显增强，深海探测和海水淡化技术取得重大突破。'),
      ]),
      section('chapter', '二、面临的形势', [para('海洋经济发展不平衡，部分海域生态退化，海洋科技创新能力不足。')]),
      section('chapter', '三、下一步工作安排', [para('加快发展海洋新兴产业，推动海洋经济高质量发展。')]),
    ]);
    const summary = items(selectBrief(d, []).brief, 'bottomLine');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.some((t) => /强调|指出/.test(t))).toBe(false);
  });
});

describe('an article: what the subject is and does before its chronology and its catalogues', () => {
  it('a dated entry of a history section is a chronology entry; elsewhere it is not', () => {
    expect(chronologyEntry('1961年—1962年，复置甲县、乙县，属某专区。', ['历史沿革', '近代'])).toBe(true);
    expect(chronologyEntry('20世纪40年代，许多研究者探索控制论。', ['发展史'])).toBe(true);
    expect(chronologyEntry('1961年—1962年，复置甲县、乙县，属某专区。', ['规划'])).toBe(false);
    expect(chronologyEntry('甲县在1961年复置。', ['历史沿革'])).toBe(false);
  });

  it('a chronology entry and one entry of a catalogue weigh less among the points than what the subject is and does', () => {
    resetLines();
    const d = doc('report', { title: '甲新区' }, [
      section('section', '', [para('甲新区是某省的国家级新区，由甲县、乙县组成，于2017年设立。')]),
      section('section', '历史沿革', [
        para('1949年，甲县属某专区，县城设在旧镇。'),
        para('1961年—1962年，复置甲新区的乙县，属某专区。'),
        para('1994年，丙县改属某市。'),
      ]),
      section('section', '规划', [
        para('甲新区规划建设区面积约100平方公里，甲新区定位为某市非核心功能疏解承载地。'),
        para('甲新区的规划以生态优先，甲新区的蓝绿空间占比不低于70%。'),
        para('甲新区的起步区面积约38平方公里，甲新区的起步区承担首批疏解功能。'),
        para('甲新区的交通规划以轨道交通为骨干，甲新区与某市之间的通勤时间为半小时。'),
      ]),
      section('section', '承接疏解', [
        para('甲新区已承接疏解企业4家，甲新区的疏解企业数量居全国第三。'),
        list('', ['丙公司，2021年在甲新区注册，正在建设总部大楼。', '丁公司，2021年在甲新区注册，正在建设总部大楼。', '戊公司，2022年在甲新区注册，正在建设总部大楼。'], 'bullet'),
      ]),
      section('section', '地理', [para('甲新区地处平原，甲新区的湖泊面积约360平方公里。'), para('甲新区的地热资源丰富，甲新区的地热供暖覆盖新建城区。')]),
    ]);
    // the entries weigh less than what the article states of its subject (the points' explanation says so)
    const why = selectBrief(d, [], { explain: true }).explanation.filter((e) => e.slot === 'findings');
    for (const e of why) {
      if (/^19[0-9]{2}年/.test(e.text)) expect(e.why).toContain('chronology entry');
      if (e.text.includes('总部大楼')) expect(e.why).toContain('catalogue entry');
      if (e.text.includes('起步区')) expect(e.why).not.toMatch(/chronology|catalogue/);
    }
    expect(why.some((e) => e.text.includes('起步区'))).toBe(true);
  });
});

describe('a standard: what it requires before the list of steps of a phase', () => {
  it('a list of steps after a colon is one; a requirement is not', () => {
    expect(stepList('执行阶段的工作包括：评价人员开展评价，填写记录单，编制报告等。')).toBe(true);
    expect(stepList('评价内容主要有：设计、运行和管理。')).toBe(true);
    expect(stepList('评价正式实施前，应编制评价大纲。')).toBe(false);
    expect(stepList('评价范围包括全部安全要素。')).toBe(false);
  });

});

describe('a chronicle: what changed before the meetings of the year', () => {
  it('a meeting, forum or contest held is a gathering, dated or not; a rule issued at one is not', () => {
    expect(gatheringOnly('第二届某教育研讨会和第三届某教育研讨会：分别在甲市和乙市召开。')).toBe(true);
    expect(gatheringOnly('第七届某开源创新大赛由某学会主办，某大学承办。')).toBe(true);
    expect(gatheringOnly('2024年4月，某国家标准正式获批发布。')).toBe(false);
    expect(gatheringOnly('2024年5月，某大会通过了某法案。')).toBe(false);
    expect(eventWeight('2024年3月10日，某工作组在北京召开战略研讨会。').v).toBeLessThan(-0.25);
  });
});
