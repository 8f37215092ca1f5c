// Bundle the CLI (dist/bundle/cli.cjs), so a cold `briefs` loads one file instead of resolving and
// linking some 400 modules. It is one CommonJS file, which bin/briefs.js compiles with V8's code cache
// (see scripts/compile-cache.mjs); the build's pool workers run the same file (bin/worker.cjs).
// The modules compiled by tsc (dist/pipeline/) stay for the tests and the benchmark.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
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

// The readers of PDF, web pages and Word files (pdf.js, linkedom, Readability, mammoth) and the HTML and
// TOML parsers a Markdown source needs only when it holds markup or TOML front matter: three quarters of
// the code, which a build of .txt and plain .md sources never runs. Each is bundled into a file of its own
// (dist/bundle/lib/<name>.cjs), required when first used: the CLI's file, read and compiled at every
// start, stays small. They share no classes with the pipeline (plain objects, strings and DOMs pass).
const SEPARATE = [
  'pdfjs-dist/legacy/build/pdf.mjs',
  'pdfjs-dist/legacy/build/pdf.worker.mjs',
  'linkedom',
  '@mozilla/readability',
  'mammoth',
  'hast-util-from-html',
  'hast-util-to-mdast',
  'smol-toml',
];
// Of those, the ones modules of every build import statically (ingest/news for markup in Markdown and
// TOML front matter): they get a stand-in whose functions require the file on their first call.
const DEFERRED = ['hast-util-from-html', 'hast-util-to-mdast', 'smol-toml'];
const libFile = (m) => `./lib/${m.replace(/\.m?js$/, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cjs`;
const exact = (names) => new RegExp(`^(?:${names.map((m) => m.replace(/[./]/g, '\\$&')).join('|')})$`);
const separateFiles = {
  name: 'separate-files',
  setup(b) {
    b.onResolve({ filter: exact(SEPARATE) }, (args) =>
      DEFERRED.includes(args.path) && args.namespace !== 'deferred'
        ? { path: args.path, namespace: 'deferred' }
        : { path: libFile(args.path), external: true },
    );
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, async (args) => {
      // the module's functions, each a forwarder (its other exports are not needed: importing one fails the bundle)
      const real = await import(args.path);
      const names = Object.keys(real).filter((k) => typeof real[k] === 'function');
      return {
        loader: 'js',
        resolveDir: root,
        contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
${names.map((n) => `export function ${n}(...args) { return load().${n}.apply(this, args); }`).join('\n')}`,
      };
    });
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

// The shipped templates (templates/*.md.hbs) compiled now, so a build that uses them as they are skips
// Handlebars' compiler (see pipeline/render/precompiled-templates.ts): render/templates.ts is bundled on
// its own and asked for each spec, after the checks a build would run. A template that fails them is
// left out (a build then reports it as usual).
async function templateSpecs() {
  const dir = path.join(root, 'templates');
  let names = [];
  try {
    names = readdirSync(dir).filter((f) => /\.md\.hbs$/.test(f)).sort();
  } catch {
    return [];
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefs-templates-'));
  try {
    const file = path.join(tmp, 'templates.cjs');
    await build({ ...common, minify: false, entryPoints: [path.join(root, 'pipeline', 'render', 'templates.ts')], outfile: file, format: 'cjs', define: { 'import.meta.url': '__briefsModuleUrl' }, banner: { js: "var __briefsModuleUrl = require('node:url').pathToFileURL(__filename).href;" } });
    const { precompileTemplate } = createRequire(import.meta.url)(file);
    const specs = [];
    for (const name of names) {
      const source = readFileSync(path.join(dir, name), 'utf8');
      try {
        specs.push([source, precompileTemplate(source, name)]);
      } catch {
        // not precompiled: the build compiles it and reports what is wrong
      }
    }
    return specs;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
const specs = await templateSpecs();
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]pipeline[\\/]render[\\/]precompiled-templates\.ts$/ }, () => ({
      loader: 'js',
      contents: `export const PRECOMPILED = new Map([${specs.map(([source, spec]) => `[${JSON.stringify(source)}, ${spec}]`).join(',\n')}]);`,
    }));
  },
};

await build({
  ...common,
  plugins: [lazyModules, separateFiles, nativeInflate, oneLinebreak, precompiledTemplates],
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

await Promise.all(
  SEPARATE.map((m) =>
    build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(m)});`, resolveDir: root, loader: 'js' },
      outfile: path.join(root, 'dist', 'bundle', libFile(m)),
      format: 'cjs',
      define: { 'import.meta.url': '__briefsModuleUrl' },
      banner: { js: "var __briefsModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ),
);

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
// the separate files are code of the tool too
for (const m of SEPARATE) hash.update(readFileSync(path.join(root, 'dist', 'bundle', libFile(m))));
writeFileSync(new URL('../dist/bundle/code-digest.txt', import.meta.url), `${hash.digest('hex').slice(0, 32)}\n`);
