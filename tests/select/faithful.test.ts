// Faithful selection (#14.4): no invented sentence ends, no non-statements as items, formulas ranked
// below facts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { resolveContext } from '../../pipeline/context.js';
import { loadTextSourceDoc } from '../../pipeline/build/load-source.js';
import { loadGlossary } from '../../pipeline/glossary/load.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { exclusionOf, stripSectionNumber } from '../../pipeline/select/exclude.js';
import { formulaicScore, hasFigure } from '../../pipeline/select/formulaic.js';
import { FORMULAIC_DATA } from '../../pipeline/select/data/formulaic.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { rankUnits } from '../../pipeline/select/rank.js';
import { makeItem } from '../../pipeline/select/pick.js';
import { CUT } from '../../pipeline/select/text.js';
import type { Brief, SourceDoc } from '../../pipeline/model.js';
import { seg, segmentsOf } from '../fixtures/select/build.js';
import { EXCLUSION_CASES, formulaReport, generatedDoc, nonStatementReport } from '../fixtures/select/faithful.js';

const items = (b: Brief) => b.slots.flatMap((s) => s.items);

/**
 * Every item is source text: a substring of its segments' text (joined, in order; a leading section
 * number or enumeration marker may be left out), or ends with …… and what comes before is such a
 * substring, cut where the source goes on (before a clause mark, or at the segment's end when the
 * segment itself stops mid-sentence).
 */
function expectFaithful(d: SourceDoc, b: Brief): void {
  const segs = new Map(segmentsOf(d).map((s) => [s.id, s.text]));
  for (const q of d.quotes) segs.set(q.segmentId, segs.get(q.segmentId) ?? q.text);
  for (const i of items(b)) {
    expect(i.segmentIds.every((id) => segs.has(id)), i.text).toBe(true);
    const src = i.segmentIds.map((id) => segs.get(id)).join('');
    if (src.includes(i.text)) continue;
    expect(i.text.endsWith(CUT), `not source text and not marked as cut: ${i.text} ⟵ ${src}`).toBe(true);
    const body = i.text.slice(0, -CUT.length);
    const at = src.indexOf(body);
    expect(at, `${i.text} ⟵ ${src}`).toBeGreaterThanOrEqual(0);
    // the source goes on after the cut: a clause mark, not a sentence end
    expect(src.slice(at + body.length).trim()[0] ?? '', `${i.text} ⟵ ${src}`).not.toMatch(/[。！？!?]/);
  }
}

