// A build's record log (out/.briefs-records.jsonl, or out/.briefs-records.<i>-of-<n>.jsonl for a shard):
// the records of the sources it has built, one JSON line each, appended as each source completes.
// manifest.json was rewritten whole after every source, with an fsync: at 2,000 records (12 MB) that
// cost 25–190 ms of wall time per source on the main thread, which meanwhile handed no worker its next
// source, and shards sharing one out/ read the manifest again at every commit, since the others had
// written it (O(sources) per source). Now a commit appends one line to the build's own log; the log is
// folded into manifest.json under the manifest lock when it holds a tenth as many records as the
// manifest (foldEvery), and at the build's end, and then removed. The manifest as the tool reads it
// (readManifest) is manifest.json with every log found folded in, so a build that was killed loses
// nothing it recorded: the next build folds its log and removes it.
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Manifest, SourceRecord } from './manifest.js';
import { shardFiles } from './owned.js';

const LOG = /^\.briefs-records(?:\.(\d+)-of-(\d+))?\.jsonl$/;

/** The log of a build: of a shard, or of a build of the whole of out/. */
export function recordLogName(shard?: { index: number; count: number }): string {
  return shard ? `.briefs-records.${shard.index}-of-${shard.count}.jsonl` : '.briefs-records.jsonl';
}

/** Fewest records a log holds before a build folds it into manifest.json (and at its end in any case). */
export const FOLD_MIN = 64;

/**
 * How many records a log holds before it is folded into a manifest of `recorded` sources: a tenth of
 * them (at least FOLD_MIN), so a build of N sources writes manifest.json O(log N) times, not N.
 */
export function foldEvery(recorded: number): number {
  return Math.max(FOLD_MIN, Math.ceil(recorded / 10));
}

/**
 * A shard's log as it writes it. Lines are either a glossary snapshot (written once, before the first
 * record that points at it: the snapshot is the same for every source of a build, and large) or a record.
 * A line is written whole with one write and made durable (fsync) before `append` returns; a process
 * killed inside a write leaves a last line without its newline, which readers skip.
 */
export class RecordLog {
  private snapshots = new Set<string>();
  /** Records appended since the log was started (or folded and removed). */
  records = 0;

  constructor(
    readonly outDir: string,
    readonly name: string,
  ) {}

  append(record: SourceRecord, glossary: Record<string, string>): void {
    let text = '';
    if (!this.snapshots.has(record.glossary)) text += JSON.stringify({ glossary: record.glossary, entries: glossary }) + '\n';
    text += JSON.stringify({ record }) + '\n';
    const fd = openSync(path.join(this.outDir, this.name), 'a');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.snapshots.add(record.glossary);
    this.records++;
  }

  /** The log was folded into manifest.json and removed: the next record starts a new one. */
  restart(): void {
    this.snapshots.clear();
    this.records = 0;
  }
}

/** The logs in out/, by name (sorted), and whether the build that writes each is running (its lock is in out/). */
export function recordLogs(outDir: string): { name: string; running: boolean }[] {
  return shardFiles(outDir, LOG);
}

/**
 * Apply a log's records to a manifest, in the order they were written (a later line replaces an earlier
 * one of the same source). Lines that cannot be read (the torn end of a killed write) are skipped;
 * each record is checked like every record read from disk (`check`: see manifest.ts's readManifest).
 */
export function foldRecordLog(m: Manifest, outDir: string, name: string, check: (slug: string, rec: unknown) => SourceRecord | undefined): void {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, name), 'utf8');
  } catch {
    return;
  }
  const end = text.lastIndexOf('\n');
  for (const raw of text.slice(0, end + 1).split('\n')) {
    if (!raw) continue;
    let line: { record?: unknown; glossary?: unknown; entries?: unknown };
    try {
      line = JSON.parse(raw) as typeof line;
    } catch {
      continue;
    }
    if (!line || typeof line !== 'object') continue;
    if (typeof line.glossary === 'string' && /^[0-9a-f]{16,128}$/.test(line.glossary) && isStringMap(line.entries)) m.glossaries[line.glossary] = line.entries;
    const slug = (line.record as { slug?: unknown } | undefined)?.slug;
    const rec = typeof slug === 'string' ? check(slug, line.record) : undefined;
    if (rec) m.sources[slug as string] = rec;
  }
}

function isStringMap(v: unknown): v is Record<string, string> {
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === 'string');
}

/** Remove a log (after the manifest on disk holds its records). */
export function removeRecordLog(outDir: string, name: string): void {
  rmSync(path.join(outDir, name), { force: true });
}
