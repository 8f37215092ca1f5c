// A build: lock out/, read the manifest, plan, run the jobs (in a worker pool when there are several),
// write each source's outputs atomically as it completes, remove outputs of vanished sources,
// and keep the manifest readable and true after every source.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Context } from '../context.js';
import { UserError, diagnostic, type Diagnostic } from '../diagnostics.js';
import { writeAtomic, writeFilesAtomic, sweepTemps } from './atomic.js';
import { digestJson } from './digest.js';
import { acquireOutLock } from './lock.js';
import { readManifest, serializeManifest, MANIFEST_NAME, type Manifest, type SourceRecord } from './manifest.js';
import { planBuild, type SourceState } from './plan.js';
import { listSources, type SourceFiles } from './sources.js';
import { keepBoundaries, keepRomanizations, readSourceState, readSharedState, type SharedInputs } from './inputs.js';
import type { EventSink } from './events.js';
import type { JobResult, JobTask } from './job-types.js';
import { selectShard, type Shard } from './shard.js';

export interface BuildOptions {
  slugs?: string[];
  force?: boolean;
  strict?: boolean;
  shard?: Shard;
  /** Wait this long (ms) for another build holding the lock. */
  waitMs?: number;
  /** Worker threads; 0 = run in this process. Default: cores, capped by the number of sources to build. */
  workers?: number;
  onEvent?: EventSink;
}

export interface BuildSummary {
  built: number;
  needsTranslation: number;
  failed: number;
  skipped: number;
  removed: number;
  results: { slug: string; status: string; diagnostics: Diagnostic[] }[];
}

export type JobRunner = {
  run(task: JobTask): Promise<JobResult>;
  close(): Promise<void>;
};

export async function runBuild(ctx: Context, opts: BuildOptions, makeRunner: (n: number, shared: SharedInputs) => Promise<JobRunner>): Promise<BuildSummary> {
  const t0 = performance.now();
  const emit: EventSink = opts.onEvent ?? (() => {});
  let all = listSources(ctx.sourcesDir);
  if (opts.slugs?.length) {
    const known = new Set(all.map((s) => s.slug));
    const unknown = opts.slugs.filter((s) => !known.has(s));
    if (unknown.length)
      throw new UserError(
        unknown.map((s) => diagnostic({ rule: 'build:unknown-source', reason: `no source named "${s}" in ${ctx.sourcesDir}` })),
      );
    const wanted = new Set(opts.slugs);
    all = all.filter((s) => wanted.has(s.slug));
  }
  const selected = opts.shard ? selectShard(all, opts.shard) : all;

  const release = await acquireOutLock(ctx.outDir, {
    waitMs: opts.waitMs ?? 0,
    onWait: () => process.stderr.write(`briefs: another build is writing ${ctx.outDir}; waiting…\n`),
  });
  try {
    sweepTemps(ctx.outDir); // leftovers of a build that was killed
    const shared = await readSharedState(ctx);
    const manifest = readManifest(ctx.outDir, shared.state.inputs.tool);
    const states = new Map<string, SourceState>();
    for (const s of selected) states.set(s.slug, readSourceState(s));
    const plan = planBuild([...states.values()], shared.state, manifest, { force: opts.force });
    // Only a full, unsharded build may remove the outputs of sources that are gone.
    const removed = opts.slugs?.length || opts.shard ? [] : plan.removed;
    const toBuild = plan.items.filter((i) => i.build);
    emit({ type: 'plan', total: plan.items.length, toBuild: toBuild.length, skipped: plan.items.length - toBuild.length, removed: removed.length });

    const summary: BuildSummary = { built: 0, needsTranslation: 0, failed: 0, skipped: 0, removed: 0, results: [] };
    for (const item of plan.items) {
      if (item.build) continue;
      summary.skipped++;
      emit({ type: 'skip', slug: item.slug, reason: item.reason });
      const rec = manifest.sources[item.slug];
      if (rec.status === 'needs-translation') summary.needsTranslation++;
    }

    for (const slug of removed) {
      rmSync(path.join(ctx.outDir, slug), { recursive: true, force: true });
      delete manifest.sources[slug];
      summary.removed++;
      emit({ type: 'removed', slug });
    }
    manifest.tool = shared.state.inputs.tool;
    if (removed.length) await writeManifest(ctx.outDir, manifest);

    if (toBuild.length) {
      const byslug = new Map(selected.map((s) => [s.slug, s] as [string, SourceFiles]));
      // Each worker loads modules, glossary, OpenCC and fonts cold (~1 s on 2 cores), which a warm source
      // in this process (~0.25 s) repays only for many sources: measured on the seeds, 2 and 4 sources
      // build faster here than on a pool of 2. An explicit --workers (or BRIEFS_WORKERS) is obeyed.
      const n = opts.workers ?? envWorkers() ?? (toBuild.length >= POOL_MIN_SOURCES ? Math.min(defaultWorkers(), toBuild.length) : 0);
      const runner = await makeRunner(toBuild.length > 1 ? n : 0, shared.inputs);
      try {
        // Manifest writes are serialized: each completed source updates it once its files are in place.
        let chain = Promise.resolve();
        const romanized: Record<string, string> = {};
        const boundaries: Record<string, 0 | 1> = {};
        await Promise.all(
          toBuild.map(async (item) => {
            const files = byslug.get(item.slug)!;
            emit({ type: 'start', slug: item.slug, reason: item.reason });
            const started = performance.now();
            const result = await runner.run({ files, strict: Boolean(opts.strict), scaleHints: scaleHints(manifest.sources[item.slug]) }).catch(
              (err): JobResult => ({
                slug: item.slug,
                status: 'failed',
                files: [],
                terms: [],
                needsTranslation: 0,
                dropped: [],
                diagnostics: [toDiagnostic(err, files.sourcePath)],
              }),
            );
            Object.assign(romanized, result.romanized);
            Object.assign(boundaries, result.boundaries);
            chain = chain.then(() => commit(ctx, manifest, shared.state.glossary, states.get(item.slug)!, shared.state.inputs, result));
            await chain;
            tally(summary, result);
            emit({
              type: 'done',
              slug: item.slug,
              status: result.status,
              outputs: result.files.map((f) => f.path),
              needsTranslation: result.needsTranslation,
              dropped: result.dropped,
              diagnostics: result.diagnostics,
              ms: Math.round(performance.now() - started),
            });
          }),
        );
        keepRomanizations(ctx.outDir, shared.state.inputs.tool, romanized);
        keepBoundaries(ctx.outDir, shared.state.inputs.tool, boundaries);
      } finally {
        await runner.close();
      }
    } else if (!existsSync(path.join(ctx.outDir, MANIFEST_NAME))) {
      await writeManifest(ctx.outDir, manifest);
    }
    emit({ type: 'summary', built: summary.built, needsTranslation: summary.needsTranslation, failed: summary.failed, skipped: summary.skipped, removed: summary.removed, ms: Math.round(performance.now() - t0) });
    return summary;
  } finally {
    await release();
  }
}

