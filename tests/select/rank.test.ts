import { describe, expect, it } from 'vitest';
import { rankUnits, lexRank } from '../../pipeline/select/rank.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { glossaryFinder } from '../../pipeline/select/index.js';
import { doc, para, section } from '../fixtures/select/build.js';

const noTerms = glossaryFinder([]);

function scoreOf(d: ReturnType<typeof doc>, fragment: string) {
  const r = rankUnits(collectUnits(d), d, noTerms).ranked.find((x) => x.unit.segment.text.includes(fragment));
  if (!r) throw new Error(`no unit ${fragment}`);
  return r;
}

describe('ranking', () => {
  it('a sentence whose content recurs across the text is more central than an isolated one', () => {
    const d = doc('report', {}, [
      section('chapter', '一、现状', [
        para('港口物流的数字化改造提高了集装箱的周转效率。'),
        para('天气晴朗的时候，湖边常有人放风筝。'),
        para('数字化改造让港口的集装箱装卸更加高效。'),
        para('集装箱周转效率的提升得益于港口物流数字化。'),
        para('物流企业正在推广港口数字化的经验。'),
      ]),
    ]);
    const central = scoreOf(d, '港口物流的数字化改造');
    const isolated = scoreOf(d, '放风筝');
    expect(central.centrality).toBeGreaterThan(isolated.centrality);
    expect(central.score).toBeGreaterThan(isolated.score);
  });

  it('gives sentences of the 摘要 and chapter leads their prior', () => {
    const d = doc('report', {}, [
      section('abstract', '摘要', [para('本报告评估了港口物流的数字化进程及其风险。')]),
      section('chapter', '一、现状', [para('港口物流的数字化进程正在加快。'), para('港口物流的数字化进程面临数据安全风险。')]),
    ]);
    const abs = scoreOf(d, '本报告评估');
    expect(abs.priorReasons.some((r) => r.startsWith('摘要'))).toBe(true);
    const lead = scoreOf(d, '正在加快');
    expect(lead.priorReasons.some((r) => r.startsWith('chapter lead'))).toBe(true);
    const other = scoreOf(d, '面临数据安全风险');
    expect(lead.prior).toBeGreaterThan(other.prior);
    expect(abs.prior).toBeGreaterThan(other.prior);
  });

  it('news: the lead paragraph gets the strongest prior', () => {
    const d = doc('news', {}, [
      section('other', '', [para('某市昨日启动老旧小区改造工程，首批涉及三十个小区。')]),
      section('other', '居民反应', [para('居民普遍欢迎老旧小区改造工程的启动。')]),
    ]);
    expect(scoreOf(d, '启动老旧小区').prior).toBeGreaterThan(scoreOf(d, '居民普遍欢迎').prior);
  });

  it('lexRank is a distribution and uniform on a graph without edges', () => {
    const r = lexRank([new Map(), new Map(), new Map()]);
    expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(new Set(r.map((x) => x.toFixed(12))).size).toBe(1);
    const star = lexRank([new Map([[1, 0.5], [2, 0.5]]), new Map([[0, 0.5]]), new Map([[0, 0.5]])]);
    expect(star[0]).toBeGreaterThan(star[1]);
  });

  it('leaves out photo credits, lead-ins ending with a colon and acknowledgements', () => {
    const d = doc('report', {}, [
      section('acknowledgements', '致谢', [para('本报告得到多位专家的宝贵建议，特此鸣谢。')]),
      section('chapter', '一、现状', [para('为此，我们提出以下几点值得关注的判断：'), para('2023年10月30日，北京，与会者在论坛上交流。新华社 图'), para('港口物流的数字化进程正在加快。')]),
    ]);
    const ranked = rankUnits(collectUnits(d), d, noTerms).ranked.map((r) => r.unit.segment.text);
    expect(ranked).toEqual(['2023年10月30日，北京，与会者在论坛上交流。', '港口物流的数字化进程正在加快。']);
  });
});

describe('exhortation prior', () => {
  it('marks a closing call to action, not a statement or a quoted exclamation', async () => {
    const { isExhortation } = await import('../../pipeline/select/rank.js');
    expect(isExhortation('让我们团结一心，为实现全年目标任务而努力奋斗！')).toBe(true);
    expect(isExhortation('各位代表，新的一年已经开始。')).toBe(true);
    expect(isExhortation('全年地区生产总值增长5.2%，完成年度目标。')).toBe(false);
    expect(isExhortation('“我们一定能赢！”')).toBe(false);
  });
});
