#!/usr/bin/env node
// The CLI is built into dist/ by `npm install` (the prepare script) or `npm run build`: one bundled
// module (dist/bundle/cli.js, quickest to start) and the compiled modules it is made from.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [new URL('../dist/bundle/cli.js', import.meta.url), new URL('../dist/pipeline/cli.js', import.meta.url)];
const entry = candidates.find((u) => existsSync(fileURLToPath(u)));
if (!entry) {
  process.stderr.write('briefs: the compiled CLI is missing; run `npm install` (or `npm run build`) first.\n');
  process.exit(1);
}
await import(entry.href);
