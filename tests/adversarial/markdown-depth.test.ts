// Markdown nested absurdly deep (blockquotes, lists by indentation, lists on one line) is a located
// `ingest:too-deep` error, found before the Markdown parser runs: fast, exit 1, no stack trace.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkLineNesting, checkTreeDepth, MAX_DEPTH } from '../../pipeline/ingest/depth.js';
import { parseNews } from '../../pipeline/ingest/news/index.js';
import { UserError } from '../../pipeline/diagnostics.js';
import { smallProject, run, hasStackTrace } from './helpers.js';

const HEAD = '# 深层嵌套测试\n\n这是正文的第一段。\n\n';
const N = 10_000;

const DEEP: Record<string, { text: () => string; line: number }> = {
  blockquotes: { text: () => HEAD + '>'.repeat(N) + ' 深\n', line: 5 },
  'one-line list': { text: () => HEAD + '- '.repeat(N) + 'x\n', line: 5 },
  'one-line ordered list': { text: () => HEAD + '1. '.repeat(N) + 'x\n', line: 5 },
  'quotes in lists on one line': { text: () => HEAD + '- > '.repeat(N) + 'x\n', line: 5 },
  // a list nested by indentation 10,000 deep is a 100 MB file (reading it alone takes seconds); 1,000
  // levels (1 MB) took the parser over a minute before the limit
  'indented list (1,000 levels)': { text: () => HEAD + Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- 项\n').join(''), line: 4 + MAX_DEPTH },
  'tab-indented list (1,000 levels)': { text: () => HEAD + Array.from({ length: 1000 }, (_, i) => '\t'.repeat(i) + '- 项\n').join(''), line: 4 + MAX_DEPTH / 2 },
};

function caught(f: () => void): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('checkLineNesting', () => {
  for (const [name, c] of Object.entries(DEEP)) {
    it(`${name}: ingest:too-deep at its line, in milliseconds`, () => {
      const text = c.text();
      const t0 = performance.now();
      const err = caught(() => checkLineNesting(text, 'deep.md'));
      expect(performance.now() - t0).toBeLessThan(100);
      const d = err.diagnostics[0];
      expect([`${d.source}:${d.ruleId}`, d.file]).toEqual(['ingest:too-deep', 'deep.md']);
      expect(d.line).toBeGreaterThanOrEqual(c.line - 1);
      expect(d.line).toBeLessThanOrEqual(c.line + 1);
      expect(d.column).toBeGreaterThan(1);
    });
  }

  it('accepts ordinary nesting, text that only looks like markers, and 60 real levels', () => {
    const ok = [
      HEAD,
      '> 引文\n> > 引文中的引文\n',
      '- 一\n  - 二\n    - 三\n      1. 四\n',
      '2024. 年度\n-5% 下降\n***粗体***\n* * *\n',
      '　　全角空格缩进的段落。\n',
      '- '.repeat(60) + 'x\n',
      '>'.repeat(60) + ' x\n',
      Array.from({ length: 60 }, (_, i) => '  '.repeat(i) + '- 项\n').join(''),
    ].join('\n');
    expect(() => checkLineNesting(ok, 'ok.md')).not.toThrow();
    expect(() => parseNews(ok, 'ok.md', 'ok')).not.toThrow();
  });
});

describe('checkTreeDepth and emphasis marks', () => {
  // emphasis nested deep is bounded by its marks, before the parser (which matches them in quadratic time)
  const EMPHASIS: Record<string, string> = {
    'emphasis nested 10,000 deep': HEAD + '*a _b '.repeat(N / 2) + 'x' + '_ c*'.repeat(N / 2) + '\n',
    'strikethrough nested 10,000 deep': HEAD + '~a '.repeat(N) + 'x' + ' b~'.repeat(N) + '\n',
    'a run of 20,000 stars each side': HEAD + '*'.repeat(2 * N) + 'x' + '*'.repeat(2 * N) + '\n',
    'a paragraph of 400 bold phrases': HEAD + '**粗**体'.repeat(400) + '\n',
    'links nested 10,000 deep': HEAD + '['.repeat(N) + 'x' + '](u)'.repeat(N) + '\n',
  };
  for (const [name, text] of Object.entries(EMPHASIS)) {
    it(`${name}: ingest:too-much-markup, located, in milliseconds (took minutes)`, () => {
      const t0 = performance.now();
      const err = caught(() => parseNews(text, 'em.md', 'em'));
      expect(performance.now() - t0).toBeLessThan(500);
      const d = err.diagnostics[0];
      expect(`${d.source}:${d.ruleId}`).toBe('ingest:too-much-markup');
      expect(d.line).toBeGreaterThanOrEqual(5);
      expect(d.column).toBeGreaterThanOrEqual(1);
    });
  }

  it('ordinary emphasis, bulleted lists with * and fill-in lines still read', () => {
    const ok =
      HEAD +
      '**小标题**\n\n' +
      Array.from({ length: 400 }, (_, i) => `* 第${i}项 **重点** [链接](https://example.org/a_b_c)[^1]`).join('\n') +
      '\n\n姓名：________ 电话：________\n\n[^1]: 注释\n';
    expect(() => parseNews(ok, 'ok.md', 'ok')).not.toThrow();
  });

  it('walks a tree 100,000 levels deep without recursion', () => {
    type N = { type: string; children?: N[] };
    const root: N = { type: 'root', children: [] };
    let at = root;
    for (let i = 0; i < 100_000; i++) {
      const c: N = { type: 'blockquote', children: [] };
      at.children!.push(c);
      at = c;
    }
    expect(caught(() => checkTreeDepth(root as never, 'x.md')).diagnostics[0].ruleId).toBe('too-deep');
  });
});

describe('the CLI: parse and build, 10,000 levels deep', () => {
  for (const name of ['blockquotes', 'one-line list', 'indented list (1,000 levels)']) {
    it(`parse: ${name}`, () => {
      const dir = smallProject({});
      writeFileSync(path.join(dir, 'deep.md'), DEEP[name].text());
      const t0 = performance.now();
      const r = run(dir, 'parse', 'deep.md');
      const ms = performance.now() - t0;
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^deep\.md:\d+:\d+: error: quotes or lists nested more than 100 levels deep.*\[ingest:too-deep\]$/m);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(ms).toBeLessThan(10_000); // the process's start included; was a crash or over a minute
    });
  }

  it('build: the source fails with the located error (was "Maximum call stack size exceeded" without a place)', () => {
    const dir = smallProject({ 'sources/deep/source.md': DEEP['one-line list'].text() });
    const r = run(dir, 'build');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/source\.md:5:\d+: error: quotes or lists nested more than 100 levels deep/);
    expect(r.stdout + r.stderr).not.toMatch(/call stack/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('emphasis in tables', () => {
  it('counts marks per table row: a long table of bold cells is read, the same marks in one paragraph are not', async () => {
    const { checkEmphasisMarks } = await import('../../pipeline/ingest/depth.js');
    const table = ['| 项目 | 结果 |', '| --- | --- |', ...Array.from({ length: 300 }, (_, i) => `| **第${i}项** | **×** |`)].join('\n');
    expect(() => checkEmphasisMarks(table + '\n', 't.md')).not.toThrow();
    const paragraph = Array.from({ length: 300 }, (_, i) => `**第${i}项**`).join(' ');
    expect(() => checkEmphasisMarks(paragraph + '\n', 't.md')).toThrow(/more than 200 emphasis or link marks/);
  });
});
