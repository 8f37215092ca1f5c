// One build writes an out/ folder at a time. The lock is proper-lockfile's: a lock directory whose mtime
// the holder refreshes, so a lock left by a killed process goes stale and is taken over.
import lockfile from 'proper-lockfile';
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UserError, diagnostic } from '../diagnostics.js';

export interface LockOptions {
  /** How long to wait for another build, in ms; 0 = fail at once. */
  waitMs: number;
  /** Called once when we start waiting. */
  onWait?: () => void;
  /** A lock not refreshed for this long is stale (ms). */
  staleMs?: number;
}

export type Release = () => Promise<void>;

export function lockPath(outDir: string): string {
  return path.join(outDir, '.briefs-build.lock');
}

export function pidPath(outDir: string): string {
  return `${lockPath(outDir)}.pid`;
}

export async function acquireOutLock(outDir: string, opts: LockOptions): Promise<Release> {
  mkdirSync(outDir, { recursive: true });
  const deadline = Date.now() + opts.waitMs;
  let told = false;
  for (;;) {
    try {
      const release = await lockfile.lock(outDir, {
        lockfilePath: lockPath(outDir),
        stale: opts.staleMs ?? 10_000,
        update: Math.max(1000, Math.floor((opts.staleMs ?? 10_000) / 2)),
        realpath: false,
        retries: 0,
        // The lock was taken over (its refresh failed for longer than `stale`): say so instead of crashing.
        onCompromised: (err) => process.stderr.write(`briefs: warning: the out/ lock was compromised (${err.message}); another build may be writing too\n`),
      });
      // Who holds it, beside the lock (inside it, the write would change the mtime proper-lockfile
      // watches): a lock whose holder has died (killed build) is stale at once, not after `stale` ms.
      try {
        writeFileSync(pidPath(outDir), `${process.pid}\n`);
      } catch (err) {
        // (a full disk): leave no lock behind that the next build would wait for
        await release();
        throw err;
      }
      return async () => {
        await release();
        rmSync(pidPath(outDir), { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      if (holderIsDead(outDir)) {
        rmSync(lockPath(outDir), { recursive: true, force: true });
        rmSync(pidPath(outDir), { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new UserError(
          diagnostic({
            rule: 'build:locked',
            reason: `another build is writing ${outDir} (lock ${lockPath(outDir)}); try again when it ends, or pass --wait <seconds>`,
          }),
        );
      }
      if (!told) {
        opts.onWait?.();
        told = true;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function holderIsDead(outDir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(pidPath(outDir), 'utf8').trim());
  } catch {
    return false; // no pid yet: the holder is between taking the lock and writing it
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
