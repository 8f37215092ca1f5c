import { describe, expect, it } from 'vitest';
import { parseTermFile } from '../../pipeline/glossary/load.js';
import { createHantConverter } from '../../pipeline/localize/hant.js';
import { chooseTerms, isSentencePiece, MAX_MISSING, missingConcepts, modifiesSharedHead, namesField, countedPiece, MISSING_EN, MISSING_PREFIX, scoreTerm, type TermStat } from '../../pipeline/select/terms.js';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';

// issue #14, point 5: the key-terms table shows what matters in this document.
const toHant = createHantConverter({ quotes: false });
const { terms, diagnostics } = parseTermFile(
  `
- zh-Hans: 中国
  en: China
  category: place
  generic: true
- zh-Hans: 习近平
  en: Xi Jinping
  category: person
  generic: true
- zh-Hans: 乌克兰
  en: Ukraine
  category: place
- zh-Hans: 数字经济
  en: digital economy
  category: concept
- zh-Hans: 安全保障
  en: security guarantee
  category: concept
  domain: international-security
- zh-Hans: 北约
  en: NATO
  category: organisation
  subject: [ international-security ]
- zh-Hans: 停火
  en: ceasefire
  category: concept
  subject: [ international-security ]
`,
  'test.yaml',
  toHant,
);
const byId = (id: string) => terms.find((t) => t.id === id)!;
const stat = (id: string, count: number, first = 1): TermStat => {
  const s = { term: byId(id), count, headingCount: 0, spread: 1, inBrief: 0, first };
  return { ...s, score: scoreTerm(s, 1) };
};

describe('chooseTerms', () => {
  it('loads the fixture', () => expect(diagnostics).toEqual([]));

  it('never shows a generic country or leader name, however frequent', () => {
    // 中国 and 习近平 are marked generic in the glossary; 乌克兰 is a country name every reader knows
    // (glossary/generic.ts) even though its entry is not marked, and even when the brief names it
    const out = chooseTerms([stat('china', 40), stat('xi-jinping', 12), stat('digital-economy', 5), { ...stat('ukraine', 3), inBrief: 1 }]);
    expect(out.map((t) => t.termId)).toEqual(['digital-economy']);
  });

  it('not-ok: an entry of another subject’s sense (安全保障 in a report on the digital economy)', () => {
    expect(chooseTerms([stat('digital-economy', 9), stat('security-guarantee', 3)]).map((t) => t.termId)).toEqual(['digital-economy']);
  });

  it('ok: the same entry where the document is about its subject', () => {
    const out = chooseTerms([stat('security-guarantee', 3), stat('nato', 4), stat('ceasefire', 2)]);
    expect(out.map((t) => t.termId)).toContain('security-guarantee');
  });

  it('lists a key concept the glossary lacks, its English empty, among the concepts by score', () => {
    const out = chooseTerms([stat('digital-economy', 9), stat('ceasefire', 2)], 8, 3, [{ text: '数据要素', count: 12 }]);
    expect(out).toEqual([
      { termId: 'digital-economy', text: '数字经济', en: 'digital economy' },
      { termId: MISSING_PREFIX + '数据要素', text: '数据要素', en: MISSING_EN },
      { termId: 'ceasefire', text: '停火', en: 'ceasefire' },
    ]);
  });

  it('does not push out the glossary’s concepts with weaker missing ones, and lists MAX_MISSING at most', () => {
    const full = Array.from({ length: 8 }, (_, i) => ({ ...stat('digital-economy', 20), term: { ...byId('digital-economy'), id: `c${i}` } }));
    expect(chooseTerms(full, 8, 3, [{ text: '数据要素', count: 5 }]).some((t) => t.en === MISSING_EN)).toBe(false);
    const many = ['数据要素', '算力网络', '平台经济', '数字孪生', '智能制造', '工业互联网'].map((text) => ({ text, count: 30 }));
    expect(chooseTerms([], 8, 3, many).map((t) => t.text)).toEqual(many.slice(0, MAX_MISSING).map((m) => m.text));
  });

  it('not-ok: an entry the text names once in passing; ok: once, where the brief itself names it', () => {
    expect(chooseTerms([stat('digital-economy', 9), stat('ceasefire', 1)]).map((t) => t.termId)).toEqual(['digital-economy']);
    expect(chooseTerms([stat('digital-economy', 9), { ...stat('ceasefire', 1), inBrief: 1 }]).map((t) => t.termId)).toContain('ceasefire');
  });
});

