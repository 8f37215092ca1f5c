// One build writes an out/ folder at a time. The lock is proper-lockfile's: a lock directory whose mtime
// the holder refreshes, so a lock left by a killed process goes stale and is taken over.
import lockfile from 'proper-lockfile';
import { mkdirSync } from 'node:fs';
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

export async function acquireOutLock(outDir: string, opts: LockOptions): Promise<Release> {
  mkdirSync(outDir, { recursive: true });
  const deadline = Date.now() + opts.waitMs;
  let told = false;
  for (;;) {
    try {
      return await lockfile.lock(outDir, {
        lockfilePath: lockPath(outDir),
        stale: opts.staleMs ?? 10_000,
        update: Math.max(1000, Math.floor((opts.staleMs ?? 10_000) / 2)),
        realpath: false,
        retries: 0,
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
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
