// What the tool may delete: only outputs it wrote and recorded in out/manifest.json, inside --out, and
// only while their content is still what it wrote (the recorded digest). Anything else in out/ (a
// user's file, an output edited by hand, a folder that happens to share a slug's name) is left alone.
//
// The journal (out/.briefs-journal.json) makes a source's outputs change together: it names the source
// and its new outputs before they are renamed into place, and is removed once the manifest records them.
// A journal found at start means a build was killed in between: that source is rebuilt.
import { lstatSync, readFileSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { digest } from './digest.js';
import { writeAtomic } from './atomic.js';
import { lockPath } from './lock.js';
import { isInside, isValidSlug } from './sources.js';
import type { Manifest, OutputRecord, SourceRecord } from './manifest.js';

export const JOURNAL_NAME = '.briefs-journal.json';

/** The journal of a build: each shard has its own (shards of one out/ run at once, see lock.ts). */
export function journalName(shard?: { index: number; count: number }): string {
  return shard ? `.briefs-journal.${shard.index}-of-${shard.count}.json` : JOURNAL_NAME;
}

/** An output path as the manifest may record it: `<slug>/<file name>`, nothing else. */
export function isValidOutputPath(slug: string, rel: unknown): rel is string {
  if (typeof rel !== 'string') return false;
  const parts = rel.split('/');
  return parts.length === 2 && parts[0] === slug && isValidSlug(parts[1]);
}

/** The absolute path of a recorded output, or undefined if it would not lie inside out/<slug>/. */
export function outputFile(outDir: string, slug: string, rel: string): string | undefined {
  if (!isValidSlug(slug) || !isValidOutputPath(slug, rel)) return undefined;
  const full = path.resolve(outDir, rel);
  return isInside(path.join(path.resolve(outDir), slug), full) ? full : undefined;
}

/** Whether the file at `full` is a regular file whose content has this digest. */
function holds(full: string, expected: string): boolean {
  try {
    if (!lstatSync(full).isFile()) return false;
    return digest(readFileSync(full)) === expected;
  } catch {
    return false;
  }
}

/**
 * Delete these recorded outputs of a source, each only if it still holds what the build wrote.
 * Returns the files kept because they changed since (or are not regular files).
 */
export function removeOutputs(outDir: string, slug: string, outputs: OutputRecord[]): string[] {
  const kept: string[] = [];
  for (const o of outputs) {
    const full = outputFile(outDir, slug, o.path);
    if (!full) continue;
    let exists = true;
    try {
      lstatSync(full);
    } catch {
      exists = false;
    }
    if (!exists) continue;
    if (holds(full, o.digest)) rmSync(full, { force: true });
    else kept.push(o.path);
  }
  return kept;
}

/** Remove out/<slug>/ if it is empty (never anything in it). */
export function removeEmptyDir(outDir: string, slug: string): void {
  if (!isValidSlug(slug)) return;
  const dir = path.join(outDir, slug);
  try {
    if (lstatSync(dir).isDirectory() && readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    /* gone already, or not ours */
  }
}

/** A source record read back from disk, with everything that could lead outside out/<slug>/ dropped; undefined if unusable. */
export function sanitizeRecord(key: string, rec: unknown): SourceRecord | undefined {
  if (!rec || typeof rec !== 'object') return undefined;
  const r = rec as SourceRecord;
  if (!isValidSlug(key) || r.slug !== key) return undefined;
  const outputs = Array.isArray(r.outputs)
    ? r.outputs.filter((o) => o && typeof o === 'object' && isValidOutputPath(key, o.path) && typeof o.digest === 'string')
    : [];
  return {
    ...r,
    inputs: r.inputs && typeof r.inputs === 'object' ? r.inputs : {},
    terms: Array.isArray(r.terms) ? r.terms : [],
    dropped: Array.isArray(r.dropped) ? r.dropped : [],
    outputs,
  };
}

export interface Journal {
  slug: string;
  outputs: OutputRecord[];
}

/**
 * Journals of shards that are not running (no lock of theirs in out/): left by a shard that was killed,
 * for a build of every source to repair (a running shard repairs its own at start).
 */
export function orphanShardJournals(outDir: string): string[] {
  return shardFiles(outDir, /^\.briefs-journal\.(\d+)-of-(\d+)\.json$/)
    .filter((f) => !f.running)
    .map((f) => f.name);
}

/**
 * The files in out/ whose names match `re` (the shard's i and n as its groups; none for a build of the
 * whole of out/), sorted, and whether the build that writes each is running (its lock is in out/).
 */
export function shardFiles(outDir: string, re: RegExp): { name: string; running: boolean }[] {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, m: re.exec(name) }))
    .filter((f): f is { name: string; m: RegExpExecArray } => f.m !== null)
    .map(({ name, m }) => ({ name, running: names.includes(path.basename(lockPath(outDir, m[1] ? { shard: { index: Number(m[1]), count: Number(m[2]) } } : {}))) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function writeJournal(outDir: string, j: Journal, name = JOURNAL_NAME): Promise<void> {
  await writeAtomic(path.join(outDir, name), JSON.stringify(j) + '\n');
}

export function clearJournal(outDir: string, name = JOURNAL_NAME): void {
  rmSync(path.join(outDir, name), { force: true });
}

/**
 * After a build killed while it replaced a source's outputs: the source named in the journal may hold
 * old and new files at once. Its record then lists every file that holds either version (so a later
 * build may still delete them) and is marked interrupted, which makes the plan rebuild it.
 * Returns the slug repaired, if any.
 */
export function recoverJournal(outDir: string, manifest: Manifest, name = JOURNAL_NAME): string | undefined {
  let j: Journal;
  try {
    j = JSON.parse(readFileSync(path.join(outDir, name), 'utf8')) as Journal;
  } catch {
    return undefined;
  }
  if (!j || !isValidSlug(j.slug) || !Array.isArray(j.outputs)) return undefined;
  const prev = manifest.sources[j.slug];
  const candidates = [...(prev?.outputs ?? []), ...j.outputs.filter((o) => o && isValidOutputPath(j.slug, o.path) && typeof o.digest === 'string')];
  const outputs = new Map<string, OutputRecord>();
  for (const o of candidates) {
    const full = outputFile(outDir, j.slug, o.path);
    if (full && holds(full, o.digest)) outputs.set(o.path, o);
  }
  manifest.sources[j.slug] = {
    slug: j.slug,
    status: 'failed',
    inputs: {},
    terms: prev?.terms ?? [],
    glossary: prev?.glossary ?? '',
    needsTranslation: 0,
    dropped: [],
    outputs: [...outputs.values()],
    interrupted: true,
  };
  return j.slug;
}

/** Slugs among these whose recorded outputs are missing or not the size recorded (edited, half-replaced). */
export function damagedOutputs(outDir: string, records: SourceRecord[]): Set<string> {
  const damaged = new Set<string>();
  for (const rec of records) {
    if (rec.status === 'failed') continue;
    for (const o of rec.outputs) {
      const full = outputFile(outDir, rec.slug, o.path);
      let size = -1;
      try {
        const st = lstatSync(full ?? '');
        size = st.isFile() ? st.size : -1;
      } catch {
        size = -1;
      }
      if (size !== o.bytes) {
        damaged.add(rec.slug);
        break;
      }
    }
  }
  return damaged;
}
