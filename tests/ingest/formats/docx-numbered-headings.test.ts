// Word files whose headings Word numbers itself: paragraph styles with an outline level tied to a
// multilevel list (the standards template's 章标题 / 一级条标题, a report's 一、). Their numbers and levels
// were lost (every clause came out as a one-item list `1.`); they are headings with Word's numbers.
import { describe, it, expect } from 'vitest';
import { Document, Packer, Paragraph, TextRun, LevelFormat, HeadingLevel } from 'docx';
import { docxToMarkdown } from '../../../pipeline/ingest/formats/docx.js';
import { formatCount } from '../../../pipeline/ingest/formats/docx-numbering.js';

async function standardDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'clauses',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1' },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2' },
            { level: 2, format: LevelFormat.DECIMAL, text: '%1.%2.%3' },
          ],
        },
        { reference: 'parts', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] },
      ],
    },
    styles: {
      paragraphStyles: [
        { id: 'Chapter', name: '章标题', paragraph: { outlineLevel: 1, numbering: { reference: 'clauses', level: 0 } } },
        { id: 'Clause1', name: '一级条标题', basedOn: 'Normal', paragraph: { outlineLevel: 2, numbering: { reference: 'clauses', level: 1 } } },
        { id: 'Clause2', name: '二级条标题', basedOn: 'Clause1', paragraph: { outlineLevel: 3, numbering: { reference: 'clauses', level: 2 } } },
        { id: 'Part', name: '部分标题', paragraph: { outlineLevel: 1, numbering: { reference: 'parts', level: 0 } } },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ style: 'Chapter', children: [new TextRun('范围')] }),
          new Paragraph('本文件规定了定期安全评价的目的、内容、要求和方法，适用于运行中的核电厂。'),
          new Paragraph({ style: 'Chapter', children: [new TextRun('术语和定义')] }),
          // a term's clause: numbered, without a title
          new Paragraph({ style: 'Clause1', children: [] }),
          new Paragraph('差异项 difference'),
          new Paragraph({ style: 'Clause1', children: [new TextRun('评价目的')] }),
          new Paragraph({ style: 'Clause2', children: [new TextRun('评价范围')] }),
          new Paragraph('评价范围为安全重要物项，包括反应堆厂房和核辅助厂房等构筑物。'),
          new Paragraph({ style: 'Chapter', children: [new TextRun('总则')] }),
          new Paragraph({ style: 'Clause1', children: [new TextRun('评价依据')] }),
          new Paragraph({ style: 'Part', children: [new TextRun('任务来源')] }),
          new Paragraph({ style: 'Part', children: [new TextRun('编制过程')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('headings Word numbers itself', () => {
  it('become headings of their outline level with Word’s numbers, and an untitled clause keeps its number', async () => {
    const { markdown } = await docxToMarkdown(await standardDocx(), 'source.docx');
    const lines = markdown.split('\n').filter((l) => l.trim());
    expect(lines).toContain('## 1 范围');
    expect(lines).toContain('## 2 术语和定义');
    expect(lines).toContain('2.1');
    expect(lines).toContain('### 2.2 评价目的');
    expect(lines).toContain('#### 2.2.1 评价范围');
    // a new chapter starts its clauses again
    expect(lines).toContain('## 3 总则');
    expect(lines).toContain('### 3.1 评价依据');
    // another list, in its own format
    expect(lines).toContain('## 一、 任务来源');
    expect(lines).toContain('## 二、 编制过程');
    expect(markdown).not.toMatch(/^\s*1\.\s*$/m);
  });

  it('counts in the formats headings use', () => {
    expect(formatCount(11, 'chineseCounting')).toBe('十一');
    expect(formatCount(20, 'chineseCountingThousand')).toBe('二十');
    expect(formatCount(2, 'upperLetter')).toBe('B');
    expect(formatCount(4, 'lowerRoman')).toBe('iv');
    expect(formatCount(7, 'decimal')).toBe('7');
  });
});

describe('the title set again where the text starts', () => {
  it('is the document’s heading, not a paragraph of the text', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('核电厂定期安全评价 第12部分：设计')] }),
            new Paragraph('本部分为《核电厂定期安全评价》系列标准的第12部分，按照规定的规则起草。'),
            new Paragraph('核电厂定期安全评价 第12部分 设计'),
            new Paragraph('本部分规定了核电厂设计要素定期安全评价的目的、内容、要求和方法。'),
          ],
        },
      ],
    });
    const { markdown } = await docxToMarkdown(new Uint8Array(await Packer.toBuffer(doc)), 'source.docx');
    expect(markdown).toMatch(/^# 核电厂定期安全评价 第12部分：设计$/m);
    expect(markdown).not.toMatch(/^核电厂定期安全评价 第12部分 设计$/m);
    // a paragraph that only starts like the title stays
    expect(markdown).toContain('本部分规定了核电厂设计要素定期安全评价的目的');
  });
});
