// The cost of ranking is bounded (issue #13): past LIMITS.exactUnits eligible sentences only a bounded
// set of candidates goes through the similarity graph, so its size and the products spent on cosines
// stop growing with the document. Costs are counted (Ranking.cost), never timed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, rankUnits } from '../../pipeline/select/rank.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { glossaryFinder, selectBrief } from '../../pipeline/select/index.js';
import { Picker } from '../../pipeline/select/pick.js';
import type { SourceDoc } from '../../pipeline/model.js';
import { doc, para, section } from '../fixtures/select/build.js';

const noTerms = glossaryFinder([]);

const WORDS = (
  '港口 物流 数字 改造 集装 周转 效率 提升 企业 推广 经验 数据 安全 风险 治理 体系 能力 建设 合作 机制 ' +
  '区域 发展 战略 规划 投资 市场 开放 政策 协调 创新 技术 产业 升级 转型 绿色 能源 环境 保护 人才 培养 ' +
  '标准 规则 国际 组织 对话 磋商 谈判 协议 执行 监督 评估 资金 项目 基础 设施 网络 平台 服务 供应 链条'
).split(' ');

/** A deterministic generator of distinct sentences with a realistic overlap of words (LCG, fixed seed). */
function sentences(count: number, seed = 7): string[] {
  let x = seed >>> 0;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 6 + (next() % 6);
    const w: string[] = [];
    for (let k = 0; k < n; k++) w.push(WORDS[next() % WORDS.length]);
    // the number keeps every sentence distinct
    out.push(`${w.slice(0, 3).join('')}，${w.slice(3).join('')}第${i + 1}项。`);
  }
  return out;
}

/** A report of `paragraphs` paragraphs of 4 sentences, in chapters of 50 paragraphs. */
function bigReport(texts: string[]): SourceDoc {
  const chapters = [];
  for (let c = 0; c * 200 < texts.length; c++) {
    const paras = [];
    for (let p = c * 200; p < Math.min(texts.length, (c + 1) * 200); p += 4) paras.push(para(texts.slice(p, p + 4).join('')));
    chapters.push(section('chapter', `${c + 1}、第${c + 1}部分`, paras));
  }
  const abstract = ['本报告评估港口物流数字化的进展与风险。', '数字化改造提升了港口的周转效率。'];
  return doc('report', { title: '港口物流数字化报告' }, [section('abstract', '摘要', [para(abstract.join(''))]), ...chapters]);
}

// small limits keep the documents (and the exact graph they are compared with) small
const saved = { ...LIMITS };
beforeEach(() => Object.assign(LIMITS, { exactUnits: 400, candidates: 400, pool: 400 }));
afterEach(() => Object.assign(LIMITS, saved));

