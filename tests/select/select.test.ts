import { describe, expect, it } from 'vitest';
import { formatExplanation, selectBrief } from '../../pipeline/select/index.js';
import type { Brief, SourceDoc } from '../../pipeline/model.js';
import { doc, list, para, section, segmentsOf } from '../fixtures/select/build.js';
import { parseNews } from '../../pipeline/ingest/news/index.js';
import { forumNews, forumTerms, waterReport, waterTerms } from '../fixtures/select/docs.js';

const slot = (b: Brief, name: string) => b.slots.find((s) => s.name === name)!.items;

function withMeta(d: SourceDoc, meta: Partial<SourceDoc['meta']>): SourceDoc {
  return { ...d, meta: { ...d.meta, ...meta } };
}

/** Every item is source text: its segment's text, or a prefix cut at a clause mark plus "……". */
function expectSourceText(d: SourceDoc, b: Brief) {
  const segs = new Map(segmentsOf(d).map((s) => [s.id, s.text]));
  for (const q of d.quotes) segs.set(q.segmentId, segs.get(q.segmentId) ?? q.text);
  for (const s of b.slots)
    for (const i of s.items) {
      const src = i.segmentIds.map((id) => segs.get(id)).join('');
      expect(i.segmentIds.every((id) => segs.has(id))).toBe(true);
      if (!i.textId) expect(i.text).toBe(src);
      else {
        const bare = i.text.endsWith('……') ? i.text.slice(0, -2) : i.text;
        expect(src.includes(bare)).toBe(true);
      }
    }
}

