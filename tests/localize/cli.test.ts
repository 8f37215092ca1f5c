// End to end through the binary: a temp --sources with a small source.txt, a temp --glossary.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseXliff, writeXliff20 } from '../../pipeline/localize/xliff.js';
import { parseTm } from '../../pipeline/localize/tm.js';

const ROOT = process.cwd();
let dir: string;
const SOURCE = '共同安全简报\n\n本报告讨论欧洲安全问题。欧盟承诺306亿欧元。\n\n2025年5月16日，泽连斯基呼吁共同安全。增长3%。\n';
const GLOSSARY = `- zh-Hans: 共同安全
  en: common security
  category: concept
- zh-Hans: 泽连斯基
  en: Zelensky
  forbidden:
    en:
      - term: Zelenskiy
  category: person
- zh-Hans: 欧盟
  en: European Union
  variants:
    en: [EU]
  category: organisation
`;
const GOOD: Record<string, string> = {
  '共同安全简报': 'Common Security Briefing',
  '本报告讨论欧洲安全问题。': 'This report discusses European security.',
  '欧盟承诺306亿欧元。': 'The EU pledged €30.6 billion.',
  '2025年5月16日，泽连斯基呼吁共同安全。': 'On 16 May 2025 Zelensky called for common security.',
  '增长3%。': 'Growth of 3 percent.',
};

function briefs(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/briefs.js'), '--sources', path.join(dir, 'sources'), '--glossary', path.join(dir, 'glossary'), '--out', path.join(dir, 'out'), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The exported file with targets filled in by `fill`, written where a translator would return it. */
function translate(fill: (src: string) => string, name: string): string {
  const exported = readFileSync(path.join(dir, 'out/demo/demo.en.xlf'), 'utf8');
  const units = parseXliff(exported).files[0].units;
  const file = path.join(dir, name);
  writeFileSync(file, writeXliff20('demo', units.map((u) => ({ id: u.id, source: u.source, target: fill(u.source), state: 'final' as const }))));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-localize-'));
  mkdirSync(path.join(dir, 'sources/demo'), { recursive: true });
  mkdirSync(path.join(dir, 'glossary'));
  writeFileSync(path.join(dir, 'sources/demo/source.txt'), SOURCE);
  writeFileSync(path.join(dir, 'glossary/terms.yaml'), GLOSSARY);
});

describe('xliff export → import → qa', () => {
  it('exports what the brief needs by default, every segment with --all, with glossary terms', () => {
    const needed = briefs('xliff', 'export', 'demo', '--stdout');
    expect(needed.code, needed.stderr).toBe(0);
    const neededSources = parseXliff(needed.stdout).files[0].units.map((u) => u.source);
    expect(neededSources).toContain('共同安全简报'); // the title
    expect(neededSources.every((t) => t in GOOD)).toBe(true);
    const r = briefs('xliff', 'export', 'demo', '--all');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const xml = readFileSync(path.join(dir, 'out/demo/demo.en.xlf'), 'utf8');
    expect(parseXliff(xml).files[0].units.map((u) => u.source)).toEqual(Object.keys(GOOD));
    expect(xml).toContain('<gls:translation source="glossary">Zelensky</gls:translation>');
  });

  it('malformed XLIFF is refused with its line and nothing changes', () => {
    const xlf = path.join(dir, 'sources/demo/en.xlf');
    const before = existsSync(xlf) ? readFileSync(xlf) : undefined;
    const bad = path.join(dir, 'bad.xlf');
    copyFileSync(path.join(ROOT, 'tests/fixtures/localize/xliff/malformed.xlf'), bad);
    const r = briefs('xliff', 'import', bad, '--slug', 'demo');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.xlf:7:\d+: error: malformed XML/);
    expect(r.stderr).not.toMatch(/at .*\.js/); // no stack trace
    expect(existsSync(xlf) ? readFileSync(xlf) : undefined).toEqual(before);
  });

  it('imports the translated file; lookup then returns the translations; qa passes', () => {
    const back = translate((s) => GOOD[s], 'back.xlf');
    const r = briefs('xliff', 'import', back);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 added, 0 changed, 0 unchanged, 0 refused/);
    const tm = parseTm(readFileSync(path.join(dir, 'sources/demo/en.xlf'), 'utf8'));
    for (const u of tm.units.values()) expect(tm.lookup({ id: u.id, text: u.source })).toEqual({ status: 'exact', target: GOOD[u.source], state: 'final' });
    const qa = briefs('qa');
    expect(qa.stderr).toBe('');
    expect(qa.stdout).toMatch(/5 translations checked in 1 source: 0 errors/);
    expect(qa.code).toBe(0);
    // the brief needs nothing more
    const rest = briefs('xliff', 'export', 'demo', '--stdout');
    expect(rest.code, rest.stderr).toBe(0);
    expect(parseXliff(rest.stdout).files[0].units).toEqual([]);

    // malformed import after a good one: en.xlf bytes unchanged
    const bytes = readFileSync(path.join(dir, 'sources/demo/en.xlf'));
    expect(briefs('xliff', 'import', path.join(dir, 'bad.xlf'), '--slug', 'demo').code).toBe(1);
    expect(readFileSync(path.join(dir, 'sources/demo/en.xlf'))).toEqual(bytes);
  });

  it('qa fails with precise messages on wrong translations', () => {
    const bad: Record<string, string> = {
      ...GOOD,
      '欧盟承诺306亿欧元。': 'The European bloc pledged €30.6 million.',
      '2025年5月16日，泽连斯基呼吁共同安全。': 'On 15 May 2025 Zelenskiy called for common 安全.',
      '增长3%。': 'Growth of 3 percent.',
    };
    const back = translate((s) => bad[s], 'bad-translations.xlf');
    expect(briefs('xliff', 'import', back).stdout).toMatch(/2 changed/);
    const r = briefs('qa', 'demo');
    expect(r.code).toBe(1);
    const err = r.stderr;
    expect(err).toMatch(/source\.txt:3:13: error: check:term-missing: 欧盟 must be translated as “European Union”/);
    expect(err).toMatch(/source\.txt:3:13: error: check:number-mismatch: 306亿欧元 \(30600000000 EUR\) not found in the English; it has 30\.6 million EUR/);
    expect(err).toMatch(/source\.txt:5:1: error: check:date-mismatch: 2025年5月16日 \(2025-05-16\) not found in the English; it has 2025-05-15/);
    expect(err).toMatch(/source\.txt:5:1: error: check:forbidden-term: “Zelenskiy” is not used; write “Zelensky”/);
    expect(err).toMatch(/source\.txt:5:1: error: check:chinese-left: Chinese left in the English: “安全”/);
    expect(err).not.toMatch(/source\.txt:5:23:/);

    const j = briefs('--json', 'qa');
    expect(j.code).toBe(1);
    const out = JSON.parse(j.stdout);
    expect(out.ok).toBe(false);
    expect(out.diagnostics.find((d: { rule: string }) => d.rule === 'check:number-mismatch')).toMatchObject({
      line: 3,
      column: 13,
      expected: ['30600000000 EUR'],
      data: { rule: 'check:number-mismatch' },
    });
  });
});
