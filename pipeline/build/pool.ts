// Running build jobs: in this process for a single source (no worker start-up cost), otherwise on a
// piscina worker pool sized to the machine's cores. Workers load the shared inputs once each.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import { existsSync } from 'node:fs';
import type { JobRunner } from './run.js';
import { keptBoundaries, keptRomanizations, keptTemplates, type SharedInputs } from './inputs.js';
import type { JobResult, JobTask } from './job-types.js';
import { revive, type PlainDiagnostic } from '../diagnostics.js';
import { bundleDir } from './code-location.js';

/** Results cross the thread boundary as plain data; diagnostics are revived into vfile messages here. */
export type WireResult = Omit<JobResult, 'diagnostics'> & { diagnostics: PlainDiagnostic[] };

export function fromWire(r: WireResult): JobResult {
  return { ...r, diagnostics: r.diagnostics.map(revive) };
}

function workerFile(): string {
  const bundled = bundleDir(import.meta.url);
  // the bundled CLI's handler, through its loader
  if (bundled) return path.join(bundled, '..', '..', 'bin', 'worker.cjs');
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return path.join(path.dirname(here), 'worker.js');
  // Running from TypeScript sources (tests): use the compiled worker.
  const root = path.resolve(path.dirname(here), '..', '..');
  return path.join(root, 'dist', 'pipeline', 'build', 'worker.js');
}

export async function makeRunner(workers: number, sharedInputs: SharedInputs): Promise<JobRunner> {
  // the templates once for all jobs (and workers), from out/ when unchanged (their errors stop the
  // build here), and the names romanized and word boundaries found before
  const shared: SharedInputs = {
    ...sharedInputs,
    templates: sharedInputs.templates ?? (await keptTemplates(sharedInputs)),
    romanized: sharedInputs.romanized ?? keptRomanizations(sharedInputs),
    boundaries: sharedInputs.boundaries ?? keptBoundaries(sharedInputs),
  };
  const file = workerFile();
  if (workers <= 0 || !existsSync(file)) {
    const { createJobContext, runJobWire } = await import('./job.js');
    const jc = await createJobContext(shared);
    // Thumbnails on a thread of their own, beside the briefs made here (started at a job's first need,
    // so a build whose thumbnails are all kept starts none), where there is a second core for it. A
    // fresh seed build on a quiet 2-core machine: 2.23 → 2.07 s wall (medians of 6 alternating runs;
    // +0.2 s of CPU in all; bench/README.md, Session 9). BRIEFS_THUMBNAIL_THREAD=0 draws them here.
    if (os.availableParallelism() > 1 && process.env.BRIEFS_THUMBNAIL_THREAD !== '0') {
      const { thumbnailThread } = await import('../render/thumbnail.js');
      jc.drawer = thumbnailThread();
    }
    let aborted = false;
    return {
      run: async (t: JobTask) => {
        // let the event loop run between jobs, so a signal is answered before the next one starts
        await new Promise((r) => setImmediate(r));
        if (aborted) throw new Error('aborted');
        return fromWire(await runJobWire(t, jc));
      },
      close: async () => {
        await jc.drawer?.close();
      },
      abort: async () => {
        aborted = true;
        await jc.drawer?.close();
      },
    };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: file,
    minThreads: workers,
    maxThreads: workers,
    workerData: shared,
    // bounded memory: each worker holds one source and its outputs at a time
    concurrentTasksPerWorker: 1,
    idleTimeout: 1000,
  });
  return {
    run: async (t: JobTask) => fromWire((await pool.run(t)) as WireResult),
    close: async () => {
      await pool.destroy();
    },
    // piscina terminates its worker threads, busy or not; their tasks reject
    abort: async () => {
      await pool.destroy();
    },
  };
}
