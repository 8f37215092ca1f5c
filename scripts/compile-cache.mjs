// Make V8's code cache for the bundled CLI (dist/compile-cache/<code digest>.cache, read by
// bin/load-bundle.cjs): build the project's sources once into a scratch folder and keep the bytecode
// of what ran. Optional: if anything fails, the CLI compiles as usual, so this only warns.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = path.join(root, 'dist', 'compile-cache');
const bundle = path.join(root, 'dist', 'bundle', 'cli.cjs');
const { cacheFileOf } = createRequire(import.meta.url)('../bin/load-bundle.cjs');
// named after the bundle's digest (written by scripts/bundle.mjs)
const cache = cacheFileOf(bundle, cacheDir);
if (!cache) {
  process.stderr.write('briefs: no code cache made: dist/bundle/code-digest.txt is missing (run scripts/bundle.mjs)\n');
  process.exit(0);
}
// What else the cache was made for: its loader, the Node version and its options. Unchanged (npm start
// rebuilds an identical bundle), the cache is kept: making it costs a whole build.
const keyFile = `${cache}.key`;
const key = createHash('sha256')
  .update(readFileSync(path.join(root, 'bin', 'load-bundle.cjs')))
  .update(`\n${process.version}\n${process.env.NODE_OPTIONS ?? ''}`)
  .digest('hex');
const made = (() => {
  try {
    return readFileSync(keyFile, 'utf8');
  } catch {
    return undefined;
  }
})();
if (made === key && existsSync(cache)) process.exit(0);
// the caches of earlier bundles are of no use any more
rmSync(cacheDir, { recursive: true, force: true });
// what `npm start` builds; the end-to-end fixtures when there are no sources
const seeds = path.join(root, 'sources');
const sources = existsSync(seeds) && readdirSync(seeds).length ? seeds : path.join(root, 'tests', 'fixtures', 'e2e', 'sources');
const out = mkdtempSync(path.join(os.tmpdir(), 'briefs-compile-cache-'));
try {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'briefs.js'), 'build', '--quiet', '--workers', '0', '--sources', sources, '--glossary', path.join(root, 'glossary'), '--templates', path.join(root, 'templates'), '--out', out],
    { cwd: root, env: { ...process.env, BRIEFS_WRITE_CODE_CACHE: cache }, encoding: 'utf8' },
  );
  if (r.status !== 0 || !existsSync(cache)) process.stderr.write(`briefs: no code cache made (the CLI will compile as usual): ${r.stderr || r.error || `exit ${r.status}`}\n`);
  else {
    // what this build kept in its out/ (glossary and templates as loaded, romanized names, word
    // boundaries: data under their keys, see pipeline/build/inputs.ts INSTALLED_CACHES): a build with a
    // fresh out/ reads them from here
    const kept = path.join(cacheDir, 'out-caches');
    mkdirSync(kept, { recursive: true });
    for (const name of ['.briefs-glossary-cache.json', '.briefs-templates-cache.json', '.briefs-romanized-cache.json', '.briefs-boundaries-cache.json'])
      if (existsSync(path.join(out, name))) copyFileSync(path.join(out, name), path.join(kept, name));
    writeFileSync(keyFile, key);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
