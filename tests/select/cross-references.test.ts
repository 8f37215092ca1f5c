// A point that sends its reader to an appendix or a section of the source (…的数据结构，详见附录 B）) is not
// whole on its own: it ranks below a point that is (session 13; the Yellow Paper's brief had one).
import { describe, expect, it } from 'vitest';
import { crossReferenceCue } from '../../pipeline/select/cues.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { rankUnits, CROSS_REFERENCE_PENALTY } from '../../pipeline/select/rank.js';
import { doc, para, resetLines, section } from '../fixtures/select/build.js';

describe('cross-references', () => {
  it('finds a pointer to an appendix, a chapter or section, the text above or below, or a table the sentence rests on', () => {
    for (const t of [
      '账户状态是一种数据结构（序列化方式详见附录 B），由节点维护。',
      '账户按执行模型（参见第 9 章）初始化。',
      '具体的计算方法见下文。',
      '该协议的具体流程见表 3.1，由双方依次执行。',
      'The state is kept in a modified trie (see Appendix D).',
      '一些项目改造了比特币的核心机制，例如某币致力于提供名称解析系统，参见 Aron [2012]。',
      '我们使用了一个简化版的协议来达成共识，参见 Sompolinsky and Zohar [2013]。',
    ])
      expect(crossReferenceCue(t), t).toBe('cross-reference');
  });

  it('leaves a law applying its own article, and a claim with its chart in a bracket, alone', () => {
    for (const t of [
      '依照本法第三十条的规定处理。',
      '全球风险投资已经连续下降了七个季度（见图 4.1）。',
      '参见人数比上年增长一成。',
      '参见 2023 年的统计公报。',
      '经营者应当按照本规定第五条明码标价。',
    ])
      expect(crossReferenceCue(t), t).toBeUndefined();
  });

  it('ranks a point with a pointer below the same kind of point without one', () => {
    resetLines();
    const d = doc('report', { title: '某协议的技术说明', institution: '某研究院' }, [
      section('chapter', '一、状态', [
        para('账户状态是在地址和账户数据（序列化方式详见附录 B）之间的映射，由每个节点在本地维护。'),
        para('每个区块记录上一区块的哈希，节点据此校验整条链的完整性。'),
        para('交易在打包进区块前须经节点校验签名和余额，不合格的交易被丢弃。'),
      ]),
      section('chapter', '二、费用', [
        para('每项操作都按其计算量收取费用，以防止恶意程序耗尽网络资源。'),
        para('费用由交易发起人预付，执行结束后未用完的部分退还给发起人。'),
      ]),
    ]);
    const r = rankUnits(collectUnits(d), d, () => []);
    const unit = (start: string) => r.ranked.find((x) => x.unit.segment.text.startsWith(start))!;
    const pointed = unit('账户状态是在地址');
    expect(pointed.priorReasons.join(' ')).toContain('cross-reference');
    expect(unit('每个区块记录').priorReasons.join(' ')).not.toContain('cross-reference');
    // both lead their chapter: the one with the pointer has the penalty less
    const lead = unit('每项操作都按其计算量');
    expect(pointed.prior).toBeCloseTo(lead.prior - CROSS_REFERENCE_PENALTY, 5);
  });
});
