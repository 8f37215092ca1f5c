// `npm start` rebuilds dist/ only when what it is made from changed (scripts/build-dist.mjs): checked
// on a small project folder, so the test never touches this checkout's dist/.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
// @ts-expect-error a plain .mjs script without types
import { inputsDigest, recordDigest, staleReason } from '../../scripts/build-dist.mjs';
import { repo } from '../e2e/helpers.js';

let root: string;
const put = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'briefs-build-dist-'));
  put('pipeline/cli.ts', 'export const a = 1;\n');
  put('scripts/bundle.mjs', '// bundle\n');
  put('bin/briefs.js', '// bin\n');
  put('tsconfig.json', '{}\n');
  put('tsconfig.build.json', '{}\n');
  put('package.json', '{"name":"x"}\n');
  put('package-lock.json', '{"lockfileVersion":3}\n');
  put('node_modules/@expo-google-fonts/noto-sans-sc/package.json', '{"version":"0.4.3"}\n');
  for (const p of ['dist/pipeline/cli.js', 'dist/bundle/cli.cjs', 'dist/bundle/code-digest.txt', 'dist/data/fallback-chars.json']) put(p, 'x');
  recordDigest(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build-dist: is dist/ up to date?', () => {
  it('is up to date right after a build, and the digest is stable', () => {
    expect(staleReason(root)).toBeUndefined();
    expect(inputsDigest(root).digest).toBe(inputsDigest(root).digest);
  });

  it.each([
    ['a pipeline module edited', () => put('pipeline/cli.ts', 'export const a = 2;\n'), 'pipeline/cli.ts'],
    ['a pipeline module added', () => put('pipeline/build/new.ts', '//\n'), 'pipeline/build/new.ts'],
    ['a build script edited', () => put('scripts/bundle.mjs', '// changed\n'), 'scripts/bundle.mjs'],
    ['a benchmark added', () => put('bench/index.ts', '//\n'), 'bench/index.ts'],
    ['a tsconfig edited', () => put('tsconfig.build.json', '{"x":1}\n'), 'tsconfig.build.json'],
    ['the lockfile changed', () => put('package-lock.json', '{"lockfileVersion":3,"x":1}\n'), 'package-lock.json'],
    ['another font package version installed', () => put('node_modules/@expo-google-fonts/noto-sans-sc/package.json', '{"version":"0.4.4"}\n'), '(fonts)'],
  ])('is out of date when %s, and names it', (_, change, named) => {
    change();
    expect(staleReason(root)).toContain(named);
    recordDigest(root);
    expect(staleReason(root)).toBeUndefined();
  });

  it('is out of date when a product of the build is missing, or the record of the last build is', () => {
    unlinkSync(path.join(root, 'dist/bundle/cli.cjs'));
    expect(staleReason(root)).toContain('dist/bundle/cli.cjs');
    put('dist/bundle/cli.cjs', 'x');
    unlinkSync(path.join(root, 'dist/.inputs-digest'));
    expect(staleReason(root)).toContain('no record');
  });

  it('reads no input whose stats are those recorded, and sees an edit that keeps size and modification time', async () => {
    const record = path.join(root, 'dist/.inputs-digest');
    const stored = JSON.parse(readFileSync(record, 'utf8'));
    expect(Object.keys(stored.stats)).toContain('pipeline/cli.ts');
    // as if the record were made well after the files last changed: nothing is racily clean
    writeFileSync(record, JSON.stringify({ ...stored, statsAt: String(BigInt(Date.now() + 60_000) * 1_000_000n) }));
    expect(staleReason(root)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    const file = path.join(root, 'pipeline/cli.ts');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'export const a = 2;\n');
    utimesSync(file, atime, mtime);
    expect(staleReason(root)).toContain('pipeline/cli.ts');
  });

  it('a record without stats (an older build) is checked by content', () => {
    const record = path.join(root, 'dist/.inputs-digest');
    const { digest, parts } = JSON.parse(readFileSync(record, 'utf8'));
    writeFileSync(record, JSON.stringify({ digest, parts }));
    expect(staleReason(root)).toBeUndefined();
    put('pipeline/cli.ts', 'export const a = 3;\n');
    expect(staleReason(root)).toContain('pipeline/cli.ts');
  });

  it('ignores what dist/ is not made from (sources, outputs, tests)', () => {
    put('sources/a/source.txt', 'text');
    put('out/manifest.json', '{}');
    put('tests/x.test.ts', '//');
    expect(staleReason(root)).toBeUndefined();
  });
});

describe('npm start (scripts/start.mjs)', () => {
  it('runs the CLI in its own process with the arguments given, once dist/ is up to date', () => {
    // the tests' global setup has built dist/: nothing to rebuild, so this is the CLI alone
    const run = (file: string, ...args: string[]) => execFileSync(process.execPath, [path.join(repo, file), ...args], { cwd: repo, encoding: 'utf8' });
    expect(run('scripts/start.mjs', '--version')).toBe(run('bin/briefs.js', '--version'));
    expect(run('scripts/start.mjs', 'build', '--help')).toContain('Usage: briefs build');
  });
});
