// Orchestration of a build with a stand-in job: planning, atomic writes, manifest, removal, failures.
import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, cpSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBuild, type JobRunner } from '../../pipeline/build/run.js';
import { resolveContext } from '../../pipeline/context.js';
import type { JobResult, JobTask } from '../../pipeline/build/job-types.js';
import { diagnostic } from '../../pipeline/diagnostics.js';
import { digest } from '../../pipeline/build/digest.js';
import type { BuildEvent } from '../../pipeline/build/events.js';
import { readManifest } from '../../pipeline/build/manifest.js';
import { FOLD_MIN } from '../../pipeline/build/record-log.js';

let root: string;
const built: string[] = [];

function fakeRunner(fail = new Set<string>()) {
  return async (): Promise<JobRunner> => ({
    async run(t: JobTask): Promise<JobResult> {
      built.push(t.files.slug);
      const slug = t.files.slug;
      if (fail.has(slug))
        return { slug, status: 'failed', files: [], terms: [], needsTranslation: 0, dropped: [], diagnostics: [diagnostic({ rule: 'test:boom', reason: 'boom' })] };
      const text = readFileSync(t.files.sourcePath, 'utf8');
      const data = `# ${slug}\n${text.length}\n`;
      const rel = `${slug}/${slug}.zh-Hans.md`;
      return {
        slug,
        status: 'built',
        files: [{ path: rel, data, record: { path: rel, lang: 'zh-Hans', format: 'md', digest: digest(data), bytes: Buffer.byteLength(data) } }],
        terms: text.includes('北约') ? ['nato'] : [],
        needsTranslation: 0,
        dropped: [],
        diagnostics: [],
      };
    },
    async close() {},
  });
}

function addSource(slug: string, text: string): void {
  mkdirSync(path.join(root, 'sources', slug), { recursive: true });
  writeFileSync(path.join(root, 'sources', slug, 'source.txt'), text);
}

function ctx() {
  return resolveContext({}, root);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'briefs-run-'));
  mkdirSync(path.join(root, 'glossary'));
  writeFileSync(path.join(root, 'glossary', 'terms.yaml'), '- zh-Hans: 北约\n  en: NATO\n  category: organisation\n');
  mkdirSync(path.join(root, 'templates'));
  writeFileSync(path.join(root, 'templates', 'report.md.hbs'), '{{title}}\n');
  addSource('alpha', '北约东扩。\n');
  addSource('beta', '和平进程。\n');
  built.length = 0;
});

describe('runBuild', () => {
  it('builds every source, then a no-op rebuild builds nothing', async () => {
    const events: BuildEvent[] = [];
    const s1 = await runBuild(ctx(), { onEvent: (e) => events.push(e) }, fakeRunner());
    expect(s1.built).toBe(2);
    expect(existsSync(path.join(root, 'out', 'alpha', 'alpha.zh-Hans.md'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(root, 'out', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.sources)).toEqual(['alpha', 'beta']);
    expect(manifest.sources.alpha.terms).toEqual(['nato']);
    built.length = 0;
    const s2 = await runBuild(ctx(), {}, fakeRunner());
    expect(built).toEqual([]);
    expect(s2.skipped).toBe(2);
  });

  it('rebuilds only the source that uses a changed glossary entry', async () => {
    await runBuild(ctx(), {}, fakeRunner());
    built.length = 0;
    writeFileSync(path.join(root, 'glossary', 'terms.yaml'), '- zh-Hans: 北约\n  en: North Atlantic Treaty Organization\n  category: organisation\n');
    await runBuild(ctx(), {}, fakeRunner());
    expect(built).toEqual(['alpha']);
  });

  it('rebuilds everything when a template changes', async () => {
    await runBuild(ctx(), {}, fakeRunner());
    built.length = 0;
    writeFileSync(path.join(root, 'templates', 'report.md.hbs'), '# {{title}}\n');
    await runBuild(ctx(), {}, fakeRunner());
    expect(built.sort()).toEqual(['alpha', 'beta']);
  });

  it('removes the outputs of a vanished source', async () => {
    await runBuild(ctx(), {}, fakeRunner());
    rmSync(path.join(root, 'sources', 'beta'), { recursive: true });
    const s = await runBuild(ctx(), {}, fakeRunner());
    expect(s.removed).toBe(1);
    expect(existsSync(path.join(root, 'out', 'beta'))).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(root, 'out', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.sources)).toEqual(['alpha']);
  });

  it('one failing source does not stop the others, and is retried next time', async () => {
    const s = await runBuild(ctx(), {}, fakeRunner(new Set(['alpha'])));
    expect(s.failed).toBe(1);
    expect(s.built).toBe(1);
    built.length = 0;
    await runBuild(ctx(), {}, fakeRunner());
    expect(built).toEqual(['alpha']);
  });

  it('writes byte-identical manifests for identical inputs', async () => {
    await runBuild(ctx(), {}, fakeRunner());
    const a = readFileSync(path.join(root, 'out', 'manifest.json'));
    const copy = mkdtempSync(path.join(os.tmpdir(), 'briefs-run-copy-'));
    cpSync(path.join(root, 'sources'), path.join(copy, 'sources'), { recursive: true });
    cpSync(path.join(root, 'glossary'), path.join(copy, 'glossary'), { recursive: true });
    cpSync(path.join(root, 'templates'), path.join(copy, 'templates'), { recursive: true });
    await runBuild(resolveContext({}, copy), {}, fakeRunner());
    expect(readFileSync(path.join(copy, 'out', 'manifest.json')).equals(a)).toBe(true);
  });

  it('records each source as it completes (the tool reads it at once) without rewriting manifest.json per source', async () => {
    // more sources than a log holds before it is folded: manifest.json is written a few times, not 2.5 × FOLD_MIN
    const n = Math.round(FOLD_MIN * 2.5);
    for (let i = 0; i < n; i++) addSource(`s${String(i).padStart(3, '0')}`, `第${i}号。\n`);
    const out = path.join(root, 'out');
    const versions = new Set<string>();
    const unread: string[] = [];
    await runBuild(ctx(), {
      onEvent: (e: BuildEvent) => {
        if (e.type !== 'done') return;
        if (versions.size % 2 === 0 && !readManifest(out, 'x').sources[e.slug]) unread.push(e.slug);
        if (existsSync(path.join(out, 'manifest.json'))) {
          const st = statSync(path.join(out, 'manifest.json'), { bigint: true });
          versions.add(`${st.ino}:${st.mtimeNs}:${st.size}`);
        }
      },
    }, fakeRunner());
    expect(unread).toEqual([]);
    expect(versions.size).toBeGreaterThan(0);
    expect(versions.size).toBeLessThanOrEqual(3);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.sources)).toHaveLength(n + 2);
    expect(readdirSync(out).filter((f) => f.startsWith('.briefs-records'))).toEqual([]);
  });
});
