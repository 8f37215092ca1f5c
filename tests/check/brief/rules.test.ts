// Brief checks (pipeline/check/brief/): for each rule an ok and a not-ok example, a literal brief and
// document in, diagnostics out (like remark-lint's rule tests).
import { describe, expect, it } from 'vitest';
import type { Brief, BriefItem, Segment, SourceDoc } from '../../../pipeline/model.js';
import { BRIEF_RULES, checkBrief } from '../../../pipeline/check/brief/index.js';
import { diagnosticToJson } from '../../../pipeline/diagnostics.js';

/** A document of one paragraph per text, the n-th on line n + 2 (the title is on line 1). */
function doc(texts: string[], title = '着眼共同安全'): SourceDoc {
  const segs: Segment[] = texts.map((text, i) => ({ id: `s${i}`, text, place: { line: i + 3, column: 1 }, footnoteRefs: [] }));
  return {
    slug: 't',
    kind: 'report',
    meta: { title, authors: [] },
    titleSegments: [{ id: 'title', text: title, place: { line: 1, column: 1 }, footnoteRefs: [] }],
    sections: [{ id: 'x', level: 1, kind: 'chapter', heading: '一', place: { line: 2, column: 1 }, blocks: [{ type: 'paragraph', segments: segs }], children: [] }],
    footnotes: [],
    tables: [],
    quotes: [],
  };
}
/** An item that is segment i's text, or the given text. */
function item(i: number, text?: string, d?: SourceDoc): BriefItem {
  const t = text ?? (d ? (d.sections[0].blocks[0] as { segments: Segment[] }).segments[i].text : '');
  return { text: t, segmentIds: [`s${i}`] };
}
function brief(items: BriefItem[], terms: string[] = [], title = '着眼共同安全'): Brief {
  return {
    slug: 't',
    lang: 'zh-Hans',
    kind: 'report',
    title,
    sourceLine: '',
    slots: [{ name: 'findings', items }],
    terms: terms.map((t) => ({ termId: t, text: t, en: t })),
  };
}
function run(rule: string, b: Brief, d: SourceDoc) {
  const r = BRIEF_RULES.find((x) => x.id === rule)!;
  expect(r, rule).toBeTruthy();
  return r.check(b, d, { file: 'source.txt' }).map(diagnosticToJson);
}

const OK = ['谈判是政治解决乌克兰危机的起点。', '特朗普政府的乌克兰和平方案及行动引发欧洲的震惊与忧虑。'];

describe('brief:title (error)', () => {
  it('ok: the document’s title, or meta’s short title', () => {
    const d = doc(OK);
    expect(run('brief:title', brief([item(0, undefined, d)]), d)).toEqual([]);
    d.meta.shortTitle = '共同安全新范式';
    expect(run('brief:title', brief([item(0, undefined, d)], [], '共同安全新范式'), d)).toEqual([]);
  });
  it('not ok: empty, or another text', () => {
    const d = doc(OK);
    const empty = run('brief:title', brief([item(0, undefined, d)], [], ' '), d);
    expect(empty).toMatchObject([{ rule: 'brief:title', severity: 'error', file: 'source.txt', line: 1 }]);
    const other = run('brief:title', brief([item(0, undefined, d)], [], '谈判是起点'), d);
    expect(other).toMatchObject([{ rule: 'brief:title', severity: 'error', expected: ['着眼共同安全'] }]);
  });
});

