// Issue #16, point 7: shards that combine. Four shards at once into one shared out/, and four shards
// into folders of their own then `briefs merge`d, both give the bytes of a build on one machine.
// The merge checks what it combines and refuses conflicts with a clear error, writing nothing.
import { describe, it, expect, beforeAll } from 'vitest';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { briefsAsync, shardedProject, tree } from './shard-project.js';
import { hasStackTrace } from '../e2e/helpers.js';
import { digest } from '../../pipeline/build/digest.js';

const N = 4;
let dir: string;
let slugs: string[];
let single: Record<string, string>;

beforeAll(async () => {
  ({ dir, slugs } = shardedProject(N, 1));
  const r = await briefsAsync(dir, 'build', '--out', 'single', '--quiet');
  expect(r.code, r.stderr).toBe(0);
  single = tree(path.join(dir, 'single'));
}, 300_000);

describe(`${N} shards`, () => {
  it('the one-machine build holds every source, its thumbnails and the preview page', () => {
    for (const slug of slugs) expect(single[`${slug}/${slug}.zh-Hans.png`]).toBeDefined();
    expect(single['index.html']).toBeDefined();
    expect(single['manifest.json']).toBeDefined();
  });

  it('at once into one shared out/: none waits or fails, and out/ is what one machine builds, byte for byte', async () => {
    const runs = await Promise.all(Array.from({ length: N }, (_, i) => briefsAsync(dir, 'build', '--shard', `${i + 1}/${N}`, '--out', 'shared', '--json')));
    for (const r of runs) {
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('build:locked');
    }
    expect(tree(path.join(dir, 'shared'))).toEqual(single);
  }, 300_000);

  it('into separate folders, then merged: the same bytes again; merging again changes nothing', async () => {
    const runs = await Promise.all(Array.from({ length: N }, (_, i) => briefsAsync(dir, 'build', '--shard', `${i + 1}/${N}`, '--out', `part-${i + 1}`, '--quiet')));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    // each folder holds its own shard only
    for (let i = 1; i <= N; i++) expect(Object.keys(JSON.parse(readFileSync(path.join(dir, `part-${i}`, 'manifest.json'), 'utf8')).sources)).toHaveLength(1);
    const parts = Array.from({ length: N }, (_, i) => `part-${i + 1}`);
    const m = await briefsAsync(dir, 'merge', ...parts, '--out', 'merged');
    expect(m.code, m.stderr).toBe(0);
    expect(tree(path.join(dir, 'merged'))).toEqual(single);
    const again = await briefsAsync(dir, 'merge', ...parts, '--out', 'merged', '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, sources: slugs.length, written: 0 });
    expect(tree(path.join(dir, 'merged'))).toEqual(single);
    // and a build over the merged folder finds everything up to date
    const b = await briefsAsync(dir, 'build', '--out', 'merged', '--json');
    expect(b.code).toBe(0);
    expect(b.stdout).toContain(`"skipped":${slugs.length}`);
  }, 300_000);
});

describe('briefs merge refuses', () => {
  // ref-a, ref-b: the outputs of two shards, built apart
  beforeAll(async () => {
    for (const [i, name] of ['a', 'b'].entries()) {
      const r = await briefsAsync(dir, 'build', '--shard', `${i + 1}/${N}`, '--out', `ref-${name}`, '--quiet');
      expect(r.code, r.stderr).toBe(0);
    }
  }, 300_000);

  function expectRefused(r: { code: number | null; stdout: string; stderr: string }, rule: string, out: string): void {
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(rule);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(existsSync(path.join(dir, out, 'manifest.json'))).toBe(false);
  }

  it('an output changed after its shard built it (digest check), naming the file', async () => {
    cpSync(path.join(dir, 'ref-a'), path.join(dir, 'bad-a'), { recursive: true });
    const slug = Object.keys(JSON.parse(readFileSync(path.join(dir, 'bad-a', 'manifest.json'), 'utf8')).sources)[0];
    appendFileSync(path.join(dir, 'bad-a', slug, `${slug}.zh-Hans.md`), '\nedited\n');
    const r = await briefsAsync(dir, 'merge', 'bad-a', 'ref-b', '--out', 'out-bad');
    expectRefused(r, 'merge:digest-mismatch', 'out-bad');
    expect(r.stderr).toContain(`${slug}.zh-Hans.md`);
  }, 300_000);

  it('one source built differently in two folders (conflict)', async () => {
    cpSync(path.join(dir, 'ref-a'), path.join(dir, 'other-a'), { recursive: true });
    const file = path.join(dir, 'other-a', 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    const slug = Object.keys(m.sources)[0];
    // the same source with other content, consistent in itself (file and digest agree)
    const md = path.join(dir, 'other-a', slug, `${slug}.en.xlf`);
    const rec = m.sources[slug].outputs.find((o: { path: string }) => o.path.endsWith('.en.xlf'));
    appendFileSync(md, '<!-- another build -->\n');
    const data = readFileSync(md);
    rec.digest = digest(data);
    rec.bytes = data.byteLength;
    writeFileSync(file, JSON.stringify(m, null, 2));
    const r = await briefsAsync(dir, 'merge', 'ref-a', 'other-a', '--out', 'out-conflict');
    expectRefused(r, 'merge:conflict', 'out-conflict');
    expect(r.stderr).toContain(`${slug}.en.xlf`);
  });

  it('a file of the user in --out where an output would go; it is kept', async () => {
    const slug = Object.keys(JSON.parse(readFileSync(path.join(dir, 'ref-a', 'manifest.json'), 'utf8')).sources)[0];
    mkdirSync(path.join(dir, 'out-user', slug), { recursive: true });
    writeFileSync(path.join(dir, 'out-user', slug, `${slug}.zh-Hans.md`), 'my notes\n');
    const r = await briefsAsync(dir, 'merge', 'ref-a', 'ref-b', '--out', 'out-user');
    expectRefused(r, 'merge:would-overwrite', 'out-user');
    expect(readFileSync(path.join(dir, 'out-user', slug, `${slug}.zh-Hans.md`), 'utf8')).toBe('my notes\n');
  });

  it('a folder that is not a build\'s output, and --out among the inputs', async () => {
    mkdirSync(path.join(dir, 'empty'), { recursive: true });
    expectRefused(await briefsAsync(dir, 'merge', 'ref-a', 'empty', '--out', 'out-empty'), 'merge:no-manifest', 'out-empty');
    const r = await briefsAsync(dir, 'merge', 'ref-a', 'ref-b', '--out', 'ref-b');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('merge:out-is-input');
  });
});
