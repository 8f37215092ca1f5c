import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as yamlParse } from 'yaml';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { Brief } from '../../pipeline/model.js';
import { escapeMarkdown, renderMarkdown } from '../../pipeline/render/markdown.js';
import fc from 'fast-check';
import { canonicalMarkdown, printedTree } from '../../pipeline/render/markdown.js';
import { mergeAdjacentText, parseMarkdown, parseMarkdownText } from '../../pipeline/render/pdf.js';
import { fixture, templates } from './helpers.js';

// The Markdown as a reader (and the PDF) parses it: a fresh parse, not a tree kept from printing it.
const parse = (md: string) => parseMarkdownText(md);
const plainParse = (md: string) => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(md) as Root;

const nasty = [
  '1. 这一行看起来像有序列表',
  '- 看起来像列表 + 加号',
  '# 不是标题',
  '*星号* 与 _下划线_ 和 **粗体**',
  '[链接](http://example.com) 和 ![图](x.png)',
  '表格 | 竖线 | 在这里',
  '<script>alert("x")</script> 与 <b>粗</b> &amp; 实体',
  '反引号 `code` 与 ``double``',
  'a\\b 反斜杠 ~~删除~~ <!-- 注释 -->',
];

function nastyBrief(): Brief {
  const base = fixture('report').briefs[0];
  return {
    ...base,
    title: '标题 *含* [特殊] <字符> | #1',
    slots: base.slots.map((s) =>
      s.name === 'findings' ? { ...s, items: nasty.map((text, i) => ({ text, segmentIds: [`x${i}`] })) } : s,
    ),
    terms: [{ termId: 't', text: '术语|竖线', en: 'pipe | term *x*' }],
  };
}

describe('escapeMarkdown', () => {
  it('defuses list markers and headings at line start', () => {
    expect(escapeMarkdown('1. a')).toBe('1\\. a');
    expect(escapeMarkdown('- a')).toBe('\\- a');
    expect(escapeMarkdown('+ a')).toBe('\\+ a');
    expect(escapeMarkdown('# a')).toBe('\\# a');
  });
  it('collapses newlines so an item stays one line', () => {
    expect(escapeMarkdown('a\n\n- b')).toBe('a - b');
  });
});

