// Bundle the CLI (dist/bundle/cli.cjs), so a cold `briefs` loads one file instead of resolving and
// linking some 400 modules. It is one CommonJS file, which bin/briefs.js compiles with V8's code cache
// (see scripts/compile-cache.mjs); the build's pool workers run the same file (bin/worker.cjs).
// The modules compiled by tsc (dist/pipeline/) stay for the tests and the benchmark.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { asciiSource } from './ascii-source.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// start from an empty folder so nothing of an earlier build stays behind
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // piscina starts its threads from its own files, found next to its code. mupdf (the thumbnails'
  // rasterizer) is an ES module with top-level await, loaded on first use through import-esm.cjs below.
  external: ['piscina', 'mupdf'],
  logLevel: 'warning',
  // a smaller file to read and hash at every start (whitespace, syntax and local names)
  minify: !process.env.BRIEFS_NO_MINIFY, // BRIEFS_NO_MINIFY=1: names kept, for profiles
};

// Modules pdfkit and fontkit load for what briefs never does (encrypted PDFs, WOFF2 fonts), whose
// set-up (AES tables, brotli's 1.3 MB dictionary) every start would pay: the bundle holds a stand-in
// that loads the real module from node_modules when it is first used.
const LAZY = ['@noble/ciphers/aes', 'brotli/decompress.js'];
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^(?:${LAZY.map((m) => m.replace(/[./]/g, '\\$&')).join('|')})$`);
    // the stand-in's own require of the module stays a require at run time
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      loader: 'js',
      contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy(function () {}, {
  apply: (_, self, args) => Reflect.apply(load(), self, args),
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
});`,
    }));
  },
};

// tiny-inflate on Node's zlib (see the shim): the same bytes, ~20 ms less at every start.
const nativeInflate = {
  name: 'native-inflate',
  setup(b) {
    b.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: fileURLToPath(new URL('./shims/tiny-inflate.cjs', import.meta.url)) }));
  },
};

// linebreak ships an ES module and a CommonJS one; pdfmake requires the one, render/pdfmake-breaks.ts
// imports the other: both get the CommonJS one, so its tables are set up once.
const oneLinebreak = {
  name: 'one-linebreak',
  setup(b) {
    b.onResolve({ filter: /^linebreak$/ }, () => ({ path: createRequire(import.meta.url).resolve('linebreak') }));
  },
};

await build({
  ...common,
  plugins: [lazyModules, nativeInflate, oneLinebreak],
  entryPoints: { cli: 'pipeline/cli.ts' },
  outExtension: { '.js': '.cjs' },
  outdir: 'dist/bundle',
  format: 'cjs',
  // import() of what stays outside (node: builtins, piscina) becomes require(): code compiled from
  // V8's code cache by vm.Script has no dynamic import() callback
  supported: { 'dynamic-import': false },
  // modules find files relative to themselves (fonts, the worker): give them the bundle's own URL
  define: { 'import.meta.url': '__briefsModuleUrl' },
  banner: { js: "var __briefsModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// esbuild escapes non-ASCII characters in strings but leaves them in regular expressions, and one
// such character makes V8 hold the whole 2.6 MB source as UTF-16. Escaped (\uXXXX means the same
// code unit there, and a surrogate pair of escapes one code point under the u flag), the bundle is
// pure ASCII: bin/load-bundle.cjs reads it as Latin-1 into a one-byte string.
const cliFile = new URL('../dist/bundle/cli.cjs', import.meta.url);
// The bundle's import() calls are require()s (see above), which cannot load an ES module with top-level
// await (mupdf): render/thumbnail.ts loads it through this helper beside the bundle, a real import().
writeFileSync(new URL('../dist/bundle/import-esm.cjs', import.meta.url), "'use strict';\n// written by scripts/bundle.mjs: a real import() for the bundle (see pipeline/render/thumbnail.ts)\nmodule.exports = (specifier) => import(specifier);\n");
writeFileSync(cliFile, asciiSource(readFileSync(cliFile, 'utf8')));

// The digest of the code, part of every output's inputs (build/inputs.ts toolDigest): computed here
// once, so a build does not hash the 8 MB bundle each time it starts.
const hash = createHash('sha256');
hash.update(readFileSync(cliFile));
writeFileSync(new URL('../dist/bundle/code-digest.txt', import.meta.url), `${hash.digest('hex').slice(0, 32)}\n`);
