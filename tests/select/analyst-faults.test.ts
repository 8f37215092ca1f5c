// Faults an analyst finds reading real briefs (#14, faithful selection): each on a small made-up input.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { formulaicScore } from '../../pipeline/select/formulaic.js';
import type { Brief } from '../../pipeline/model.js';
import { doc, para, resetLines, section } from '../fixtures/select/build.js';

const items = (b: Brief, slot?: string) => b.slots.filter((s) => !slot || s.name === slot).flatMap((s) => s.items.map((i) => i.text));

describe('genre formulas lose to figures and measures', () => {
  it('words set apart from their figure by spaces (PDF text) are still what the figure measures', () => {
    expect(formulaicScore('全市地区生产总值增长 5.2%，城镇调查失业率 4.4%。')).toBe(0);
    expect(formulaicScore('全市地区生产总值增长5.2%，城镇调查失业率4.4%。')).toBe(0);
  });

  it('a number that is no figure (an anniversary) does not make the words beside it concrete', () => {
    const plain = formulaicScore('各级人民政府应当依照国家有关规定建立健全制度。');
    expect(plain).toBeGreaterThan(0.5);
    expect(formulaicScore('各级人民政府应当依照国家有关规定建立健全制度 10 周年。')).toBeGreaterThan(0.5);
    expect(formulaicScore('各级人民政府应当依照国家有关规定建立健全制度10周年。')).toBeGreaterThan(0.5);
  });

  it('a weak sentence of another chapter is not lifted over strong ones to spread the findings', () => {
    resetLines();
    const facts = [
      '全市新建保障性住房 3.2 万套，地铁运营里程达到 836 公里，新开通公交线路 144 条。',
      '新设立外资企业 1700 家，实际利用外资增长 12%，研发投入强度达到 6.7%。',
      '全年完成造林绿化 20 万亩，森林覆盖率达到 44.9%，细颗粒物平均浓度下降 8%。',
      '城镇新增就业 28 万人，居民人均可支配收入增长 5.6%，基本养老金提高 3%。',
      '新建改建农村公路 1200 公里，改造老旧小区 300 个，新增养老床位 5000 张。',
      '接诉即办的诉求解决率达到 95%，群众满意率达到 96%，办理群众诉求 2000 万件。',
      '全年进出口总额增长 7%，服务贸易额突破 1 万亿元，新增国家级专精特新企业 200 家。',
    ];
    const d = doc('report', { title: '某市政府工作报告', institution: '某市人民政府' }, [
      section('chapter', '一、过去一年的工作', facts.map((f) => para(f))),
      section('chapter', '二、今年的工作', [para('各级人民政府应当按照国家有关规定，建立健全监督管理制度，依法履行职责，做好各项工作意义重大。')]),
    ]);
    const found = items(selectBrief(d, []).brief, 'findings');
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.some((t) => t.startsWith('各级人民政府'))).toBe(false);
  });
});
