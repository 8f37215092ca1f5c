import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// Pool workers collect their heap between sources (build/worker.ts) with V8's gc function, fetched by
// setting --expose-gc for a moment. V8 takes the bundle's code cache only under the flags it was made
// with, and other workers compile the bundle after that moment: the flags must be as they were.
const root = fileURLToPath(new URL('../..', import.meta.url));
const { cacheFileOf } = createRequire(import.meta.url)('../../bin/load-bundle.cjs') as { cacheFileOf(file: string, dir: string): string | undefined };
const bundle = `${root}dist/bundle/cli.cjs`;
const cache = cacheFileOf(bundle, `${root}dist/compile-cache/`);
const installed = !!cache && existsSync(cache);

describe('the pool worker’s garbage collector', () => {
  it.skipIf(!installed)('is a function, and fetching it leaves the code cache usable', () => {
    const check = `
const { compileBundle } = require(${JSON.stringify(`${root}bin/load-bundle.cjs`)});
import(${JSON.stringify(`${root}dist/pipeline/build/worker.js`)}).then(({ collector }) => {
  const gc = collector();
  gc();
  process.stdout.write(typeof gc + ' ' + compileBundle(${JSON.stringify(bundle)}, ${JSON.stringify(`${root}dist/compile-cache/`)}).cached);
});`;
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    expect(execFileSync(process.execPath, ['-e', check], { env, encoding: 'utf8' })).toBe('function true');
  });
});
