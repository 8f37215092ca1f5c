// Issue #16, point 7: a build of every source and a shard would write the same sources, so they exclude
// each other (each sees the other's lock), while the shards of one split still run at once. The lock's
// holder is another process here (its own pid, as a build on this host or a pod on a shared volume).
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, utimesSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireOutLock, lockPath, pidPath, type LockScope } from '../../pipeline/build/lock.js';
import { UserError } from '../../pipeline/diagnostics.js';
import { repo } from '../e2e/helpers.js';
import { briefsAsync, shardedProject } from './shard-project.js';

const lockModule = path.join(repo, 'dist', 'pipeline', 'build', 'lock.js');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Another process that takes the lock of `scope` in `out` and holds it until its stdin closes (or it is killed). */
async function holder(out: string, scope: LockScope): Promise<ChildProcess> {
  const script = `
    const { acquireOutLock } = await import(${JSON.stringify(lockModule)});
    const release = await acquireOutLock(${JSON.stringify(out)}, { waitMs: 0, ...${JSON.stringify(scope)} });
    process.stdout.write('held\\n');
    process.stdin.resume();
    process.stdin.on('end', async () => { await release(); process.exit(0); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => String(d).includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
  return child;
}

/** What acquiring this scope says: 'taken' (and released again), or the build:locked reason. */
async function attempt(out: string, scope: LockScope, waitMs = 0, onWait?: () => void): Promise<string> {
  try {
    const release = await acquireOutLock(out, { waitMs, onWait, ...scope });
    await release();
    return 'taken';
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    expect(err.diagnostics[0].ruleId).toBe('locked');
    return err.diagnostics[0].reason;
  }
}

const tmpOut = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'briefs-locks-')), 'out');
const shard = (index: number, count: number): LockScope => ({ shard: { index, count } });

describe('a build of every source and a shard in one out/', () => {
  it('a build of every source is refused while a shard works, naming the shard and its process', async () => {
    const out = tmpOut();
    const h = await holder(out, shard(2, 4));
    const why = await attempt(out, {});
    expect(why).toContain('shard 2/4');
    expect(why).toContain(`pid ${h.pid}`);
    expect(why).toContain(lockPath(out, shard(2, 4)));
    // the other shards of the same split still run beside it
    for (const i of [1, 3, 4]) expect(await attempt(out, shard(i, 4))).toBe('taken');
    // a shard of another split would write some of the same sources, and so would the same shard twice
    expect(await attempt(out, shard(1, 2))).toContain('shard 2/4');
    expect(await attempt(out, shard(2, 4))).toContain('shard 2/4');
  });

  it('a shard is refused while a build of every source works', async () => {
    const out = tmpOut();
    const h = await holder(out, {});
    for (const i of [1, 2]) {
      const why = await attempt(out, shard(i, 2));
      expect(why).toContain('a build of every source');
      expect(why).toContain(`pid ${h.pid}`);
    }
  });

  it('with --wait, the build of every source waits for the shard, then runs', async () => {
    const out = tmpOut();
    const h = await holder(out, shard(3, 4));
    let waited = false;
    const result = attempt(out, {}, 30_000, () => {
      waited = true;
      h.stdin!.end(); // the shard ends while the build waits
    });
    expect(await result).toBe('taken');
    expect(waited).toBe(true);
  });

  it('a shard killed on this host frees its lock at once; a holder on another host is never taken for dead', async () => {
    const out = tmpOut();
    const h = await holder(out, shard(1, 4));
    h.kill('SIGKILL');
    await new Promise((r) => h.once('exit', r));
    expect(await attempt(out, {})).toBe('taken');
    // a pod on a shared volume: its pid means nothing here, so only its lock's age can free it
    const lock = lockPath(out, shard(2, 4));
    mkdirSync(lock);
    writeFileSync(pidPath(out, shard(2, 4)), JSON.stringify({ pid: 999_999_999, host: 'another-pod', what: 'shard 2/4', since: '2026-01-01T00:00:00.000Z' }) + '\n');
    const why = await attempt(out, {});
    expect(why).toContain('shard 2/4');
    expect(why).toContain('on another-pod');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old); // not refreshed for a minute: its holder is gone
    expect(await attempt(out, {})).toBe('taken');
    expect(existsSync(lock)).toBe(true); // (not ours to remove: a shard of that split removes it, or takes it over)
  });
});

describe('the CLI', () => {
  it('`briefs build` while a shard works in out/: exit 1, build:locked naming the shard, nothing written, no stack trace', async () => {
    const { dir } = shardedProject(2, 1);
    const out = path.join(dir, 'out');
    const h = await holder(out, shard(1, 2));
    const r = await briefsAsync(dir, 'build', '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('build:locked');
    expect(r.stderr).toContain('shard 1/2');
    expect(r.stderr).toContain(`pid ${h.pid}`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
  }, 120_000);
});
