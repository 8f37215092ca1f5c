import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WindowBoundaries } from '../../pipeline/glossary/match.js';

// WindowBoundaries answers "is offset i a word boundary?" without ICU where an ideograph meets
// punctuation, a space, a Latin letter or a digit. That must be what ICU's segmentation says.
const icu = new Intl.Segmenter('zh', { granularity: 'word' });
const icuBoundary = (win: string, i: number) => i <= 0 || i >= win.length || icu.segment(win).containing(i)!.index === i;

describe('word boundaries next to ideographs', () => {
  it('agree with ICU on random windows of ideographs, punctuation, Latin and digits', () => {
    const pieces = [
      ...'中国发展国家安全共同的了在和与是特朗普及其管辖权限制北约欧盟一二三年月日',
      ...' .,;:!?()[]{}"\'-_/%&@#*+=<>~`|\\^$',
      ...'abcXYZ0123456789',
      ...'，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·％＋－／～｛｝［］＠＃＄＆＊',
      ...'々〇〆〻ゝヽ々ー_＿',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 2, maxLength: 9 }), (chars) => {
        const win = chars.join('');
        for (let i = 1; i < win.length; i++) expect(new WindowBoundaries(win).at(i), `${JSON.stringify(win)} at ${i}`).toBe(icuBoundary(win, i));
      }),
      { numRuns: 3000, seed: 4242 },
    );
  });

  it('still ask ICU between two ideographs', () => {
    // 发展|中|国家: no boundary inside 国家
    expect(new WindowBoundaries('发展中国家').at(4)).toBe(icuBoundary('发展中国家', 4));
    expect(new WindowBoundaries('发展中国家').at(2)).toBe(true);
  });
});

describe('word boundaries kept between builds', () => {
  it('are handed out once when asked of ICU, and answer without ICU when remembered', async () => {
    const { rememberBoundaries, takeNewBoundaries } = await import('../../pipeline/glossary/match.js');
    takeNewBoundaries();
    const win = '在发展中国家里';
    const asked = new WindowBoundaries(win).at(3);
    const made = takeNewBoundaries();
    expect(made[`3\u0000${win}`]).toBe(asked ? 1 : 0);
    expect(takeNewBoundaries()).toEqual({});
    // a kept answer is taken as it is (here deliberately the opposite of ICU's, to see it is used)
    const other = '在发展中国家外';
    const icuSays = icuBoundary(other, 3);
    rememberBoundaries({ [`3\u0000${other}`]: icuSays ? 0 : 1 });
    expect(new WindowBoundaries(other).at(3)).toBe(!icuSays);
    expect(takeNewBoundaries()).toEqual({});
  });
});
