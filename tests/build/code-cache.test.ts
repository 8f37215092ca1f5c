import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The CLI's bundle is compiled with V8's code cache (bin/load-bundle.cjs), which V8 takes only under
// the flags the cache was made with: the loader sets its V8 flags before compiling, and the install
// makes the cache through the same loader (scripts/compile-cache.mjs). A cache V8 rejects still
// builds, only slower, so this checks it is taken.
const root = fileURLToPath(new URL('../..', import.meta.url));
const { cacheFileOf } = createRequire(import.meta.url)('../../bin/load-bundle.cjs') as { cacheFileOf(file: string, dir: string): string | undefined };
const bundle = `${root}dist/bundle/cli.cjs`;
const cache = cacheFileOf(bundle, `${root}dist/compile-cache/`);
const installed = !!cache && existsSync(cache);

describe('the code cache made at install', () => {
  // made by `npm install` / `npm run build`; a bundle rebuilt since (tests' global setup, after an edit) has none yet
  it.skipIf(!installed)('is taken by V8 when the CLI loads its bundle, in a fresh process', () => {
    const check = `const { compileBundle } = require(${JSON.stringify(`${root}bin/load-bundle.cjs`)}); process.stdout.write(String(compileBundle(${JSON.stringify(bundle)}, ${JSON.stringify(`${root}dist/compile-cache/`)}).cached));`;
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // vitest's own options would change V8's flags
    expect(execFileSync(process.execPath, ['-e', check], { env, encoding: 'utf8' })).toBe('true');
  });

  it.skipIf(!installed)('is refused under other V8 flags (what the loader must avoid)', () => {
    const check = `const { compileBundle } = require(${JSON.stringify(`${root}bin/load-bundle.cjs`)}); process.stdout.write(String(compileBundle(${JSON.stringify(bundle)}, ${JSON.stringify(`${root}dist/compile-cache/`)}).cached));`;
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    expect(execFileSync(process.execPath, ['--no-opt', '-e', check], { env, encoding: 'utf8' })).toBe('false');
  });
});
