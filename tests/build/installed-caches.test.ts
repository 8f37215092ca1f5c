// The glossary and templates as the install loaded them are kept in dist/compile-cache/out-caches/
// (scripts/compile-cache.mjs): a build with a fresh out/ reads them there instead of parsing the YAML
// again, but only while the term files and templates are the ones installed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const installed = existsSync(path.join(root, 'dist', 'compile-cache', 'out-caches', '.briefs-glossary-cache.json'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefs-installed-caches-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const source = path.join(root, 'tests', 'fixtures', 'e2e', 'sources');
function build(glossary: string, out: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS; // vitest's own options would change V8's flags
  return spawnSync(
    process.execPath,
    ['bin/briefs.js', 'build', '--quiet', '--workers', '0', '--formats', 'md', '--sources', source, '--glossary', glossary, '--templates', path.join(root, 'templates'), '--out', out],
    { cwd: root, encoding: 'utf8', env },
  );
}

describe('caches made at install', () => {
  it.skipIf(!installed)('serve a fresh out/ while the glossary is the installed one', () => {
    const out = path.join(tmp, 'out-installed');
    const r = build(path.join(root, 'glossary'), out);
    expect(r.status, r.stderr).toBe(0);
    // nothing parsed, so nothing to keep in out/
    expect(existsSync(path.join(out, '.briefs-glossary-cache.json'))).toBe(false);
    expect(existsSync(path.join(out, '.briefs-templates-cache.json'))).toBe(false);
  });

  it.skipIf(!installed)('are not taken for a changed glossary: its mistakes are reported, located', () => {
    const glossary = path.join(tmp, 'glossary');
    cpSync(path.join(root, 'glossary'), glossary, { recursive: true });
    const file = path.join(glossary, 'concepts.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n- zh-Hans: 测试条目\n  en: 42\n  category: concept\n`);
    const r = build(glossary, path.join(tmp, 'out-changed'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`concepts\\.yaml:${text.split('\n').length + 2}:\\d+: error: `));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
