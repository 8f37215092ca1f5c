import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import OpenCC from 'opencc-js/cn2t';
import { openccConvert } from '../../pipeline/localize/opencc.js';

// The narrowed-dictionary conversion must write exactly what opencc-js's own converter writes.
const full = { tw: OpenCC.Converter({ from: 'cn', to: 'tw' }), hk: OpenCC.Converter({ from: 'cn', to: 'hk' }) };

const seedText = readFileSync('sources/siis-2025-common-security/source.txt', 'utf8');
/** Keys of OpenCC's phrase dictionaries (every 20th), and pieces of them: random texts full of overlapping phrases. */
const phraseGroup = OpenCC.Locale.from.cn[0] as readonly (string | readonly (readonly [string, string])[])[];
const phraseKeys: string[] = phraseGroup
  .flatMap((d) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ')[0]) : d.map(([k]) => k)))
  .filter((_, i) => i % 20 === 0);
const pieces = [...phraseKeys, ...phraseKeys.map((k) => k.slice(1)), ...phraseKeys.map((k) => k.slice(0, -1)), '，', ' ', 'a', '𠀀', '⿰'].filter(Boolean);

describe('openccConvert (OpenCC with each text’s own dictionaries)', () => {
  it('matches opencc-js on a whole report, line by line and at once', () => {
    for (const variant of ['tw', 'hk'] as const) {
      expect(openccConvert(variant, seedText)).toBe(full[variant](seedText));
      const lines = seedText.split('\n').slice(0, 400);
      for (const line of lines) expect(openccConvert(variant, line)).toBe(full[variant](line));
    }
  });

  it('matches opencc-js on random texts dense in overlapping phrases', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.constantFrom('tw' as const, 'hk' as const), (chars, variant) => {
        const text = chars.join('');
        expect(openccConvert(variant, text)).toBe(full[variant](text));
      }),
      { numRuns: 500 },
    );
  });

  it('converts the same from the install-time data as from the dictionaries', () => {
    for (const variant of ['tw', 'hk'] as const) {
      const lines = seedText.split('\n').slice(0, 300);
      for (const line of lines) expect(openccConvert(variant, line, 'data')).toBe(openccConvert(variant, line, 'dictionaries'));
      expect(openccConvert(variant, seedText, 'data')).toBe(full[variant](seedText));
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.constantFrom('tw' as const, 'hk' as const), (chars, variant) => {
        const text = chars.join('');
        expect(openccConvert(variant, text, 'data')).toBe(full[variant](text));
      }),
      { numRuns: 500 },
    );
  });

  it('segments before converting, as opencc-js does (a phrase of one segment is not converted across the next)', () => {
    // found by the property test: 发面|房街 — opencc-js cuts the text first, then converts each piece
    for (const variant of ['tw', 'hk'] as const)
      for (const text of ['发面房街', '发面房街道', '面房街']) {
        expect(openccConvert(variant, text, 'data')).toBe(full[variant](text));
        expect(openccConvert(variant, text, 'dictionaries')).toBe(full[variant](text));
      }
  });

  it('leaves empty and unconvertible text alone', () => {
    expect(openccConvert('tw', '')).toBe('');
    expect(openccConvert('tw', 'NATO 2025')).toBe('NATO 2025');
  });
});