describe('missingConcepts', () => {
  const piece = (text: string, line: number) => ({ text, line, column: 1 });
  it('ok: a recurring term of the document the glossary lacks', () => {
    const around = ['培育', '发挥', '激活', '用好', '流通', '保护'];
    const after = ['市场', '价值', '潜能', '作用', '收益', '安全'];
    const pieces = around.map((w, i) => piece(`${w}数据要素${after[i]}，推进数字经济。`, i + 1));
    expect(missingConcepts('d', pieces, terms).map((m) => m.text)).toContain('数据要素');
  });
  it('not-ok: a known entry, a piece of one, or a term seen once or twice', () => {
    const pieces = [piece('推进数字经济，推进数字经济，推进数字经济，推进数字经济，推进数字经济。', 1), piece('培育数据要素市场。', 2)];
    const got = missingConcepts('d', pieces, terms).map((m) => m.text);
    expect(got).not.toContain('数字经济');
    expect(got).not.toContain('数据要素');
  });
  it('not-ok: a piece of a sentence (部门应当), or a longer form of a listed concept', () => {
    const pieces = Array.from({ length: 6 }, (_, i) => piece(`第${i}项：有关部门应当保护数据要素，数据要素流通，数据要素安全。`, i + 1));
    const got = missingConcepts('d', pieces, terms).map((m) => m.text);
    expect(got).toContain('数据要素');
    expect(got.filter((g) => g !== '数据要素' && g.includes('数据要素'))).toEqual([]);
    expect(got.filter((g) => g.includes('应当'))).toEqual([]);
  });
  it('not-ok: the pieces of a longer concept that occur mostly inside it (人工, 智能 of 人工智能)', () => {
    const around = ['研究', '发展', '应用', '伦理', '产业', '治理'];
    const pieces = around.map((w, i) => piece(`人工智能${w}受到关注，智能机器随之普及。`, i + 1));
    const got = missingConcepts('d', pieces, terms).map((m) => m.text);
    expect(got).toContain('人工智能');
    expect(got).not.toContain('人工');
    expect(got).not.toContain('智能');
  });
  it('tells a piece of a sentence from a term whose characters also serve grammar', () => {
    for (const t of ['部门应当', '条所称', '发展的', '第一百', '和数据', '数据和', '企业可以', '政策要', '怎么样', '十三条', '我们会', '接下来', '万亿元']) expect(isSentencePiece(t), t).toBe(true);
    for (const t of ['人工智能', '能源安全', '社会保障', '资本市场', '国有企业', '应用场景', '行为规范', '规划纲要', '论文摘要', '委员会', '全世界']) expect(isSentencePiece(t), t).toBe(false);
  });
  it('not-ok: a clause of legal language (不在此限, 法律规定, 宪法和法律, 安全重要), however often it recurs', () => {
    for (const t of ['不在此限', '不予受理', '法律规定', '国家鼓励', '宪法和法律', '数据与算法', '安全重要', '十分必要', '项规定', '條規定', '违反本法']) expect(isSentencePiece(t), t).toBe(true);
    for (const t of ['非公务机关', '不动产', '共和国', '条例草案', '国家安全', '法律责任', '重要数据', '安全评估']) expect(isSentencePiece(t), t).toBe(false);
  });
  it('not-ok: the first of two modifiers sharing a head noun (国务院财政、税务主管部门)', () => {
    const pieces = Array.from({ length: 6 }, (_, i) => piece(`第${i}条：具体办法由国务院财政、税务主管部门另行规定，报国务院财政、税务主管部门备案。`, i + 1));
    const got = missingConcepts('d', pieces, terms).map((m) => m.text);
    expect(got).not.toContain('国务院财政');
    expect(modifiesSharedHead(['数据安全、网络安全和个人信息保护。'], '数据安全')).toBe(false);
    expect(modifiesSharedHead(['由卫生、公安部门负责。'], '卫生')).toBe(true);
  });
  it('not-ok: the name of a field that every record of a list repeats (发行日期：…, 唱片公司：…)', () => {
    const pieces = Array.from({ length: 6 }, (_, i) => piece(`第${i + 1}张专辑《歌${i}》* 发行日期：200${i}年3月1日 * 唱片公司：星光娱乐 * 专辑语言：韩语`, i + 1));
    pieces.push(piece('他的专辑由星光娱乐发行。', 7));
    const got = missingConcepts('d', pieces, terms).map((m) => m.text);
    expect(got).not.toContain('发行日期');
    expect(got).not.toContain('唱片公司');
    // a concept named as a label once, and used in sentences otherwise, stays one
    const used = Array.from({ length: 5 }, (_, i) => piece(`第${i + 1}项举措推动数据要素流通，释放数据要素价值。`, i + 1));
    used.push(piece('数据要素：指数字化的生产要素。', 6));
    expect(missingConcepts('d', used, terms).map((m) => m.text)).toContain('数据要素');
    expect(namesField(['* 发行日期：2001年 | 发行日期: 2002年 | 在发行日期前'], '发行日期')).toBe(true);
    expect(namesField(['新的发行日期：三月。调整发行日期后'], '发行日期')).toBe(false);
    // a speaker's name alone before a colon opens a turn: no field
    expect(namesField(['### 罗秉成：\n我们今天说明。\n### 罗秉成：\n谢谢。'], '罗秉成')).toBe(false);
  });
  it('not-ok: a gram opening on the measure word of a count (张个人专辑 of 第六张个人专辑)', () => {
    const n = ['首', '二', '三', '四', '五', '六'];
    const pieces = n.map((x, i) => piece(`${2000 + i}年他发行第${x}张个人专辑，反响热烈。`, i + 1));
    const got = missingConcepts('d', pieces, terms).map((m) => m.text);
    expect(got.filter((g) => g.startsWith('张'))).toEqual([]);
    expect(got).toContain('个人专辑');
    expect(countedPiece(['第六张个人专辑', '第七张个人专辑'], '张个人专辑')).toBe(true);
    // 个人信息 after a particle, or a sentence's start: the concept itself
    expect(countedPiece(['保护个人信息。个人信息处理者的义务。处理的个人信息'], '个人信息')).toBe(false);
    expect(countedPiece(['张三说', '张三认为'], '张三')).toBe(false);
  });
  it('takes a term the document glosses in English, with the gloss', () => {
    const pieces = [piece('提出“安全格局”(Security Landscape)的概念。', 1), piece('新的安全格局正在形成。', 2)];
    expect(missingConcepts('d', pieces, terms)).toEqual([{ text: '安全格局', count: 2, gloss: 'Security Landscape', specificity: 1 }]);
  });
});

