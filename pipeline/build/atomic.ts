// Every output is written to a temporary file in the same directory, flushed to disk, and renamed into
// place: a build killed at any moment (even by SIGKILL) leaves each output either its old or its new
// complete version. Temporary files carry this tool's prefix (.briefs-tmp-<pid>-<n>-<name>); the next
// build sweeps only files with that prefix, whose process is gone, in the folders it writes to.
import { mkdirSync, openSync, writevSync, fsyncSync, closeSync, renameSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

export const TMP_PREFIX = '.briefs-tmp-';
const TMP_RE = /^\.briefs-tmp-(\d+)-\d+-.+$/;

export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `${TMP_PREFIX}${process.pid}-${++counter}-${path.basename(file)}`);
}

/** Write pieces one after another (a few hundred per system call), however much each call takes. */
function writeAll(fd: number, pieces: readonly Uint8Array[]): void {
  for (let i = 0; i < pieces.length; i += 256) {
    let batch = pieces.slice(i, i + 256);
    while (batch.length) {
      let n = writevSync(fd, batch);
      while (batch.length && n >= batch[0].byteLength) {
        n -= batch[0].byteLength;
        batch = batch.slice(1);
      }
      if (n && batch.length) batch = [batch[0].subarray(n), ...batch.slice(1)];
    }
  }
}

export function writeAtomicSync(file: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = tempNameFor(file);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeAll(fd, typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
  // make the rename itself durable
  try {
    const dfd = openSync(dir, 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    /* some file systems refuse fsync on directories */
  }
}

/** Make the renames into a directory durable; some file systems refuse fsync on directories. */
async function syncDir(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* not supported here */
  }
}

/** Write and flush a temporary file beside `file` (on the thread pool); returns its name. */
async function writeTemp(file: string, data: string | Uint8Array): Promise<string> {
  const tmp = tempNameFor(file);
  const fh = await open(tmp, 'w', 0o644);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  return tmp;
}

export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ file, data }]);
}

/** Files written to temporaries, flushed, not yet in place: `commit` renames them all, `discard` removes them. */
export interface PreparedFiles {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Several files written to temporaries concurrently on the thread pool and flushed. Nothing is in
 * place until `commit`, which renames them together (then syncs each directory once), so the files of
 * one source change together. If any write fails (a full disk), every temporary is removed and the
 * first error is thrown: the old files stay as they were.
 */
export async function prepareFiles(files: { file: string; data: string | Uint8Array }[]): Promise<PreparedFiles> {
  const dirs = [...new Set(files.map((f) => path.dirname(f.file)))];
  await Promise.all(dirs.map((d) => mkdir(d, { recursive: true })));
  const results = await Promise.allSettled(files.map((f) => writeTemp(f.file, f.data)));
  const temps = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const discard = async () => {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
  };
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await discard();
    throw failed.reason;
  }
  return {
    async commit() {
      for (let i = 0; i < files.length; i++) await rename(temps[i], files[i].file);
      await Promise.all(dirs.map(syncDir));
    },
    discard,
  };
}

/** Several files, each whole or as before: written to temporaries, then renamed together. */
export async function writeFilesAtomic(files: { file: string; data: string | Uint8Array }[]): Promise<void> {
  await (await prepareFiles(files)).commit();
}

export function removeIfExists(file: string): void {
  if (existsSync(file)) rmSync(file, { force: true, recursive: true });
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove this tool's temporary files left in these folders (not their subfolders) by processes that
 * are gone. `ownOnly`: also those of this process (after an interrupted build).
 */
export function sweepTemps(dirs: string[], opts: { ownToo?: boolean } = {}): number {
  let n = 0;
  for (const dir of dirs) {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isFile()) continue;
      const m = TMP_RE.exec(e.name);
      if (!m) continue;
      const pid = Number(m[1]);
      if ((opts.ownToo && pid === process.pid) || !alive(pid)) {
        rmSync(path.join(dir, e.name), { force: true });
        n++;
      }
    }
  }
  return n;
}