describe('bounded ranking', () => {
  it('ranks a document within the limit through the whole graph', () => {
    const d = bigReport(sentences(390));
    const r = rankUnits(collectUnits(d), d, noTerms);
    expect(r.cost.nodes).toBe(r.ranked.length);
    expect(r.ranked.length).toBe(392);
  });

  it('past the limit, the graph keeps LIMITS.candidates nodes and its cost stops growing', () => {
    const small = bigReport(sentences(LIMITS.exactUnits + 500));
    const large = bigReport(sentences(3 * LIMITS.exactUnits));
    const a = rankUnits(collectUnits(small), small, noTerms);
    const b = rankUnits(collectUnits(large), large, noTerms);
    // every eligible unit is still ranked (structural slots look up their scores)
    expect(b.ranked.length).toBe(collectUnits(large).filter((u) => u.eligible).length);
    expect(a.cost.nodes).toBe(LIMITS.candidates);
    expect(b.cost.nodes).toBe(LIMITS.candidates);
    // the whole graph's cost grows with the square of the length (Σ df²): 3× the sentences, ~9× the products
    LIMITS.exactUnits = Number.MAX_SAFE_INTEGER;
    const exact = rankUnits(collectUnits(large), large, noTerms);
    expect(exact.cost.nodes).toBe(b.ranked.length);
    expect(exact.cost.products).toBeGreaterThan(5 * b.cost.products);
    // bounded: about the same products for a document three times as long as another one past the limit
    expect(b.cost.products).toBeLessThan(1.5 * a.cost.products);
    // sentences outside the candidates keep their prior but have no centrality
    const outside = b.ranked.filter((x) => x.centrality === 0);
    expect(outside.length).toBe(b.ranked.length - LIMITS.candidates);
    expect(outside.every((x) => x.score === x.prior + 0.15 * x.glossary)).toBe(true);
  });

  it('with every sentence a candidate, the bounded ranking is the exact one', () => {
    const d = bigReport(sentences(300));
    const exact = rankUnits(collectUnits(d), d, noTerms);
    LIMITS.exactUnits = 10;
    LIMITS.candidates = 10_000;
    const bounded = rankUnits(collectUnits(d), d, noTerms);
    expect(bounded.cost.nodes).toBe(exact.cost.nodes);
    expect(bounded.ranked.map((r) => r.score)).toEqual(exact.ranked.map((r) => r.score));
    for (const [i, j] of [[0, 1], [5, 40], [17, 250], [2, 2]]) expect(bounded.sim(i, j)).toBeCloseTo(exact.sim(i, j), 6);
  });

  it('a sentence repeated throughout counts once: copies of a text share one node', () => {
    const texts = sentences(100);
    const repeated: string[] = [];
    for (let k = 0; k < 20; k++) repeated.push(...texts);
    const d = bigReport(repeated);
    const r = rankUnits(collectUnits(d), d, noTerms);
    expect(r.ranked.length).toBeGreaterThan(LIMITS.exactUnits);
    expect(r.cost.nodes).toBe(102);
    const same = r.ranked.filter((x) => x.unit.segment.text === texts[10]);
    expect(same.length).toBe(20);
    expect(new Set(same.map((x) => x.centrality)).size).toBe(1);
  });

  it('MMR looks at a bounded pool: the best-scored copy of each text, the best LIMITS.pool of them', () => {
    const texts = sentences(700, 5);
    const d = bigReport([...texts, ...texts]);
    const ranking = rankUnits(collectUnits(d), d, noTerms);
    const p = new Picker(d, ranking, [], []);
    const all = ranking.ranked.map((_, i) => i);
    const pool = p.boundedPool(all);
    expect(pool.length).toBe(LIMITS.pool);
    expect(p.boundedPool(all)).toBe(pool);
    const texts2 = pool.map((i) => ranking.ranked[i].unit.segment.text);
    expect(new Set(texts2).size).toBe(pool.length);
    const top = all.reduce((a, b) => (ranking.ranked[b].score > ranking.ranked[a].score ? b : a));
    expect(pool).toContain(top);
    const lowest = Math.min(...pool.map((i) => ranking.ranked[i].score));
    const left = all.filter((i) => !pool.includes(i) && !texts2.includes(ranking.ranked[i].unit.segment.text));
    expect(left.every((i) => ranking.ranked[i].score <= lowest)).toBe(true);
    // a pool within the limit is taken whole
    const short = all.slice(0, 300);
    expect(p.boundedPool(short)).toBe(short);
  });

  it('selects a brief from a large document: distinct items, the same bytes every time', () => {
    const texts = sentences(2 * LIMITS.exactUnits, 11);
    const d = bigReport([...texts, ...texts]);
    const one = selectBrief(d, []);
    const two = selectBrief(d, []);
    expect(JSON.stringify(one.brief)).toBe(JSON.stringify(two.brief));
    const items = one.brief.slots.flatMap((s) => s.items.map((i) => i.text));
    expect(one.brief.slots.find((s) => s.name === 'findings')!.items.length).toBeGreaterThanOrEqual(3);
    expect(one.brief.slots.find((s) => s.name === 'bottomLine')!.items.length).toBeGreaterThanOrEqual(1);
    expect(new Set(items).size).toBe(items.length);
  });
});
