import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The readers of PDF, HTML and Word and the parsers of markup and TOML in Markdown are bundled apart
// (scripts/bundle.mjs, dist/bundle/lib/): a build of text and plain Markdown sources must not load
// them, and a source that needs one must still be read through the bundled CLI.
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the bundled CLI in a fresh process: its output and the separate files it loaded. */
function run(args: string[]): { loaded: string[]; stdout: string } {
  const script = `
const { loadBundle } = require(${JSON.stringify(path.join(root, 'bin', 'load-bundle.cjs'))});
const cli = loadBundle(${JSON.stringify(path.join(root, 'dist', 'bundle', 'cli.cjs'))}, ${JSON.stringify(path.join(root, 'dist', 'compile-cache'))});
cli.main(['node', 'briefs', ...${JSON.stringify(args)}]).then(() => {
  const lib = ${JSON.stringify(path.join(root, 'dist', 'bundle', 'lib') + path.sep)};
  require('node:fs').writeSync(2, '\\u0000' + JSON.stringify(Object.keys(require.cache).filter((f) => f.startsWith(lib)).map((f) => f.slice(lib.length)).sort()));
});`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { loaded: JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('\u0000') + 1)) as string[], stdout: r.stdout };
}

describe('the bundle’s separate files', () => {
  it('are not loaded by a build of text and plain Markdown sources', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'briefs-separate-'));
    try {
      const { loaded } = run(['build', '--quiet', '--workers', '0', '--sources', path.join(root, 'tests', 'fixtures', 'e2e', 'sources'), '--glossary', path.join(root, 'glossary'), '--templates', path.join(root, 'templates'), '--out', out]);
      expect(loaded).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('are loaded when a source needs them, and read it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-separate-'));
    try {
      mkdirSync(path.join(dir, 'page'));
      writeFileSync(
        path.join(dir, 'page', 'source.html'),
        '<!doctype html><html><head><title>测试页面</title></head><body><article><h1>测试页面</h1><p>这是第一段正文，讲述合作的进展。</p><p>这是第二段正文，说明下一步的计划。</p></article></body></html>',
      );
      mkdirSync(path.join(dir, 'toml'));
      writeFileSync(path.join(dir, 'toml', 'source.md'), '+++\ntitle = "前言标题"\n+++\n\n# 前言标题\n\n正文的第一句话。正文的第二句话。\n');
      const html = run(['parse', '--sources', dir, 'page', '--json']);
      expect(html.loaded).toContain('linkedom.cjs');
      expect(html.stdout).toContain('这是第一段正文');
      const toml = run(['parse', '--sources', dir, 'toml', '--json']);
      expect(toml.loaded).toEqual(['smol-toml.cjs']);
      expect(JSON.parse(toml.stdout).meta.title).toBe('前言标题');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
