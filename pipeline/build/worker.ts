// A pool worker: loads the shared inputs once, then builds one source per task.
import { workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createJobContext, runJobWire, type JobContext } from './job.js';
import type { JobTask } from './job-types.js';
import type { SharedInputs } from './inputs.js';

let ctx: Promise<JobContext> | undefined;

export default async function run(task: JobTask) {
  ctx ??= createJobContext(workerData as SharedInputs);
  const result = await runJobWire(task, await ctx);
  collectIfGrown();
  return result;
}

/**
 * A worker builds source after source, and V8 lets its heap grow to about four times what stays
 * alive (~50 MB: glossary, fonts, caches) before it collects the old generation: two workers took
 * the build's peak memory from ~400 MB to 620 MB at 100 sources and 840 MB at 500. Between two
 * sources nothing of the last one is needed: once the old generation holds GROWTH more than stayed
 * alive at the last collection, it is collected. (32 MB of the whole heap: 100 sources peaked at 400 MB
 * but took ~18 % more CPU, a full collection every few sources; 64 MB of the old generation: 480 MB,
 * ~3 %. 32 MB of the old generation, with the young generation capped in pool.ts: 40 sources peaked at
 * 474 MB against 536 MB with 64, the same CPU time within the noise: bench/README.md, Session 10.)
 */
const GROWTH = 32 * 1024 * 1024;
let liveAfterGc: number | undefined;
let gc: (() => void) | null | undefined;

function collectIfGrown(): void {
  gc ??= collector();
  if (!gc) return;
  const used = oldGeneration();
  if (liveAfterGc !== undefined && used < liveAfterGc + GROWTH) return;
  gc();
  liveAfterGc = oldGeneration();
}

/** Bytes used outside the young generation (which V8 collects often and cheaply on its own). */
function oldGeneration(): number {
  let n = 0;
  for (const s of v8.getHeapSpaceStatistics()) if (!s.space_name.startsWith('new_')) n += s.space_used_size;
  return n;
}

/**
 * V8's full collection, as `node --expose-gc` gives it: the flag is set only while a context is made
 * to fetch the function and set back at once, because V8 takes the bundle's code cache only under the
 * flags it was made with (bin/load-bundle.cjs) and another worker may be starting.
 */
export function collector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    v8.setFlagsFromString('--expose-gc');
    const fn = vm.runInNewContext('gc') as unknown;
    return typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    return null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}
