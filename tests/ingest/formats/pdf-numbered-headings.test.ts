// A paper typeset in LaTeX: section headings are the number, an em's space, the title (4  模型, 3.2  加噪方式),
// in type as large as the body's or barely larger — two pieces on one baseline that neither size nor face
// tells from a table's row. And justified Chinese: pdf.js puts spaces inside one run where the characters
// stand a little apart (了 两 个). Runs made up here, laid out by layoutText.
import { describe, expect, it } from 'vitest';
import { closeGlyphSpaces, layoutText, type PageText, type TextRun } from '../../../pipeline/ingest/formats/pdf-layout.js';

const BODY = 11;
const LEFT = 72;
const RIGHT = 523;
/** A run of Chinese: one em per character. */
const run = (str: string, x: number, y: number, size = BODY): TextRun => ({ str, x, y, w: [...str].length * size, size, font: 'f1' });
/** A body line that fills the column (41 characters of 11 pt from 72 to 523). */
const FULL = '本队伍采用两阶段训练策略第一阶段使用加噪后的训练集训练模型第二阶段继续训练并完';
/** The last line of a paragraph: short, ends the sentence. */
const LAST = '最终完成后处理。';
const page = (runs: TextRun[]): PageText => ({ width: 595, height: 842, runs });

/** A heading (number, an em and more of space, the title), then a paragraph of three lines under it. */
function headed(no: string, title: string, y: number, size = BODY): TextRun[] {
  const w = no.length * size * 0.5;
  return [
    { str: no, x: LEFT, y, w, size, font: 'f2' },
    run(title, LEFT + w + 1.3 * size, y, size),
    run(FULL.slice(0, 39), LEFT + 2 * BODY, y + 22),
    run(FULL, LEFT, y + 36),
    run(LAST, LEFT, y + 50),
  ];
}

const textOf = (pages: PageText[]) => {
  const r = layoutText(pages);
  const lines = r.text.split('\n');
  return { lines, headings: r.headingLines.map((i) => lines[i]), text: r.text };
};

describe('numbered section headings set as number and title apart', () => {
  it('reads a section’s number and title an em apart as one heading line, slightly larger or at body size', () => {
    const { lines, headings, text } = textOf([page([run(FULL, LEFT, 60), run(LAST, LEFT, 74), ...headed('4', '模型', 110, 12), ...headed('3.2', '加噪方式', 220)])]);
    expect(headings).toEqual(['4 模型', '3.2 加噪方式']);
    expect(text).not.toMatch(/4\t|3\.2\t/);
    // the paragraph under each heading starts on its own line, not run into the heading
    expect(lines.find((l) => l.startsWith(FULL.slice(0, 10)) && lines.indexOf(l) > lines.indexOf('4 模型'))).toBeDefined();
  });

  it('reads a section and its first subsection right under it as two headings', () => {
    const runs = [run(FULL, LEFT, 60), run(LAST, LEFT, 74), { str: '5', x: LEFT, y: 110, w: 6, size: 12, font: 'f2' }, run('实验分析', LEFT + 20, 110, 12), ...headed('5.1', '实验设定', 130)];
    expect(textOf([page(runs)]).headings).toEqual(['5 实验分析', '5.1 实验设定']);
  });

  it('leaves a table of numbered rows (as close as lines, none a subsection of the one above) as rows', () => {
    const rows = ['北京', '上海', '广州', '深圳'].flatMap((city, i) => [
      { str: String(i + 1), x: LEFT, y: 110 + 14 * i, w: 5.5, size: BODY, font: 'f2' },
      run(city, LEFT + 20, 110 + 14 * i),
    ]);
    const { headings, text } = textOf([page([run(FULL, LEFT, 60), run(LAST, LEFT, 74), ...rows, run(FULL, LEFT, 180), run(LAST, LEFT, 194)])]);
    expect(headings).toEqual([]);
    expect(text).toContain('1\t北京');
    expect(text).toContain('4\t深圳');
  });

  it('does not take a formula’s case (0 otherwise) or a sentence after a number for a heading', () => {
    const runs = [
      run(FULL, LEFT, 60),
      run(LAST, LEFT, 74),
      { str: '0', x: LEFT, y: 110, w: 5.5, size: BODY, font: 'f2' },
      { str: 'otherwise', x: LEFT + 20, y: 110, w: 45, size: BODY, font: 'f3' },
      ...headed('2', '我们先训练了基线模型。', 150).slice(0, 2),
      run(FULL, LEFT, 172),
      run(LAST, LEFT, 186),
    ];
    expect(textOf([page(runs)]).headings).toEqual([]);
  });
});

