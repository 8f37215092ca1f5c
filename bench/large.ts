// Large sources (issue #13, "Bounded cost"): a cold `briefs build --force` of one source of 1, 5 and
// 20 MiB, for three shapes — the seed report repeated, one single line of it, the news seed (Markdown)
// repeated. Reports wall time, CPU time and peak RSS of the CLI process (measured inside it by
// peak-rss-reporter.js, loaded with --import). The goal: < 60 s and < 1.5 GB for every case.
// BRIEFS_BENCH_LARGE_SIZES=1,5 for a quicker run; BRIEFS_BENCH_LARGE_RUNS=n runs per case (default:
// 3, and 2 for 20 MiB and more).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LARGE_CASES, makeLargeSource, type LargeCase } from './corpus.js';
import { median, round } from './util.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'briefs.js');
const reporter = path.join(root, 'dist', 'bench', 'peak-rss-reporter.js');

export interface ColdBuild {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
}

/** One cold build of everything under `dir/sources` into `dir/out`, in a child process. */
export function coldBuild(dir: string): ColdBuild {
  const report = path.join(dir, 'report.json');
  rmSync(report, { force: true });
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, ['--import', reporter, cli, 'build', '--sources', path.join(dir, 'sources'), '--out', path.join(dir, 'out'), '--force', '--quiet'], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, BRIEFS_BENCH_REPORT: report },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const r = JSON.parse(readFileSync(report, 'utf8')) as { maxRssKb: number; cpuMs: number };
  return { wallMs, cpuMs: r.cpuMs, peakRssMb: r.maxRssKb / 1024 };
}

export async function benchLarge(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const sizes = (process.env.BRIEFS_BENCH_LARGE_SIZES ?? '1,5,20').split(',').map(Number).filter((n) => n > 0);
  for (const mib of sizes) {
    for (const which of Object.keys(LARGE_CASES) as LargeCase[]) {
      const dir = mkdtempSync(path.join(os.tmpdir(), `briefs-bench-large-${which}-${mib}-`));
      try {
        makeLargeSource(root, dir, which, mib);
        const runs = Number(process.env.BRIEFS_BENCH_LARGE_RUNS) || (mib >= 20 ? 2 : 3);
        const rs: ColdBuild[] = [];
        for (let i = 0; i < runs; i++) rs.push(coldBuild(dir));
        const label = `${mib} MiB ${which}`;
        out[`${label}: wall s (median of ${runs})`] = round(median(rs.map((r) => r.wallMs)) / 1000, 1);
        out[`${label}: cpu s`] = round(median(rs.map((r) => r.cpuMs)) / 1000, 1);
        out[`${label}: peak RSS MB (max of ${runs})`] = round(Math.max(...rs.map((r) => r.peakRssMb)), 0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return out;
}
