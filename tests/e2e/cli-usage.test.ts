// The command line as a new user meets it: help everywhere, usage mistakes (exit 2), unknown sources
// (exit 1, a clear message, never a stack trace), and --json that machines can read.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PAPER, NEWS, project, briefs, inProject, events, hasStackTrace } from './helpers.js';

const COMMANDS = [
  [],
  ['build'],
  ['parse'],
  ['hant'],
  ['glossary'],
  ['glossary', 'lint'],
  ['glossary', 'check'],
  ['glossary', 'suggest'],
  ['glossary', 'export'],
  ['glossary', 'import'],
  ['xliff'],
  ['xliff', 'export'],
  ['xliff', 'import'],
  ['qa'],
  ['watch'],
  ['schedule'],
];

describe('briefs --help', () => {
  let dir: string;
  beforeAll(() => {
    dir = project([PAPER]);
  });

  it.each(COMMANDS.map((c) => [c.join(' ') || '(no command)', c]))('%s --help exits 0 with a usage line', (_name, cmd) => {
    const r = briefs(dir, [...(cmd as string[]), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: briefs${(cmd as string[]).map((c) => ` ${c}`).join('')}\\b`));
    expect(r.stderr).toBe('');
  });
});

describe('usage mistakes exit 2', () => {
  let dir: string;
  beforeAll(() => {
    dir = project([PAPER]);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['build', '--frobnicate'], /unknown option '--frobnicate'/],
    [['parse', PAPER, '--no-such-flag'], /unknown option '--no-such-flag'/],
    [['glossary', 'frobnicate'], /unknown command 'frobnicate'/],
    [['parse'], /missing required argument/],
    [['schedule'], /missing required argument/],
    [['build', '--shard', 'x/y'], /shard/],
  ])('briefs %j', (args, message) => {
    const r = inProject(dir, ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });
});

describe('an unknown source exits 1 with a clear message and no stack trace', () => {
  let dir: string;
  beforeAll(() => {
    dir = project([PAPER, NEWS]);
  });

  it.each([
    [['build', 'no-such-source']],
    [['parse', 'no-such-source']],
    [['qa', 'no-such-source']],
    [['xliff', 'export', 'no-such-source']],
    [['glossary', 'suggest', 'no-such-source']],
  ])('briefs %j', (args) => {
    const r = inProject(dir, ...(args as string[]));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no source named "no-such-source"/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr + r.stdout).not.toMatch(/\.js:\d+/);
    // …and with --json the error is JSON too
    const j = inProject(dir, ...(args as string[]), '--json');
    expect(j.code).toBe(1);
    const text = (j.stdout.trim() || j.stderr.trim()).split('\n')[0];
    const parsed = JSON.parse(text) as { ok: boolean; diagnostics: { rule: string; severity: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics[0]).toMatchObject({ rule: 'build:unknown-source', severity: 'error' });
  });
});

describe('--json output parses', () => {
  let dir: string;
  beforeAll(() => {
    dir = project([PAPER, NEWS]);
  });

  it('parse, build, qa, glossary lint/check, xliff export', () => {
    const parse = inProject(dir, 'parse', PAPER, '--json');
    expect(parse.code).toBe(0);
    expect(JSON.parse(parse.stdout)).toMatchObject({ slug: PAPER, kind: 'report' });

    const build = inProject(dir, 'build', NEWS, '--json');
    expect(build.code, build.stderr).toBe(0);
    const lines = build.stdout.trim().split('\n');
    for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow();
    expect(events(build.stdout).map((e) => e.event)).toEqual(['plan', 'start', 'done', 'summary']);

    for (const args of [['qa'], ['glossary', 'lint'], ['glossary', 'check'], ['xliff', 'export', PAPER]]) {
      const r = inProject(dir, ...args, '--json');
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const v = JSON.parse(r.stdout) as { ok: boolean };
      expect(v.ok, args.join(' ')).toBe(true);
    }
  });

  it('hant --json prints JSON', () => {
    const f = path.join(dir, 'in.txt');
    writeFileSync(f, '中国发展\n');
    const r = inProject(dir, 'hant', f, '--json');
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});

// proper-lockfile refreshes the lock every few seconds: a long build must not be declared compromised.
describe('a build longer than the lock refresh interval', () => {
  it('finishes (exit 0, no stack trace)', () => {
    const dir = project([PAPER, NEWS]);
    // 40 distinct sources on one worker: well over 5 s of holding the lock
    const text = readFileSync(path.join(dir, 'sources', PAPER, 'source.txt'), 'utf8');
    for (let i = 1; i <= 40; i++) {
      mkdirSync(path.join(dir, 'sources', `draft-${i}`));
      writeFileSync(path.join(dir, 'sources', `draft-${i}`, 'source.txt'), text.replace('数字贸易已成为', `数字贸易（第${i}稿）已成为`));
    }
    const r = inProject(dir, 'build', '--workers', '1', '--json');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(events(r.stdout).find((e) => e.event === 'summary')).toMatchObject({ failed: 0 });
  }, 120_000);
});

describe('a source with nothing to brief', () => {
  it('fails with a clear message (exit 1), and the other sources still build', () => {
    const dir = project([PAPER]);
    for (const [slug, file, text] of [
      ['blank', 'source.txt', ''],
      ['headline-only', 'source.md', '# 只有一个标题\n'],
    ]) {
      mkdirSync(path.join(dir, 'sources', slug), { recursive: true });
      writeFileSync(path.join(dir, 'sources', slug, file), text);
    }
    const r = inProject(dir, 'build', '--json');
    expect(r.code).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    const done = events(r.stdout).filter((e) => e.event === 'done');
    for (const slug of ['blank', 'headline-only']) {
      const e = done.find((x) => x.slug === slug) as { status: string; diagnostics: { rule: string }[] };
      expect(e.status).toBe('failed');
      expect(e.diagnostics.map((d) => d.rule)).toContain('build:empty-source');
    }
    expect(done.find((x) => x.slug === PAPER)?.status).not.toBe('failed');
  });
});
