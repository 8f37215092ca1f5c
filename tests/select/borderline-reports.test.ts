import { describe, expect, it } from 'vitest';
import { exclusionOf } from '../../pipeline/select/exclude.js';

// Faults analysts found in briefs of long reports, chronicles, papers and notices (session 12), each on a
// made-up text of its kind.
describe('a calculation written out is no point', () => {
  it('not-ok: a formula without the result it arrives at', () => {
    for (const t of ['年工作日＝365天-104天（休息日）-11天（法定节假日）', '单价×数量=总价', '日薪：月工资÷（月计薪天数×8小时）。', '人均产值：总产值÷职工人数', '季度产量：1200吨÷4季'])
      expect(exclusionOf(t), t).toBe('formula');
  });
  it('ok: a calculation that ends in its result (the result is what the text sets or finds)', () => {
    for (const t of ['年工作日：365天-104天（休息日）-11天（法定节假日）＝250天', '季度产量：1200吨÷4季＝300吨/季', '单价×数量=总价，即20元×5件=100元。', '月计薪天数＝（365天-104天）÷12月＝21.75天'])
      expect(exclusionOf(t), t).toBeUndefined();
  });
  it('ok: a sentence with a range, a date or one product sign', () => {
    for (const t of ['2018-2020年间，产量增长了12%。', '会场面积为30×40米，可容纳500人。', '全年增长5.2%，比上年提高0.3个百分点。', '参加人数从120人增至300人。'])
      expect(exclusionOf(t), t).toBeUndefined();
  });
});

