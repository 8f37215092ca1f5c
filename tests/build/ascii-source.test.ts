import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script, plain JavaScript without types
import { asciiSource } from '../../scripts/ascii-source.mjs';

// The bundled CLI is made pure ASCII (scripts/bundle.mjs): the escaped source must mean what the
// original meant. Each case is a regular expression literal, as esbuild leaves them, evaluated
// before and after on texts that tell the difference.
const escape = asciiSource as (s: string) => string;
const evaluate = (src: string) => new Function(`return ${src};`)() as RegExp;

describe('asciiSource', () => {
  const cases: [string, string[]][] = [
    ['/^[^。！？!?“”]{1,4}(?:说道|表示)/', ['他说道', '今天。说道', '“表示', 'abcd表示']],
    ['/[\\s，,；;]+/g', ['a，b', 'a b', 'ab']],
    ['/\\“x/', ['“x', '\\“x', 'x']], // an identity escape
    ['/\\\\“/', ['\\“', '“']], // an escaped backslash, then the character
    ['/[😀-😂]/u', ['😁', '\ud83d', 'x']], // astral code points under the u flag
    ['/😀{2}/', ['😀😀', '😀\ude00', '😀']], // without the flag: code units
    ['/(?<![\\p{L}])「[^」]+」/u', ['「引」', 'a「引」']],
  ];
  for (const [src, texts] of cases) {
    it(`keeps the meaning of ${src}`, () => {
      const out = escape(src);
      expect(out).toMatch(/^[\x00-\x7f]*$/);
      const before = evaluate(src);
      const after = evaluate(out);
      expect(after.flags).toBe(before.flags);
      for (const t of texts) expect([t, after.exec(t)?.[0]]).toEqual([t, before.exec(t)?.[0]]);
    });
  }
  it('leaves ASCII alone', () => expect(escape('const a = /x\\u4e00/; // ok')).toBe('const a = /x\\u4e00/; // ok'));
});
