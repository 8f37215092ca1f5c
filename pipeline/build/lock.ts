// One build writes a set of sources in an out/ folder at a time. A build of every source (or of named
// ones, or a merge) holds out/.briefs-build.lock; a shard (--shard i/n) holds
// out/.briefs-build.<i>-of-<n>.lock, so the n shards of a CI matrix or an indexed job can share one out/
// at once. The two kinds exclude each other, since they would write the same sources: a build of every
// source waits for (or refuses, `build:locked`) any shard at work in out/, and a shard any such build, or
// a shard of another split (2/4 and 1/2 share sources). A build looks at the others' locks and takes its
// own under out/.briefs-manifest.lock, so two builds starting together cannot both miss each other.
// What shards share, the manifest, the caches and the preview page, each changes under that short lock
// too (see withManifestLock), held only while it is read, merged and written.
// The locks are proper-lockfile's: a lock directory whose mtime the holder refreshes, so a lock left
// by a killed process goes stale and is taken over. Beside each lock, <lock>.pid says who holds it (pid,
// host, what, since when): a holder on this host that has died frees it at once, and `build:locked` names it.
import lockfile from 'proper-lockfile';
import { mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
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

const BUILD_LOCK = '.briefs-build.lock';
const SHARD_LOCK = /^\.briefs-build\.(\d+)-of-(\d+)\.lock$/;

export function lockPath(outDir: string, scope: LockScope = {}): string {
  return path.join(outDir, scope.shard ? `.briefs-build.${scope.shard.index}-of-${scope.shard.count}.lock` : BUILD_LOCK);
}

export function pidPath(outDir: string, scope: LockScope = {}): string {
  return `${lockPath(outDir, scope)}.pid`;
}

/** Who holds a lock, as its .pid file says. */
export interface Holder {
  pid: number;
  host?: string;
  /** "a build of every source" or "shard i/n". */
  what?: string;
  /** ISO time the lock was taken. */
  since?: string;
}

function describeScope(scope: LockScope): string {
  return scope.shard ? `shard ${scope.shard.index}/${scope.shard.count}` : 'a build of every source (or of named ones, or a merge)';
}

export async function acquireOutLock(outDir: string, opts: LockOptions & LockScope): Promise<Release> {
  const lockPath_ = lockPath(outDir, opts);
  const pidPath_ = pidPath(outDir, opts);
  const stale = opts.staleMs ?? 10_000;
  mkdirSync(outDir, { recursive: true });
  const deadline = Date.now() + opts.waitMs;
  let told = false;
  for (;;) {
    // look at the other builds' locks and take ours in one step (no other build takes or looks meanwhile)
    const taken = await withManifestLock(outDir, async () => {
      for (;;) {
        const other = conflicting(outDir, opts, stale);
        let found = other;
        if (!other) {
          try {
            return await lockfile.lock(outDir, {
              lockfilePath: lockPath_,
              stale,
              update: Math.max(1000, Math.floor(stale / 2)),
              realpath: false,
              retries: 0,
              // The lock was taken over (its refresh failed for longer than `stale`): say so instead of crashing.
              onCompromised: (err) => process.stderr.write(`briefs: warning: the out/ lock was compromised (${err.message}); another build may be writing too\n`),
            });
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
            found = { lock: lockPath_, holder: readHolder(pidPath_), scope: describeScope(opts) };
          }
        }
        // a holder on this host that has died (a killed build) frees its lock at once
        if (!found!.holder || !holderIsDead(found!.holder)) return found!;
        rmSync(found!.lock, { recursive: true, force: true });
        rmSync(`${found!.lock}.pid`, { force: true });
      }
    });
    if (typeof taken === 'function') {
      const release = taken;
      // Who holds it, beside the lock (inside it, the write would change the mtime proper-lockfile
      // watches): a lock whose holder has died (killed build) is stale at once, not after `stale` ms.
      try {
        const holder: Holder = { pid: process.pid, host: os.hostname(), what: describeScope(opts), since: new Date().toISOString() };
        writeFileSync(pidPath_, JSON.stringify(holder) + '\n');
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
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        diagnostic({
          rule: 'build:locked',
          reason: `another build is writing ${outDir}: ${taken.scope}${holderText(taken.holder)} (lock ${taken.lock}); ${describeScope(opts)} would write some of the same sources. Try again when it ends, or pass --wait <seconds>`,
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

/**
 * The lock of a running build in out/ that would write some of this scope's sources, if any: a build of
 * every source conflicts with every shard and a shard with such a build or a shard of another split.
 * (The same scope's own lock is found by taking it.) A lock not refreshed for `stale` ms is left out.
 */
function conflicting(outDir: string, scope: LockScope, stale: number): { lock: string; holder?: Holder; scope: string } | undefined {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return undefined;
  }
  for (const name of names.sort()) {
    const m = SHARD_LOCK.exec(name);
    const isFull = name === BUILD_LOCK;
    if (!m && !isFull) continue;
    const theirs: LockScope = m ? { shard: { index: Number(m[1]), count: Number(m[2]) } } : {};
    if (!scope.shard && isFull) continue; // our own kind: taking the lock decides
    if (scope.shard && theirs.shard && theirs.shard.count === scope.shard.count) continue; // the same split: disjoint, or ours
    const lock = path.join(outDir, name);
    if (isStale(lock, stale)) continue;
    return { lock, holder: readHolder(`${lock}.pid`), scope: describeScope(theirs) };
  }
  return undefined;
}

function isStale(lock: string, stale: number): boolean {
  try {
    return statSync(lock).mtimeMs < Date.now() - stale;
  } catch {
    return true; // gone
  }
}

/** The .pid file beside a lock: JSON (Holder), or a bare pid as older versions wrote it. */
function readHolder(pidFile: string): Holder | undefined {
  let text: string;
  try {
    text = readFileSync(pidFile, 'utf8').trim();
  } catch {
    return undefined; // no pid yet: the holder is between taking the lock and writing it
  }
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const h = JSON.parse(text) as Holder;
    return h && Number.isInteger(h.pid) && h.pid > 0 ? h : undefined;
  } catch {
    return undefined;
  }
}

function holderText(h: Holder | undefined): string {
  if (!h) return '';
  const where = h.host && h.host !== os.hostname() ? ` on ${h.host}` : '';
  return `, pid ${h.pid}${where}${h.since ? `, since ${h.since}` : ''}`;
}

/** Only a holder on this host can be seen to have died (a shared volume's other pods have their own pids). */
function holderIsDead(h: Holder): boolean {
  if (h.host !== undefined && h.host !== os.hostname()) return false;
  if (h.pid === process.pid) return false;
  try {
    process.kill(h.pid, 0);
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
export async function withManifestLock<T>(outDir: string, fn: () => T | Promise<T>, staleMs = 10_000): Promise<T> {
  mkdirSync(outDir, { recursive: true });
  // proper-lockfile keeps its locks by the file locked: the manifest, not out/ (which the build's lock holds).
  // Only a held lock is waited for: its own retries would also retry a read-only or full disk (EROFS,
  // ENOSPC) for a minute and more before saying so.
  let release: () => Promise<void>;
  for (let attempt = 0, delay = 5; ; attempt++, delay = Math.min(100, delay * 1.2)) {
    try {
      release = await lockfile.lock(path.join(outDir, 'manifest.json'), {
        lockfilePath: path.join(outDir, MANIFEST_LOCK),
        stale: staleMs,
        update: Math.max(1000, Math.floor(staleMs / 2)),
        realpath: false,
        retries: 0,
        // held only while fn runs, for milliseconds: nothing to refresh, nothing to lose
        onCompromised: () => {},
      });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED' || attempt >= 1000) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => {});
  }
}
