import { describe, expect, it } from 'vitest';
import { fileNameTitle } from '../../pipeline/ingest/file-name-title.js';
import { ingest } from '../../pipeline/ingest/index.js';

// session 13: a scraper's Markdown headed with the file it came from (## 文档 ：某某行动计划.md) gave the brief
// that heading as its title — and a plan so titled was not read as a plan (its title ends in .md).
describe('a title that is a file’s name', () => {
  it('not-ok: is the file’s name without its label and extension', () => {
    expect(fileNameTitle('文档 ：上海市某某产业高质量发展三年行动计划.md')).toBe('上海市某某产业高质量发展三年行动计划');
    expect(fileNameTitle('文件：某某规划（2021-2025年）.docx')).toBe('某某规划（2021-2025年）');
    expect(fileNameTitle('某某省数字经济发展规划.pdf')).toBe('某某省数字经济发展规划');
  });
  it('ok: a title that names a file format or ends in no extension is left as it is', () => {
    expect(fileNameTitle('Markdown 与 PDF 格式转换指南')).toBeUndefined();
    expect(fileNameTitle('关于推进某某工作的意见')).toBeUndefined();
    expect(fileNameTitle('README.md')).toBeUndefined();
  });
  it('not-ok: the document read from such a page takes the name as its title', () => {
    const md = '## 文档 ：某某市某某产业三年行动计划.md\n\n### 基本信息\n- **文档类型**：政策类\n\n为加快推动某某产业高质量发展，打造全国某某产业创新发展高地，特制定本行动计划。\n\n一、发展目标\n\n到2023年末，某某产业规模达1000亿元，培育100家产业链优质企业。\n';
    const d = ingest({ slug: 'made-up', file: 'made-up/source.md', bytes: Buffer.from(md, 'utf8'), format: 'md' }).doc;
    expect(d.meta.title).toBe('某某市某某产业三年行动计划');
  });
});
