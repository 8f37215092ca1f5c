// A build: lock out/, read the manifest, plan, run the jobs (in a worker pool when there are several),
// write each source's outputs atomically as it completes, remove outputs of vanished sources,
// and keep the manifest readable and true after every source.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Context } from '../context.js';
import { UserError, diagnostic, type Diagnostic } from '../diagnostics.js';
import { writeAtomicSync, prepareFiles, sweepTemps } from './atomic.js';
import { checkOutDir, writeError } from './out-dir.js';
import { clearJournal, damagedOutputs, journalName, orphanShardJournals, outputFile, recoverJournal, removeEmptyDir, removeOutputs, writeJournal } from './owned.js';
import { digestJson } from './digest.js';
import { acquireOutLock } from './lock.js';
import { displayPath } from './display-path.js';
import { ManifestStore, type Manifest, type SourceRecord } from './manifest.js';
import { RecordLog, foldEvery, foldRecordLog, recordLogName, recordLogs, removeRecordLog } from './record-log.js';
import { sanitizeRecord } from './owned.js';
import { writeIndexPage } from './index-page.js';
import { thumbHints } from './thumbnails.js';
import { planBuild, type SourceState } from './plan.js';
import { listSources, type SourceFiles } from './sources.js';
import { keepBoundaries, keepRomanizations, readSourceState, readSharedState, type SharedInputs } from './inputs.js';
import type { EventSink } from './events.js';
import type { JobResult, JobTask } from './job-types.js';
import { DEFAULT_ENGLISH, type EnglishPolicy } from './english-policy.js';
import { selectShard, type Shard } from './shard.js';
import { DEFAULT_FORMATS, formatsKey, type OutputFormat } from './formats.js';

export interface BuildOptions {
  slugs?: string[];
  force?: boolean;
  strict?: boolean;
  shard?: Shard;
  /** The formats to write (--formats): default all; `png` is passed on for the thumbnails. */
  formats?: ReadonlySet<OutputFormat>;
  /** Wait this long (ms) for another build holding the lock. */
  waitMs?: number;
  /** Worker threads; 0 = run in this process. Default: cores, capped by the number of sources to build. */
  workers?: number;
  onEvent?: EventSink;
  /** Which English goes into briefs (default auto; build/english-policy.ts). */
  english?: EnglishPolicy;
  /** Aborting stops the build: running jobs are ended, completed sources stay recorded (see BuildAborted). */
  signal?: AbortSignal;
}

/** The build was stopped through its AbortSignal (SIGTERM, SIGINT): out/ is consistent, the lock released. */
export class BuildAborted extends Error {
  constructor(readonly reason: string) {
    super(`build stopped (${reason})`);
    this.name = 'BuildAborted';
  }
}

export interface BuildSummary {
  built: number;
  needsTranslation: number;
  failed: number;
  skipped: number;
  removed: number;
  /**
   * Each source built: its status, how many errors and warnings it had, and the first few of each
   * (SUMMARY_DIAGNOSTICS; the `done` event carries them all): kept whole, they grew with the corpus.
   */
  results: { slug: string; status: string; errors: number; warnings: number; diagnostics: Diagnostic[] }[];
}

/** How many errors, and how many other diagnostics, a build's summary keeps per source. */
export const SUMMARY_DIAGNOSTICS = 5;

export type JobRunner = {
  run(task: JobTask): Promise<JobResult>;
  close(): Promise<void>;
  /** End running jobs now (worker threads are terminated); their run() promises reject. */
  abort?(): Promise<void>;
};

/**
 * A source at least this large is built on a worker thread even when it is the only one: the main
 * thread stays free to answer SIGTERM/SIGINT within a second while a long job runs. (A smaller source
 * builds in well under a second, so it runs in this process, without a worker's start-up cost.)
 */
export const LARGE_SOURCE_BYTES = Number(process.env.BRIEFS_LARGE_SOURCE_BYTES) || 256 * 1024;