describe('spaces pdf.js puts inside a run of justified Chinese', () => {
  const spaced = (str: string, space: number): TextRun => {
    const glyphs = [...str].filter((c) => c !== ' ').length;
    const spaces = [...str].length - glyphs;
    return { str, x: 0, y: 0, w: glyphs * BODY + spaces * space * BODY, size: BODY, font: 'f1' };
  };
  it('closes spaces narrower than half an em between Chinese characters (了 两 个 → 了两个)', () => {
    expect(closeGlyphSpaces(spaced('了 两 个', 0.24))).toBe('了两个');
    expect(closeGlyphSpaces(spaced('中 介语', 0.3))).toBe('中介语');
  });
  it('keeps a space the text has (an em wide), and word spaces between Latin words', () => {
    expect(closeGlyphSpaces(spaced('北京大学 软件学院', 1))).toBe('北京大学 软件学院');
    expect(closeGlyphSpaces({ str: 'deep learning', x: 0, y: 0, w: 60, size: BODY, font: 'f1' })).toBe('deep learning');
    expect(closeGlyphSpaces({ str: '模型 BART 的', x: 0, y: 0, w: 50, size: BODY, font: 'f1' })).toBe('模型 BART 的');
  });
  it('the laid-out line reads 了两个', () => {
    const r = layoutText([page([run('本队伍探究', LEFT, 60), { ...spaced('了 两 个', 0.24), x: LEFT + 5 * BODY + 2.6, y: 60 }, run('超参数的影响。', LEFT + 5 * BODY + 2.6 + 3 * BODY + 0.48 * BODY + 2.6, 60)])]);
    expect(r.text).toContain('本队伍探究了两个超参数的影响。');
  });
});

describe('a paper’s first page: authors side by side, 摘要 alone on its line', () => {
  /** Three authors in three centred columns (name, affiliation, e-mail), then 摘要, then the abstract. */
  function firstPage(): PageText {
    const centred = (str: string, centre: number, y: number, size = 12, perChar = size): TextRun => ({ str, x: centre - ([...str].length * perChar) / 2, y, w: [...str].length * perChar, size, font: 'f1' });
    const runs: TextRun[] = [centred('某评测赛道二参赛系统评测报告', 297, 96, 14.4)];
    [150, 297, 450].forEach((c, i) => {
      runs.push(centred(['李云良', '王智浩', '胡飞'][i], c, 137), centred('某科技公司', c, 151), centred(`author${i}@example.com`, c, 165, 12, 6));
    });
    runs.push(centred('摘要', 297, 230));
    const text = '本文描述了我们在某评测任务赛道二中排名第一的参赛系统，在数据方面我们主要使用了官方提供的数据集和开源的历年数据集，在模型方面我们采用了多种序列标注模型以及拼写纠错模型，最终取得了第一名。';
    const perLine = 41;
    for (let k = 0; k * perLine < text.length; k++) runs.push(run(text.slice(k * perLine, (k + 1) * perLine), LEFT, 253 + 13.5 * k));
    // body text in two columns lower down (the page has a gutter)
    for (let k = 0; k < 8; k++) {
      runs.push(run('左栏正文左栏正文左栏正文左栏正文左栏', LEFT, 400 + 13.5 * k), run('右栏正文右栏正文右栏正文右栏正文右栏', 310, 400 + 13.5 * k));
    }
    return page(runs);
  }
  it('reads the authors as rows across the page, not the last column after the abstract’s heading', () => {
    const { lines } = textOf([firstPage()]);
    expect(lines).toContain('李云良\t王智浩\t胡飞');
    expect(lines.some((l) => /^胡飞$|某科技公司本文/.test(l))).toBe(false);
  });
  it('keeps 摘要 a line of its own, not run into the abstract', () => {
    const { lines } = textOf([firstPage()]);
    expect(lines).toContain('摘要');
    expect(lines.some((l) => l.startsWith('摘要本文'))).toBe(false);
  });
});

describe('a paragraph’s run-in label set in its margin (数据集, an em of space, the first line)', () => {
  const labelled = (label: string, first: string, y: number): TextRun[] => [
    run(label, LEFT, y),
    run(first, LEFT + [...label].length * BODY + 1.5 * BODY, y),
    run(FULL, LEFT, y + 13.5),
    run(LAST, LEFT, y + 27),
  ];
  it('heads the paragraph, which goes on across its lines instead of starting again mid-sentence', () => {
    // (36 characters: with the label and its space, the line runs to the column's right edge)
    const first = '在语病检测模块中我们主要采用了数据集分步训练的方法即先用预训练再用历年数据微调';
    expect([...first].length).toBeGreaterThanOrEqual(36);
    const { lines, headings } = textOf([page([run(FULL, LEFT, 60), run(LAST, LEFT, 74), ...labelled('数据集', first.slice(0, 36), 110)])]);
    expect(headings).toEqual(['数据集']);
    expect(lines).toContain(first.slice(0, 36) + FULL + LAST);
  });
  it('leaves an example’s label (输入, 输出) and a short cell beside a label as a table’s row', () => {
    const { headings, text } = textOf([page([run(FULL, LEFT, 60), run(LAST, LEFT, 74), ...labelled('输入', '我根本不能了解这妇女辞职回家的现象在这个时代为什么放弃自己的工作就回家当家庭主妇', 110)])]);
    expect(headings).toEqual([]);
    expect(text).toContain('输入\t');
  });
});
