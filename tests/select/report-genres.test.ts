// What the briefs of written reports' genres state (#14 point 4): a standard's clauses and requirements,
// a chronicle's consequential events, a report's overview — each on a small made-up input.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { requirementCue, unendedClause } from '../../pipeline/select/genre/standard.js';
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
