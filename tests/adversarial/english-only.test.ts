// A source with no Chinese at all (an English report given as the main source) built an empty brief
// with exit 0; it is refused at ingest, so parse and build say the same. A Chinese source with English
// paragraphs still builds.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../../pipeline/ingest/index.js';
import { UserError } from '../../pipeline/diagnostics.js';
import { smallProject, run, hasStackTrace, SOURCE } from './helpers.js';

const ENGLISH = `Common Security in Europe

This report discusses European security after the war in Ukraine. The EU pledged 30.6 billion euros.

On 16 May 2025, Zelensky called for common security. Growth was 3 percent.
`;

describe('an English-only source', () => {
  it('ingest refuses it, located at its first text', () => {
    let err: unknown;
    try {
      ingest({ slug: 'en', file: 'source.txt', bytes: new TextEncoder().encode('\n\n  ' + ENGLISH), format: 'txt' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const d = (err as UserError).diagnostics[0];
    expect([`${d.source}:${d.ruleId}`, d.line, d.column]).toEqual(['ingest:no-chinese', 3, 3]);
    expect(d.reason).toMatch(/no Chinese text.*English-only sources are not supported as the main source/);
  });

  for (const file of ['source.txt', 'source.md']) {
    it(`${file}: parse and build fail with exit 1 and the same located error; nothing is written`, () => {
      const dir = smallProject({ [`sources/report/${file}`]: ENGLISH });
      const p = run(dir, 'parse', 'report');
      expect(p.code).toBe(1);
      expect(p.stderr).toMatch(new RegExp(`${file.replace('.', '\\.')}:1:1: error: nothing to brief: no Chinese text.*\\[ingest:no-chinese\\]`));
      expect(hasStackTrace(p.stderr)).toBe(false);
      const b = run(dir, 'build');
      expect(b.code).toBe(1);
      expect(b.stdout + b.stderr).toMatch(new RegExp(`${file.replace('.', '\\.')}:1:1: error: nothing to brief: no Chinese text`));
      expect(existsSync(path.join(dir, 'out/report'))).toBe(false);
      const j = run(dir, '--json', 'build');
      const done = j.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l))
        .find((e) => e.event === 'done' && e.slug === 'report');
      expect(done).toMatchObject({ status: 'failed' });
      expect(done.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['ingest:no-chinese']);
    });
  }

  it('a Chinese source with English paragraphs still builds', () => {
    const dir = smallProject({ 'sources/mixed/source.txt': SOURCE + '\nThe EU pledged 30.6 billion euros, the report says.\n\nAn English closing paragraph.\n' });
    const b = run(dir, 'build');
    expect(b.code, b.stdout + b.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'out/mixed/mixed.zh-Hans.md'))).toBe(true);
  });
});
