import { describe, expect, it } from 'vitest';
import { isSentencePiece, missingConcepts, withoutLinkLabels } from '../../pipeline/select/terms.js';

// Session 12 (md2): a scraped page (a wiki or HackMD digest) repeats a label before every link of every item
// (成果简报：https://…, 项目文档：https://…); such a label is page furniture, not a concept of the text.
const piece = (text: string, line: number) => ({ text, line, column: 1 });
const projects = ['水质监测', '街道照明', '校园午餐', '社区图书', '公交准点', '雨水回收', '噪音地图'];

describe('labels that only introduce a link', () => {
  it('not-ok: a label repeated before addresses was mined as a key concept', () => {
    const texts = projects.flatMap((p, i) => [`${p}小组整理了公开数据，欢迎加入讨论。`, `@team${i}成果简报：https://example.org/s/${i}`, `项目笔记本：https://example.org/n/${i}?view`]);
    const got = missingConcepts('d', texts.map(piece), [], 10).map((m) => m.text);
    expect(got).not.toContain('成果简报');
    expect(got).not.toContain('项目笔记本');
  });
  it('ok: a label the text also uses in its sentences keeps those occurrences', () => {
    const texts = [
      ...['关于', '对于', '针对', '涉及', '围绕', '根据', '按照'].map((h) => `${h}成果简报，各方已有共识。`),
      ...projects.map((_, i) => `成果简报：https://example.org/s/${i}`),
    ];
    expect(missingConcepts('d', texts.map(piece), [], 10).map((m) => m.text)).toContain('成果简报');
  });
  it('blanks the label and its address only, keeping offsets, and never a sentence that ends on an address', () => {
    const t = '欢迎加入。成果简报/资料：https://a.example/x 项目笔记本：www.example.org';
    const out = withoutLinkLabels(t);
    expect(out.length).toBe(t.length);
    expect(out.trim()).toBe('欢迎加入。');
    const sentence = '详情请登录国家税务总局官方网站查询：https://www.example.gov';
    expect(withoutLinkLabels(sentence)).toBe(sentence);
    expect(withoutLinkLabels('时间：2024年3月2日')).toBe('时间：2024年3月2日');
  });
});

describe('the text naming itself', () => {
  it('本专案, 本项目, 本平台 are references to the text, not concepts', () => {
    for (const t of ['本专案', '本項目', '本平台']) expect(isSentencePiece(t)).toBe(true);
    expect(isSentencePiece('本地化')).toBe(false);
  });
});
