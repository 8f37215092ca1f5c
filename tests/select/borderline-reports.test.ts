import { describe, expect, it } from 'vitest';
import { exclusionOf } from '../../pipeline/select/exclude.js';

// Faults analysts found in briefs of long reports, chronicles, papers and notices (session 12), each on a
// made-up text of its kind.
describe('a calculation written out is no point', () => {
  it('not-ok: a sum or a quotient with its result, or a formula of two operations', () => {
    for (const t of ['年工作日：365天-104天（休息日）-11天（法定节假日）＝250天', '季度产量：1200吨÷4季＝300吨/季', '单价×数量=总价，即20元×5件=100元。', '日薪：月工资÷（月计薪天数×8小时）。', '人均产值：总产值÷职工人数'])
      expect(exclusionOf(t), t).toBe('formula');
  });
  it('ok: a sentence with a range, a date or one product sign', () => {
    for (const t of ['2018-2020年间，产量增长了12%。', '会场面积为30×40米，可容纳500人。', '全年增长5.2%，比上年提高0.3个百分点。', '参加人数从120人增至300人。'])
      expect(exclusionOf(t), t).toBeUndefined();
  });
});
