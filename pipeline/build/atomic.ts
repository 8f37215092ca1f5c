// Every output is written to a temporary file in the same directory, flushed to disk, and renamed into
// place: a build killed at any moment (even by SIGKILL) leaves each output either its old or its new
// complete version. Temporary files are hidden (.name.pid.n.tmp) and swept by the next build.
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

const TMP_RE = /^\..+\.(\d+)\.\d+\.tmp$/;

export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++counter}.tmp`);
}

export function writeAtomicSync(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = tempNameFor(file);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.byteLength) off += writeSync(fd, buf, off, buf.byteLength - off);
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

/** writeAtomicSync without the directory's fsync, on the thread pool: the main thread goes on meanwhile. */
async function writeAndRename(file: string, data: string | Uint8Array): Promise<void> {
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
  await rename(tmp, file);
}

export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ file, data }]);
}

/**
 * Several files, each as writeAtomicSync writes it, written concurrently on the thread pool; each
 * directory is synced once, after its renames. If one fails, the others still finish (each is whole
 * or absent) before the first error is thrown.
 */
export async function writeFilesAtomic(files: { file: string; data: string | Uint8Array }[]): Promise<void> {
  const dirs = [...new Set(files.map((f) => path.dirname(f.file)))];
  await Promise.all(dirs.map((d) => mkdir(d, { recursive: true })));
  const results = await Promise.allSettled(files.map((f) => writeAndRename(f.file, f.data)));
  await Promise.all(dirs.map(syncDir));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
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

/** Remove temporary files left in `dir` (and its subfolders) by processes that are gone. */
export function sweepTemps(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) n += sweepTemps(full);
    else {
      const m = TMP_RE.exec(e.name);
      if (m && !alive(Number(m[1]))) {
        rmSync(full, { force: true });
        n++;
      }
    }
  }
  return n;
}
