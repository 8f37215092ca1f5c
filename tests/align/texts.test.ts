// Reading the two sides: a bilingual source's own English paragraphs, a parallel English document.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { alignmentSides, splitMixed } from '../../pipeline/align/texts.js';
import { alignDocument } from '../../pipeline/align/index.js';

const md = (text: string, english = false) => ingest({ slug: 't', file: 't.md', bytes: new TextEncoder().encode(text), format: 'md', english }).doc;

function bilingual(n: number): string {
  const out = ['# 条例', ''];
  for (let k = 1; k <= n; k++) out.push(`第${k}条 本市支持第${k}类企业开展研究，期限为${k + 2}年。`, `Article ${k} The city supports enterprises of category ${k} in research, for a period of ${k + 2} years.`, '');
  return out.join('\n');
}

describe('alignmentSides', () => {
  it('reads a source whose paragraphs alternate Chinese and English as bilingual, and aligns it with itself', () => {
    const doc = md(bilingual(12));
    const sides = alignmentSides(doc)!;
    expect(sides.english).toBe('bilingual');
    expect(sides.zh.flat().every((s) => /\p{Script=Han}/u.test(s.text))).toBe(true);
    expect(sides.en.flat()).toContain('Article 7 The city supports enterprises of category 7 in research, for a period of 9 years.');
    const a = alignDocument(doc)!;
    const seven = a.kept.find((p) => p.zh[0].text.startsWith('第7条'));
    expect(seven?.en).toEqual(['Article 7 The city supports enterprises of category 7 in research, for a period of 9 years.']);
  });

  it('does not take a Chinese source that quotes some English for a bilingual one', () => {
    const text = ['# 报告', '', ...Array.from({ length: 30 }, (_, k) => `第${k + 1}段：政策文件强调创新。`), '', 'As the report puts it, "open source is the way forward."', ''].join('\n\n');
    expect(alignmentSides(md(text))).toBeUndefined();
  });

  it('cuts a line holding a Chinese clause and its English at the change of script, not a gloss inside the Chinese', () => {
    expect(splitMixed('（一）修改宪法；（1） amending the Constitution;')).toEqual({ zh: '（一）修改宪法；', en: '（1） amending the Constitution;' });
    expect(splitMixed('七. 人工智能代理（AI Agent）')).toBeUndefined();
    expect(splitMixed('开源模型以惊人的速度逼近闭源标杆。')).toBeUndefined();
  });

  it('joins an English title the layout set on two lines, broken after a word no title ends in', () => {
    const text = bilingual(12).replace('# 条例\n', '# 中华人民共和国宪法\n\nCONSTITUTION OF\n\nTHE PEOPLE’S REPUBLIC OF CHINA\n');
    const sides = alignmentSides(md(text))!;
    expect(sides.en[0]).toEqual(['CONSTITUTION OF THE PEOPLE’S REPUBLIC OF CHINA']);
    // two lines that each end a title stay two paragraphs
    const two = alignmentSides(md(bilingual(12).replace('# 条例\n', '# 条例\n\nREGULATIONS\n\nPART ONE\n')))!;
    expect(two.en.slice(0, 2)).toEqual([['REGULATIONS'], ['PART ONE']]);
    const a = alignDocument(md(text))!;
    expect(a.kept.find((p) => p.zh[0].text === '中华人民共和国宪法')?.en).toEqual(['CONSTITUTION OF THE PEOPLE’S REPUBLIC OF CHINA']);
  });

  it('reads an enumeration run into one line (…目标。首先，…其次，…) as one paragraph, as its translation prints it', () => {
    const line = '对于中型企业而言，它们可以利用全球化实现许多目标。首先，产品必须足够出色。其次，必须考察欧美公司忽视的市场。';
    const en = 'Mid-sized companies can leverage globalization to achieve many goals. First, the product must be excellent. Second, they must explore markets that Western companies overlook.';
    const zhDoc = md(`# 访谈\n\n${line}\n`);
    const enDoc = md(`# Interview\n\n${en}\n`, true);
    const sides = alignmentSides(zhDoc, enDoc)!;
    // one Chinese paragraph of three sentences however the ingest took the enumeration apart
    expect(sides.zh.map((p) => p.length)).toEqual([1, 3]);
    expect(sides.en.map((p) => p.length)).toEqual([1, 3]);
  });

  it('reads a parallel English document, which has no Chinese at all', () => {
    const zh = md(bilingual(3).split('\n').filter((l) => !/^Article/.test(l)).join('\n'));
    const en = md(bilingual(3).split('\n').filter((l) => !/\p{Script=Han}/u.test(l) || l.startsWith('#')).join('\n').replace('# 条例', '# Regulations'), true);
    const sides = alignmentSides(zh, en)!;
    expect(sides.english).toBe('parallel');
    expect(sides.en.flat()[0]).toBe('Regulations');
  });
});
