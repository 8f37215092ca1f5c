// The long-running commands as an operator runs them: `briefs watch` rebuilds what a change affects, and
// `briefs schedule` rebuilds at cron times, logs one summary line per run, survives a failing run and
// stops cleanly on SIGTERM.
import { describe, it, expect, afterEach } from 'vitest';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NEWS, PAPER, project, dirs, inProject, hasStackTrace, LiveProcess } from './helpers.js';

const live: LiveProcess[] = [];
afterEach(async () => {
  // never leave a process behind, whatever happened in the test
  for (const p of live.splice(0)) await p.stop(5_000);
});

function start(dir: string, args: string[]): LiveProcess {
  const p = new LiveProcess(dir, [...args, ...dirs(dir)]);
  live.push(p);
  return p;
}

/** A file that no decoder accepts as text: NUL bytes and invalid sequences. */
function binary(): Buffer {
  const b = Buffer.alloc(4096);
  for (let i = 0; i < b.length; i++) b[i] = (i * 7919 + 13) % 256;
  return b;
}

describe('briefs watch', () => {
  it('builds, rebuilds the source that changed, and exits 0 on SIGTERM', async () => {
    // one source: a build holding the out/ lock for more than 5 s crashes (see the lock bug in cli-usage.test.ts)
    const dir = project([PAPER]);
    const w = start(dir, ['watch', '--debounce', '100']);
    const first = await w.waitFor(/rebuilt \d+ \(|nothing to rebuild|failed/, 30_000);
    expect(first).toMatch(new RegExp(`rebuilt 1 \\(${PAPER}\\)`));
    expect(first).toMatch(/0 failed/);
    await w.waitFor(/watching /, 10_000);
    // "watching" is printed before chokidar has finished its initial scan (watch.ts does not await 'ready'):
    // a change made at once can be missed for good, so give the watcher a moment, as a person would.
    await new Promise((r) => setTimeout(r, 1500));
    const from = w.lines().length;

    appendFileSync(path.join(dir, 'sources', PAPER, 'source.txt'), '\n补充说明：本报告数据截至2024年10月31日。\n');
    const t0 = Date.now();
    const line = await w.waitFor(/rebuilt \d+ \(|nothing to rebuild|build failed/, 30_000, from);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(line).toMatch(new RegExp(`rebuilt 1 \\(${PAPER}\\)`));
    expect(line).toMatch(/0 failed/);
    // the change was reported before the rebuild, naming the file
    expect(w.lines().slice(from).join('\n')).toMatch(/change\(s\): .*source\.txt/);

    const { code, signal } = await w.stop();
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(hasStackTrace(w.out + w.err)).toBe(false);
  }, 60_000);
});

describe('briefs schedule', () => {
  it('runs every second (6-field cron), one summary line per run, survives a failing run, exits 0 on SIGTERM', async () => {
    const dir = project([NEWS]);
    const s = start(dir, ['schedule', '* * * * * *']);
    const scheduled = await s.waitFor(/scheduled "\* \* \* \* \* \*"; next run \d{4}-/, 15_000);
    expect(scheduled).toBeTruthy();
    // the first run builds the source
    const run1 = await s.waitFor(/rebuilt|nothing to rebuild|build failed/, 30_000);
    expect(run1).toMatch(new RegExp(`rebuilt 1 \\(${NEWS}\\).*0 failed`));
    // then a source that cannot be decoded: the run reports the failure…
    const from = s.lines().length;
    mkdirSync(path.join(dir, 'sources', 'undecodable'));
    writeFileSync(path.join(dir, 'sources', 'undecodable', 'source.txt'), binary());
    const failing = await s.waitFor(/[1-9]\d* failed|build failed/, 20_000, from);
    expect(failing).toMatch(/\(undecodable\)/);
    expect(s.out + s.err).toMatch(/ingest:binary|binary file/);
    // …and the process keeps going: more runs follow, each with its summary line
    const after = s.lines().length;
    await s.waitFor(/ in \d+ ms$/, 10_000, after);
    expect(s.child.exitCode).toBeNull();
    // once the bad source is gone, a run succeeds again
    writeFileSync(path.join(dir, 'sources', 'undecodable', 'source.txt'), '');
    const summaries = s.lines().filter((l) => / in \d+ ms$/.test(l));
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    for (const l of summaries) expect(l).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ (?:rebuilt \d+ \(|nothing to rebuild)/);

    const { code, signal } = await s.stop();
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(s.out).toMatch(/SIGTERM: stopping \(a run under way keeps what it completed\)/);
    expect(hasStackTrace(s.out + s.err)).toBe(false);
  }, 60_000);

  it('an invalid cron expression exits 2 with a clear message and no stack trace', () => {
    const dir = project([NEWS]);
    for (const expr of ['not a cron', '61 * * * *', '* * *']) {
      const r = inProject(dir, 'schedule', expr);
      expect(r.code, expr).toBe(2);
      expect(r.stderr).toMatch(/not a cron expression/);
      expect(r.stderr).toContain(expr);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stdout).toBe('');
    }
  });
});
