import { describe, expect, it } from 'vitest';
import { parseTermFile } from '../../pipeline/glossary/load.js';
import { createHantConverter } from '../../pipeline/localize/hant.js';
import { isGeneralWord, missingConcepts } from '../../pipeline/select/terms.js';
import { opensInsideWord, wholeWordCounts } from '../../pipeline/select/term-occurrences.js';

// issue #14, point 5 (session 10, fault 4): key terms the glossary lacks are whole words of the text,
// specific to it; a known name inside a longer word does not make that word "the name in use".
const { terms } = parseTermFile(
  `
- zh-Hans: 中国
  en: China
  category: place
  generic: true
- zh-Hans: 数字经济
  en: digital economy
  category: concept
`,
  'test.yaml',
  createHantConverter({ quotes: false }),
);
const piece = (text: string, line: number) => ({ text, line, column: 1 });
const got = (texts: string[]) => missingConcepts('d', texts.map(piece), terms, 10).map((m) => m.text);

describe('key terms the glossary lacks: whole words', () => {
  it('not-ok: a tail cut out of several longer names (印花税暂行条例, 契税暂行条例… → 税暂行条例)', () => {
    const taxes = ['增值', '消费', '营业', '印花', '资源', '屠宰', '车船', '房产'];
    const texts = taxes.map((t) => `依照《${t}税暂行条例》办理。`);
    const verbs = ['征收', '缴纳', '减免', '调整', '申报', '退还', '核定'];
    for (const v of verbs) texts.push(`依法${v}增值税。`, `对消费税${v}。`, `营业税${v}完毕。`);
    const list = got(texts);
    expect(list).not.toContain('税暂行条例');
    expect(list).toContain('增值税');
  });
  it('not-ok: an n-gram that opens on the last character of longer words (费支出 of 经费支出, 接待费支出)', () => {
    const texts = ['单位经费支出决算为零。', '本年度经费支出有所减少。', '公务接待费支出减少。', '培训费支出比上年下降。', '会议费支出持平。', '办公费支出增加。', '日常公用经费支出增长。', '印刷费支出略有下降。'];
    expect(wholeWordCounts(texts, ['费支出'], []).get('费支出')).toBe(0);
    expect(got([...texts, ...texts])).not.toContain('费支出');
  });
  it('counts a term only where it stands as a word, not inside a longer one (主持 of 主持人)', () => {
    const texts = ['主持人请大家发言。', '主持人介绍规则。', '一位主持人就够了。', '请主持人发言。', '主持人，纪录，转译。', '由主持人决定。'];
    expect(wholeWordCounts(texts, ['主持', '主持人'], []).get('主持')).toBe(0);
    expect(wholeWordCounts(texts, ['主持', '主持人'], []).get('主持人')).toBe(6);
  });
  it('tells a word opening inside another from one that stands alone', () => {
    const others = ['增值税', '消费税'];
    expect(opensInsideWord('税暂行条例', ['增值税暂行条例', '消费税暂行条例', '印花税暂行条例'], others)).toBe(true);
    expect(opensInsideWord('税收制度', ['完善税收制度', '的税收制度', '、税收制度'], others)).toBe(false);
  });
  it('not-ok: a common word under a prefix of quantity (全世界, 一开始), or two characters the document does not gloss', () => {
    expect(isGeneralWord('全世界')).toBe(true);
    expect(isGeneralWord('全球安全倡议')).toBe(false);
    const around = ['推动', '建设', '理解', '讨论', '支持', '实践'];
    const after = ['理念', '平台', '经验', '原则', '工具', '精神'];
    const texts = around.map((w, i) => `「主持」说，${w}开放政府${after[i]}，跟全世界${after[5 - i]}分享。`);
    const list = got(texts);
    expect(list).not.toContain('全世界');
    expect(list).not.toContain('主持');
    expect(list).toContain('开放政府');
  });
  it('ok: a generic name (中国) inside a longer word does not make that word the name in use (中国方案)', () => {
    const around = ['推动', '建设', '理解', '讨论', '支持', '实践'];
    const after = ['理念', '平台', '经验', '原则', '工具', '精神'];
    const texts = around.map((w, i) => `${w}中国方案${after[i]}。`);
    expect(got(texts)).toContain('中国方案');
  });
});
