// Faults an analyst finds reading the briefs of written reports, standards and official texts (#14,
// faithful selection): each on a small made-up input.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { exclusionOf } from '../../pipeline/select/exclude.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { dependentOpening, subjectlessOpening } from '../../pipeline/select/cues.js';
import { stripMarker } from '../../pipeline/select/pick.js';
import { datedEvent } from '../../pipeline/select/genre/chronicle.js';
import { enumerationItem } from '../../pipeline/select/structure.js';
import type { Brief } from '../../pipeline/model.js';
import { doc, list, para, resetLines, section } from '../fixtures/select/build.js';

const items = (b: Brief, slot?: string) => b.slots.filter((s) => !slot || s.name === slot).flatMap((s) => s.items.map((i) => i.text));

describe('a series entry and a list of things are not sentences', () => {
  it('a part of a series (——第6部分：…；) is a heading, and dash items finish the lead-in before them', () => {
    expect(exclusionOf('——第6部分：设备的实际状态；')).toBe('heading');
    expect(exclusionOf('第3部分：程序')).toBe('heading');
    expect(exclusionOf('第3部分规定了程序评价的方法。')).toBeUndefined();
    expect(enumerationItem('反应堆厂房；核辅助厂房、电气厂房、燃料厂房、泵站等构筑物。')).toBe(true);
    expect(enumerationItem('记录（改造记录、大修报告、试验记录、事件报告等）。')).toBe(true);
    expect(enumerationItem('收集并整理构筑物、系统和设备相关的安全基准。')).toBe(false);
    expect(enumerationItem('评价设备、部件、管道和仪表的状态，确认其满足要求。')).toBe(false);
    resetLines();
    const d = doc('report', { title: '某设备评价指南 第2部分：实际状态' }, [
      section('section', '', [
        para('《某设备评价指南》分为4个部分：'),
        para('——第1部分：通用要求；'),
        para('——第2部分：设备的实际状态；'),
        para('——第3部分：老化管理；'),
        para('——第4部分：经验反馈。'),
        para('设备的实际状态评价是安全验证的主要手段，每十年进行一次。'),
      ]),
      section('section', '评价范围', [
        para('需评价的设备包括：'),
        para('1. 反应堆冷却剂系统的泵、阀门和管道；'),
        para('2. 反应堆厂房；核辅助厂房、电气厂房、燃料厂房、柴油发电机厂房、泵站等构筑物。'),
        para('评价发现的差异项应按其安全影响分为弱项和强项，弱项必须在下一次大修前完成纠正。'),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('——第2部分').eligible).toBe(false);
    expect(of('2. 反应堆厂房').excluded).toBe('list fragment');
    const b = selectBrief(d, []).brief;
    expect(items(b).some((t) => t.includes('部分：') || t.includes('厂房、'))).toBe(false);
    expect(items(b, 'bottomLine')[0]).not.toMatch(/^——/);
  });
});

describe('the summary opens with a sentence', () => {
  it('a list item without a sentence end (a headline item) never goes into the summary', () => {
    resetLines();
    const d = doc('report', { title: '开源人工智能篇' }, [
      section('chapter', '一. 投资', [
        para('2024 年开源人工智能投资热潮持续，开源人工智能初创公司全年融资总额接近 1000 亿美元。'),
        list('', ['甲公司完成开源人工智能 10 亿美元 F 轮融资', '乙公司完成开源人工智能 6.4 亿美元 B 轮融资', '丙公司完成开源人工智能 1 亿美元 A 轮融资']),
      ]),
      section('chapter', '二. 模型', [
        para('开源模型的性能在 2024 年逼近闭源模型，开源人工智能社区的开发者数量增长了三成。'),
        para('开源人工智能的治理框架仍不完善，多国在 2024 年提出了开源模型的监管方案。'),
      ]),
    ]);
    const summary = items(selectBrief(d, []).brief, 'bottomLine');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.some((t) => t.includes('融资') && !t.includes('总额'))).toBe(false);
  });
});

describe('a point says who does what', () => {
  it('a sentence whose subject is in the sentence before or in the heading is never shown alone', () => {
    expect(subjectlessOpening('适用于跨特征联邦中的联邦矩阵计算，常用于特征选择。')).toBeDefined();
    expect(subjectlessOpening('不能泄漏参与方的模型参数。')).toBeDefined();
    expect(subjectlessOpening('应用场景：适用于跨特征联邦。')).toBeDefined();
    expect(subjectlessOpening('2) 不能泄漏参与方的模型参数；')).toBeDefined();
    expect(subjectlessOpening('以 3,221,378 名开发者排名第十，增长率为 30.35%。')).toBeDefined();
    expect(subjectlessOpening('印度（9.91%）和中国（7.23%）紧随其后，活跃度几乎持平。')).toBeDefined();
    expect(subjectlessOpening('不能按期履行合同的，应当及时通知对方。')).toBeUndefined();
    expect(subjectlessOpening('以数据为核心的治理模式在三个省份试行。')).toBeUndefined();
    expect(subjectlessOpening('联邦矩阵计算适用于跨特征联邦。')).toBeUndefined();
    expect(subjectlessOpening('负责药品监督管理的部门应当加强抽查检验。')).toBeUndefined();
    expect(subjectlessOpening('负责药品监督管理的部门建立企业信用档案。')).toBeUndefined();
    resetLines();
    const d = doc('report', { title: '某数据交换白皮书' }, [
      section('chapter', '一、联邦矩阵计算', [
        para('适用于跨特征联邦中的联邦矩阵计算和联邦特征选择，常用于联邦建模前的特征工程。'),
        para('联邦矩阵计算让参与方在不交换原始数据的情况下完成联合统计，已在三家银行的联合风控中使用。'),
      ]),
      section('chapter', '二、安全要求', [
        para('不能泄漏参与方的联邦模型参数和联邦特征数据。'),
        para('联邦协议的安全性按参与方的诚实程度分为三级，半诚实模型是联邦建模中最常用的假设。'),
        para('联邦数据交换的发起方以同态加密传输标签，服务方无法解密标签和统计结果。'),
      ]),
    ]);
    const all = items(selectBrief(d, []).brief);
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((t) => t.startsWith('适用于') || t.startsWith('不能'))).toBe(false);
  });
});

describe('a run-in label that is the subject', () => {
  it('stays when what follows it has no subject of its own', () => {
    expect(stripMarker('日本：以 3,221,378 名开发者排名第十，增长率为 30.35%。')).toBe('日本：以 3,221,378 名开发者排名第十，增长率为 30.35%。');
    expect(stripMarker('社区角色：许多开源项目把贡献者分为维护者、提交者和用户三类。')).toBe('许多开源项目把贡献者分为维护者、提交者和用户三类。');
  });
});

describe('a pointer back into the text', () => {
  it('what was described earlier (前面讲述的…, 上文…) leans on the text before', () => {
    expect(dependentOpening('前面讲述的联邦数据安全交换过程会经常使用一些基础性的密码算法。')).toBeDefined();
    expect(dependentOpening('上文提到的三种协议都依赖同态加密。')).toBeDefined();
    expect(dependentOpening('前面板的设计决定了设备的散热效率。')).toBeUndefined();
  });
});

describe('a chronicle states its events with their dates', () => {
  it('its summary and points are dated events, and its words about itself are meta', () => {
    expect(datedEvent('2024年8月，国家标准《某某框架》正式获批发布。')).toBe(true);
    expect(datedEvent('2024 年 2 月 18 日，某报头版文章引爆了整个行业。')).toBe(true);
    expect(datedEvent('10月23日，某社区删除了部分维护者。')).toBe(true);
    expect(datedEvent('2024 年，行业在推动技术发展方面出台了一系列政策。')).toBe(false);
    resetLines();
    const d = doc('report', { title: '大事记篇', outlet: '2024 某行业年度报告' }, [
      section('chapter', '前言', [
        para('2024 年的行业大事记，既记录了国内行业力量的崛起，也聚焦国际行业生态的剧变，每一次行业技术突破都与国内行业的未来息息相关。'),
      ]),
      section('chapter', '一、安全事件', [
        para('攻击者通过篡改行业软件的依赖项，能够在行业服务中窃取用户的凭证信息，行业软件的安全问题由此暴露。'),
        para('攻击者利用行业软件的漏洞植入恶意代码，行业用户的数据和行业服务的安全受到威胁。'),
        para('2024年3月，行业安全联盟成立，发布了行业软件供应链安全的第一份指南。'),
      ]),
      section('chapter', '二、标准与政策', [
        para('2024年8月，国家标准《行业软件许可证框架》正式获批发布，填补了行业软件许可证标准的空白。'),
        para('行业软件许可证框架规定了行业软件许可证的基本信息、条款与条件和兼容性，行业软件的许可证从此有章可循。'),
        para('2024年11月，三部门联合印发行业软件发展的实施意见，提出建设行业软件社区。'),
      ]),
    ]);
    const units = collectUnits(d);
    expect(units.find((u) => u.segment.text.startsWith('2024 年的行业大事记'))!.excluded).toBe('meta');
    const b = selectBrief(d, []).brief;
    const summary = items(b, 'bottomLine');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.filter((t) => !datedEvent(t))).toEqual([]);
    expect(items(b).some((t) => t.includes('既记录了'))).toBe(false);
  });
});

describe('以下 before a full stop', () => {
  it('ok: "below" a figure or an age is a finding, not a lead-in', () => {
    expect(exclusionOf('全市城镇调查失业率降到9%以下。')).toBeUndefined();
    expect(exclusionOf('免费接种覆盖六岁以下。')).toBeUndefined();
  });
  it('not-ok: 以下 counting or naming what follows, and 如下, still announce a list', () => {
    expect(exclusionOf('新政府要做到以下几件事情。')).toBeDefined();
    expect(exclusionOf('今年要抓好以下工作。')).toBeDefined();
    expect(exclusionOf('主要措施如下。')).toBeDefined();
    expect(exclusionOf('主要措施如下：')).toBeDefined();
  });
});
