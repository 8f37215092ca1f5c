import { describe, expect, it } from 'vitest';
import { isSentencePiece, missingConcepts, withoutAssignmentNotes, withoutLinkLabels } from '../../pipeline/select/terms.js';
import { collectUnits, endsOnlyInAside } from '../../pipeline/select/units.js';
import { exclusionOf } from '../../pipeline/select/exclude.js';
import { dependentOpening } from '../../pipeline/select/cues.js';
import { ingest } from '../../pipeline/ingest/index.js';

// Session 12 (md2): a scraped page (a wiki or HackMD digest) repeats a label before every link of every item
// (成果简报：https://…, 项目文档：https://…); such a label is page furniture, not a concept of the text.
const piece = (text: string, line: number) => ({ text, line, column: 1 });
const projects = ['水质监测', '街道照明', '校园午餐', '社区图书', '公交准点', '雨水回收', '噪音地图'];

describe('labels that only introduce a link', () => {
  it('not-ok: a label repeated before addresses was mined as a key concept', () => {
    const texts = projects.flatMap((p, i) => [`${p}小组整理了公开数据，欢迎加入讨论。`, `@team${i}成果简报：https://example.org/s/${i}`, `项目笔记本：https://example.org/n/${i}?view`]);
    const got = missingConcepts('d', texts.map(piece), [], 10).map((m) => m.text);
    expect(got).not.toContain('成果简报');
    expect(got).not.toContain('项目笔记本');
  });
  it('ok: a label the text also uses in its sentences keeps those occurrences', () => {
    const texts = [
      ...['关于', '对于', '针对', '涉及', '围绕', '根据', '按照'].map((h) => `${h}成果简报，各方已有共识。`),
      ...projects.map((_, i) => `成果简报：https://example.org/s/${i}`),
    ];
    expect(missingConcepts('d', texts.map(piece), [], 10).map((m) => m.text)).toContain('成果简报');
  });
  it('blanks the label and its address only, keeping offsets, and never a sentence that ends on an address', () => {
    const t = '欢迎加入。成果简报/资料：https://a.example/x 项目笔记本：www.example.org';
    const out = withoutLinkLabels(t);
    expect(out.length).toBe(t.length);
    expect(out.trim()).toBe('欢迎加入。');
    const sentence = '详情请登录国家税务总局官方网站查询：https://www.example.gov';
    expect(withoutLinkLabels(sentence)).toBe(sentence);
    expect(withoutLinkLabels('时间：2024年3月2日')).toBe('时间：2024年3月2日');
  });
});

describe('a plan\'s note of who carries out each task', () => {
  const tasks = ['建设海洋装备试验场', '培育船舶配套企业', '建设海工检测平台', '推动深海装备应用', '扩大海洋装备出口', '引进海洋装备人才', '发展海洋装备金融'];
  it('not-ok: the label and the bodies it lists, repeated under every task, were mined as key concepts', () => {
    const texts = tasks.map((t, i) => `${t}，形成产业集聚效应。（责任单位：市海洋委${i % 2 ? '、市财政委' : ''}）`);
    const got = missingConcepts('d', texts.map(piece), [], 10).map((m) => m.text);
    expect(got).not.toContain('责任单位');
    expect(got).not.toContain('市海洋委');
  });
  it('blanks the note only, keeping offsets; a sentence naming a body keeps it', () => {
    const t = '建设海洋装备试验场。（牵头单位：市海洋委；配合单位：市财政委）';
    const out = withoutAssignmentNotes(t);
    expect(out.length).toBe(t.length);
    expect(out.trim()).toBe('建设海洋装备试验场。');
    const sentence = '市海洋委负责试验场的建设和运行，各区有关部门予以配合。';
    expect(withoutAssignmentNotes(sentence)).toBe(sentence);
  });
});

describe('the text naming itself', () => {
  it('本专案, 本项目, 本平台 are references to the text, not concepts', () => {
    for (const t of ['本专案', '本項目', '本平台']) expect(isSentencePiece(t)).toBe(true);
    expect(isSentencePiece('本地化')).toBe(false);
  });
});