describe('renderMarkdown', () => {
  const t = templates();

  it('renders source text literally after a Markdown round trip', () => {
    const md = renderMarkdown(nastyBrief(), t, { date: '2025-03-18' });
    const tree = parse(md);
    // No HTML, links, images, emphasis, code or headings came from the content.
    const types = new Set<string>();
    visit(tree, (n) => void types.add(n.type));
    // A plain CommonMark/GFM reader sees no HTML, images or code either (GFM may still auto-link bare URLs).
    const plain = new Set<string>();
    visit(plainParse(md), (n) => void plain.add(n.type));
    for (const bad of ['html', 'image', 'inlineCode', 'delete']) expect(plain.has(bad), `${bad} node (plain)`).toBe(false);
    for (const bad of ['html', 'link', 'image', 'inlineCode', 'emphasis', 'delete']) {
      // emphasis is used only for the source line under the title
      if (bad === 'emphasis') continue;
      expect(types.has(bad), `${bad} node`).toBe(false);
    }
    const list = tree.children.find((n) => n.type === 'list' && toString(n).includes('有序列表'));
    expect(list && list.type === 'list' && list.children.length).toBe(nasty.length);
    const items = list && list.type === 'list' ? list.children.map((li) => toString(li)) : [];
    expect(items).toEqual(nasty.map((s) => s.replace(/\s+/g, ' ')));
    // Exactly the expected headings (none from content).
    const headings = tree.children.filter((n) => n.type === 'heading').map((h) => toString(h));
    expect(headings[0]).toBe('标题 *含* [特殊] <字符> | #1');
    expect(headings).not.toContain('不是标题');
    // Table: the pipe stays inside the cell.
    const table = tree.children.find((n) => n.type === 'table');
    expect(table && table.type === 'table' && table.children[1].children.map((c) => toString(c))).toEqual([
      '术语|竖线',
      'pipe | term *x*',
    ]);
  });

  it('never lets raw HTML through', () => {
    const md = renderMarkdown(nastyBrief(), t);
    expect(md).not.toMatch(/(^|[^\\])<script>/);
    expect(md).not.toMatch(/(^|[^\\])<b>/);
    expect(md).toContain('\\<script>');
  });

  it('writes YAML front matter with title, lang, date, source, slug', () => {
    const brief = nastyBrief();
    const md = renderMarkdown(brief, t, { date: '2025-03-18', source: 'X: "quoted" # not a comment' });
    expect(md.startsWith('---\n')).toBe(true);
    const fm = parse(md).children[0];
    expect(fm.type).toBe('yaml');
    const data = yamlParse(fm.type === 'yaml' ? fm.value : '');
    expect(data).toEqual({
      title: brief.title,
      lang: 'zh-Hans',
      kind: 'report',
      slug: brief.slug,
      date: '2025-03-18',
      source: 'X: "quoted" # not a comment',
    });
  });

  it('uses the labels of each language and a GFM table for key terms', () => {
    const [hans, hant, en] = fixture('report').briefs.map((b) => renderMarkdown(b, t));
    expect(hans).toContain('## 主要发现');
    expect(hant).toContain('## 主要發現');
    expect(en).toContain('## Key findings');
    expect(hans).toMatch(/\| 术语 \| 英文 \|\n\| -+ \| -+ \|\n\| 链长制 \| industrial chain leader system \|/);
    expect(hans).toContain('- **上海市经信委**：支持');
    expect(en).toContain('- **Shanghai Commission of Economy and Informatization**: supports');
    expect(en).toContain('1. Set up a');
  });

  it('leaves the source line out when the source says nothing of where it comes from', () => {
    for (const kind of ['report', 'news'] as const) {
      const b = { ...fixture(kind).briefs[0], sourceLine: '' };
      const md = renderMarkdown(b, t);
      expect(md).not.toMatch(/^\\?\*\\?\*$|^\*\s*\*$/m);
      expect(md).toMatch(/^# .+\n\n## /m);
    }
  });

  it('renders news voices with speaker, role and quote marks of the language', () => {
    const [hans, hant, en] = fixture('news').briefs.map((b) => renderMarkdown(b, t));
    expect(hans).toContain('- **陈立群**（杭州市民政局副局长）：“助餐不只是吃饭问题');
    expect(hant).toContain('- **陳立群**（杭州市民政局副局長）：「助餐不只是吃飯問題');
    expect(en).toContain('- **Chen Liqun**, deputy director, Hangzhou Civil Affairs Bureau: “Meal assistance');
  });

  it('is canonical and stable', () => {
    const b = fixture('news').briefs[0];
    const a = renderMarkdown(b, t, { date: '2025-05-09' });
    expect(renderMarkdown(b, t, { date: '2025-05-09' })).toBe(a);
  });
});

describe('the tree a canonical text was printed from', () => {
  // The PDF is typeset from it (pipeline/render/pdf.ts parseMarkdown): it must be the tree that
  // parsing the text gives, positions aside, once adjacent texts are merged (where a text is split
  // depends on the parse).
  const shape = (tree: Root): unknown => JSON.parse(JSON.stringify(mergeAdjacentText(tree), (k, v) => (k === 'position' ? undefined : v)));
  const same = (md: string) => {
    const canonical = canonicalMarkdown(md);
    const kept = printedTree(canonical);
    expect(kept).toBeDefined();
    expect(shape(kept!)).toEqual(shape(parseMarkdownText(canonical)));
    expect(shape(parseMarkdown(canonical))).toEqual(shape(parseMarkdownText(canonical)));
  };

  it('is what parsing gives, for the briefs of the fixtures', () => {
    const t = templates();
    for (const name of ['report', 'news'] as const) for (const b of fixture(name).briefs) same(renderMarkdown(b, t, { date: fixture(name).date }));
  });

  it('is what parsing gives, for briefs made of hostile text', () => {
    const t = templates();
    const [hans] = fixture('report').briefs;
    const piece = fc.oneof(fc.constantFrom(...nasty, '*', '_', '[', ']', '|', '#', '\\', '<', '>', '`', '~', 'www.example.org', 'a@b.cn', '1.', '- ', '\n', '  '), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join('')), { minLength: 1, maxLength: 4 }), (texts) => {
        const brief: Brief = {
          ...hans,
          title: texts[0],
          slots: hans.slots.map((s, i) => ({ ...s, items: s.items.map((it, j) => ({ ...it, text: texts[(i + j) % texts.length] || it.text })) })),
        };
        same(renderMarkdown(brief, t, {}));
      }),
      { numRuns: 150 },
    );
  });

  it('merges adjacent texts, and only those', () => {
    const t = parseMarkdownText('a *b* c\n');
    const para0 = t.children[0] as { children: { type: string; value?: string }[] };
    // split the first text in two, as a plugin may leave it
    para0.children.splice(0, 1, { type: 'text', value: 'a ww' }, { type: 'text', value: 'w.example.org ' });
    const merged = mergeAdjacentText(t);
    const para = merged.children[0] as { children: { type: string; value?: string }[] };
    expect(para.children.map((c) => c.type)).toEqual(['text', 'emphasis', 'text']);
    expect(para.children[0].value).toBe('a www.example.org ');
    expect(toString(merged)).toBe(toString(t));
    // the input is left as it was
    expect(para0.children.length).toBe(4);
  });

  it('never makes a link of a bare address, in the canonical text or the tree the PDF reads', () => {
    const md = canonicalMarkdown('见 www.example.org、https://example.com/a_b 和 a@b.cn。\n');
    const types = (tree: Root) => {
      const out: string[] = [];
      visit(tree, (n) => void out.push(n.type));
      return out;
    };
    const tree = parseMarkdownText(md);
    expect(types(tree)).not.toContain('link');
    expect(toString(tree)).toBe('见 www.example.org、https://example.com/a_b 和 a@b.cn。');
    // links written as links stay links
    expect(types(parseMarkdownText(canonicalMarkdown('[站](https://example.com) <https://a.b>\n'))).filter((t) => t === 'link')).toHaveLength(2);
  });

  it('is also what parsing gives for Markdown written by hand', () => {
    for (const md of ['# T\n\n- a\n- b\n\n| x | y |\n| - | - |\n| 1 | 2 |\n', 'see www.example.org and <http://a.b>\n', '> quote *em* **strong**\n\n1) one\n2) two\n']) same(md);
  });
});
