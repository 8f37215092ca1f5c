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
import { addThumbnails } from './thumbnails.js';
import { ALL_FORMATS } from './formats.js';
import { admission } from './in-flight.js';

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

/**
 * Sources a build holds at once per worker (or in this process): the one being built, and one built and
 * waiting for (or at) the thumbnail thread. Unbounded, the built sources piled up behind that thread
 * with the build (in-flight.ts).
 */
export const IN_FLIGHT_PER_WORKER = 2;

/** A pool worker's young generation, in V8's count (resourceLimits.maxYoungGenerationSizeMb). */
export const YOUNG_GENERATION_MB = 24;

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
    // jobs here interleave at their awaits: unbounded, every source of the build was under way at once
    // (10 of 10), each waiting for its thumbnails, so one is built while the last one's are drawn
    const held = admission(IN_FLIGHT_PER_WORKER);
    let aborted = false;
    return {
      run: async (t: JobTask) => {
        const leave = await held.enter();
        try {
          // let the event loop run between jobs, so a signal is answered before the next one starts
          await new Promise((r) => setImmediate(r));
          if (aborted) throw new Error('aborted');
          return fromWire(await runJobWire(t, jc));
        } finally {
          leave();
        }
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
  // One rasterizer for the build, on a thread of this process, drawing from the PDFs the jobs return:
  // a worker drawing its own sources' thumbnails held a MuPDF of its own (~50 MB of RSS each, its
  // WebAssembly memory never shrinks), and the workers go on to their next source meanwhile.
  const { thumbnailThread } = await import('../render/thumbnail.js');
  const drawer = thumbnailThread();
  const pool = new Piscina({
    filename: file,
    minThreads: workers,
    maxThreads: workers,
    workerData: shared,
    // bounded memory: each worker holds one source and its outputs at a time
    concurrentTasksPerWorker: 1,
    // V8 lets a worker's young generation grow to 32 MB (two semi-spaces of 16), which stays committed
    // between sources; 16 MB (24 in V8's count, which includes the space for new large objects) took
    // ~30 MB off the peak of 40 sources with no clear CPU cost (bench/README.md, Session 10). Not a
    // V8 flag: the bundle's code cache is still taken.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    idleTimeout: 1000,
  });
  const held = admission(workers * IN_FLIGHT_PER_WORKER);
  let aborted = false;
  return {
    run: async (t: JobTask) => {
      const leave = await held.enter();
      try {
        if (aborted) throw new Error('aborted');
        // a source with no thumbnails from an earlier build will draw: MuPDF loads while its briefs are made
        if (!t.thumbs && (t.formats ?? ALL_FORMATS).includes('png')) drawer.preload();
        const { toDraw, ...r } = fromWire((await pool.run({ ...t, drawLater: true })) as WireResult);
        if (toDraw) await addThumbnails(r.files, toDraw, r.slug, shared.outDir, t.thumbs, drawer);
        return r;
      } finally {
        leave();
      }
    },
    close: async () => {
      await Promise.all([pool.destroy(), drawer.close()]);
    },
    // piscina terminates its worker threads, busy or not; their tasks reject (and drawings under way)
    abort: async () => {
      aborted = true;
      await Promise.all([pool.destroy(), drawer.close()]);
    },
  };
}
