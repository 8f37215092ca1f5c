// A shard's record log (out/.briefs-records.<i>-of-<n>.jsonl): the records of the sources a shard has
// built, one JSON line each, appended as each source completes. Shards sharing one out/ used to put
// every record straight into manifest.json, and since the other shards had written it meanwhile, each
// commit read the whole manifest again (O(sources) per source). Now a shard's commit touches only its own
// log; the shard folds the log into manifest.json once, at its end, under the manifest lock, and removes
// it. The manifest as the tool reads it (readManifest) is manifest.json with every log found folded in,
// so a shard that was killed loses nothing it recorded: the next build folds its log and removes it.
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Manifest, SourceRecord } from './manifest.js';
import { shardFiles } from './owned.js';

const LOG = /^\.briefs-records\.(\d+)-of-(\d+)\.jsonl$/;

/** The log of a shard. */
export function recordLogName(shard: { index: number; count: number }): string {
  return `.briefs-records.${shard.index}-of-${shard.count}.jsonl`;
}

/**
 * A shard's log as it writes it. Lines are either a glossary snapshot (written once, before the first
 * record that points at it: the snapshot is the same for every source of a build, and large) or a record.
 * A line is written whole with one write and made durable (fsync) before `append` returns; a process
 * killed inside a write leaves a last line without its newline, which readers skip.
 */
export class RecordLog {
  private snapshots = new Set<string>();

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
  }
}

/** The logs in out/, by name (sorted), and whether each shard is running (its lock is in out/). */
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
