#!/usr/bin/env node
// The CLI is built into dist/ by `npm install` (the prepare script) or `npm run build`: one bundled
// file (dist/bundle/cli.cjs, quickest to start, see bin/load-bundle.cjs), and the compiled modules it
// is made from (dist/pipeline/), used when the bundle is missing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const at = (rel) => fileURLToPath(new URL(rel, import.meta.url));
let cli;
if (existsSync(at('../dist/bundle/cli.cjs'))) {
  const { loadBundle } = createRequire(import.meta.url)('./load-bundle.cjs');
  cli = loadBundle(at('../dist/bundle/cli.cjs'), at('../dist/compile-cache/'));
} else if (existsSync(at('../dist/pipeline/cli.js'))) {
  cli = await import(new URL('../dist/pipeline/cli.js', import.meta.url).href);
} else {
  process.stderr.write('briefs: the compiled CLI is missing; run `npm install` (or `npm run build`) first.\n');
  process.exit(1);
}
await cli.main(process.argv);
