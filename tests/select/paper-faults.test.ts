// Research papers read from PDF: an example table's rows, ordinal back-references (第一个方向, 后者) and the
// steps of a procedure cut from their list are no findings. Each fault class on a short made-up text.
import { describe, expect, it } from 'vitest';
import { exclusionOf } from '../../pipeline/select/exclude.js';
import { dependentOpening, ordinalReference } from '../../pipeline/select/cues.js';
import { collectUnits } from '../../pipeline/select/units.js';
import type { ListBlock } from '../../pipeline/model.js';
import { doc, para, resetLines, section, seg } from '../fixtures/select/build.js';

describe('an example set out as a table row or under its label', () => {
  it('is an example, not a finding: 原句 | …, 改正后：…, 输出：…, Source: …, cells apart by a tab', () => {
    expect(exclusionOf('原句\t他做梦的时候他是一个太空人了。')).toBe('example');
    expect(exclusionOf('改正后：他梦见自己成了一个太空人。')).toBe('example');
    expect(exclusionOf('模型输出：他梦到他是一个太空人。')).toBe('example');
    expect(exclusionOf('Source: 我昨天去商店买了三个苹果。')).toBe('example');
    expect(exclusionOf('流利提升参考答案\t他梦到他是一个太空人。')).toBe('example');
  });
  it('leaves sentences that only mention such words', () => {
    expect(exclusionOf('输入文本经过分词后送入编码器，输出为纠正后的句子。')).toBeUndefined();
    expect(exclusionOf('原句中的错误被模型逐一改正。')).toBeUndefined();
    expect(exclusionOf('修改后的条例自2024年1月1日起施行。')).toBeUndefined();
  });
});

describe('an ordinal back-reference (第一个方向, 第二种方法, 前者, 后者, 两者)', () => {
  it('leans on the sentence that listed the things', () => {
    expect(dependentOpening('在以太坊 1.0 中，我们选择了第一个方向。')).toMatch(/第一个方向/);
    expect(dependentOpening('第二种方法的计算量更小。')).toMatch(/第二种方法/);
    expect(dependentOpening('后者的成本明显更高。')).toMatch(/后者/);
    expect(dependentOpening('实验表明两者的效果相差不大。')).toMatch(/两者/);
    expect(dependentOpening('最终我们采用了第二个。')).toMatch(/第二个/);
  });
  it('stands alone when the sentence lists them itself, or the ordinal is a superlative', () => {
    expect(ordinalReference('抗性的设计有两个方向：第一个方向是内存困难。')).toBeUndefined();
    expect(ordinalReference('数据分为结构化数据和非结构化数据，后者更难处理。')).toBeUndefined();
    expect(ordinalReference('浦东新区是全国第一个国家级新区。')).toBeUndefined();
    expect(ordinalReference('第一个五年计划于1957年完成。')).toBeUndefined();
    expect(ordinalReference('数组的第一个元素是哈希值。')).toBeUndefined();
  });
});

describe('the steps of a procedure under the lead-in that announces them', () => {
  const steps = (lead: string): ListBlock => ({
    type: 'list',
    style: 'paren',
    lead: [seg(lead)],
    items: ['验证（或在挖矿中，确定）交易；', '发放奖励给区块的受益人；', '校验（或在挖矿中，计算有效的）状态和区块 nonce。'].map((t, i) => ({ marker: `(${i + 1})`, segments: [seg(t)] })),
  });
  it('are not candidates: a step cut from its list states nothing', () => {
    resetLines();
    const d = doc('report', { title: '某协议技术说明' }, [section('chapter', '区块定稿', [para('区块定稿是出块的最后一个环节，所有节点都执行相同的检查。'), steps('区块定稿的过程包含 4 个步骤：')])]);
    const units = collectUnits(d).filter((u) => u.role === 'item');
    expect(units).toHaveLength(3);
    for (const u of units) expect(u.eligible, u.segment.text).toBe(false);
  });
  it('the items of a list that is not a procedure stay candidates', () => {
    resetLines();
    const d = doc('report', { title: '某协议技术说明' }, [section('chapter', '主要成效', [steps('这一年取得了以下成效：')])]);
    expect(collectUnits(d).filter((u) => u.role === 'item' && u.eligible).length).toBeGreaterThan(0);
  });
});
