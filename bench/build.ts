// Build benchmarks: the seed build from a cold process (the `npm start` experience), and the scale bench:
// synthetic corpora of 10 to 2,000 sources (bench/scale.ts) — briefs per second, CPU, peak memory, no-op rebuild.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchScale } from './scale.js';
import { median, round } from './util.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'briefs.js');
const child = path.join(root, 'dist', 'bench', 'build-scale-child.js');

function timeCmd(args: string[], cwd: string): number {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd, stdio: 'pipe' });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function benchBuild(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  // Seed build, cold process, full (--force) and no-op.
  const seeds = mkdtempSync(path.join(os.tmpdir(), 'briefs-bench-seeds-'));
  for (const d of ['sources', 'glossary', 'templates']) cpSync(path.join(root, d), path.join(seeds, d), { recursive: true });
  const full: number[] = [];
  const noop: number[] = [];
  for (let i = 0; i < 5; i++) {
    full.push(timeCmd([cli, 'build', '--force', '--quiet'], seeds));
    noop.push(timeCmd([cli, 'build', '--quiet'], seeds));
  }
  out['seed build, cold process, --force (ms, median of 5)'] = round(median(full), 0);
  out['seed no-op rebuild, cold process (ms, median of 5)'] = round(median(noop), 0);
  rmSync(path.join(seeds, 'out'), { recursive: true, force: true });
  const seedRun = JSON.parse(execFileSync(process.execPath, [child, seeds], { cwd: seeds, stdio: ['ignore', 'pipe', 'pipe'] }).toString()) as { peakRssMb: number };
  out['seed build, peak RSS (MB)'] = round(seedRun.peakRssMb, 0);
  rmSync(seeds, { recursive: true, force: true });

  // the synthetic corpora (bench/scale.ts; BRIEFS_BENCH_SIZES, BRIEFS_BENCH_SCALE_RUNS)
  Object.assign(out, benchScale(root, child));
  return out;
}