function tally(summary: BuildSummary, r: JobResult): void {
  if (r.status === 'failed') summary.failed++;
  else if (r.status === 'needs-translation') summary.needsTranslation++;
  else summary.built++;
  summary.results.push({ slug: r.slug, status: r.status, diagnostics: r.diagnostics });
}

/** The scales the source's PDFs were fitted at last time, if nothing had to be dropped (see JobTask). */
function scaleHints(prev: SourceRecord | undefined): JobTask['scaleHints'] {
  if (!prev || prev.dropped.length) return undefined;
  const hints: NonNullable<JobTask['scaleHints']> = {};
  for (const o of prev.outputs) if (o.format === 'pdf' && typeof o.scale === 'number') hints[o.lang] = o.scale;
  return Object.keys(hints).length ? hints : undefined;
}

/** Fewer sources to build than this run in this process by default. */
export const POOL_MIN_SOURCES = Number(process.env.BRIEFS_POOL_MIN_SOURCES) || 8;

function envWorkers(): number | undefined {
  const n = process.env.BRIEFS_WORKERS ? Number(process.env.BRIEFS_WORKERS) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

/** Write one source's files, remove its stale ones, then record it in the manifest. */
async function commit(
  ctx: Context,
  manifest: Manifest,
  glossary: Record<string, string>,
  state: SourceState,
  sharedInputs: Record<string, string>,
  result: JobResult,
): Promise<void> {
  const dir = path.join(ctx.outDir, result.slug);
  await writeFilesAtomic(result.files.map((f) => ({ file: path.join(ctx.outDir, f.path), data: f.data })));
  const written = new Set(result.files.map((f) => f.path));
  // Outputs this source no longer produces (e.g. English now waits for a translator) are removed.
  if (existsSync(dir) && result.status !== 'failed') {
    for (const name of readdirSync(dir)) {
      const rel = `${result.slug}/${name}`;
      if (!written.has(rel) && !name.startsWith('.')) rmSync(path.join(dir, name), { force: true });
    }
  }
  const prev = manifest.sources[result.slug];
  const inputs: Record<string, string> = { ...state.inputs };
  for (const [k, v] of Object.entries(sharedInputs)) inputs[`shared:${k}`] = v;
  const snapshot = digestJson(glossary);
  manifest.glossaries[snapshot] = glossary;
  const record: SourceRecord = {
    slug: result.slug,
    status: result.status,
    inputs,
    terms: result.terms,
    glossary: snapshot,
    needsTranslation: result.needsTranslation,
    dropped: result.dropped,
    // A failed source keeps its last good outputs on disk and in the manifest.
    outputs: result.status === 'failed' ? prev?.outputs ?? [] : result.files.map((f) => f.record),
  };
  manifest.sources[result.slug] = record;
  await writeManifest(ctx.outDir, manifest);
}

async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  await writeAtomic(path.join(outDir, MANIFEST_NAME), serializeManifest(manifest));
}

function toDiagnostic(err: unknown, file: string): Diagnostic {
  if (err instanceof UserError && err.diagnostics[0]) return err.diagnostics[0];
  const d = (err as { diagnostics?: Diagnostic[] })?.diagnostics;
  if (Array.isArray(d) && d[0]) return d[0];
  return diagnostic({ rule: 'build:failed', file, reason: err instanceof Error ? err.message : String(err) });
}