export async function runBuild(ctx: Context, opts: BuildOptions, makeRunner: (n: number, shared: SharedInputs) => Promise<JobRunner>): Promise<BuildSummary> {
  const t0 = performance.now();
  const emit: EventSink = opts.onEvent ?? (() => {});
  checkOutDir(ctx);
  let all = listSources(ctx.sourcesDir, { followSymlinks: ctx.followSymlinks });
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

  let release: () => Promise<void>;
  try {
    release = await acquireOutLock(ctx.outDir, {
      shard: opts.shard,
      waitMs: opts.waitMs ?? 0,
      onWait: () => process.stderr.write(`briefs: another build is writing ${ctx.outDir}; waiting…\n`),
    });
  } catch (err) {
    throw writeError(err, ctx.outDir);
  }
  let manifestSlugs: string[] = [];
  let stopped: { store: ManifestStore; tool: string; log: RecordLog } | undefined;
  const tempDirs = () => [ctx.outDir, ...new Set([...manifestSlugs, ...selected.map((s) => s.slug)])].map((slug, i) => (i === 0 ? slug : path.join(ctx.outDir, slug)));
  try {
    const shared = await readSharedState(ctx);
    // which files a source's build writes: changing them rebuilds it (and removes what it no longer writes)
    const formats = opts.formats ?? DEFAULT_FORMATS;
    shared.state.inputs.formats = formatsKey(formats);
    const tool = shared.state.inputs.tool;
    const store = ManifestStore.open(ctx.outDir, tool);
    const journal = journalName(opts.shard);
    // the build records its sources in a log of its own, folded into manifest.json now and then and at
    // its end (record-log.ts)
    const log = new RecordLog(ctx.outDir, recordLogName(opts.shard));
    stopped = { store, tool, log };
    // logs left by builds that were killed (and this build's own, from its last run): into manifest.json
    await foldLogs(store, tool, ctx.outDir, (l) => !l.running || l.name === log.name);
    manifestSlugs = Object.keys(store.manifest.sources);
    sweepTemps(tempDirs()); // leftovers of a build that was killed, where builds write
    // a build killed while it replaced a source's outputs: that source is rebuilt
    for (const name of [journal, ...(opts.shard ? [] : orphanShardJournals(ctx.outDir))]) {
      if (!existsSync(path.join(ctx.outDir, name))) continue;
      await updateManifest(store, tool, (m) => void recoverJournal(ctx.outDir, m, name));
      clearJournal(ctx.outDir, name);
    }
    // the records as this build found them (other shards may add theirs to the store meanwhile)
    const manifest: Manifest = { ...store.manifest, sources: { ...store.manifest.sources } };
    const states = new Map<string, SourceState>();
    const refused = new Map<string, string>();
    for (const s of selected) {
      if (s.refused) refused.set(s.slug, s.refused);
      else states.set(s.slug, withPolicy(readSourceState(s), opts.english));
    }
    const damaged = damagedOutputs(
      ctx.outDir,
      [...states.keys()].map((slug) => manifest.sources[slug]).filter((r): r is SourceRecord => Boolean(r)),
    );
    const plan = planBuild([...states.values()], shared.state, manifest, { force: opts.force, damaged });
    // the texts were read for planning only: kept to the end, they grew the build's memory with every
    // source (~40 KB each in the scale bench, 80 MB at 2,000 sources)
    for (const st of states.values()) st.text = '';
    for (const slug of refused.keys()) plan.items.push({ slug, build: true, reason: 'refused' });
    plan.items.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    // a refused source is not gone: its outputs stay
    plan.removed = plan.removed.filter((slug) => !refused.has(slug));
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
      // only the files this tool wrote and recorded, each if it still holds what was written
      const kept = removeOutputs(ctx.outDir, slug, manifest.sources[slug].outputs);
      removeEmptyDir(ctx.outDir, slug);
      summary.removed++;
      emit({ type: 'removed', slug, kept });
    }
    if (removed.length) await updateManifest(store, tool, (m) => removed.forEach((slug) => delete m.sources[slug]));

    if (toBuild.length) {
      const byslug = new Map(selected.map((s) => [s.slug, s] as [string, SourceFiles]));
      // Each worker loads modules, glossary, OpenCC and fonts cold (~1 s on 2 cores), which a warm source
      // in this process (~0.25 s) repays only for many sources: measured on the seeds, 2 and 4 sources
      // build faster here than on a pool of 2. An explicit --workers (or BRIEFS_WORKERS) is obeyed.
      // A large source goes to a worker thread in any case (LARGE_SOURCE_BYTES).
      const large = toBuild.some((i) => !refused.has(i.slug) && sizeOf(byslug.get(i.slug)!.sourcePath) >= LARGE_SOURCE_BYTES);
      let n = toBuild.length > 1 ? opts.workers ?? envWorkers() ?? (toBuild.length >= POOL_MIN_SOURCES ? Math.min(defaultWorkers(), toBuild.length) : 0) : 0;
      if (large) n = Math.max(n, 1);
      const runner = await makeRunner(n, shared.inputs);
      const signal = opts.signal;
      const onAbort = () => void runner.abort?.();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) onAbort();
      try {
        // Manifest writes are serialized: each completed source updates it once its files are in place.
        let chain = Promise.resolve();
        const romanized: Record<string, string> = {};
        const boundaries: Record<string, 0 | 1> = {};
        await Promise.all(
          toBuild.map(async (item) => {
            if (signal?.aborted) return;
            const files = byslug.get(item.slug)!;
            emit({ type: 'start', slug: item.slug, reason: item.reason });
            const started = performance.now();
            const failedWith = (d: Diagnostic): JobResult => ({
              slug: item.slug,
              status: 'failed',
              files: [],
              terms: [],
              needsTranslation: 0,
              dropped: [],
              diagnostics: [d],
            });
            const why = refused.get(item.slug);
            let result: JobResult;
            if (why) result = failedWith(diagnostic({ rule: 'build:symlink-refused', file: displayPath(ctx, files.sourcePath), reason: why }));
            else {
              try {
                const prev = manifest.sources[item.slug];
                result = await runner.run({ files, strict: Boolean(opts.strict), formats: [...formats], scaleHints: scaleHints(prev), thumbs: thumbHints(prev), ...(opts.english ? { english: opts.english } : {}) });
              } catch (err) {
                if (signal?.aborted) return; // ended by the abort: nothing of it is written
                result = failedWith(toDiagnostic(err, files.sourcePath));
              }
            }
            Object.assign(romanized, result.romanized);
            Object.assign(boundaries, result.boundaries);
            chain = chain.then(() => commit(ctx, store, log, manifest.sources[item.slug], journal, shared.state.glossary, states.get(item.slug), shared.state.inputs, result));
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
              ...(result.draft ? { draft: result.draft } : {}),
              ms: Math.round(performance.now() - started),
            });
          }),
        );
        await chain;
        if (signal?.aborted) throw new BuildAborted(String(signal.reason ?? 'aborted'));
        // under the manifest lock: shards sharing out/ add to the same caches
        await updateManifest(store, tool, () => {
          keepRomanizations(ctx.outDir, tool, romanized);
          keepBoundaries(ctx.outDir, tool, boundaries);
        });
      } finally {
        signal?.removeEventListener('abort', onAbort);
        await runner.close();
      }
    }
    // the preview page, from the records of every source (this build's and other shards'), with this
    // shard's log folded in
    await updateManifest(store, tool, (m) => {
      foldRecordLog(m, ctx.outDir, log.name, sanitizeRecord);
      let refusedPage: string | undefined;
      try {
        refusedPage = writeIndexPage(ctx.outDir, m);
      } catch (err) {
        throw writeError(err, path.join(ctx.outDir, 'index.html'));
      }
      if (refusedPage) process.stderr.write(`briefs: warning: ${refusedPage}\n`);
    }, () => {
      removeRecordLog(ctx.outDir, log.name);
      log.restart();
    });
    emit({ type: 'summary', built: summary.built, needsTranslation: summary.needsTranslation, failed: summary.failed, skipped: summary.skipped, removed: summary.removed, ms: Math.round(performance.now() - t0) });
    return summary;
  } finally {
    // a build stopped or failed: what it recorded goes into manifest.json now (or at the next build)
    if (stopped) {
      const { store, tool, log } = stopped;
      await foldLog(store, tool, log).catch(() => undefined);
    }
    // an interrupted or failed build leaves none of its temporary files behind
    sweepTemps(tempDirs(), { ownToo: true });
    await release();
  }
}

