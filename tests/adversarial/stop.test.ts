// Stopping a build: SIGTERM and SIGINT end a busy build promptly and leave out/ consistent; a build
// killed with SIGKILL while it replaces outputs is repaired by the next one; a full or read-only disk
// is a located error that loses nothing.
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { bin, briefs, hasStackTrace, repo } from '../e2e/helpers.js';
import { readManifest } from '../../pipeline/build/manifest.js';

const SEED = 'siis-2025-common-security';

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-stop-'));
  for (const d of ['sources', 'glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  return dir;
}

/** A long source made at test time: the seed report repeated to about `mb` megabytes. */
function bigSource(dir: string, slug: string, mb: number): void {
  const seed = readFileSync(path.join(repo, 'sources', SEED, 'source.txt'), 'utf8');
  mkdirSync(path.join(dir, 'sources', slug));
  writeFileSync(path.join(dir, 'sources', slug, 'source.txt'), seed.repeat(Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(seed))));
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex').slice(0, 32);

/**
 * Every recorded output holds what the manifest says; returns the mismatches. The manifest as the tool
 * reads it: manifest.json with the record log of a killed build folded in (build/record-log.ts).
 */
function mismatches(out: string): string[] {
  const m = readManifest(out, 'any');
  const bad: string[] = [];
  for (const rec of Object.values(m.sources) as { outputs: { path: string; digest: string }[] }[])
    for (const o of rec.outputs) {
      const f = path.join(out, o.path);
      if (!existsSync(f) || sha(readFileSync(f)) !== o.digest) bad.push(o.path);
    }
  return bad;
}

function temps(out: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (/\.tmp$|^\.briefs-tmp-/.test(e.name)) found.push(path.join(d, e.name));
    }
  };
  if (existsSync(out)) walk(out);
  return found;
}

describe.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('%s during a long source', (sig, code) => {
  it(`stops the build within 2 s with exit ${code}, out/ consistent, lock released, no temporaries`, async () => {
    const dir = project();
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
    bigSource(dir, 'huge', 12);
    const child = spawn(process.execPath, [bin, 'build', '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (c, s) => r({ code: c, signal: s })));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (/"event":"start","slug":"huge"/.test(stdout)) resolve();
      });
      child.on('exit', () => reject(new Error(`exited before starting the long source: ${stdout}\n${stderr}`)));
    });
    // well into the long source's job
    await new Promise((r) => setTimeout(r, 2500));
    expect(child.exitCode, 'the long source must still be building when the signal comes').toBeNull();
    child.kill(sig);
    const deadline = new Promise<'late'>((r) => setTimeout(() => r('late'), 2000).unref());
    const first = await Promise.race([exited, deadline]);
    if (first === 'late') child.kill('SIGKILL');
    expect(first).not.toBe('late');
    const { code: exitCode } = await exited;
    expect(exitCode).toBe(code);
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stdout + stderr).toContain('build:stopped');
    const out = path.join(dir, 'out');
    expect(mismatches(out)).toEqual([]);
    expect(temps(out)).toEqual([]);
    expect(existsSync(path.join(out, '.briefs-build.lock'))).toBe(false);
    expect(existsSync(path.join(out, 'huge'))).toBe(false);
    // the next build is not locked out, and finishes what is left once the long source is gone
    rmSync(path.join(dir, 'sources', 'huge'), { recursive: true });
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
  }, 120_000);
});

/** Slugs whose recorded outputs do not all hold what the manifest says. */
function mixedSlugs(out: string): string[] {
  return [...new Set(mismatches(out).map((p) => p.split('/')[0]))].sort();
}

function journaled(out: string): string[] {
  const f = path.join(out, '.briefs-journal.json');
  return existsSync(f) ? [JSON.parse(readFileSync(f, 'utf8')).slug] : [];
}

