// The build deletes only what it wrote: the commands of issue #13 that used to delete a user's own
// files, run on temporary projects, and the refusals that now stop them before anything is touched.
import { describe, it, expect } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync, symlinkSync, statSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { briefs, hasStackTrace, repo, events } from '../e2e/helpers.js';

/** A project laid out as the README says: sources/, glossary/, templates/ (copies of the repo's). */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-loss-'));
  for (const d of ['sources', 'glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  return dir;
}

/** Every file under a folder with a digest of its content: what must survive. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

const SEED = 'siis-2025-common-security';

describe('--out must be a folder of its own', () => {
  it.each([
    ['the sources folder', 'sources', 'build:unsafe-out'],
    ['the project root (it contains sources/ and glossary/)', '.', 'build:unsafe-out'],
    ['a folder inside sources/', 'sources/out', 'build:unsafe-out'],
    ['the glossary folder', 'glossary', 'build:unsafe-out'],
    ['a folder inside templates/', 'templates/x', 'build:unsafe-out'],
    ['the root of the file system', '/', 'build:unsafe-out'],
  ])('refuses --out at %s, touching nothing', (_what, out, rule) => {
    const dir = project();
    const before = snapshot(dir);
    const r = briefs(dir, ['build', '--out', out, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(rule);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses --out naming a file', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'afile'), 'mine\n');
    const r = briefs(dir, ['build', '--out', 'afile']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/afile is a file, not a folder.*\[build:out-not-a-folder\]/);
    expect(readFileSync(path.join(dir, 'afile'), 'utf8')).toBe('mine\n');
  });

  it('refuses an --out that is a symbolic link to the sources folder', () => {
    const dir = project();
    symlinkSync(path.join(dir, 'sources'), path.join(dir, 'link'));
    const before = snapshot(path.join(dir, 'sources'));
    const r = briefs(dir, ['build', '--out', 'link']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('build:unsafe-out');
    expect(snapshot(path.join(dir, 'sources'))).toEqual(before);
  });
});

describe('a build deletes only outputs it recorded, unchanged since', () => {
  it('keeps a file of the user in out/<slug>/ through forced and incremental rebuilds', () => {
    const dir = project();
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
    const mine = path.join(dir, 'out', SEED, 'my-notes.md');
    writeFileSync(mine, '# notes\n');
    expect(briefs(dir, ['build', '--force', '--quiet']).code).toBe(0);
    expect(readFileSync(mine, 'utf8')).toBe('# notes\n');
  });

  it('a source named like a folder in --out: the folder\'s own files survive (glossary/*.yaml)', () => {
    // the layout of the report: --out is a folder that holds a user folder named like a source
    const dir = project();
    const out = path.join(dir, 'site');
    cpSync(path.join(dir, 'glossary'), path.join(out, 'glossary'), { recursive: true });
    const before = snapshot(path.join(out, 'glossary'));
    cpSync(path.join(dir, 'sources', SEED), path.join(dir, 'sources', 'glossary'), { recursive: true });
    expect(briefs(dir, ['build', '--out', 'site', '--quiet']).code).toBe(0);
    // the brief's files were added; every file that was there is still there, unchanged
    const after = snapshot(path.join(out, 'glossary'));
    for (const [f, d] of Object.entries(before)) expect(after[f], f).toBe(d);
    expect(existsSync(path.join(out, 'glossary', 'glossary.zh-Hans.pdf'))).toBe(true);
    // the source goes away: its outputs go, the user's files stay
    rmSync(path.join(dir, 'sources', 'glossary'), { recursive: true });
    const r = briefs(dir, ['build', '--out', 'site', '--json']);
    expect(r.code).toBe(0);
    expect(events(r.stdout).some((e) => e.event === 'removed' && e.slug === 'glossary')).toBe(true);
    expect(snapshot(path.join(out, 'glossary'))).toEqual(before);
    expect(existsSync(path.join(out, 'glossary', 'glossary.zh-Hans.pdf'))).toBe(false);
  });

  it('an output edited by hand is kept when its source goes away, and the report says so', () => {
    const dir = project();
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
    const edited = path.join(dir, 'out', SEED, `${SEED}.zh-Hans.md`);
    writeFileSync(edited, 'edited by an analyst\n');
    rmSync(path.join(dir, 'sources', SEED), { recursive: true });
    const r = briefs(dir, ['build', '--json']);
    expect(r.code).toBe(0);
    const removed = events(r.stdout).find((e) => e.event === 'removed');
    expect(removed?.kept).toEqual([`${SEED}/${SEED}.zh-Hans.md`]);
    expect(readFileSync(edited, 'utf8')).toBe('edited by an analyst\n');
    expect(existsSync(path.join(dir, 'out', SEED, `${SEED}.zh-Hans.pdf`))).toBe(false);
  });

  it('a manifest entry whose slug is ../victim deletes nothing outside out/', () => {
    const dir = project();
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
    const victim = path.join(dir, 'victim');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'precious.txt'), 'keep me\n');
    const mf = path.join(dir, 'out', 'manifest.json');
    const m = JSON.parse(readFileSync(mf, 'utf8'));
    const digest = createHash('sha256').update('keep me\n').digest('hex').slice(0, 32);
    m.sources['../victim'] = { ...m.sources[SEED], slug: '../victim', outputs: [{ path: '../victim/precious.txt', lang: 'en', format: 'md', digest, bytes: 8 }] };
    m.sources['evil'] = { ...m.sources[SEED], slug: 'evil', outputs: [{ path: 'evil/../../victim/precious.txt', lang: 'en', format: 'md', digest, bytes: 8 }] };
    writeFileSync(mf, JSON.stringify(m));
    const r = briefs(dir, ['build', '--force', '--quiet']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(victim, 'precious.txt'), 'utf8')).toBe('keep me\n');
    const after = JSON.parse(readFileSync(mf, 'utf8'));
    expect(Object.keys(after.sources).sort()).toEqual(readdirSync(path.join(dir, 'sources')).sort());
  });

  it('the temp-file sweep removes only this tool\'s own temporaries, only where it writes', () => {
    const dir = project();
    // files that look like another tool's temporaries (the old pattern), in sources/ and in out/
    const foreign = [path.join(dir, 'sources', SEED, '.source.txt.999999.1.tmp'), path.join(dir, 'out', '.notes.md.999999.1.tmp')];
    mkdirSync(path.join(dir, 'out'));
    for (const f of foreign) writeFileSync(f, 'not the tool\'s\n');
    // one of the tool's own, left by a build that died (pid 999999 does not run here)
    const own = path.join(dir, 'out', '.briefs-tmp-999999-1-manifest.json');
    writeFileSync(own, '{');
    // and one of its own, but deep in a folder the tool never writes to
    mkdirSync(path.join(dir, 'out', 'deep', 'er'), { recursive: true });
    const deep = path.join(dir, 'out', 'deep', 'er', '.briefs-tmp-999999-1-x');
    writeFileSync(deep, 'x');
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
    for (const f of foreign) expect(existsSync(f), f).toBe(true);
    expect(existsSync(own)).toBe(false);
    expect(existsSync(deep)).toBe(true);
  });
});

describe('symbolic links out of the sources folder', () => {
  function linked(): { dir: string; secret: string } {
    const dir = project();
    const secret = path.join(mkdtempSync(path.join(os.tmpdir(), 'briefs-secret-')), 'secret.txt');
    // a real report, kept outside the sources folder
    cpSync(path.join(repo, 'sources', SEED, 'source.txt'), secret);
    mkdirSync(path.join(dir, 'sources', 'linked'));
    symlinkSync(secret, path.join(dir, 'sources', 'linked', 'source.txt'));
    return { dir, secret };
  }

  it('are refused by default: the source fails with a reason, the others build, nothing is read', () => {
    const { dir } = linked();
    const r = briefs(dir, ['build', '--json']);
    expect(r.code).toBe(1);
    const done = events(r.stdout).filter((e) => e.event === 'done');
    const bad = done.find((e) => e.slug === 'linked');
    expect(bad?.status).toBe('failed');
    expect(JSON.stringify(bad?.diagnostics)).toMatch(/symbolic link.*outside the sources folder.*--follow-symlinks/);
    expect(done.filter((e) => e.slug !== 'linked').every((e) => e.status !== 'failed')).toBe(true);
    expect(existsSync(path.join(dir, 'out', 'linked'))).toBe(false);
    expect(briefs(dir, ['parse', 'linked']).code).toBe(1);
  });

  it('are followed with --follow-symlinks', () => {
    const { dir } = linked();
    const r = briefs(dir, ['build', '--follow-symlinks', '--quiet']);
    expect(r.code).toBe(0);
    const seedTitle = /^title: (.+)$/m.exec(readFileSync(path.join(dir, 'out', SEED, `${SEED}.zh-Hans.md`), 'utf8'))?.[1];
    expect(seedTitle).toBeTruthy();
    expect(readFileSync(path.join(dir, 'out', 'linked', 'linked.zh-Hans.md'), 'utf8')).toContain(`title: ${seedTitle}`);
  });

  it('a link that stays inside the sources folder is read as usual', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'sources', 'alias'));
    symlinkSync(path.join(dir, 'sources', SEED, 'source.txt'), path.join(dir, 'sources', 'alias', 'source.txt'));
    expect(briefs(dir, ['build', 'alias', '--quiet']).code).toBe(0);
    expect(statSync(path.join(dir, 'out', 'alias', 'alias.zh-Hans.pdf')).size).toBeGreaterThan(1000);
  });
});

describe('slugs', () => {
  it('every command accepts every slug the build accepts (spaces, non-ASCII letters)', () => {
    const dir = project();
    for (const slug of ['共同 安全', 'Ünïcode report']) {
      cpSync(path.join(dir, 'sources', SEED), path.join(dir, 'sources', slug), { recursive: true });
    }
    expect(briefs(dir, ['build', '--quiet']).code).toBe(0);
    for (const slug of ['共同 安全', 'Ünïcode report']) {
      expect(existsSync(path.join(dir, 'out', slug, `${slug}.zh-Hans.pdf`)), slug).toBe(true);
      const p = briefs(dir, ['parse', slug]);
      expect(p.code, p.stderr).toBe(0);
      const x = briefs(dir, ['xliff', 'export', slug, '--all']);
      expect(x.code, x.stderr).toBe(0);
      const xlf = path.join(dir, 'out', slug, `${slug}.en.xlf`);
      const i = briefs(dir, ['xliff', 'import', xlf, '--slug', slug, '--dry-run']);
      expect(i.code, i.stderr).toBe(0);
    }
    // a build of four sources and six more commands: 8–22 s alone, past 30 s on a loaded machine
  }, 120_000);
});
