#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` via the prepare script, or `npm run build:ts`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/pipeline/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('briefs: the compiled CLI is missing; run `npm install` (or `npm run build:ts`) first.\n');
  process.exit(1);
}
await import(entry.href);
