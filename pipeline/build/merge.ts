// `briefs merge <dir>… --out DIR`: the out/ folders of shards built apart (a CI matrix's artifacts,
// an indexed job's volumes) made into one out/, as a build of every source on one machine would have
// written it: one manifest, the outputs, the caches, one preview page. Every output is checked against
// the digest its manifest records before anything is written; two folders that recorded different
// outputs for one source, or a file in --out that the tool did not write where an output must go,
// stop the merge with a clear error and nothing written.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { UserError, diagnostic, type Diagnostic } from '../diagnostics.js';
import { prepareFiles, writeAtomic, writeAtomicSync } from './atomic.js';
import { digest } from './digest.js';
import { writeIndexPage } from './index-page.js';
import { acquireOutLock } from './lock.js';
import { MANIFEST_NAME, ManifestStore, serializeManifest, type Manifest, type SourceRecord } from './manifest.js';
import { checkOutDir, realPathOf, writeError } from './out-dir.js';
import { outputFile, removeEmptyDir, removeOutputs, sanitizeRecord } from './owned.js';
import { BOUNDARIES_CACHE, GLOSSARY_CACHE, ROMANIZED_CACHE, TEMPLATES_CACHE } from './inputs.js';

export interface MergeSummary {
  sources: number;
  written: number;
  unchanged: number;
}

interface Input {
  dir: string;
  manifest: Manifest;
}

const fail = (ds: Diagnostic[]): never => {
  throw new UserError(ds);
};

/** A shard's manifest, read strictly: a folder without one, or with one that cannot be read, is an error. */
function readInput(dir: string): Input {
  const file = path.join(dir, MANIFEST_NAME);
  if (!existsSync(dir) || !lstatSync(dir).isDirectory())
    fail([diagnostic({ rule: 'merge:not-a-folder', file: dir, reason: `${dir} is not a folder of build outputs` })]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'has no manifest.json: it is not the --out of a `briefs build`' : `its manifest.json cannot be read (${(err as Error).message})`;
    fail([diagnostic({ rule: 'merge:no-manifest', file, reason: `${dir} ${why}` })]);
  }
  const m = raw as Manifest;
  if (!m || typeof m !== 'object' || m.version !== 1 || !m.sources || typeof m.sources !== 'object')
    fail([diagnostic({ rule: 'merge:no-manifest', file, reason: `${file} is not a manifest this version of briefs reads` })]);
  const sources: Record<string, SourceRecord> = {};
  for (const [slug, rec] of Object.entries(m.sources)) {
    const ok = sanitizeRecord(slug, rec);
    if (!ok) fail([diagnostic({ rule: 'merge:bad-record', file, reason: `${file}: the record of "${slug}" is not valid (a slug or output path outside the folder)` })]);
    else sources[slug] = ok;
  }
  return { dir, manifest: { version: m.version, tool: String(m.tool), glossaries: m.glossaries ?? {}, sources } };
}

/** Every output a record lists, checked on disk against its digest: the list of problems (empty if all hold). */
function checkOutputs(input: Input, rec: SourceRecord): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const o of rec.outputs) {
    const full = outputFile(input.dir, rec.slug, o.path)!;
    let data: Buffer | undefined;
    try {
      data = lstatSync(full).isFile() ? readFileSync(full) : undefined;
    } catch {
      data = undefined;
    }
    if (!data) problems.push(diagnostic({ rule: 'merge:missing-output', file: full, reason: `${full} is listed in ${path.join(input.dir, MANIFEST_NAME)} but missing` }));
    else if (digest(data) !== o.digest)
      problems.push(diagnostic({ rule: 'merge:digest-mismatch', file: full, reason: `${full} does not hold what its manifest records (digest ${digest(data).slice(0, 12)}…, recorded ${o.digest.slice(0, 12)}…): it was changed after the build` }));
  }
  return problems;
}

/** What makes two records of one source the same build: everything but where they were written. */
function sameBuild(a: SourceRecord, b: SourceRecord): boolean {
  return serializeManifest({ version: 1, tool: '', glossaries: {}, sources: { x: { ...a, slug: 'x' } } }) === serializeManifest({ version: 1, tool: '', glossaries: {}, sources: { x: { ...b, slug: 'x' } } });
}

function conflictReason(slug: string, a: Input, b: Input): string {
  const ra = a.manifest.sources[slug];
  const rb = b.manifest.sources[slug];
  const da = new Map(ra.outputs.map((o) => [o.path, o.digest]));
  const db = new Map(rb.outputs.map((o) => [o.path, o.digest]));
  const differ = [...new Set([...da.keys(), ...db.keys()])].filter((p) => da.get(p) !== db.get(p)).sort();
  const what = differ.length ? `different ${differ.slice(0, 4).join(', ')}${differ.length > 4 ? ` and ${differ.length - 4} more` : ''}` : 'different records (inputs or status)';
  return `"${slug}" was built in both ${a.dir} and ${b.dir}, with ${what}: build it in one shard only (the same --shard n everywhere), or rebuild one of them`;
}

