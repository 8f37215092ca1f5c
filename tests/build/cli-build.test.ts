// `briefs build` end to end on copies of the seeds: outputs, incremental rebuilds, determinism,
// a build killed mid-run, and two builds at once.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(repo, 'bin', 'briefs.js');

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-cli-build-'));
  for (const d of ['sources', 'glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  return dir;
}

function briefs(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function events(stdout: string): { event: string; slug?: string; [k: string]: unknown }[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

function outputs(out: string): string[] {
  const files: string[] = [];
  for (const slug of readdirSync(out)) {
    const d = path.join(out, slug);
    if (!statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d)) files.push(`${slug}/${f}`);
  }
  return files.sort();
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('briefs build on the seeds', () => {
  let dir: string;
  let first: ReturnType<typeof briefs>;
  beforeAll(() => {
    dir = project();
    first = briefs(dir, 'build', '--json');
  });

  it('writes md and one-page pdf briefs per language, a manifest, and an XLIFF for what needs English', () => {
    expect(first.code).toBe(0);
    const files = outputs(path.join(dir, 'out'));
    for (const slug of ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum']) {
      for (const lang of ['zh-Hans', 'zh-Hant']) {
        expect(files).toContain(`${slug}/${slug}.${lang}.md`);
        const pdf = readFileSync(path.join(dir, 'out', slug, `${slug}.${lang}.pdf`));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pageCount(pdf)).toBe(1);
        const font = lang === 'zh-Hant' ? 'NotoSansTC' : 'NotoSansSC';
        expect(pdf.toString('latin1')).toContain(font);
      }
    }
  });

  it('renders the English briefs: sources/<slug>/en.xlf holds every segment the seed briefs need', () => {
    const ev = events(first.stdout);
    // sources build concurrently: they finish in any order
    const done = ev.filter((e) => e.event === 'done').sort((a, b) => String(a.slug).localeCompare(String(b.slug)));
    expect(done.map((e) => [e.slug, e.status, e.needsTranslation])).toEqual([
      ['siis-2025-common-security', 'built', 0],
      ['thepaper-2023-xiangshan-forum', 'built', 0],
    ]);
    for (const slug of ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum']) {
      const pdf = readFileSync(path.join(dir, 'out', slug, `${slug}.en.pdf`));
      expect(pageCount(pdf)).toBe(1);
      expect(existsSync(path.join(dir, 'out', slug, `${slug}.en.xlf`))).toBe(false);
      const md = readFileSync(path.join(dir, 'out', slug, `${slug}.en.md`), 'utf8');
      // Chinese appears only in the key-terms table (the terms themselves), never in the English prose
      const prose = md.replace(/^---[\s\S]*?\n---\n/, '').split('\n').filter((l) => !l.startsWith('|'));
      expect(prose.join('\n')).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every key term in the English brief is the glossary\'s English, or marked missing when the glossary lacks it', async () => {
    const { loadGlossary } = await import('../../pipeline/glossary/load.js');
    const { terms } = loadGlossary(path.join(dir, 'glossary'));
    const byZh = new Map(terms.map((t) => [t['zh-Hans'], t.en]));
    for (const slug of ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum']) {
      const md = readFileSync(path.join(dir, 'out', slug, `${slug}.en.md`), 'utf8');
      const table = md.slice(md.lastIndexOf('## '));
      const rows = [...table.matchAll(/^\| ([^|]+?) \| ([^|]+?) \|$/gm)].slice(2);
      expect(rows.length).toBeGreaterThan(0);
      // a key concept the glossary lacks is listed with its English marked missing
      for (const [, zh, en] of rows) {
        if (en === '—') expect(byZh.has(zh), zh).toBe(false);
        else expect(en, zh).toBe(byZh.get(zh));
      }
    }
  });

  it('records both sources and every output it wrote in out/manifest.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.sources)).toEqual(['siis-2025-common-security', 'thepaper-2023-xiangshan-forum']);
    for (const rec of Object.values<{ outputs: { path: string; digest: string }[] }>(manifest.sources))
      for (const o of rec.outputs) expect(existsSync(path.join(dir, 'out', o.path))).toBe(true);
  });

  it('a no-op rebuild rebuilds nothing', () => {
    const r = briefs(dir, 'build', '--json');
    expect(r.code).toBe(0);
    const ev = events(r.stdout);
    expect(ev.filter((e) => e.event === 'start')).toEqual([]);
    expect(ev.filter((e) => e.event === 'skip').length).toBe(2);
  });

  it('changing one glossary entry rebuilds exactly the sources that use it', () => {
    // an entry for a term only the article uses
    const file = path.join(dir, 'glossary', 'zz-test.yaml');
    writeFileSync(file, '- zh-Hans: 平行分组会议\n  en: parallel session\n  category: event\n');
    const r = briefs(dir, 'build', '--json');
    expect(r.code).toBe(0);
    expect(events(r.stdout).filter((e) => e.event === 'start').map((e) => e.slug)).toEqual(['thepaper-2023-xiangshan-forum']);
  });

  it('changing a template rebuilds everything', () => {
    const style = path.join(dir, 'templates', 'style.yaml');
    writeFileSync(style, readFileSync(style, 'utf8') + '\n# touched\n');
    const r = briefs(dir, 'build', '--json');
    expect(events(r.stdout).filter((e) => e.event === 'start').length).toBe(2);
  });

  it('gives byte-identical outputs for the same inputs', () => {
    const other = project();
    expect(briefs(other, 'build', '--quiet').code).toBe(0);
    // the same build on a pool of worker threads (bin/worker.cjs running the bundle) gives the same bytes
    const again = project();
    const pooled = briefs(again, 'build', '--quiet', '--workers', '2');
    expect(pooled.code, pooled.stderr).toBe(0);
    const a = outputs(path.join(other, 'out'));
    expect(outputs(path.join(again, 'out'))).toEqual(a);
    for (const f of [...a, 'manifest.json'].filter((f) => !f.endsWith('/'))) {
      const p = (root: string) => path.join(root, 'out', f);
      if (!existsSync(p(other))) continue;
      expect(sha(readFileSync(p(again))), f).toBe(sha(readFileSync(p(other))));
    }
    // romanized names are kept for the next build
    const kept = JSON.parse(readFileSync(path.join(other, 'out', '.briefs-romanized-cache.json'), 'utf8')) as { value: Record<string, string> };
    expect(Object.keys(kept.value).some((k) => k.startsWith('name:'))).toBe(true);
    // so are the word boundaries ICU was asked for, from the jobs in this process and in the workers
    for (const root of [other, again]) {
      const boundaries = JSON.parse(readFileSync(path.join(root, 'out', '.briefs-boundaries-cache.json'), 'utf8')) as { value: Record<string, 0 | 1> };
      const values = Object.values(boundaries.value);
      expect(values.length).toBeGreaterThan(100);
      expect(values).toContain(0);
      expect(values).toContain(1);
    }
    // rebuilt over its own outputs, fitting starts from the sizes the manifest records and names come
    // from what was kept: same bytes
    expect(JSON.parse(readFileSync(path.join(other, 'out', 'manifest.json'), 'utf8')).sources).toSatisfy((s: Record<string, { outputs: { format: string; scale?: number }[] }>) =>
      Object.values(s).some((src) => src.outputs.some((o) => o.format === 'pdf' && typeof o.scale === 'number')),
    );
    expect(briefs(other, 'build', '--force', '--quiet').code).toBe(0);
    for (const f of [...a, 'manifest.json'].filter((f) => !f.endsWith('/'))) {
      const p = (root: string) => path.join(root, 'out', f);
      if (!existsSync(p(other))) continue;
      expect(sha(readFileSync(p(other))), f).toBe(sha(readFileSync(p(again))));
    }
  });
});

describe('build safety', () => {
  it('a build killed mid-run leaves no partial output and a valid manifest; the next build completes', async () => {
    const dir = project();
    const child = spawn(process.execPath, [bin, 'build', '--json', '--workers', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // kill as soon as the first source is done (its files are being written or were just written)
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d) => {
        buf += d;
        if (buf.includes('"event":"done"')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    await new Promise((r) => child.on('exit', r));
    const out = path.join(dir, 'out');
    for (const f of outputs(out)) {
      if (path.basename(f).startsWith('.')) continue; // hidden temps are swept by the next build
      const data = readFileSync(path.join(out, f));
      if (f.endsWith('.pdf')) expect(data.toString('latin1').trimEnd().endsWith('%%EOF'), f).toBe(true);
      else expect(data.length, f).toBeGreaterThan(0);
    }
    if (existsSync(path.join(out, 'manifest.json'))) expect(() => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'))).not.toThrow();
    const r = briefs(dir, 'build', '--json');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.sources).length).toBe(2);
    expect(outputs(out).filter((f) => path.basename(f).startsWith('.'))).toEqual([]);
    for (const rec of Object.values<{ outputs: { path: string; digest: string }[] }>(manifest.sources))
      for (const o of rec.outputs) expect(existsSync(path.join(out, o.path))).toBe(true);
  });

  it('two builds at once do not corrupt out/: the second waits for the lock', async () => {
    const dir = project();
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const c = spawn(process.execPath, [bin, 'build', '--force', '--quiet', '--wait', '120'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        c.stderr.on('data', (d) => (stderr += d));
        c.on('exit', (code) => resolve({ code, stderr }));
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stderr + b.stderr).toMatch(/another build is writing/);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8'));
    for (const rec of Object.values<{ outputs: { path: string; digest: string }[] }>(manifest.sources))
      for (const o of rec.outputs) {
        const data = readFileSync(path.join(dir, 'out', o.path));
        expect(createHash('sha256').update(data).digest('hex').slice(0, 32)).toBe(o.digest);
      }
  });

  it('without --wait, a second build exits 1 with a clear message while the first holds the lock', async () => {
    const dir = project();
    const first = spawn(process.execPath, [bin, 'build', '--force', '--quiet'], { cwd: dir, stdio: 'ignore' });
    // wait until the lock exists
    const lock = path.join(dir, 'out', '.briefs-build.lock');
    for (let i = 0; i < 200 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 25));
    const r = briefs(dir, 'build', '--quiet');
    await new Promise((res) => first.on('exit', res));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/another build is writing/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
});
