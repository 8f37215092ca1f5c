// Build benchmarks: the seed build from a cold process and `npm start` (seed-build.ts), and the scale bench:
// synthetic corpora of 10 to 2,000 sources (bench/scale.ts) — briefs per second, CPU, peak memory, no-op rebuild.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchScale } from './scale.js';
import { benchSeedBuild } from './seed-build.js';
import { round } from './util.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const child = path.join(root, 'dist', 'bench', 'build-scale-child.js');

export async function benchBuild(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  // Seed build, cold process: --force (all formats, and md,pdf), no-op, and `npm start` (seed-build.ts).
  const seeds = mkdtempSync(path.join(os.tmpdir(), 'briefs-bench-seeds-'));
  for (const d of ['sources', 'glossary', 'templates']) cpSync(path.join(root, d), path.join(seeds, d), { recursive: true });
  Object.assign(out, benchSeedBuild(root, seeds));
  rmSync(path.join(seeds, 'out'), { recursive: true, force: true });
  const seedRun = JSON.parse(execFileSync(process.execPath, [child, seeds], { cwd: seeds, stdio: ['ignore', 'pipe', 'pipe'] }).toString()) as { peakRssMb: number };
  out['seed build, peak RSS (MB)'] = round(seedRun.peakRssMb, 0);
  rmSync(seeds, { recursive: true, force: true });

  // the synthetic corpora (bench/scale.ts; BRIEFS_BENCH_SIZES, BRIEFS_BENCH_SCALE_RUNS)
  Object.assign(out, benchScale(root, child));
  return out;
}