export async function mergeOutputs(ctx: Pick<Context, 'outDir' | 'sourcesDir' | 'glossaryDir' | 'templatesDir'>, dirs: string[]): Promise<MergeSummary> {
  const outDir = ctx.outDir;
  const out = realPathOf(outDir);
  for (const d of dirs)
    if (realPathOf(d) === out) fail([diagnostic({ rule: 'merge:out-is-input', file: d, reason: `--out ${outDir} is also one of the folders to merge; merge into a new folder` })]);
  const inputs = dirs.map(readInput);

  // one tool: records of another version of briefs would not be what this merge says they are
  const tools = [...new Set(inputs.map((i) => i.manifest.tool))];
  if (tools.length > 1)
    fail([diagnostic({ rule: 'merge:tool-mismatch', reason: `the folders were built by different versions of briefs (${inputs.map((i) => `${i.dir}: ${i.manifest.tool.slice(0, 12)}`).join(', ')}); build every shard with the same install` })]);

  // each source from one folder; the same source in two must be the same build; every digest must hold
  const chosen = new Map<string, Input>();
  const problems: Diagnostic[] = [];
  for (const input of inputs) {
    for (const slug of Object.keys(input.manifest.sources).sort()) {
      const first = chosen.get(slug);
      problems.push(...checkOutputs(input, input.manifest.sources[slug]));
      if (!first) chosen.set(slug, input);
      else if (!sameBuild(first.manifest.sources[slug], input.manifest.sources[slug]))
        problems.push(diagnostic({ rule: 'merge:conflict', file: path.join(input.dir, slug), reason: conflictReason(slug, first, input) }));
    }
  }
  if (problems.length) fail(problems);

  checkOutDir(ctx);
  let release: () => Promise<void>;
  try {
    release = await acquireOutLock(outDir, { waitMs: 0 });
  } catch (err) {
    throw writeError(err, outDir);
  }
  try {
    const tool = tools[0] ?? '';
    const store = ManifestStore.open(outDir, tool);
    const before = store.manifest;
    // nothing is written over a file the tool did not write (a user's, or an output changed by hand)
    const refused: Diagnostic[] = [];
    for (const [slug, input] of chosen) {
      const owned = new Map((before.sources[slug]?.outputs ?? []).map((o) => [o.path, o.digest]));
      for (const o of input.manifest.sources[slug].outputs) {
        const target = outputFile(outDir, slug, o.path)!;
        const have = fileDigest(target);
        if (have !== undefined && have !== o.digest && have !== owned.get(o.path))
          refused.push(diagnostic({ rule: 'merge:would-overwrite', file: target, reason: `${target} exists and was not written by briefs (or was changed since): move it away, then merge again` }));
      }
    }
    if (refused.length) fail(refused);

    const summary: MergeSummary = { sources: chosen.size, written: 0, unchanged: 0 };
    const records: Record<string, SourceRecord> = {};
    const glossaries: Manifest['glossaries'] = {};
    for (const [slug, input] of [...chosen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const rec = input.manifest.sources[slug];
      const files = rec.outputs
        .map((o) => ({ file: outputFile(outDir, slug, o.path)!, from: outputFile(input.dir, slug, o.path)!, digest: o.digest }))
        .filter((f) => fileDigest(f.file) !== f.digest);
      summary.unchanged += rec.outputs.length - files.length;
      summary.written += files.length;
      try {
        if (files.length) await (await prepareFiles(files.map((f) => ({ file: f.file, data: readFileSync(f.from) })))).commit();
      } catch (err) {
        throw writeError(err, path.join(outDir, slug));
      }
      // what this source had in --out before and no longer has: removed if it still holds what was written
      const now = new Set(rec.outputs.map((o) => o.path));
      removeOutputs(outDir, slug, (before.sources[slug]?.outputs ?? []).filter((o) => !now.has(o.path)));
      records[slug] = rec;
      const g = input.manifest.glossaries[rec.glossary];
      if (g) glossaries[rec.glossary] = g;
    }
    await mergeCaches(inputs.map((i) => i.dir), outDir);
    await store.update(
      (m) => {
        m.tool = tool;
        Object.assign(m.sources, records);
        Object.assign(m.glossaries, glossaries);
        const why = writeIndexPage(outDir, m);
        if (why) process.stderr.write(`briefs: warning: ${why}\n`);
      },
      (file, data) => {
        try {
          writeAtomicSync(file, data);
        } catch (err) {
          throw writeError(err, file);
        }
      },
    );
    for (const slug of chosen.keys()) removeEmptyDir(outDir, slug);
    return summary;
  } finally {
    await release();
  }
}

function fileDigest(file: string): string | undefined {
  try {
    return lstatSync(file).isFile() ? digest(readFileSync(file)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The caches each shard kept (see build/inputs.ts): the maps (romanizations, word boundaries) are
 * joined where every folder kept them under one key; the others are taken where every folder that has one holds the
 * same. A cache that does not agree is left out (a cache is an optimisation, the next build makes it).
 */
async function mergeCaches(dirs: string[], outDir: string): Promise<void> {
  const read = (file: string): { key: unknown; value: unknown } | undefined => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as { key: unknown; value: unknown };
    } catch {
      return undefined;
    }
  };
  for (const name of [ROMANIZED_CACHE, BOUNDARIES_CACHE]) {
    const kept = dirs.map((d) => read(path.join(d, name))).filter((c): c is { key: unknown; value: unknown } => Boolean(c));
    if (!kept.length || new Set(kept.map((c) => JSON.stringify(c.key))).size !== 1) continue;
    if (!kept.every((c) => c.value && typeof c.value === 'object')) continue;
    const dest = read(path.join(outDir, name));
    const all: Record<string, unknown> = {};
    for (const c of [...(dest && JSON.stringify(dest.key) === JSON.stringify(kept[0].key) ? [dest] : []), ...kept]) Object.assign(all, c.value);
    const value = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
    await writeAtomic(path.join(outDir, name), JSON.stringify({ key: kept[0].key, value }));
  }
  for (const name of [GLOSSARY_CACHE, TEMPLATES_CACHE]) {
    // (a shard with nothing to build may not have made one)
    const texts = dirs.flatMap((d) => {
      try {
        return [readFileSync(path.join(d, name))];
      } catch {
        return [];
      }
    });
    if (!texts.length || new Set(texts.map((t) => digest(t))).size !== 1) continue;
    await writeAtomic(path.join(outDir, name), texts[0]);
  }
}