describe('the key-terms table in the templates', () => {
  it('shows the missing mark in the English column', () => {
    for (const kind of ['report', 'news']) {
      const src = readFileSync(new URL(`../../templates/${kind}.md.hbs`, import.meta.url), 'utf8');
      const table = src.slice(src.indexOf('{{#each terms}}'), src.indexOf('{{/each}}', src.indexOf('{{#each terms}}')) + 9);
      const out = Handlebars.compile(table)({ terms: chooseTerms([stat('ceasefire', 2)], 8, 3, [{ text: '数据要素', count: 30 }]) });
      expect(out).toContain(`| 数据要素 | ${MISSING_EN} |`);
      expect(out).toContain('| 停火 | ceasefire |');
    }
  });
});

describe('specificity', () => {
  it('weighs an entry many documents use below one few use, at equal counts', async () => {
    const { specificity } = await import('../../pipeline/glossary/background.js');
    const bg = { docs: 20, df: { common: 20, rare: 2, some: 6 } };
    expect(specificity('rare', bg)).toBe(1);
    expect(specificity('unseen', bg)).toBe(1);
    expect(specificity('some', bg)).toBeGreaterThan(0.5);
    expect(specificity('some', bg)).toBeLessThan(1);
    expect(specificity('common', bg)).toBe(0.5);
    expect(specificity('common', { docs: 1, df: {} })).toBe(1);
  });
  it('measures document frequency within each document’s scope', async () => {
    const { measureBackground } = await import('../../pipeline/glossary/background.js');
    const { createMatcher } = await import('../../pipeline/glossary/match.js');
    const bg = measureBackground([{ texts: ['中国的数字经济。'] }, { texts: ['数字经济和乌克兰。', '中国。'] }, { texts: ['完善社会安全保障体系。'] }], createMatcher(terms));
    expect(bg).toEqual({ docs: 3, df: { china: 2, 'digital-economy': 2, ukraine: 1 } });
  });
});
