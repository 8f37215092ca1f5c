// Load the bundled CLI (dist/bundle/cli.cjs) as Node would require it, but compiled with V8's code
// cache (dist/compile-cache/, made by scripts/compile-cache.mjs at build time): the bytecode of every
// function a build runs is read instead of compiled again. A cache V8 rejects (another Node version)
// is ignored; BRIEFS_WRITE_CODE_CACHE=<file> writes a fresh one when the process ends.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

function loadBundle(file, cacheFile) {
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // the wrapper Node puts around a CommonJS module
  const source = `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    // the bundle has no import() left (scripts/bundle.mjs), but should one appear: the default loader (Node ≥ 20.12)
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
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

module.exports = { loadBundle };
