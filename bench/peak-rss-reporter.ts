// Loaded with `node --import` into a CLI process the bench spawns: at exit, writes the process's peak
// resident set size and CPU time (all threads) as JSON to the file named by BRIEFS_BENCH_REPORT.
import { writeFileSync } from 'node:fs';

const file = process.env.BRIEFS_BENCH_REPORT;
if (file)
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }) + '\n');
  });