describe('a bold tagline whose only end is in its bracketed aside', () => {
  const read = (text: string) => ingest({ slug: 't', file: 'source.md', bytes: new TextEncoder().encode(text), format: 'md' }).doc;
  const md = [
    '# 社区项目月报',
    '',
    '本月共有五个新项目加入社区，涵盖教育、环境与交通等领域。',
    '',
    '### 河川水质地图',
    '',
    '![](https://example.org/river.jpg)',
    '> Photo by 小明 CC BY 4.0',
    '',
    '**整理全市二十三条河川过去五年的水质监测数据，找出污染热点与季节变化规律的（数据已经清洗好了，缺人一起画图分析！）**',
    '',
    '「河川水质地图」项目希望把环保部门公开的水质数据整理成互动地图。目前已经收集了三年的监测记录。',
    '',
    '**我们已经完成第一版地图（欢迎试用）。**',
    '',
  ].join('\n');
  it('not-ok: the tagline was an eligible sentence; ok: a bold sentence with its own end stays one', () => {
    const units = collectUnits(read(md));
    const tag = units.find((u) => u.segment.text.startsWith("整理全市"));
    expect(tag?.eligible).toBe(false);
    const done = units.find((u) => u.segment.text.startsWith('我们已经完成第一版地图'));
    expect(done?.eligible).toBe(true);
  });
  it('endsOnlyInAside reads the end outside the last bracket', () => {
    expect(endsOnlyInAside('分析企业的报告书，捐款面向的（资料已整理好，欠人讨论！）')).toBe(true);
    expect(endsOnlyInAside('会议审议通过了工作报告。（完）')).toBe(false);
    expect(endsOnlyInAside('他说：“项目已经完成。”（记者 王明）')).toBe(false);
    expect(endsOnlyInAside('项目已经完成（详见附件）。')).toBe(false);
    expect(endsOnlyInAside('（全文完）')).toBe(false);
  });
});

describe('a pointer to further reading', () => {
  it('not-ok: 若想了解…，欢迎参阅… sends the reader elsewhere and states nothing', () => {
    expect(exclusionOf('若想了解本届入围项目，欢迎参阅 项目列表 。')).toBe('meta');
    expect(exclusionOf('如需进一步了解申报流程，请浏览官方网站。')).toBe('meta');
  });
  it('ok: a condition that goes on to state something is kept', () => {
    expect(exclusionOf('如果想了解居民的真实需求，政府必须深入社区调研。')).toBeUndefined();
    expect(exclusionOf('要了解经济运行情况，可以从用电量看出端倪。')).toBeUndefined();
  });
});

describe('an invitation to write in the page itself', () => {
  it('not-ok: how to contribute to the page is no finding of it', () => {
    expect(exclusionOf('如果你想加入此篇共笔协作，建议以浅显易懂的文字介绍项目。')).toBe('meta');
  });
  it('ok: joining something the text is about is content', () => {
    expect(exclusionOf('如果你想加入这个项目，可以在每周的例会上提出。')).toBeUndefined();
    expect(exclusionOf('参与本次调查的居民超过两千人。')).toBeUndefined();
  });
});

describe('"these" things the sentence has not named', () => {
  it('not-ok: 这些 + a noun introduced only by the sentence before', () => {
    expect(dependentOpening('我们目前正在征求用户进行这些新功能的测试，以便正式上线。')).toMatch(/这些新功/);
  });
  it('ok: 这些 + a noun the sentence named itself, or 这些年', () => {
    expect(dependentOpening('近年来，开源公司的发展速度令人瞩目，这些公司的总市值迅速增长。')).toBeUndefined();
    expect(dependentOpening('我们的社区在过去的这些年里不断成长。')).toBeUndefined();
  });
});

describe('"these" after a possessive', () => {
  it('ok: 它后面的这些重要的元件 says whose they are', () => {
    expect(dependentOpening('将来，不只是乌克兰人在用这个系统，而是它后面的这些重要的元件都捐出来。')).toBeUndefined();
  });
});
