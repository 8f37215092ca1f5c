// The seed build as a user meets it, each in a cold process (issues #14 and #16): `briefs build --force`
// with all four formats and with Markdown and PDF only, the no-op rebuild, and `npm start` on the
// installed project, full (out/ removed first) and no-op. Wall time and CPU time (user + system of
// the process and everything it started), medians of runs that alternate between the cases, so a
// machine that slows down for a minute slows every case alike.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, round } from './util.js';

/**
 * CPU time in ms that this process's finished children have used (Linux: cutime + cstime of
 * /proc/self/stat, which counts a child's own waited-for children too); undefined elsewhere.
 */
export function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    // the fields after the command name, which is in parentheses and may hold spaces
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 16 and 17 of proc(5) (cutime, cstime), counted from 1 with pid and comm as 1 and 2
    const ticks = Number(f[13]) + Number(f[14]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : undefined;
  } catch {
    return undefined;
  }
}
/** USER_HZ: 100 on every Linux Node runs on. */
const CLOCK_TICKS = 100;

interface Timed {
  wall: number;
  cpu?: number;
}

/** Run a command to its end; its wall time and the CPU time it and its children used. */
function timed(file: string, args: string[], cwd: string): Timed {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  execFileSync(file, args, { cwd, stdio: 'pipe' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = childrenCpuMs();
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

interface Case {
  name: string;
  /** Made before each run (e.g. remove out/). */
  before?: () => void;
  run: () => Timed;
}

/** npm itself: the one that runs this bench (npm run bench), else `npm` on the PATH. */
function npmCommand(): { file: string; args: string[] } {
  const cli = process.env.npm_execpath;
  return cli && existsSync(cli) ? { file: process.execPath, args: [cli] } : { file: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

/**
 * `seeds`: a folder holding a copy of sources/, glossary/ and templates/ (the node builds run there);
 * `root`: the installed project (npm start runs there, into a scratch out/ of its own).
 */
export function benchSeedBuild(root: string, seeds: string, runs = Number(process.env.BRIEFS_BENCH_SEED_RUNS ?? 10)): Record<string, number | string> {
  const cli = path.join(root, 'bin', 'briefs.js');
  const node = (args: string[]) => () => timed(process.execPath, [cli, 'build', '--quiet', ...args], seeds);
  const npmOut = mkdtempSync(path.join(os.tmpdir(), 'briefs-bench-npm-start-'));
  const npm = npmCommand();
  const npmStart = () => timed(npm.file, [...npm.args, 'start', '--silent', '--', '--out', npmOut, '--quiet'], root);
  const cases: Case[] = [
    { name: 'seed build, cold process, --force, all four formats', run: node(['--force']) },
    { name: 'seed build, cold process, --force, --formats md,pdf', run: node(['--force', '--formats', 'md,pdf', '--out', 'out-md-pdf']) },
    { name: 'seed no-op rebuild, cold process', run: node([]) },
    { name: 'npm start, full (out/ removed first)', before: () => rmSync(npmOut, { recursive: true, force: true }), run: npmStart },
    { name: 'npm start, no-op', run: npmStart },
  ];
  try {
    // one unmeasured round: out/ folders exist and the files are in the page cache
    for (const c of cases) {
      c.before?.();
      c.run();
    }
    const times = new Map<string, Timed[]>(cases.map((c) => [c.name, []]));
    for (let i = 0; i < runs; i++)
      for (const c of cases) {
        c.before?.();
        times.get(c.name)!.push(c.run());
      }
    const out: Record<string, number | string> = {};
    for (const c of cases) {
      const ts = times.get(c.name)!;
      out[`${c.name}: wall (ms, median of ${runs})`] = round(median(ts.map((t) => t.wall)), 0);
      const cpu = ts.map((t) => t.cpu).filter((x): x is number => x !== undefined);
      if (cpu.length === ts.length) out[`${c.name}: CPU (ms, median of ${runs})`] = round(median(cpu), 0);
    }
    return out;
  } finally {
    rmSync(npmOut, { recursive: true, force: true });
  }
}
