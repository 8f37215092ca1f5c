import { describe, expect, it } from 'vitest';
import { insideLongerWord, mostlyInsideWords } from '../../pipeline/select/word-edges.js';

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
});