describe('exclusions: never items', () => {
  for (const [kind, { not, ok }] of Object.entries(EXCLUSION_CASES)) {
    it(`${kind}: excluded, while look-alikes are not`, () => {
      for (const t of not) expect(exclusionOf(t), t).toBe(kind);
      for (const t of ok) expect(exclusionOf(t), t).toBeUndefined();
    });
  }

  it('a leading section number is trimmed, the sentence kept', () => {
    expect(stripSectionNumber('六、加快建设现代化产业体系。')).toBe('加快建设现代化产业体系。');
    expect(stripSectionNumber('（三）完善资金机制。')).toBe('完善资金机制。');
    expect(stripSectionNumber('3. 完善资金机制。')).toBe('完善资金机制。');
    // 第一部 is no section unit: 第一部分 is, and nothing is cut out of a word (分总体… was left of 第一部分总体…)
    expect(stripSectionNumber('第一部分 总体篇')).toBe('总体篇');
    expect(stripSectionNumber('第一部署电站的地区。')).toBe('第一部署电站的地区。');
    expect(stripSectionNumber('2.1 完善资金机制。')).toBe('完善资金机制。');
    expect(stripSectionNumber('2) 不能泄漏参与方的模型参数。')).toBe('不能泄漏参与方的模型参数。');
    expect(stripSectionNumber('3）完善资金机制。')).toBe('完善资金机制。');
    expect(stripSectionNumber('• 完善资金机制。')).toBe('完善资金机制。');
    expect(stripSectionNumber('l 标签信息以加密形式传输。')).toBe('标签信息以加密形式传输。');
    // a Latin word before Chinese is text: only a lone letter is a bullet
    expect(stripSectionNumber('ln 函数的取值范围为正数。')).toBe('ln 函数的取值范围为正数。');
    expect(stripSectionNumber('L型结构的建筑占多数。')).toBe('L型结构的建筑占多数。');
    expect(stripSectionNumber('第二章 完善资金机制。')).toBe('完善资金机制。');
    // a decimal or a year is content
    expect(stripSectionNumber('3.5%的增长来自消费。')).toBe('3.5%的增长来自消费。');
    expect(stripSectionNumber('2024年，投资增长了两成。')).toBe('2024年，投资增长了两成。');
    expect(makeItem([seg('六、旧城改造的投资在2023年达到一千二百亿元。')], 90, { strip: true }).text).toBe('旧城改造的投资在2023年达到一千二百亿元。');
  });

  it('a report whose strongest candidates are non-statements: none of them is an item', () => {
    const d = nonStatementReport();
    const { brief } = selectBrief(d, []);
    const texts = items(brief).map((i) => i.text);
    for (const t of texts) expect(exclusionOf(t), t).toBeUndefined();
    expect(texts.some((t) => /？$/.test(t))).toBe(false);
    expect(texts.some((t) => t.includes('各位代表') || t.includes('我代表') || t.includes('本报告分为') || t.startsWith('图') || t.includes('《城市治理的逻辑》'))).toBe(false);
    // the sentence led by a section number is kept, without its number
    expect(texts.some((t) => t.startsWith('六、'))).toBe(false);
    expect(texts).toContain('旧城改造的投资在2023年达到一千二百亿元，比上年增长百分之十五。');
    expect(texts.some((t) => t.startsWith('城市更新进入存量时代'))).toBe(true);
    expectFaithful(d, brief);
  });

  it('a pinned sentence is still the reader’s choice (meta.pin overrides an exclusion)', () => {
    const d = nonStatementReport();
    d.meta.pin = ['城市更新的资金究竟从哪里来'];
    const texts = items(selectBrief(d, []).brief).map((i) => i.text);
    expect(texts).toContain('城市更新的资金究竟从哪里来？');
  });
});

describe('never invent a sentence end', () => {
  it('a lead-in cut at its colon and a sentence cut at a comma end with ……, never 。', () => {
    const long = '城市更新进入存量时代，旧城改造的资金缺口超过三千亿元，社会资本参与不足两成，居民意愿和资金平衡是旧城改造面临的两个主要矛盾，历史街区保护常常让位于短期收益，改造周期普遍超过五年。';
    const cut = makeItem([seg(long)], 60, { strip: true });
    expect(cut.text.endsWith(CUT)).toBe(true);
    expect(cut.text.endsWith('。' + CUT)).toBe(false);
    expect(long.startsWith(cut.text.slice(0, -CUT.length))).toBe(true);
    expect(cut.textId).toBeDefined();
    const lead = makeItem([seg('从长远看，区域合作离不开制度建设：')], 90, { strip: true });
    expect(lead.text).toBe('从长远看，区域合作离不开制度建设……');
    // a list item keeps its own semicolon; a whole sentence stays whole
    expect(makeItem([seg('完善资金平衡机制；')], 90, { strip: true }).text).toBe('完善资金平衡机制；');
    expect(makeItem([seg('完善资金平衡机制。')], 90, { strip: true }).text).toBe('完善资金平衡机制。');
  });

  it('property: every item of a generated report or news brief is source text or marked as cut', () => {
    fc.assert(
      fc.property(generatedDoc, (d) => {
        expectFaithful(d, selectBrief(d, []).brief);
      }),
      { numRuns: 150 },
    );
  });

  const root = fileURLToPath(new URL('../..', import.meta.url));
  const ctx = resolveContext({}, root);
  const { terms } = loadGlossary(ctx.glossaryDir);
  for (const slug of ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum']) {
    it(`seed ${slug}: every item is source text or marked as cut, and none is excluded`, () => {
      const { doc } = loadTextSourceDoc(ctx, slug);
      const { brief } = selectBrief(doc, terms);
      expectFaithful(doc, brief);
      for (const i of items(brief)) expect(exclusionOf(i.text), i.text).toBeUndefined();
    });
  }
});

