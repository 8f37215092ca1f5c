// A speaker is a name, a role or a body: a verb phrase or a generic phrase before a colon or a speech
// verb (更像是…, 存在一种说法：“…”) speaks for no one.
import { describe, expect, it } from 'vitest';
import { findQuotes, People, splitRole } from '../../pipeline/ingest/news/quotes.js';

describe('speaker phrases', () => {
  it('names, roles and bodies speak', () => {
    expect(splitRole('王小明')).toEqual({ name: '王小明' });
    expect(splitRole('外交部发言人')).toMatchObject({ name: '外交部发言人' });
    expect(splitRole('一位业内人士')).toMatchObject({ name: '一位业内人士' });
    expect(splitRole('某某科技公司')).toEqual({ name: '某某科技公司' });
    expect(splitRole('甚至连某公司的老板张大山')).toEqual({ name: '张大山', role: '某公司的老板' });
  });
  it('verb phrases and generic phrases do not', () => {
    expect(splitRole('更像是')).toBeUndefined();
    expect(splitRole('存在一种说法')).toBeUndefined();
    expect(splitRole('流传着一句话')).toBeUndefined();
    const { quotes } = findQuotes('业内存在一种说法：“我理解它，但我不会购买它。”', { people: new People() });
    expect(quotes.every((q) => !q.speaker)).toBe(true);
  });
});
