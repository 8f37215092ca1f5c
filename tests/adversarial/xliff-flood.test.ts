// A translator's XLIFF of thousands of units the source does not know: `xliff import` prints the first
// 20 refusals and one line that counts the rest (it printed one line per unit: 244,000 for a 61 MB
// file). --json still lists every one.
import { describe, expect, it } from 'vitest';
import { writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { writeXliff20 } from '../../pipeline/localize/xliff.js';
import { summarizeDiagnostics } from '../../pipeline/localize/roundtrip.js';
import { diagnostic } from '../../pipeline/diagnostics.js';
import { smallProject, run, hasStackTrace } from './helpers.js';

const UNITS = 5000;

function flood(): string {
  return writeXliff20(
    'demo',
    Array.from({ length: UNITS }, (_, i) => ({ id: `s${i.toString(16).padStart(15, '0')}`, source: `未知句子${i}。`, target: `Unknown sentence ${i}.`, state: 'final' as const })),
  );
}

describe('xliff import of 5,000 unknown units', () => {
  it('prints at most ~25 lines, the first 20 refusals, and the total', () => {
    const dir = smallProject();
    writeFileSync(path.join(dir, 'flood.xlf'), flood());
    const r = run(dir, 'xliff', 'import', 'flood.xlf');
    expect(r.code, r.stderr).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const lines = (r.stdout + r.stderr).trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    expect(r.stderr.match(/\[localize:refused-unit\]$/gm)).toHaveLength(21);
    expect(r.stderr).toMatch(/^flood\.xlf: warning: … and 4,980 more unit\(s\) refused: 4,980 with unknown ids \(--json lists every one\)  \[localize:refused-unit\]$/m);
    expect(r.stdout).toMatch(/0 added, 0 changed, 0 unchanged, 5000 refused/);
    expect(existsSync(path.join(dir, 'sources/demo/en.xlf'))).toBe(false);
    const j = run(dir, '--json', 'xliff', 'import', 'flood.xlf');
    const out = JSON.parse(j.stdout);
    expect(out.diagnostics).toHaveLength(UNITS);
    expect(out.refused).toHaveLength(UNITS);
  });
});

describe('summarizeDiagnostics', () => {
  it('keeps the first 20 of each rule and counts the rest per rule and kind', () => {
    const ds = [
      ...Array.from({ length: 30 }, (_, i) => diagnostic({ rule: 'localize:refused-unit', severity: 'warning', file: 'f.xlf', reason: `unit ${i}`, data: { refusal: i % 2 ? 'empty-target' : 'unknown-id' } })),
      ...Array.from({ length: 3 }, () => diagnostic({ rule: 'localize:wrong-language', severity: 'warning', file: 'f.xlf', reason: 'x' })),
    ];
    const s = summarizeDiagnostics(ds);
    expect(s).toHaveLength(24);
    expect(s[23].reason).toBe('… and 10 more unit(s) refused: 5 with unknown ids, 5 with empty targets (--json lists every one)');
    expect(summarizeDiagnostics(ds.slice(0, 20))).toHaveLength(20);
  });
});