describe('report brief', () => {
  const d = waterReport();
  const { brief, explanation } = selectBrief(d, waterTerms, { explain: true });

  it('has the report slots in order and respects the limits', () => {
    expect(brief.kind).toBe('report');
    expect(brief.lang).toBe('zh-Hans');
    expect(brief.slots.map((s) => s.name)).toEqual(['bottomLine', 'findings', 'positions', 'recommendations']);
    expect(slot(brief, 'bottomLine').length).toBeGreaterThanOrEqual(2);
    expect(slot(brief, 'bottomLine').length).toBeLessThanOrEqual(3);
    expect(slot(brief, 'findings').length).toBeGreaterThanOrEqual(3);
    expect(slot(brief, 'findings').length).toBeLessThanOrEqual(5);
    expect(slot(brief, 'recommendations').length).toBeLessThanOrEqual(5);
    expect(brief.terms.length).toBeLessThanOrEqual(8);
    expect(brief.title).toBe(d.meta.title);
    expect(brief.sourceLine).toBe('上海国际问题研究院 · 总第12期 · 2024年3月 · 王海 等');
  });

  it('takes recommendations from the enumeration in the 摘要, in order', () => {
    const abstractList = d.sections[0].blocks.find((b) => b.type === 'list')!;
    if (abstractList.type !== 'list') throw new Error();
    expect(slot(brief, 'recommendations').map((i) => i.segmentIds[0])).toEqual(abstractList.items.map((i) => i.segments[0].id));
  });

  it('sets out the positions of the actors named in "<actor>：<position>" headings', () => {
    const pos = slot(brief, 'positions');
    expect(pos.map((i) => i.speaker?.name)).toEqual(['东盟', '欧盟', '非洲联盟']);
    for (const i of pos) expect(i.text).toContain(i.speaker!.name);
  });

  it('never uses a segment twice, and every item is source text with its ids and score', () => {
    const ids = brief.slots.flatMap((s) => s.items.flatMap((i) => i.segmentIds));
    expect(new Set(ids).size).toBe(ids.length);
    const texts = brief.slots.flatMap((s) => s.items.map((i) => i.text));
    expect(new Set(texts).size).toBe(texts.length);
    for (const s of brief.slots) for (const i of s.items) expect(typeof i.score).toBe('number');
    expectSourceText(d, brief);
  });

  it('leaves acknowledgements and lead-ins out', () => {
    const texts = brief.slots.flatMap((s) => s.items.map((i) => i.text));
    expect(texts.some((t) => t.includes('鸣谢'))).toBe(false);
    expect(texts.some((t) => /[：:]$/.test(t))).toBe(false);
  });

  it('chooses key terms from the glossary that occur in the text, the frequent ones first', () => {
    const ids = brief.terms.map((t) => t.termId);
    expect(ids[0]).toBe('water-security');
    expect(ids).not.toContain('united-nations'); // in the glossary, not in the text
    expect(brief.terms.find((t) => t.termId === 'asean')?.en).toBe('ASEAN');
  });

  it('explains every item with its components', () => {
    const n = brief.slots.reduce((a, s) => a + s.items.length, 0);
    expect(explanation.length).toBe(n);
    const first = explanation[0];
    expect(first.slot).toBe('bottomLine');
    expect(first.components.centrality).toBeGreaterThan(0);
    const text = formatExplanation(explanation);
    expect(text).toContain('## recommendations');
    expect(text).toContain('centrality');
    expect(text).toContain('摘要 +0.25');
    expect(selectBrief(d, waterTerms).explanation).toEqual([]);
  });

  it('is deterministic', () => {
    const again = selectBrief(waterReport(), waterTerms, { explain: true });
    expect(JSON.stringify(again.brief)).toBe(JSON.stringify(brief));
    expect(formatExplanation(again.explanation)).toBe(formatExplanation(explanation));
  });

  it('falls back to the concluding chapter when the 摘要 has no enumeration', () => {
    const d2 = waterReport();
    d2.sections[0].blocks = d2.sections[0].blocks.filter((b) => b.type !== 'list');
    const recs = slot(selectBrief(d2, waterTerms).brief, 'recommendations');
    expect(recs.map((i) => i.text)).toEqual(['以数据共享为突破口，逐步建立流域治理的信任基础。', '把生态补偿作为平衡开发与保护的政策工具。']);
  });

  it('finds an enumeration written as paragraphs (…：一是… / 二是… / 三是…) and drops the markers', () => {
    const d3 = doc('report', {}, [
      section('abstract', '摘要', [
        para('城市更新进入存量时代，旧城改造的矛盾日益突出。'),
        para('为此，城市更新需要新的思路：一是坚持居民参与，建立改造方案的公示制度。'),
        para('二是完善资金机制，引导社会资本参与旧城改造。'),
        para('三是保护历史街区，避免大拆大建。'),
        para('城市更新的最终目标是提升居民的生活品质。'),
      ]),
      section('chapter', '一、现状', [para('旧城改造的矛盾集中在资金和居民意愿两个方面。'), para('历史街区的保护常常让位于短期收益。')]),
    ]);
    const recs = slot(selectBrief(d3, []).brief, 'recommendations');
    expect(recs.map((i) => i.text)).toEqual(['坚持居民参与，建立改造方案的公示制度。', '完善资金机制，引导社会资本参与旧城改造。', '保护历史街区，避免大拆大建。']);
    expect(recs.every((i) => typeof i.textId === 'string')).toBe(true);
  });

  it('keeps at most five recommendations, in document order', () => {
    const items = ['加强监测', '完善立法', '扩大投入', '培养人才', '深化合作', '鼓励创新', '强化评估'].map((x) => `${x}，推动湿地保护工作不断取得新进展。`);
    const d4 = doc('report', {}, [
      section('abstract', '摘要', [para('湿地保护关系生态安全。'), list('建议如下：', items)]),
      section('chapter', '一、现状', [para('湿地面积持续减少。')]),
    ]);
    const recs = slot(selectBrief(d4, []).brief, 'recommendations');
    expect(recs.length).toBe(5);
    const order = recs.map((r) => items.indexOf(r.text));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('pins, excludes and the short title', () => {
  it('a pinned fragment is brought into the brief; an excluded one is kept out of every slot', () => {
    const base = selectBrief(waterReport(), waterTerms).brief;
    const pinned = '2019年举行的一次部长级会议';
    expect(base.slots.some((s) => s.items.some((i) => i.text.includes(pinned)))).toBe(false);
    const excludedText = slot(base, 'bottomLine')[0].text;
    const rec = slot(base, 'recommendations')[1];
    const d = withMeta(waterReport(), { pin: [pinned], exclude: [excludedText.slice(0, 12), rec.segmentIds[0]], shortTitle: '跨境河流合作' });
    const b = selectBrief(d, waterTerms).brief;
    expect(slot(b, 'findings').some((i) => i.text.includes(pinned))).toBe(true);
    const all = b.slots.flatMap((s) => s.items);
    expect(all.some((i) => i.text === excludedText)).toBe(false);
    expect(all.some((i) => i.segmentIds.includes(rec.segmentIds[0]))).toBe(false);
    expect(b.title).toBe('跨境河流合作');
  });

  it('a pin by segment id works as well as by fragment', () => {
    const d = waterReport();
    const target = segmentsOf(d).find((s) => s.text.startsWith('部分国家的水电开发计划'))!;
    const b = selectBrief(withMeta(d, { pin: [target.id] }), waterTerms).brief;
    expect(b.slots.some((s) => s.items.some((i) => i.segmentIds.includes(target.id)))).toBe(true);
  });
});

describe('news brief', () => {
  const d = forumNews();
  const { brief } = selectBrief(d, forumTerms, { explain: true });

  it('has the news slots and limits', () => {
    expect(brief.slots.map((s) => s.name)).toEqual(['bottomLine', 'keyPoints', 'voices']);
    const kp = slot(brief, 'keyPoints').length;
    expect(kp).toBeGreaterThanOrEqual(3);
    expect(kp).toBeLessThanOrEqual(5);
    expect(slot(brief, 'voices').length).toBeLessThanOrEqual(4);
    expect(brief.sourceLine).toBe('新京报 · 司马文 · 2023年11月3日 · https://example.com/news/1');
  });

  it('the bottom line comes from the lead', () => {
    const leadIds = new Set(segmentsOf({ ...d, sections: [d.sections[0]] }).map((s) => s.id));
    for (const i of slot(brief, 'bottomLine')) expect(leadIds.has(i.segmentIds[0])).toBe(true);
  });

  it('voices: distinct speakers with roles, one short quote each, quote marks removed, keyed by their own text', () => {
    const v = slot(brief, 'voices');
    expect(v.length).toBe(4);
    const names = v.map((i) => i.speaker!.name);
    expect(new Set(names).size).toBe(names.length);
    for (const i of v) {
      expect(i.speaker!.role).toBeTruthy();
      expect([...i.text].length).toBeLessThanOrEqual(80);
      expect(i.text).not.toMatch(/[“”]/);
      expect(i.textId).toBeDefined();
    }
    // voices are in document order
    const order = v.map((i) => d.quotes.findIndex((q) => q.segmentId === i.segmentIds[0]));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('no segment is both a voice and a key point', () => {
    const ids = brief.slots.flatMap((s) => s.items.flatMap((i) => i.segmentIds));
    expect(new Set(ids).size).toBe(ids.length);
    expectSourceText(d, brief);
  });

  it("a quote cut off at a comma gives way to the same speaker's quote that ends its sentence", () => {
    const d2 = forumNews();
    const whole = d2.quotes.find((q) => q.speaker?.name === '古特雷斯')!;
    d2.quotes.unshift({ ...whole, text: '发展中国家的气候融资缺口还在扩大，' });
    const v = slot(selectBrief(d2, forumTerms).brief, 'voices').find((i) => i.speaker?.name === '古特雷斯')!;
    expect(v.text).not.toMatch(/，$/);
  });

  it('without subheadings, the bottom line is the first paragraph (导语), not the most central sentences', () => {
    const md = `# 港口绿色航运对话在鹿特丹闭幕 多方同意建立排放数据通报机制

新华社鹿特丹6月3日电（记者 钱江）为期两天的第二届港口绿色航运对话3日在荷兰鹿特丹闭幕。来自12个国家和地区的港口、航运企业和研究机构代表约200人与会。与会各方围绕船舶排放数据、岸电设施和绿色燃料加注等议题交换意见，并在闭幕时发表联合声明。

联合声明提出三项具体举措：（1）建立港口船舶排放数据季度通报机制，由对话秘书处汇总发布主要港口的排放和岸电使用数据；（2）设立绿色燃料加注标准工作组，推动形成统一的加注安全规范；（3）在2026年底前启动港口岸电设施互认试点项目，推动形成统一的岸电接口标准。

对话荷方联合主席、鹿特丹港务局副局长范德伯格在闭幕式上表示，排放数据通报机制让港口和航运企业有了核对数据的固定渠道。他说，港口岸电设施和绿色燃料加注能力是港口绿色转型的关键。

多位航运企业代表认为，港口岸电设施和绿色燃料加注的标准统一，是航运企业绿色转型的前提，港口岸电设施的互认将降低航运企业的改造成本。
`;
    const bl = slot(selectBrief(parseNews(md, 'x.md', 'x').doc, []).brief, 'bottomLine').map((i) => i.text);
    expect(bl).toEqual(['为期两天的第二届港口绿色航运对话3日在荷兰鹿特丹闭幕。', '与会各方围绕船舶排放数据、岸电设施和绿色燃料加注等议题交换意见，并在闭幕时发表联合声明。']);
  });

  it('a pinned quote brings its speaker in', () => {
    const base = slot(brief, 'voices').map((i) => i.speaker!.name);
    const left = forumNews().quotes.find((q) => !base.includes(q.speaker!.name))!;
    const b = selectBrief(withMeta(forumNews(), { pin: [left.segmentId] }), forumTerms).brief;
    expect(slot(b, 'voices').map((i) => i.speaker!.name)).toContain(left.speaker!.name);
  });
});

describe('a report whose conclusion chapter holds a 政策建议 subsection', () => {
  it('takes the recommendations from that subsection, not the subsection headings of the chapter', () => {
    const d = doc('report', { title: '碳市场扩容' }, [
      section('abstract', '摘要', [para('有偿分配比例提高会降低企业碳排放强度。拟纳入行业的企业会提前减排。')]),
      section('chapter', '一、引言', [para('全国碳市场自2021年启动以来以免费分配为主，配额分配方式的影响日益受到关注。')]),
      section('chapter', '五、结论与政策建议', [], [
        section('section', '（一）主要结论', [para('有偿分配比例每提高10个百分点，企业碳排放强度下降约2.7%。')], [], 2),
        section('section', '（二）政策建议', [list('', ['稳步引入有偿分配，初期比例设定在3%至5%。', '尽早公布分行业纳入路线图，稳定企业预期。', '完善碳价调控机制，设立配额储备。'])], [], 2),
      ]),
    ]);
    const recs = slot(selectBrief(d, []).brief, 'recommendations').map((i) => i.text);
    expect(recs).toEqual(['稳步引入有偿分配，初期比例设定在3%至5%。', '尽早公布分行业纳入路线图，稳定企业预期。', '完善碳价调控机制，设立配额储备。']);
  });
  it('a tasks section whose headings name projects gives its enumerated tasks, and headings that propose stay', () => {
    const tasks = (h: [string, string]) =>
      doc('report', { title: '产业发展三年行动计划' }, [
        section('chapter', '一、总体要求', [para('到2023年末，产业规模达到1000亿元，培育100家优质企业，形成具有全球影响力的产业集群。')]),
        section('chapter', '二、主要任务', [], [
          section('section', h[0], [list('', ['开展关键核心技术攻关。', '加快融合定位技术突破。'])], [], 2),
          section('section', h[1], [list('', ['优化时空智能云平台。', '完善高精度位置服务网络。'])], [], 2),
        ]),
      ]);
    const recs = (h: [string, string]) => slot(selectBrief(tasks(h), []).brief, 'recommendations').map((i) => i.text);
    // names of projects: not what anyone proposes
    const named = recs(['（一）关键技术攻关工程', '（二）基础能力提升工程']);
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const t of named) expect(['开展关键核心技术攻关。', '加快融合定位技术突破。', '优化时空智能云平台。', '完善高精度位置服务网络。']).toContain(t);
    // headings that propose are the recommendations
    expect(recs(['（一）加强关键技术攻关', '（二）推进基础能力建设'])).toEqual(['加强关键技术攻关', '推进基础能力建设']);
  });
  it('never takes an English paragraph of a Chinese source (a translated abstract) for content', () => {
    const d = doc('report', { title: '碳市场扩容' }, [
      section('abstract', '摘要', [para('有偿分配比例提高会降低企业碳排放强度。拟纳入行业的企业会提前减排。'), para('Abstract: We find that paid allocation lowers the carbon intensity of regulated firms by 2.7 percent.')]),
      section('chapter', '一、引言', [para('全国碳市场自2021年启动以来以免费分配为主，配额分配方式的影响日益受到关注。')]),
    ]);
    const all = selectBrief(d, []).brief.slots.flatMap((sl) => sl.items.map((i) => i.text));
    expect(all.some((t) => /We find/.test(t))).toBe(false);
  });
});
