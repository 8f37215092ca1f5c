import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function briefs(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/briefs.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const enc = 'tests/fixtures/ingest/encodings';

describe('briefs parse', () => {
  it('prints an outline of a news source', () => {
    const r = briefs('parse', 'thepaper-2023-xiangshan-forum');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^北京香山论坛｜/);
    expect(r.out).toMatch(/outlet\s+澎湃新闻/);
    expect(r.out).toMatch(/date\s+2023-11-01/);
    expect(r.out).toContain('Sections (4)');
    expect(r.out).toContain('和谈条件尚未成熟  [section, line 18]');
    expect(r.out).toMatch(/Quotes \(\d+\)/);
    expect(r.out).toContain('阿森尼·西维茨基 (白俄罗斯战略与外交政策研究中心主任): “');
    expect(r.err).toBe('');
  });

  it('prints an outline of a Markdown file given by path, with lists', () => {
    const r = briefs('parse', 'tests/fixtures/ingest/news/river-forum.md');
    expect(r.code).toBe(0);
    expect(r.out).toContain('list (numbered, 3 items)');
    expect(r.out).toContain('1. 建立流域生态补偿基金；');
  });

  /** A scraped article whose front matter is broken YAML (a located warning), written at test time. */
  function brokenFrontMatter(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefs-parse-fm-'));
    const file = path.join(dir, 'scraped.md');
    writeFileSync(file, '\n---\ntitle: [unclosed\n---\n\n# 一季度专项债券发行提速\n\n一季度全国新增专项债券发行规模达到1.2万亿元。\n');
    return file;
  }

  it('prints the SourceDoc as JSON with diagnostics', () => {
    const r = briefs('parse', 'tests/fixtures/ingest/news/ev-exports.md', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.slug).toBe('ev-exports');
    expect(doc.kind).toBe('news');
    expect(doc.diagnostics).toEqual([]);
    const broken = JSON.parse(briefs('parse', brokenFrontMatter(), '--json').out);
    expect(broken.diagnostics[0]).toMatchObject({ rule: 'ingest:front-matter', severity: 'warning', line: 2 });
  });

  it('sends warnings to stderr in outline mode, exit 0', () => {
    const r = briefs('parse', brokenFrontMatter());
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/scraped\.md:2:1: warning: front matter is not valid YAML/);
  });

  it('has help', () => {
    const r = briefs('parse', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--json');
    expect(r.out).toContain('<source>');
  });

  it('refuses an unknown slug with exit 1', () => {
    const r = briefs('parse', 'no-such-source');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no source named "no-such-source"');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses a binary file with exit 1 and a clear message, no stack trace', () => {
    const r = briefs('parse', `${enc}/binary.bin`);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/binary\.bin.*binary file, not text: NUL byte at offset 8/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses undecodable bytes with exit 1, naming offset and line', () => {
    const r = briefs('parse', `${enc}/latin1.txt`);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/latin1\.txt:1:6: error: .*cannot decode the file: byte 0xE8 at offset 5 \(line 1\)/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('reads GB18030 and UTF-16 sources', () => {
    for (const f of ['gb18030.txt', 'utf16be-bom.txt']) {
      const r = briefs('parse', `${enc}/${f}`, '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).kind).toBe('report');
    }
  });

  it('applies meta.yaml from a slug folder and reports its mistakes located', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefs-parse-'));
    mkdirSync(path.join(dir, 'one'));
    copyFileSync('tests/fixtures/ingest/news/river-forum.md', path.join(dir, 'one', 'source.md'));
    writeFileSync(path.join(dir, 'one', 'meta.yaml'), 'shortTitle: 长江论坛\noutlet: 新京报网\n');
    let r = briefs('--sources', dir, 'parse', 'one', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).meta).toMatchObject({ shortTitle: '长江论坛', outlet: '新京报网' });
    writeFileSync(path.join(dir, 'one', 'meta.yaml'), 'outlet: 新京报网\nauthor: 某人\n');
    r = briefs('--sources', dir, 'parse', 'one');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/meta\.yaml:2:1: error: .*unknown key "author"/);
  });
});
