import { describe, expect, it } from 'vitest';
import { rememberRomanizations, romanizeName, romanizeText, takeNewRomanizations } from '../../pipeline/localize/romanize.js';

// Romanizations are remembered (in the process, and across builds in out/): what is kept is what is
// used, and what is made is handed over to be kept.
describe('remembered romanizations', () => {
  it('hands over what it made, once', () => {
    takeNewRomanizations();
    expect(romanizeName('欧阳修')).toBe('Ouyang Xiu');
    expect(romanizeText('澎湃新闻')).toBe('Pengpai Xinwen');
    expect(takeNewRomanizations()).toEqual({ 'name:欧阳修': 'Ouyang Xiu', 'text:澎湃新闻': 'Pengpai Xinwen' });
    // asked again: remembered, nothing new
    expect(romanizeName('欧阳修')).toBe('Ouyang Xiu');
    expect(takeNewRomanizations()).toEqual({});
  });

  it('uses what earlier builds kept, without making it again', () => {
    rememberRomanizations({ 'name:司马光': 'Kept Name', 'text:新华社': 'Kept Text', 'name:x': 3 as unknown as string });
    expect(romanizeName('司马光')).toBe('Kept Name');
    expect(romanizeText('新华社')).toBe('Kept Text');
    expect(takeNewRomanizations()).toEqual({});
    // a name and a text of the same characters are kept apart
    expect(romanizeText('司马光')).toBe('Simaguang');
  });
});
