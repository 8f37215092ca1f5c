// Child process of the scale bench: one cold build and one no-op rebuild of a prepared corpus.
import { performance } from 'node:perf_hooks';
import { resolveContext } from '../pipeline/context.js';
import { runBuild } from '../pipeline/build/run.js';
import { makeRunner } from '../pipeline/build/pool.js';

const dir = process.argv[2];
const ctx = resolveContext({}, dir);
const t0 = performance.now();
const first = await runBuild(ctx, {}, makeRunner);
const t1 = performance.now();
const again = await runBuild(ctx, {}, makeRunner);
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    sources: first.built + first.needsTranslation + first.failed,
    failed: first.failed,
    buildMs: t1 - t0,
    noopMs: t2 - t1,
    rebuiltOnNoop: again.results.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
