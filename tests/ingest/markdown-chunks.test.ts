// A long Markdown source is parsed in pieces (news/markdown.ts): the tree must be the one a whole
// parse gives, positions included, and a text with constructs that reach past a blank line is not cut.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_CHUNKS, markdownPieces, parseMarkdown } from '../../pipeline/ingest/news/markdown.js';
import { parseNews } from '../../pipeline/ingest/news/index.js';

const seed = readFileSync(new URL('../../sources/thepaper-2023-xiangshan-forum/source.md', import.meta.url), 'utf8');

// lists (tight and loose), quotes, tables, headings, bold subheadings, images, autolinks, CRLF
const mixed = [
  '## 会议概况',
  '',
  '- 第一项：开幕式\n- 第二项：主旨演讲',
  '',
  '1. 安全合作\n\n2. 发展合作\n   继续推进。',
  '',
  '> “对话是唯一出路。”\n> 他说。',
  '',
  '| 项目 | 数量 |\n| --- | --- |\n| 国家 | 100 |',
  '',
  '**各方观点**',
  '',
  '![](https://example.com/a.jpg)',
  '',
  '详见 https://example.com/page 与 www.example.org 的报道。',
  '',
  '本届论坛以“共同安全”为主题，\r\n来自多国的代表参加。',
  '',
  '',
  '* * *',
  '',
].join('\n');

const small = { above: 0, size: 150 };

describe('Markdown in pieces', () => {
  it('cuts a long text into pieces that put back together are the text', () => {
    const text = (seed + '\n\n' + mixed + '\n').repeat(3);
    const pieces = markdownPieces(text, small);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(text);
  });

  it('gives the tree of a whole parse, positions included', () => {
    const text = '---\ntitle: 测试\n---\n\n' + (mixed + '\n' + seed + '\n\n').repeat(3);
    expect(markdownPieces(text, small).length).toBeGreaterThan(10);
    expect(parseMarkdown(text, small)).toEqual(parseMarkdown(text, { above: Infinity, size: 0 }));
  });

  it('does not cut a text with fenced code, HTML comments or definitions', () => {
    for (const extra of ['```\n代码\n\n仍是代码\n```', '<!--\n注释\n\n仍是注释\n-->', '见[报告][r]。\n\n[r]: https://example.com', '见注释[^1]。\n\n[^1]: 注释内容。'])
      expect(markdownPieces(mixed + '\n' + extra + '\n\n' + mixed, small)).toHaveLength(1);
  });

  it('a long news source gives the same document parsed whole or in pieces', () => {
    const text = (seed + '\n\n').repeat(4);
    const whole = parseNews(text, 'source.md', 'x');
    const saved = { ...MARKDOWN_CHUNKS };
    try {
      Object.assign(MARKDOWN_CHUNKS, small);
      expect(markdownPieces(text).length).toBeGreaterThan(10);
      expect(JSON.stringify(parseNews(text, 'source.md', 'x'))).toBe(JSON.stringify(whole));
    } finally {
      Object.assign(MARKDOWN_CHUNKS, saved);
    }
    expect(whole.doc.sections.length).toBeGreaterThan(4);
  });
});
