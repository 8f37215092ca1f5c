// Two faults of papers typeset with TeX, as pdf.js reads them (made-up runs, the shapes real proceedings
// PDFs have): a Latin face whose character map adds a whole block to every code, so "Transformer" comes
// out as 坔坲坡坮坳坦坯坲坭坥坲 — while the Chinese face, split into one font per block of 256 codes, draws
// genuine characters of one block each; and the publisher's licence set in small type at the foot of the
// first page (©2022 … 根据《Creative Commons …》许可出版), which ran into the next page's first sentence.
import { describe, it, expect } from 'vitest';
import { shiftedLatinFonts, unshiftLatin } from '../../../pipeline/ingest/formats/pdf.js';
import { layoutText, type PageText, type TextRun } from '../../../pipeline/ingest/formats/pdf-layout.js';

/** Latin text as the broken map draws it: every code plus `base` (OT1's fi ligature at 0x0C). */
const shift = (latin: string, base = 0x5700) =>
  latin
    .replace(/fi/g, '\u000c')
    .split('')
    .map((c) => (c === ' ' ? ' ' : String.fromCharCode(base + c.charCodeAt(0))))
    .join('');

const run = (str: string, font: string, y: number, x = 72, size = 10.9): TextRun => ({ str, x, y, w: [...str].length * size, size, font });

function page(runs: TextRun[]): PageText {
  return { width: 595, height: 842, runs };
}

describe('Latin text a font maps into an ideograph block', () => {
  it('reads the shifted font back as Latin and leaves genuine Chinese fonts alone', () => {
    const pages = [
      page([
        // a Chinese face split by block: 基(57FA) 型(578B) 在(5728) — the same block as the shifted Latin,
        // other low bytes
        run('我们在基于', 'zh-57', 100),
        run(shift('Transformer Encoder'), 'latin', 100, 200),
        run('模型上加入拼音编码。', 'zh-other', 100, 400),
        run(shift('We finally use a confusion set to correct errors.'), 'latin', 120),
      ]),
    ];
    const fonts = shiftedLatinFonts(pages);
    expect([...fonts.keys()]).toEqual(['latin']);
    unshiftLatin(pages);
    expect(pages[0].runs.map((r) => r.str)).toEqual(['我们在基于', 'Transformer Encoder', '模型上加入拼音编码。', 'We finally use a confusion set to correct errors.']);
  });

  it('needs the evidence: ten different codes, all of one block, mostly lower-case once read back', () => {
    // a Chinese subfont whose few characters happen to have printable low bytes: not Latin
    const few = [page([run('地地址块', 'zh', 100), run(shift('ab cd'), 'short', 120)])];
    expect(shiftedLatinFonts(few).size).toBe(0);
    // upper case and digits only (a table of figures): no evidence it is text, left as it is
    expect(shiftedLatinFonts([page([run(shift('ABCDEFGHIJ 0123456789'), 'caps', 100)])]).size).toBe(0);
    // a font that draws characters of two blocks is a Chinese face
    expect(shiftedLatinFonts([page([run(shift('a confusion set of characters'), 'mixed', 100), run('的', 'mixed', 120)])]).size).toBe(0);
  });
});

describe('the publisher’s licence at the foot of a paper’s first page', () => {
  it('leaves the text, and does not run into the next page’s first sentence', () => {
    const body = (y: number, t: string) => run(t, 'body', y);
    const pages = [
      page([
        run('汉语学习者文本纠错评测报告', 'title', 80, 150, 14.3),
        body(120, '本文描述了我们在评测中提交的参赛系统，系统由两个模型集成而成。'),
        body(140, '实验结果表明，集成方法显著提升了纠错的效果，达到了较好的成绩。'),
        run('©2022 中国计算语言学大会', 'small', 765, 72, 9),
        run('根据《Creative Commons Attribution 4.0 International License》许可出版', 'small', 775, 72, 9),
      ]),
      page([body(80, '中文拼写检查一般包括检错和纠错两部分，检查和纠正正文中的拼写错误。'), body(100, '我们在验证集上比较了不同模型的效果，并选出最好的组合。')]),
    ];
    const text = layoutText(pages).text;
    expect(text).not.toMatch(/Creative Commons|许可出版|©/);
    expect(text).toContain('中文拼写检查一般包括检错和纠错两部分');
    // a footnote with a marker in the same small type stays a note
    const noted = layoutText([
      page([
        body(120, '本文描述了我们在评测中提交的参赛系统，系统由两个模型集成而成。'),
        body(140, '实验结果表明，集成方法显著提升了纠错的效果，达到了较好的成绩。'),
        run('1 代码见项目主页。', 'small', 765, 72, 9),
      ]),
    ]).text;
    expect(noted).toContain('代码见项目主页');
  });
});