describe('formulaic sentences are down-weighted, not excluded', () => {
  it('the background is a small, fixed table of 4-grams shared by several public-domain documents', () => {
    expect(FORMULAIC_DATA.n).toBe(4);
    expect(FORMULAIC_DATA.documents).toBeGreaterThanOrEqual(10);
    // PRC official texts only (PRC Copyright Law Art. 5, as each one's PROVENANCE.yaml records), no bilingual copy
    for (const s of FORMULAIC_DATA.sources) {
      const prov = readFileSync(new URL(`../../corpus/${s.slug}/PROVENANCE.yaml`, import.meta.url), 'utf8');
      expect(prov, s.slug).toMatch(/^licence:\s*"?public-domain \(PRC Copyright Law Art\. 5\)/m);
      expect(prov, s.slug).not.toMatch(/^kind:\s*bilingual/m);
    }
    expect(Object.keys(FORMULAIC_DATA.grams).every((df) => Number(df) >= FORMULAIC_DATA.minDf)).toBe(true);
  });

  it('stock phrases score high, facts low; the score is a share in [0, 1]', () => {
    const formula = formulaicScore('各级人民政府应当按照国家有关规定，建立健全监督管理制度，依法履行职责。');
    const fact = formulaicScore('全市新建保障性住房三万二千套，地铁运营里程达到八百三十六公里。');
    expect(formula).toBeGreaterThan(0.5);
    // a work report's own vocabulary (保障性住房, 运营里程) recurs across the three work reports of the
    // background, so a fact is not at 0; it stays far below a formula
    expect(fact).toBeLessThan(0.25);
    expect(formula - fact).toBeGreaterThan(0.3);
    // words that carry a figure are what it measures, not stock phrase
    expect(formulaicScore('全市地区生产总值增长5.2%，城镇调查失业率4.4%。')).toBe(0);
    expect(formulaicScore('短句。')).toBe(0);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'人民政府应当依照规定建立健全制度全市新建住房，。') }), (t) => {
        const v = formulaicScore(t);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(formulaicScore(t)).toBe(v);
      }),
    );
    expect(hasFigure('研发投入强度达到6.7%。')).toBe(true);
    expect(hasFigure('研发投入强度稳步提高。')).toBe(false);
  });

  it('in a tiny report, both formula sentences rank below both information-bearing ones', () => {
    const d = formulaReport();
    const r = rankUnits(collectUnits(d), d, () => []);
    const score = (start: string) => r.ranked.find((x) => x.unit.segment.text.startsWith(start))!.score;
    const formulas = [score('县级以上人民政府'), score('各级人民政府')];
    const facts = [score('全市新建保障性住房'), score('新设立外资企业')];
    expect(Math.max(...formulas)).toBeLessThan(Math.min(...facts));
    const why = r.ranked.find((x) => x.unit.segment.text.startsWith('各级人民政府'))!.priorReasons.join(' ');
    expect(why).toContain('formulaic');
    // and the brief's first slot (the bottom line, from the whole text when there is no 摘要) takes the facts
    const bottom = selectBrief(d, []).brief.slots.find((s) => s.name === 'bottomLine')!.items.map((i) => i.text);
    expect(bottom.length).toBeGreaterThan(0);
    expect(bottom.every((t) => t.startsWith('全市新建') || t.startsWith('新设立'))).toBe(true);
  });
});

