// A build's record log (build/record-log.ts): a build's commits append to a log of its own instead of
// reading and writing the (shared) manifest; the log is folded into manifest.json now and then and at the
// build's end, or by the next build when the build was killed.
import { describe, it, expect } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { RecordLog, foldRecordLog, recordLogName, recordLogs } from '../../pipeline/build/record-log.js';
import { emptyManifest, readManifest, type SourceRecord } from '../../pipeline/build/manifest.js';
import { sanitizeRecord } from '../../pipeline/build/owned.js';
import { bin } from '../e2e/helpers.js';
import { briefsAsync, shardedProject } from './shard-project.js';

const G = 'a'.repeat(32);

function record(slug: string, digest: string, out = `${slug}/${slug}.zh-Hans.md`): SourceRecord {
  return {
    slug,
    status: 'built',
    inputs: { source: digest },
    terms: [],
    glossary: G,
    needsTranslation: 0,
    dropped: [],
    outputs: [{ path: out, lang: 'zh-Hans', format: 'md', digest, bytes: 1 }],
  };
}

describe('record log', () => {
  it('folds what was appended, a later record of a source replacing an earlier one, the glossary written once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-log-'));
    const log = new RecordLog(dir, recordLogName({ index: 2, count: 3 }));
    log.append(record('a', '1'), { t1: 'x' });
    log.append(record('b', '2'), { t1: 'x' });
    log.append(record('a', '3'), { t1: 'x' });
    const text = readFileSync(path.join(dir, log.name), 'utf8');
    expect(text.match(/"entries"/g)).toHaveLength(1);
    const m = emptyManifest('tool');
    foldRecordLog(m, dir, log.name, sanitizeRecord);
    expect(Object.keys(m.sources).sort()).toEqual(['a', 'b']);
    expect(m.sources.a.inputs.source).toBe('3');
    expect(m.glossaries[G]).toEqual({ t1: 'x' });
    // the tool's view of out/ has them although manifest.json was never written
    expect(Object.keys(readManifest(dir, 'tool').sources).sort()).toEqual(['a', 'b']);
    expect(recordLogs(dir)).toEqual([{ name: log.name, running: false }]);
  });

  it("tells a running build's log from a killed one's by the build's lock, for a shard and for a whole build", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-log-'));
    const whole = new RecordLog(dir, recordLogName());
    const shard = new RecordLog(dir, recordLogName({ index: 1, count: 2 }));
    whole.append(record('a', '1'), {});
    shard.append(record('b', '2'), {});
    expect(recordLogs(dir).map((l) => l.running)).toEqual([false, false]);
    mkdirSync(path.join(dir, '.briefs-build.lock'));
    expect(recordLogs(dir)).toEqual([
      { name: shard.name, running: false },
      { name: whole.name, running: true },
    ]);
    expect(Object.keys(readManifest(dir, 'tool').sources).sort()).toEqual(['a', 'b']);
  });

  it('skips a torn last line, lines that are not records, and outputs outside out/<slug>/', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-log-'));
    const log = new RecordLog(dir, recordLogName({ index: 1, count: 2 }));
    log.append(record('a', '1'), {});
    appendFileSync(path.join(dir, log.name), 'not json\n[1,2]\nnull\n');
    appendFileSync(path.join(dir, log.name), JSON.stringify({ record: record('evil', '2', '../../etc/passwd') }) + '\n');
    appendFileSync(path.join(dir, log.name), JSON.stringify({ record: record('c', '4') }).slice(0, 40));
    const m = emptyManifest('tool');
    foldRecordLog(m, dir, log.name, sanitizeRecord);
    expect(Object.keys(m.sources).sort()).toEqual(['a', 'evil']);
    // an output outside out/<slug>/ is dropped from the record, so it is never written or deleted
    expect(m.sources.evil.outputs).toEqual([]);
  });
});

describe.each([
  ['a shard', ['--shard', '1/2'], recordLogName({ index: 1, count: 2 }), 3],
  ['a build of the whole of out/', [], recordLogName(), 6],
] as const)('%s killed mid-build', (_, args, logName, sources) => {
  it('keeps the sources it completed (in its log), and its next run skips them and folds the log into manifest.json', async () => {
    const { dir } = shardedProject(2, 3);
    const out = path.join(dir, 'out');
    const child = spawn(process.execPath, [bin, 'build', ...args, '--json', '--workers', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    const done = await new Promise<string | undefined>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d) => {
        buf += d;
        const m = /"event":"done"[^\n]*"slug":"([^"]+)"|"slug":"([^"]+)"[^\n]*"event":"done"/.exec(buf);
        if (m) {
          child.kill('SIGKILL');
          resolve(m[1] ?? m[2]);
        }
      });
      child.on('exit', () => resolve(undefined));
    });
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.on('exit', r)));
    expect(done).toBeDefined();
    const logFile = path.join(out, logName);
    expect(existsSync(logFile)).toBe(true);

    const again = await briefsAsync(dir, 'build', ...args, '--json');
    expect(again.code, again.stderr).toBe(0);
    const skipped = again.stdout
      .split('\n')
      .filter((l) => l.includes('"event":"skip"'))
      .map((l) => JSON.parse(l).slug);
    expect(skipped).toContain(done);
    expect(existsSync(logFile)).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.briefs-records'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.sources)).toHaveLength(sources);
    expect(manifest.sources[done!].outputs.length).toBeGreaterThan(0);
  }, 120_000);
});