describe('SIGKILL while outputs are being replaced', () => {
  it('leaves at most the journaled source mixed, and the next build repairs it', async () => {
    const dir = project();
    cpSync(path.join(dir, 'sources', SEED), path.join(dir, 'sources', 'copy'), { recursive: true });
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
    const out = path.join(dir, 'out');
    for (const [k, delay] of [0, 40, 120].entries()) {
      // a change to the template changes every output of every source
      const t = path.join(dir, 'templates', 'report.md.hbs');
      writeFileSync(t, readFileSync(t, 'utf8').replace(/\n*$/, `\n\n<!-- build ${k} -->\n`));
      const child = spawn(process.execPath, [bin, 'build', '--json', '--workers', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
      // kill around the moment the first source's files are renamed into place
      await new Promise<void>((resolve) => {
        let buf = '';
        child.stdout.on('data', (d) => {
          buf += d;
          if (buf.includes('"event":"done"') || (delay && /"event":"start".*\n.*"event":"start"/s.test(buf))) {
            setTimeout(() => child.kill('SIGKILL'), buf.includes('"event":"done"') ? 0 : delay);
            resolve();
          }
        });
        child.on('exit', () => resolve());
      });
      await new Promise((r) => child.on('exit', r));
      for (const slug of mixedSlugs(out)) expect(journaled(out)).toContain(slug);
      const r = briefs(dir, ['build', '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      expect(mismatches(out)).toEqual([]);
      expect(temps(out)).toEqual([]);
      expect(journaled(out)).toEqual([]);
    }
  }, 240_000);

  it('a source left half-replaced (journal present) is rebuilt by the next build, though nothing changed', () => {
    const dir = project();
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
    const out = path.join(dir, 'out');
    const original = readFileSync(path.join(out, SEED, `${SEED}.zh-Hant.pdf`));
    // what a killed build leaves: one language already new (same size, other bytes), the journal naming it
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const rec = m.sources[SEED];
    const hant = rec.outputs.find((o: { path: string }) => o.path.endsWith('zh-Hant.pdf'));
    const newer = Buffer.from(original);
    newer[newer.length - 40] ^= 1;
    writeFileSync(path.join(out, hant.path), newer);
    const outputs = rec.outputs.map((o: { path: string; digest: string }) => (o === hant ? { ...o, digest: sha(newer) } : o));
    writeFileSync(path.join(out, '.briefs-journal.json'), JSON.stringify({ slug: SEED, outputs }));
    expect(mixedSlugs(out)).toEqual([SEED]);
    const r = briefs(dir, ['build', '--json']);
    expect(r.code).toBe(0);
    const started = r.stdout.split('\n').filter((l) => l.includes('"event":"start"')).map((l) => JSON.parse(l).slug);
    expect(started).toEqual([SEED]);
    expect(mismatches(out)).toEqual([]);
    expect(readFileSync(path.join(out, SEED, `${SEED}.zh-Hant.pdf`)).equals(original)).toBe(true);
    expect(journaled(out)).toEqual([]);
  });
});

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'briefs-mnt-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
})();

describe.skipIf(!canMount)('a full or read-only disk (tmpfs, needs root)', () => {
  it('a full disk (ENOSPC) during a build: a located error, exit 1, earlier outputs and the manifest intact', () => {
    const dir = project();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', out]).status).toBe(0);
    try {
      expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
      const before = Object.fromEntries(
        readdirSync(out, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !e.name.startsWith('.briefs-')) // the outputs and the manifest; caches may change
          .map((e) => [path.join(e.parentPath, e.name), sha(readFileSync(path.join(e.parentPath, e.name)))]),
      );
      // fill the disk, then free room for the lock and the caches but not for a source's new files
      const chunk = Buffer.alloc(64 * 1024, 1);
      const fillers: string[] = [];
      for (let k = 0; ; k++) {
        const f = path.join(out, `filler-${k}`);
        try {
          writeFileSync(f, chunk);
          fillers.push(f);
        } catch {
          rmSync(f, { force: true });
          break;
        }
      }
      for (const f of fillers.splice(-2)) rmSync(f);
      // a template change makes every output new
      const t = path.join(dir, 'templates', 'report.md.hbs');
      writeFileSync(t, readFileSync(t, 'utf8').replace(/\n*$/, '\n\n<!-- changed -->\n'));
      const r = briefs(dir, ['build', '--workers', '0']);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/no space left on the device \(ENOSPC\).*\[build:write-failed\]/);
      for (const [f, d] of Object.entries(before)) expect(sha(readFileSync(f)), f).toBe(d);
      expect(mismatches(out)).toEqual([]);
      expect(temps(out)).toEqual([]);
      expect(existsSync(path.join(out, '.briefs-build.lock'))).toBe(false);
    } finally {
      spawnSync('umount', [out]);
    }
  });

  it('a read-only --out: a clear error, exit 1', () => {
    const dir = project();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', out]).status).toBe(0);
    try {
      const r = briefs(dir, ['build']);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/read-only \(EROFS\).*\[build:write-failed\]/);
    } finally {
      spawnSync('umount', [out]);
    }
  });
});
