// One build writes a set of sources in an out/ folder at a time. A build of every source (or of named
// ones) holds out/.briefs-build.lock; a shard (--shard i/n) holds out/.briefs-build.<i>-of-<n>.lock, so
// the n shards of a CI matrix or an indexed job can share one out/ at once. What they share, the
// manifest, the caches and the preview page, each changes under a short lock of its own
// (out/.briefs-manifest.lock, see withManifestLock), held only while it is read, merged and written.
// The locks are proper-lockfile's: a lock directory whose mtime the holder refreshes, so a lock left
// by a killed process goes stale and is taken over.
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

/** Which sources a build writes: all (or the named ones), or one shard of them. */
export interface LockScope {
  shard?: { index: number; count: number };
}

export function lockPath(outDir: string, scope: LockScope = {}): string {
  return path.join(outDir, scope.shard ? `.briefs-build.${scope.shard.index}-of-${scope.shard.count}.lock` : '.briefs-build.lock');
}

export function pidPath(outDir: string, scope: LockScope = {}): string {
  return `${lockPath(outDir, scope)}.pid`;
}

export async function acquireOutLock(outDir: string, opts: LockOptions & LockScope): Promise<Release> {
  const lockPath_ = lockPath(outDir, opts);
  const pidPath_ = pidPath(outDir, opts);
  mkdirSync(outDir, { recursive: true });
  const deadline = Date.now() + opts.waitMs;
  let told = false;
  for (;;) {
    try {
      const release = await lockfile.lock(outDir, {
        lockfilePath: lockPath_,
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
        writeFileSync(pidPath_, `${process.pid}\n`);
      } catch (err) {
        // (a full disk): leave no lock behind that the next build would wait for
        await release();
        throw err;
      }
      return async () => {
        // a lock found compromised (its refresh came too late, onCompromised warned) is no longer ours to release
        await release().catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ERELEASED' && err.code !== 'ENOTACQUIRED') throw err;
        });
        rmSync(pidPath_, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      if (holderIsDead(pidPath_)) {
        rmSync(lockPath_, { recursive: true, force: true });
        rmSync(pidPath_, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new UserError(
          diagnostic({
            rule: 'build:locked',
            reason: `another build is writing ${opts.shard ? `shard ${opts.shard.index}/${opts.shard.count} of ` : ''}${outDir} (lock ${lockPath_}); try again when it ends, or pass --wait <seconds>`,
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

function holderIsDead(pidFile: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
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

export const MANIFEST_LOCK = '.briefs-manifest.lock';

/**
 * Run `fn` holding out/.briefs-manifest.lock: builds that share an out/ (shards) read, merge and write
 * the manifest, caches and preview page one at a time. It is held for milliseconds, so it is waited for
 * (up to `staleMs` and more: a holder that died leaves a lock that goes stale and is taken over).
 */
export async function withManifestLock<T>(outDir: string, fn: () => T, staleMs = 10_000): Promise<T> {
  mkdirSync(outDir, { recursive: true });
  // proper-lockfile keeps its locks by the file locked: the manifest, not out/ (which the build's lock holds)
  const release = await lockfile.lock(path.join(outDir, 'manifest.json'), {
    lockfilePath: path.join(outDir, MANIFEST_LOCK),
    stale: staleMs,
    update: Math.max(1000, Math.floor(staleMs / 2)),
    realpath: false,
    retries: { retries: 1000, factor: 1.2, minTimeout: 5, maxTimeout: 100 },
    // held only while fn runs, synchronously: nothing to refresh, nothing to lose
    onCompromised: () => {},
  });
  try {
    return fn();
  } finally {
    await release().catch(() => {});
  }
}