describe("a paper's notation and a bare list are no points", () => {
  it('not-ok: a sentence that ends by naming its symbol', () => {
    for (const t of ['data：一个不限制大小的字节数组，用来指定调用的输入数据，由 Td 表示。', '这个哈希定义为 σ[a]s。', '区块的难度值记为 Hd。', '将父区块的时间戳用 P(H)s 来表示。', '元组通常使用一个大写字母来表示，例如用 T 表示一个交易。', 'σt+1 ≡ Υ(σt, T)Υ 是状态转换函数。', '任意长度的序列通常用粗体小写字母表示。', '执行模型定义了函数 Ξ，它可以用来计算结果状态 σ′，剩余的 gas g′ 和结果输出 o。', '交易执行是协议中最复杂的部分：它定义了状态转换函数 Υ。', '对于收据，我们使用先前在交易执行函数中定义的 Υl。', '作用在数据上的函数使用大写的希腊字母，例如：Υ，是状态转换函数。', '(49)\tHs > P(H)H这个机制保证了区块时间的动态平衡。', 'Hd ≥ D0这一下限保证了难度不会过低。'])
      expect(exclusionOf(t), t).toBe('formula');
  });
  it('ok: a symbol named in passing, or a sentence that goes on', () => {
    for (const t of ['由 T 表示的交易在执行前必须通过校验，否则被丢弃。', '该模型被称为 Transformer 架构。', '账户的 nonce 被初始定义为 1，余额为交易传入的值。', '在 AI 领域，A股上市公司的 IT 投入增长 5 倍。', 'Ethash 是以太坊 1.0 的 PoW 算法。', '社区宣布加入 RISC-V 基金会，为 RISC-V 生态贡献力量，构筑与 RISC-V 架构的协同。', '资本更加青睐 B、C、D 等中期融资。', '该组件被发现存在一项严重漏洞，称为 Log4Shell。', '该公司于三月发布了 β 版，五月正式上线。', '细颗粒物指直径小于2.5μm的颗粒物。', 'PM2.5 > 75微克时启动重污染预警。', 'A > B 的情形下，甲方承担费用。'])
      expect(exclusionOf(t), t).toBeUndefined();
  });
  it('not-ok: a label and a bare list of things after its colon', () => {
    for (const t of ['调用时需要多个参数：发送者（s）、接收者（r，通常与执行者相同）、可用的 gas（g）、转账金额（v）以及调用深度（e）。', '首批迁入的高校：甲大学、乙大学、丙学院和丁大学；以及某研究院。'])
      expect(exclusionOf(t), t).toBe('list fragment');
  });
  // session 13: a list of parameters, each with its symbol, was a point of a paper's brief
  it('not-ok: a bare list of glossed entries, with or without a run-in label', () => {
    for (const t of ['发送者（s）、接收者（r）、可用的 gas（g）、转账金额（v，即初始捐款）以及对状态进行修改的许可（w）。', '创建时需要这些参数：发送者（s）、接收者（r）、转账金额（v）以及调用深度（e）。', '感知：计算机视觉（Computer Vision）、图像识别（Image Recognition）、语音识别（Speech Recognition）、对象侦测（Object Detection）。'])
      expect(exclusionOf(t), t).toBe('list fragment');
  });
  it('ok: a list that is the object of a verb, or glossed entries in a sentence that says something', () => {
    for (const t of [
      '加大危险化学品、矿山、工贸、烟花爆竹、建筑施工等重点行业领域执法力度。',
      '重点支持集成电路（芯片）、新型显示（面板）、人工智能（AI）、量子信息（量子）和生物医药（医药）等产业。',
      '集成电路（芯片）、新型显示（面板）、人工智能（AI）、量子信息（量子）和生物医药（医药）等产业。',
      '培育集成电路（芯片）、新型显示（面板）、人工智能（AI）、量子信息（量子）和生物医药（医药）。',
      '发送者（s）、接收者（r）、转账金额（v）和调用深度（e）都会写入交易，并由节点校验。',
      '三类主体（政府、企业、个人）、四项权利（知情权、决定权、查阅权、删除权）均受保护。',
      '参赛队伍：甲大学（12 支）、乙大学（8 支）、丙学院（5 支）和丁大学（3 支）。',
    ])
      expect(exclusionOf(t), t).toBeUndefined();
  });
  it('not-ok: characters a PDF set apart by spaces, not joined', () => {
    expect(exclusionOf('基 础. EVM 是 一 个 简 单 的 基 于 栈 的 架 构。')).toBe('markup');
    expect(exclusionOf('在 AI 领域，开源 模型 发展 很快。')).toBeUndefined();
  });
  it('not-ok: an entry of a list of fields (stateRoot：…)', () => {
    expect(exclusionOf('stateRoot：所有交易执行完后状态树根节点的 256 位哈希。')).toBe('glossary entry');
    expect(exclusionOf('Gitee：国内最大的代码托管平台，用户超过1200万。')).toBeUndefined();
  });
  it('not-ok: an entry of a key to symbols (IH，当前区块的区块头。); ok: a name and what is said of it', () => {
    for (const t of ['IH，当前区块的区块头。', 'Ia，拥有正在执行的代码的账户地址。', 'Id，这次执行的输入数据字节数组；如果执行代理是一个交易，这就是交易数据。', 'Hd，当前区块的难度值。'])
      expect(exclusionOf(t), t).toBe('glossary entry');
    for (const t of ['AI，即人工智能，正在改变各行各业。', 'AI，作为新的生产力工具，正在改变各行各业。', 'EU，欧盟的缩写，共有27个成员国。', 'Meta，即以前的 Facebook，开发了自己的性能测试工具。'])
      expect(exclusionOf(t), t).toBeUndefined();
  });
  it('ok: a list with figures, or one that says something of its items', () => {
    for (const t of ['使用最多的语言：Python（35%）、Java（20%）、Go（12%）和 Rust（8%）。', '其中三所大学已开学：甲大学、乙大学和丙大学，丁大学仍在建设。', '报告指出，甲、乙、丙、丁四省增长最快。', '《若干措施》：支持研发设计、测试评测、适配验证、开源服务等公共服务平台建设。', '使用原因：受访者使用开源软件的主要原因包括其免费性、可二次开发能力、良好的社区氛围及维护性。', '关键词：词汇“开源”、“共享”、“协作”突显了社区在推动技术发展方面的重要作用。', '检索途径：大多数受访者通过代码托管平台、搜索引擎、技术社区和技术文档来检索。', '与设计存在接口的要素应包括：实际状态、设备鉴定、老化、灾害、经验反馈等要素。'])
      expect(exclusionOf(t), t).toBeUndefined();
  });
});
