// The scale bench (part of the `build` stage): synthetic corpora of 10, 100, 500, 1,000 and 2,000 sources
// (bench/corpus.ts), each built cold and then rebuilt as a no-op in a child process
// (build-scale-child.ts): sources per second, CPU time per source (all threads: other work on the machine
// stretches wall time, not CPU time), peak RSS, and the RSS after each tenth of the build (is it flat?).
// BRIEFS_BENCH_SIZES=10,100 chooses the corpora (empty: none); BRIEFS_BENCH_SCALE_RUNS=n builds each n
// times and gives medians (peak RSS: the largest run); BRIEFS_BENCH_FORMATS=md,pdf writes those formats only
// (the 13 sources/s were measured when a build wrote md and pdf).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCorpus } from './corpus.js';
import { median, round } from './util.js';

export const DEFAULT_SIZES = '10,100,500,1000,2000';

export interface ScaleRun {
  sources: number;
  failed: number;
  buildMs: number;
  buildCpuMs: number;
  noopMs: number;
  rebuiltOnNoop: number;
  peakRssMb: number;
  curve: { done: number; rssMb: number; heapMb: number }[];
}

export function benchScale(root: string, child: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  const sizes = (process.env.BRIEFS_BENCH_SIZES ?? DEFAULT_SIZES).split(',').filter((x) => x.trim()).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const runs = Math.max(1, Number(process.env.BRIEFS_BENCH_SCALE_RUNS) || 1);
  for (const n of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `briefs-bench-${n}-`));
    makeCorpus(root, dir, n);
    const rs: ScaleRun[] = [];
    const load = os.loadavg()[0];
    for (let i = 0; i < runs; i++) {
      rmSync(path.join(dir, 'out'), { recursive: true, force: true });
      rs.push(JSON.parse(execFileSync(process.execPath, [child, dir], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 }).toString()) as ScaleRun);
    }
    const of = (f: (r: ScaleRun) => number) => median(rs.map(f));
    const sources = rs[0].sources;
    const label = `${n} sources`;
    out[`${label}: sources/s (zh-Hans + zh-Hant ${(process.env.BRIEFS_BENCH_FORMATS ?? 'md,pdf,docx,png').split(',').join('+')}, en XLIFF)`] = round((sources / of((r) => r.buildMs)) * 1000, 2);
    out[`${label}: ms per source`] = round(of((r) => r.buildMs) / sources, 1);
    out[`${label}: CPU ms per source (all threads)`] = round(of((r) => r.buildCpuMs) / sources, 1);
    out[`${label}: no-op rebuild (ms)`] = round(of((r) => r.noopMs), 0);
    out[`${label}: peak RSS (MB)`] = round(Math.max(...rs.map((r) => r.peakRssMb)), 0);
    const curve = rs[rs.length - 1].curve;
    if (curve.length > 1) out[`${label}: RSS after each tenth (MB)`] = curve.map((c) => c.rssMb).join(' ');
    out[`${label}: load average at start`] = round(load, 1);
    if (runs > 1) out[`${label}: runs`] = runs;
    const failed = Math.max(...rs.map((r) => r.failed));
    if (failed) out[`${label}: failed`] = failed;
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
