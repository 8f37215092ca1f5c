import { describe, expect, it } from 'vitest';
import { insideLongerWord, mostlyInsideWords, opensInsideWords } from '../../pipeline/select/word-edges.js';

// issue #14 point 5: a key term found inside a longer word is not that term — also for the concepts the
// brief mines from the text itself (the brief check term-in-word warned of 居民企业 inside 非居民企业).
describe('word edges of a term', () => {
  it('finds a term glued into a longer word, and a term that stands alone', () => {
    const t = '内蒙古自治区的牧民';
    expect(insideLongerWord(t, t.indexOf('蒙古'), '蒙古')).toBe(true);
    const u = '中国和蒙古签署了协议';
    expect(insideLongerWord(u, u.indexOf('蒙古'), '蒙古')).toBe(false);
  });

  it('counts whether a term stands mostly inside longer words in the pieces', () => {
    const glued = ['非居民企业应当缴纳税款。', '非居民企业取得所得。', '居民企业应当申报。'].map((text) => ({ text }));
    expect(mostlyInsideWords(glued, '居民企业')).toBe(true);
    const own = ['居民企业应当申报。', '居民企业取得所得。', '非居民企业应当缴纳税款。'].map((text) => ({ text }));
    expect(mostlyInsideWords(own, '居民企业')).toBe(false);
  });

  // session 13: 费支出 was a key term of a budget report — 经费支出, 维护费支出, 接待费支出 cut after their first word
  it('not-ok: a term that opens on the last character of longer words (费支出 of 经费支出, 接待费支出)', () => {
    const texts = ['单位经费支出决算为零。', '本年度经费支出有所减少。', '公务接待费支出减少。', '培训费支出比上年下降。', '会议费支出持平。', '办公费支出增加。', '日常公用经费支出增长。', '印刷费支出略有下降。'];
    expect(opensInsideWords(texts, '费支出')).toBe(true);
    // the whole words stand on their own edges
    expect(opensInsideWords(texts, '经费支出')).toBe(false);
  });

  it('ok: a term that modifiers often stand before (支持小微企业, 发展新质生产力), or after a particle', () => {
    const small = ['支持小微企业融资。', '对小微企业减税。', '中小微企业贷款增长。', '普惠小微企业贷款增长。', '小微企业受益明显。', '帮助小微企业纾困。'];
    expect(opensInsideWords(small, '小微企业')).toBe(false);
    const forces = ['加快发展新质生产力。', '培育新质生产力。', '因地制宜发展新质生产力。', '新质生产力加快形成。'];
    expect(opensInsideWords(forces, '新质生产力')).toBe(false);
    // after particles and punctuation, at a sentence's start: nothing stands glued before it
    expect(opensInsideWords(['本级的项目支出增加。', '其中，项目支出减少。', '项目支出完成预算。', '基本支出和项目支出'], '项目支出')).toBe(false);
  });
});
