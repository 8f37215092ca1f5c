// Child process of the scale bench: one cold build and one no-op rebuild of a prepared corpus.
// Prints one JSON line (and a line on stderr after every tenth, with the RSS split by kind: memory-split.ts): sources, wall and CPU time (all threads), peak RSS, and the memory curve: the
// process's RSS and the main thread's heap after every tenth of the sources (what grows, and where).
// BRIEFS_BENCH_HEAP_SNAPSHOT=<file> writes a heap snapshot of the main thread after the build;
// BRIEFS_BENCH_FORMATS=md,pdf builds those formats only (default: all, as `briefs build`).
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { resolveContext } from '../pipeline/context.js';
import { runBuild } from '../pipeline/build/run.js';
import { makeRunner } from '../pipeline/build/pool.js';
import { parseFormats } from '../pipeline/build/formats.js';
import { memorySplit } from './memory-split.js';

const dir = process.argv[2];
const ctx = resolveContext({}, dir);
const formats = process.env.BRIEFS_BENCH_FORMATS ? parseFormats(process.env.BRIEFS_BENCH_FORMATS) : undefined;
const cpuMs = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1000;
};
const curve: { done: number; rssMb: number; heapMb: number }[] = [];
let total = 0;
let done = 0;
const mb = (b: number) => Math.round(b / 2 ** 20);
const t0 = performance.now();
const c0 = cpuMs();
const first = await runBuild(
  ctx,
  {
    formats,
    onEvent: (e) => {
      if (e.type === 'plan') total = e.toBuild;
      if (e.type !== 'done') return;
      done++;
      if (done % Math.max(1, Math.round(total / 10)) !== 0) return;
      curve.push({ done, rssMb: mb(process.memoryUsage.rss()), heapMb: mb(process.memoryUsage().heapUsed) });
      // as it goes, for a long run watched or stopped early, with where the RSS is (what grows)
      const split = memorySplit();
      const where = split ? ` (main malloc ${split.brkMb}, threads' malloc ${split.arenasMb}, V8 heaps and other anonymous ${split.anonMb}, files ${split.filesMb})` : '';
      process.stderr.write(`${done} sources: RSS ${curve[curve.length - 1].rssMb} MB${where}, peak ${mb(process.resourceUsage().maxRSS * 1024)} MB, CPU ${Math.round(cpuMs() - c0)} ms, ${Math.round(performance.now() - t0)} ms\n`);
    },
  },
  makeRunner,
);
const t1 = performance.now();
const c1 = cpuMs();
if (process.env.BRIEFS_BENCH_HEAP_SNAPSHOT) v8.writeHeapSnapshot(process.env.BRIEFS_BENCH_HEAP_SNAPSHOT);
const again = await runBuild(ctx, { formats }, makeRunner);
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    sources: first.built + first.needsTranslation + first.failed,
    failed: first.failed,
    buildMs: t1 - t0,
    buildCpuMs: c1 - c0,
    noopMs: t2 - t1,
    rebuiltOnNoop: again.results.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    curve,
  }) + '\n',
);