describe('brief:markup-residue (error)', () => {
  it('ok: plain text, angle quotes and a brace-free colon', () => {
    const d = doc(['《数据安全法》规定：国家建立数据分类分级保护制度。', 'a < b 且 c > d 时，比较结果为真。']);
    expect(run('brief:markup-residue', brief([item(0, undefined, d), item(1, undefined, d)]), d)).toEqual([]);
  });
  it('not ok: tags, entities, CSS, Markdown links, front matter', () => {
    const texts = ['会议于<b>北京</b>举行。', '双方&nbsp;同意。', '双方&#123;同意。', '.note{color:red} 双方同意。', '详见[报告](https://x.cn/a)。', 'title: 着眼共同安全'];
    const d = doc(texts);
    const out = run('brief:markup-residue', brief(texts.map((_, i) => item(i, undefined, d))), d);
    expect(out.map((x) => x.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(out.every((x) => x.severity === 'error')).toBe(true);
    expect(out[0].reason).toContain('an HTML tag');
    expect(out[3].reason).toContain('CSS');
    expect(out[4].reason).toContain('Markdown link');
    expect(out[5].reason).toContain('front-matter');
  });
  it('not ok: a Markdown backslash escape and a template shortcode a scraper kept', () => {
    const texts = ['议程见 https\\://goo.gl/x 。', '{{< figure src="/a.png" caption="合影" >}}'];
    const d = doc(texts);
    const out = run('brief:markup-residue', brief(texts.map((_, i) => item(i, undefined, d))), d);
    expect(out.map((x) => String(x.reason).includes('backslash escape') || String(x.reason).includes('template directive'))).toEqual([true, true]);
  });
});

describe('brief:question (warning)', () => {
  it('ok: statements', () => {
    const d = doc(OK);
    expect(run('brief:question', brief([item(0, undefined, d)]), d)).toEqual([]);
  });
  it('not ok: a question, also inside closing quotes', () => {
    const d = doc(['为什么基础设施的投资者相对较少？', '他问：“停火能否持久？”']);
    const out = run('brief:question', brief([item(0, undefined, d), item(1, undefined, d)]), d);
    expect(out).toMatchObject([{ rule: 'brief:question', severity: 'warning', line: 3 }, { line: 4 }]);
  });
});

describe('brief:salutation (warning)', () => {
  it('ok: a sentence that names delegates', () => {
    const d = doc(['各位代表审议了政府工作报告，并提出了意见。']);
    expect(run('brief:salutation', brief([item(0, undefined, d)]), d)).toEqual([]);
  });
  it('not ok: 各位代表：, 女士们、先生们、朋友们：', () => {
    const d = doc(['各位代表：', '女士们、先生们、朋友们：', '尊敬的各位来宾，']);
    const out = run('brief:salutation', brief([0, 1, 2].map((i) => item(i, undefined, d))), d);
    expect(out.map((x) => [x.line, x.severity])).toEqual([[3, 'warning'], [4, 'warning'], [5, 'warning']]);
  });
});

describe('brief:caption (warning)', () => {
  it('ok: 表示, 图书, a number after 表', () => {
    const d = doc(['表示欢迎。', '图书馆开放。', '表决通过了决议。']);
    expect(run('brief:caption', brief([0, 1, 2].map((i) => item(i, undefined, d))), d)).toEqual([]);
  });
  it('not ok: 图1, 表 2, 图 2.17, 图一：', () => {
    const d = doc(['图1 中国开源项目排名', '表 2 各地区增长率', '图 2.17 越来越多的 AI 大模型开发者', '图一：战场形势']);
    const out = run('brief:caption', brief([0, 1, 2, 3].map((i) => item(i, undefined, d))), d);
    expect(out.map((x) => x.line)).toEqual([3, 4, 5, 6]);
    expect(out[0]).toMatchObject({ rule: 'brief:caption', severity: 'warning', file: 'source.txt' });
  });
});

describe('brief:citation (warning)', () => {
  it('ok: a sentence that names a speech', () => {
    const d = doc(['习近平在2013年的讲话中提出了构建人类命运共同体的理念。']);
    expect(run('brief:citation', brief([item(0, undefined, d)]), d)).toEqual([]);
  });
  it('not ok: – 习近平：《…》，2013年…讲话。, ——摘自…, 资料来源：…', () => {
    const d = doc(['– 习近平：《顺应时代前进潮流 促进世界和平发展》，2013年3月23日在莫斯科国际关系学院的讲话。', '——摘自《人民日报》', '资料来源：国家统计局。']);
    const out = run('brief:citation', brief([0, 1, 2].map((i) => item(i, undefined, d))), d);
    expect(out.map((x) => [x.rule, x.line, x.severity])).toEqual([
      ['brief:citation', 3, 'warning'],
      ['brief:citation', 4, 'warning'],
      ['brief:citation', 5, 'warning'],
    ]);
  });
});

describe('brief:section-number (warning)', () => {
  it('ok: a law’s article number, a number that is a quantity', () => {
    const d = doc(['第十二条 国家建立数据安全工作协调机制。', '1.5亿人参与了调查。', '2023年GDP增长5.2%。']);
    expect(run('brief:section-number', brief([0, 1, 2].map((i) => item(i, undefined, d))), d)).toEqual([]);
  });
  it('not ok: 六、…, （三）…, 第二章…, 1. …', () => {
    const d = doc(['六、加强国际合作。', '（三）完善治理体系。', '第二章 数据安全与发展', '1. 推动停火。']);
    const out = run('brief:section-number', brief([0, 1, 2, 3].map((i) => item(i, undefined, d))), d);
    expect(out.map((x) => x.line)).toEqual([3, 4, 5, 6]);
    expect(out[0].reason).toContain('“六、”');
    expect(out[0].severity).toBe('warning');
  });
});

describe('brief:invented-end (error)', () => {
  const src = '从长远看，政治解决乌克兰危机离不开对“共同安全新范式”的探索，也需要各方的耐心与诚意。';
  it('ok: the whole sentence, a cut marked ……, a sentence of a longer segment', () => {
    const d = doc([src, '谈判是起点。停火是第一步。']);
    const b = brief([item(0, src), item(0, '从长远看，政治解决乌克兰危机离不开对“共同安全新范式”的探索……'), item(1, '谈判是起点。')]);
    expect(run('brief:invented-end', b, d)).toEqual([]);
  });
  it('not ok: 。 where the source goes on after a comma', () => {
    const d = doc([src]);
    const out = run('brief:invented-end', brief([item(0, '从长远看，政治解决乌克兰危机离不开对“共同安全新范式”的探索。')]), d);
    expect(out).toMatchObject([{ rule: 'brief:invented-end', severity: 'error', line: 3, expected: ['从长远看，政治解决乌克兰危机离不开对“共同安全新范式”的探索……'] }]);
    expect(out[0].reason).toContain('“，也需要各方的耐');
  });
  it('a lead-in’s colon turned into 。 is a warning', () => {
    const d = doc(['从长远看，政治解决乌克兰危机离不开对“共同安全新范式”的探索：']);
    const out = run('brief:invented-end', brief([item(0, '从长远看，政治解决乌克兰危机离不开对“共同安全新范式”的探索。')]), d);
    expect(out).toMatchObject([{ rule: 'brief:invented-end', severity: 'warning', line: 3 }]);
  });
});

describe('brief:duplicate (error)', () => {
  it('ok: different items', () => {
    const d = doc(OK);
    expect(run('brief:duplicate', brief([item(0, undefined, d), item(1, undefined, d)]), d)).toEqual([]);
  });
  it('not ok: the same segment twice, the same text, a shortened copy of another item', () => {
    const d = doc([...OK, '谈判是政治解决乌克兰危机的起点。', '特朗普政府的乌克兰和平方案及行动引发欧洲的震惊与忧虑，也引发了反思。']);
    const b = brief([item(0, undefined, d), item(0, undefined, d), item(2, undefined, d), item(1, undefined, d), item(3, undefined, d)]);
    const out = run('brief:duplicate', b, d);
    expect(out.map((x) => [x.data && (x.data as { item: number }).item, x.severity])).toEqual([[2, 'error'], [3, 'error'], [5, 'error']]);
    expect(out[0].reason).toContain('repeats findings item 1');
  });
});

describe('brief:untraceable (error)', () => {
  it('ok: whole segments, a marked cut, a sentence of a segment', () => {
    const d = doc(OK);
    const b = brief([item(0, undefined, d), item(1, '特朗普政府的乌克兰和平方案……'), item(0, '谈判是政治解决乌克兰危机的起点')]);
    expect(run('brief:untraceable', b, d)).toEqual([]);
  });
  it('ok: the source sentence without its note marks ([12], ［3］, ¹)', () => {
    const d = doc(['谈判是政治解决乌克兰危机的起点[12]，也是停火的前提［3］。', '欧洲对此感到震惊¹²。']);
    const b = brief([item(0, '谈判是政治解决乌克兰危机的起点，也是停火的前提。'), item(1, '欧洲对此感到震惊。')]);
    expect(run('brief:untraceable', b, d)).toEqual([]);
    expect(run('brief:invented-end', b, d)).toEqual([]);
  });
  it('not ok: no segment, an unknown segment, words not in the segment', () => {
    const d = doc(OK);
    const b = brief([{ text: '谈判是起点。', segmentIds: [] }, { text: '谈判是起点。', segmentIds: ['s9'] }, item(0, '谈判是政治解决乌克兰危机的唯一起点。')]);
    const out = run('brief:untraceable', b, d);
    expect(out.map((x) => [x.line, x.severity])).toEqual([[1, 'error'], [1, 'error'], [3, 'error']]);
    expect(out[2].reason).toContain('not in the source segments');
  });
});

describe('brief:generic-term (warning)', () => {
  it('ok: specific terms', () => {
    const d = doc(OK);
    expect(run('brief:generic-term', brief([item(0, undefined, d)], ['乌克兰危机', '安全保障']), d)).toEqual([]);
  });
  it('not ok: 中国, 美国, 习近平', () => {
    const d = doc(['中国和美国的领导人会面，习近平发表讲话。']);
    const out = run('brief:generic-term', brief([item(0, undefined, d)], ['中国', '美国', '习近平', '停火']), d);
    expect(out.map((x) => x.actual)).toEqual(['中国', '美国', '习近平']);
    expect(out[0]).toMatchObject({ severity: 'warning', line: 3 });
  });
});

describe('brief:term-in-word (warning)', () => {
  it('ok: the term as a word of its own (加沙地带, 蒙古国, 对蒙古)', () => {
    const d = doc(['加沙地带的局势持续紧张。', '蒙古国总统访华。', '中国对蒙古的投资增长。']);
    expect(run('brief:term-in-word', brief([item(0, undefined, d)], ['加沙', '蒙古']), d)).toEqual([]);
  });
  it('not ok: 蒙古 in 内蒙古, 加沙 in 桦加沙, 卡申 in 社会保障卡申领', () => {
    const d = doc(['内蒙古自治区的发展。', '台风桦加沙登陆广东。', '居民可在网上办理社会保障卡申领。']);
    const out = run('brief:term-in-word', brief([item(0, undefined, d)], ['蒙古', '加沙', '卡申']), d);
    expect(out.map((x) => [x.actual, x.line, x.severity])).toEqual([
      ['蒙古', 3, 'warning'],
      ['加沙', 4, 'warning'],
      ['卡申', 5, 'warning'],
    ]);
  });
  it('counts every occurrence, several in one paragraph and in several paragraphs, and not the title', () => {
    const d = doc(['内蒙古的牧民和内蒙古的草原。', '蒙古国总统访华。', '内蒙古自治区的发展。'], '蒙古');
    const out = run('brief:term-in-word', brief([item(1, undefined, d)], ['蒙古']), d);
    expect(out.map((x) => [x.actual, x.line, x.data])).toEqual([['蒙古', 3, { rule: 'brief:term-in-word', termId: '蒙古', inside: 3, whole: 1 }]]);
    // as many whole occurrences as inside ones: no warning
    const even = doc(['内蒙古的牧民。', '蒙古国总统访华。']);
    expect(run('brief:term-in-word', brief([item(1, undefined, even)], ['蒙古']), even)).toEqual([]);
  });
  it('not ok: a term that opens on the last character of longer words (费支出 of 经费支出, 接待费支出)', () => {
    const d = doc(['单位经费支出决算为零。', '公务接待费支出减少。', '培训费支出比上年下降。', '会议费支出持平。']);
    const out = run('brief:term-in-word', brief([item(0, undefined, d)], ['费支出', '经费支出']), d);
    expect(out.map((x) => [x.actual, x.line])).toEqual([['费支出', 3]]);
  });
});

describe('checkBrief', () => {
  it('runs every rule, one module each, with a rule id brief:<name>', () => {
    expect(BRIEF_RULES.map((r) => r.id).every((id) => /^brief:[a-z-]+$/.test(id))).toBe(true);
    expect(new Set(BRIEF_RULES.map((r) => r.id)).size).toBe(BRIEF_RULES.length);
    const d = doc(OK);
    expect(checkBrief(brief([item(0, undefined, d), item(1, undefined, d)], ['停火']), d, { file: 'source.txt' })).toEqual([]);
  });
});

describe('brief:title furniture (warning)', () => {
  it('ok: a title with a colon or a dash inside words', () => {
    for (const t of ['核电厂定期安全评价 第1部分：通用要求（征求意见稿）', '2023 中国开源年度报告 · 商业化篇', '中美关系——回顾与展望', '社群每月九分钟 - 2024/02-03', '开源周报 | 2023年第5期']) {
      const d = doc(OK, t);
      expect(run('brief:title', brief([item(0, undefined, d)], [], t), d), t).toEqual([]);
    }
  });
  it('not ok: a site name after a separator, a section number', () => {
    for (const t of ['数据篇 | 2024 中国开源年度报告', '中华人民共和国监察法-纪检', '人工智能 - 维基百科，自由的百科全书', '8. 大事记篇', '2024/02 - 社群月报']) {
      const d = doc(OK, t);
      expect(run('brief:title', brief([item(0, undefined, d)], [], t), d), t).toMatchObject([{ rule: 'brief:title', severity: 'warning', line: 1 }]);
    }
  });
});

describe('brief:empty (warning)', () => {
  it('ok: an item', () => {
    const d = doc(OK);
    expect(run('brief:empty', brief([item(0, undefined, d)]), d)).toEqual([]);
  });
  it('not ok: no item at all', () => {
    const d = doc(OK);
    expect(run('brief:empty', brief([]), d)).toMatchObject([{ rule: 'brief:empty', severity: 'warning', line: 1 }]);
  });
});

describe('brief:dependent (warning)', () => {
  it('ok: sentences with their own subject', () => {
    const d = doc(['联邦矩阵计算适用于跨特征联邦。', '负责药品监督管理的部门应当加强抽查检验。']);
    expect(run('brief:dependent', brief([item(0, undefined, d), item(1, undefined, d)]), d)).toEqual([]);
  });
  it('not ok: a predicate without its subject, a back-reference', () => {
    const d = doc(['适用于跨特征联邦中的联邦矩阵计算，常用于特征选择。', '该模型参数量达到 3140 亿。']);
    const out = run('brief:dependent', brief([item(0, undefined, d), item(1, undefined, d)]), d);
    expect(out).toMatchObject([{ rule: 'brief:dependent', severity: 'warning', line: 3 }, { line: 4 }]);
  });
  it('not ok: a demonstrative whose noun it never named, 这 after an opening adverbial, a pointer to the talk', () => {
    const d = doc(['底刺网作业不能在这一个范围内执行。', '在县政府公布禁渔规范后，这已经有长足进步。', '后头会有几个阶段，让渔民了解转型。']);
    const out = run('brief:dependent', brief([item(0, undefined, d), item(1, undefined, d), item(2, undefined, d)]), d);
    expect(out).toMatchObject([{ rule: 'brief:dependent', line: 3 }, { line: 4 }, { line: 5 }]);
  });
});

describe('brief:summary-fragment (warning)', () => {
  const summary = (items: BriefItem[]): Brief => ({ ...brief([]), slots: [{ name: 'bottomLine', items }] });
  it('ok: sentences, and a long sentence shown cut', () => {
    const d = doc(['核电厂运行的安全评价有常规安全评价和专项安全评价，它们是安全验证的主要手段。']);
    expect(run('brief:summary-fragment', summary([item(0, undefined, d), item(0, '核电厂运行的安全评价有常规安全评价和专项安全评价，它们是……', d)]), d)).toEqual([]);
  });
  it('not ok: a series entry, a cut headline', () => {
    const d = doc(['——第6部分：构筑物、系统和设备的实际状态；', 'Mistral AI 完成 6.4 亿美元 B 轮融资']);
    const out = run('brief:summary-fragment', summary([item(0, undefined, d), item(1, 'Mistral AI 完成 6.4 亿美元 B 轮融资……', d)]), d);
    expect(out).toMatchObject([{ rule: 'brief:summary-fragment', severity: 'warning', line: 3 }, { line: 4 }]);
  });
});