/**
 * A policy other than the default is an input of every source (a change rebuilds it); the default adds
 * nothing, so a manifest written before the policy existed still matches.
 */
function withPolicy(state: SourceState, english: EnglishPolicy | undefined): SourceState {
  if (!english || english === DEFAULT_ENGLISH) return state;
  return { ...state, inputs: { ...state.inputs, english } };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function tally(summary: BuildSummary, r: JobResult): void {
  if (r.status === 'failed') summary.failed++;
  else if (r.status === 'needs-translation') summary.needsTranslation++;
  else summary.built++;
  const errors = r.diagnostics.filter((d) => d.fatal === true);
  const others = r.diagnostics.filter((d) => d.fatal !== true);
  summary.results.push({
    slug: r.slug,
    status: r.status,
    errors: errors.length,
    warnings: others.length,
    diagnostics: [...errors.slice(0, SUMMARY_DIAGNOSTICS), ...others.slice(0, SUMMARY_DIAGNOSTICS)],
  });
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

/**
 * Write one source's files, remove its stale ones, then record it in the manifest. The files go to
 * temporaries first; the journal names them before they are renamed into place together, and is
 * cleared once the manifest records them (a build killed in between is repaired at the next start).
 */
async function commit(
  ctx: Context,
  store: ManifestStore,
  log: RecordLog,
  prev: SourceRecord | undefined,
  journal: string,
  glossary: Record<string, string>,
  state: SourceState | undefined,
  sharedInputs: Record<string, string>,
  result: JobResult,
): Promise<void> {
  const failed = result.status === 'failed';
  if (!failed) {
    const targets = result.files.map((f) => {
      const file = outputFile(ctx.outDir, result.slug, f.path);
      if (!file) throw new Error(`output path outside out/${result.slug}/: ${f.path}`);
      return { file, data: f.data };
    });
    try {
      const prepared = await prepareFiles(targets);
      try {
        await writeJournal(ctx.outDir, { slug: result.slug, outputs: result.files.map((f) => f.record) }, journal);
      } catch (err) {
        await prepared.discard();
        throw err;
      }
      await prepared.commit();
    } catch (err) {
      throw writeError(err, path.join(ctx.outDir, result.slug));
    }
    // Outputs this source no longer produces (e.g. English now waits for a translator) are removed:
    // those it recorded, if they still hold what it wrote.
    const written = new Set(result.files.map((f) => f.path));
    removeOutputs(ctx.outDir, result.slug, (prev?.outputs ?? []).filter((o) => !written.has(o.path)));
  }
  const inputs: Record<string, string> = { ...(state?.inputs ?? {}) };
  for (const [k, v] of Object.entries(sharedInputs)) inputs[`shared:${k}`] = v;
  const snapshot = digestJson(glossary);
  const errors = result.diagnostics.filter((d) => d.fatal === true);
  const record: SourceRecord = {
    slug: result.slug,
    status: result.status,
    inputs,
    terms: result.terms,
    glossary: snapshot,
    needsTranslation: result.needsTranslation,
    dropped: result.dropped,
    // a failed source keeps its last good outputs, and what they were made of
    ...((failed ? prev?.draft : result.draft) ? { draft: failed ? prev!.draft! : result.draft! } : {}),
    // A failed source keeps its last good outputs on disk and in the manifest.
    outputs: failed ? prev?.outputs ?? [] : result.files.map((f) => f.record),
    facts: result.facts ?? prev?.facts ?? {},
    qa: { errors: errors.length, warnings: result.diagnostics.filter((d) => d.fatal === false).length },
    ...(errors[0] ? { failure: failureText(errors[0]) } : {}),
  };
  log.append(record, glossary);
  if (!failed) clearJournal(ctx.outDir, journal);
  if (log.records >= foldEvery(Object.keys(store.manifest.sources).length)) await foldLog(store, sharedInputs.tool, log);
}

/** Why a source failed, in one line: its first error's reason and rule (no file path: the page is shared). */
function failureText(d: Diagnostic): string {
  const rule = d.source && d.ruleId ? `${d.source}:${d.ruleId}` : d.ruleId ?? '';
  const at = d.line ? ` (line ${d.line})` : '';
  return `${d.reason}${at}${rule ? ` [${rule}]` : ''}`;
}

/**
 * Fold the record logs `which` picks into manifest.json and remove them, under the manifest lock (a
 * shard cannot start, and so cannot take up a log it finds, meanwhile: see lock.ts).
 */
async function foldLogs(store: ManifestStore, tool: string, outDir: string, which: (l: { name: string; running: boolean }) => boolean): Promise<void> {
  if (!recordLogs(outDir).some(which)) return;
  let folded: string[] = [];
  await updateManifest(
    store,
    tool,
    (m) => {
      folded = recordLogs(outDir)
        .filter(which)
        .map((l) => l.name);
      for (const name of folded) foldRecordLog(m, outDir, name, sanitizeRecord);
    },
    () => folded.forEach((name) => removeRecordLog(outDir, name)),
  );
}

/** Fold this build's log into manifest.json and remove it: the log starts again at its next record. */
async function foldLog(store: ManifestStore, tool: string, log: RecordLog): Promise<void> {
  await foldLogs(store, tool, log.outDir, (l) => l.name === log.name);
  log.restart();
}

/** Change the manifest on disk (merged with other shards' changes, under the manifest lock); write errors are the user's. */
async function updateManifest(store: ManifestStore, tool: string, change: (m: Manifest) => void, written?: () => void): Promise<void> {
  await store.update(
    (m) => {
      m.tool = tool;
      change(m);
    },
    (file, data) => {
      try {
        writeAtomicSync(file, data);
      } catch (err) {
        throw writeError(err, file);
      }
    },
    written,
  );
}

function toDiagnostic(err: unknown, file: string): Diagnostic {
  if (err instanceof UserError && err.diagnostics[0]) return err.diagnostics[0];
  const d = (err as { diagnostics?: Diagnostic[] })?.diagnostics;
  if (Array.isArray(d) && d[0]) return d[0];
  return diagnostic({ rule: 'build:failed', file, reason: err instanceof Error ? err.message : String(err) });
}
