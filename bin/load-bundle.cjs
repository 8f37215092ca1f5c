// Load the bundled CLI (dist/bundle/cli.cjs) as Node would require it, but compiled with V8's code
// cache (dist/compile-cache/, made by scripts/compile-cache.mjs at build time): the bytecode of every
// function a build runs is read instead of compiled again. The cache is named after the digest of
// the bundle it was made from (dist/bundle/code-digest.txt): V8 checks only the source's length, so
// a cache of an earlier bundle of the same length would run that bundle's code. A cache V8 rejects
// (another Node version) is ignored; BRIEFS_WRITE_CODE_CACHE=<file> writes a fresh one when the process ends.
'use strict';
const fs = require('node:fs');

// V8 compiles a function with its optimizing compiler (TurboFan) once the function has run a certain
// amount of bytecode, its interrupt budget. A build is short: most functions run for a few
// milliseconds, and optimizing them costs more than it saves (the compiles run on the second core,
// which V8's garbage collector also uses). With four times the budget, a cold seed build takes ~17 %
// less time (README, Speed). Set before the bundle is compiled: V8 takes the code cache only under the
// flags it was made with, and scripts/compile-cache.mjs makes it through this loader. Only for the V8
// versions this was measured on (Node 20's 11.x) and only if the user sets no budget of their own.
//
// The young generation, where a build allocates most, starts at 1 MB and doubles each time V8 finds it
// full of live objects, up to its maximum (16 MB): a seed build scavenged it 29 times, a dozen of them
// while it was still growing. Growing it eightfold reaches the maximum sooner: 17 scavenges. The CPU time
// saved was 1.5–7 % of a cold seed build in the sets measured so far, under heavy load (bench/README.md,
// session 8). The maximum is unchanged.
const userFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
if (/^11\./.test(process.versions.v8)) {
  const v8 = require('node:v8');
  if (!userFlags.some((a) => a.includes('interrupt-budget'))) v8.setFlagsFromString('--interrupt-budget=270336');
  if (!userFlags.some((a) => a.includes('semi-space'))) v8.setFlagsFromString('--semi-space-growth-factor=8');
}
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

/** The cache file of a bundle in a cache folder, or undefined if the bundle has no digest. */
function cacheFileOf(file, cacheDir) {
  try {
    const digest = fs.readFileSync(path.join(path.dirname(file), 'code-digest.txt'), 'latin1').trim();
    return /^[0-9a-f]+$/.test(digest) ? path.join(cacheDir, `${digest}.cache`) : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle compiled with its code cache, if there is one; `cached` says whether V8 took the cache. */
function compileBundle(file, cacheDir) {
  let cachedData;
  try {
    const cacheFile = cacheFileOf(file, cacheDir);
    cachedData = cacheFile ? fs.readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  // the wrapper Node puts around a CommonJS module; the bundle is ASCII (scripts/bundle.mjs), so
  // Latin-1 reads it as it is, straight into a one-byte string
  const source = `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(file, 'latin1')}\n})`;
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    // the bundle has no import() left (scripts/bundle.mjs), but should one appear: the default loader (Node ≥ 20.12)
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  return { script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

function loadBundle(file, cacheDir) {
  const { script } = compileBundle(file, cacheDir);
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
  const out = process.env.BRIEFS_WRITE_CODE_CACHE;
  if (out)
    process.once('exit', () => {
      const tmp = `${out}.${process.pid}.tmp`;
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, out);
    });
  return mod.exports;
}

module.exports = { loadBundle, compileBundle, cacheFileOf };
