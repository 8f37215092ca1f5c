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
 * sources, nothing of the last one is needed: once the heap holds GROWTH (32 MB) more than stayed alive at
 * the last collection, it is collected. Flat from the first sources on, at one full collection every
 * several sources.
 */
const GROWTH = 32 * 1024 * 1024;
let liveAfterGc: number | undefined;
let gc: (() => void) | null | undefined;

function collectIfGrown(): void {
  gc ??= collector();
  if (!gc) return;
  const used = v8.getHeapStatistics().used_heap_size;
  if (liveAfterGc !== undefined && used < liveAfterGc + GROWTH) return;
  gc();
  liveAfterGc = v8.getHeapStatistics().used_heap_size;
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
