// Build benchmarks: the seed build from a cold process and `npm start` (seed-build.ts), and the scale bench:
// synthetic corpora of 10, 100 and 500 sources — briefs per second, peak memory, no-op rebuild time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus } from './corpus.js';
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

  // BRIEFS_BENCH_SIZES=10 for a quick run; empty for none
  const sizes = (process.env.BRIEFS_BENCH_SIZES ?? '10,100,500').split(',').filter((x) => x.trim()).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `briefs-bench-${n}-`));
    makeCorpus(root, dir, n);
    const r = JSON.parse(execFileSync(process.execPath, [child, dir], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString()) as {
      sources: number;
      failed: number;
      buildMs: number;
      noopMs: number;
      rebuiltOnNoop: number;
      peakRssMb: number;
    };
    out[`${n} sources: sources/s (zh-Hans + zh-Hant md+pdf, en XLIFF)`] = round((r.sources / r.buildMs) * 1000, 2);
    out[`${n} sources: ms per source`] = round(r.buildMs / r.sources, 1);
    out[`${n} sources: no-op rebuild (ms)`] = round(r.noopMs, 0);
    out[`${n} sources: peak RSS (MB)`] = round(r.peakRssMb, 0);
    if (r.failed) out[`${n} sources: failed`] = r.failed;
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
