// The README's sharding examples work as written: the `briefs` commands of its Kubernetes Indexed Job
// (pods at once into one shared out/) and of its GitHub Actions matrix (shards apart, then merged) are
// read from the README and run with `sh -c` as written, in a temporary project laid out as a clone
// (its bin/ and sources); both give the bytes of a build on one machine.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { bin, repo } from '../e2e/helpers.js';
import { briefsAsync, runAsync, shardedProject, tree } from './shard-project.js';

const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
const k8s = blocks.find((b) => b.includes('completionMode: Indexed'));
const actions = blocks.find((b) => b.includes('matrix:') && /briefs(?:\.js)? merge/.test(b));

let root: string;
let project: string;
let single: Record<string, string>;

beforeAll(async () => {
  // the examples' working folder is a clone: its bin/ (the installed tool's) and its sources
  const made = shardedProject(4, 1);
  root = made.dir;
  project = path.join(root, 'project');
  mkdirSync(project);
  for (const d of ['sources', 'glossary', 'templates']) await runAsync('cp', ['-R', path.join(root, d), path.join(project, d)], root);
  symlinkSync(path.dirname(bin), path.join(project, 'bin'));
  const r = await briefsAsync(project, 'build', '--out', path.join(root, 'single'), '--quiet');
  expect(r.code, r.stderr).toBe(0);
  single = tree(path.join(root, 'single'));
}, 300_000);

/**
 * Run a README command line with sh. Not through npx: in a clone npx finds no `briefs` in
 * node_modules/.bin (npm links no package's own binary there), so it installs the clone into its cache,
 * running `npm run build` in it first; four pods at once would rebuild the shared volume's dist/ under
 * each other (tried on a fresh clone).
 */
function sh(line: string, cwd: string, env: Record<string, string> = {}) {
  expect(line).not.toMatch(/\bnpx\b/);
  return runAsync('sh', ['-c', line], cwd, env);
}

describe('README sharding examples', () => {
  it('the Kubernetes Indexed Job: every pod at once into the shared volume', async () => {
    expect(k8s, 'the README has a Kubernetes Indexed Job example').toBeDefined();
    const completions = Number(/completions:\s*(\d+)/.exec(k8s!)![1]);
    const [, command] = /command:\s*\["sh", "-c", "(.*)"\]/.exec(k8s!)!;
    const dataDir = /workingDir:\s*(\S+)/.exec(k8s!)![1].replace(/\/project$/, '');
    // the volume at /data is the temporary folder here
    const line = command.split(dataDir).join(root);
    const pods = await Promise.all(Array.from({ length: completions }, (_, i) => sh(line, project, { JOB_COMPLETION_INDEX: String(i) })));
    for (const p of pods) expect(p.code, p.stdout + p.stderr).toBe(0);
    const outDir = /--out (\S+)/.exec(line)![1];
    expect(tree(outDir)).toEqual(single);
  }, 300_000);

  it('the GitHub Actions matrix: each shard into its own folder, then merged', async () => {
    expect(actions, 'the README has a GitHub Actions matrix example').toBeDefined();
    const shards = /matrix:\s*\{\s*shard:\s*\[([^\]]*)\]/.exec(actions!)![1].split(',').map((s) => s.trim());
    const runs = [...actions!.matchAll(/- run: (.*briefs.*)/g)].map((m) => m[1].trim());
    const [build, merge] = [runs.find((r) => /briefs(?:\.js)? build/.test(r))!, runs.find((r) => /briefs(?:\.js)? merge/.test(r))!];
    const jobs = await Promise.all(shards.map((s) => sh(build.split('${{ matrix.shard }}').join(s), project)));
    for (const j of jobs) expect(j.code, j.stdout + j.stderr).toBe(0);
    const m = await sh(merge, project);
    expect(m.code, m.stdout + m.stderr).toBe(0);
    expect(tree(path.join(project, /--out (\S+)/.exec(merge)![1]))).toEqual(single);
  }, 300_000);
});
