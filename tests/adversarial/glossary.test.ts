// Term files (glossary/*.yaml) and meta.yaml that are wrong in ways a parser struggles with: a duplicate
// key is located where it is; nesting far too deep and alias bombs are located errors, quickly, never a
// crash.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseTermFile, defaultToHant } from '../../pipeline/glossary/load.js';
import { parseMeta } from '../../pipeline/ingest/meta.js';
import { UserError } from '../../pipeline/diagnostics.js';
import { MAX_YAML_DEPTH } from '../../pipeline/yaml-limits.js';
import { smallProject, run, hasStackTrace, GLOSSARY } from './helpers.js';

const toHant = defaultToHant();
const N = 10_000;

const DUPLICATE = `- zh-Hans: 共同安全
  en: common security
  category: concept
- zh-Hans: 欧盟
  en: European Union
  en: EU
  category: organisation
`;

const ENTRY = '- zh-Hans: 中国\n  en: China\n  category: place\n  note: ';
/** Term files nested too deep, in every way YAML nests; the line where each goes too deep. */
const DEEP: Record<string, { text: string; line: number }> = {
  'flow sequences': { text: ENTRY + '['.repeat(N) + ']'.repeat(N) + '\n', line: 4 },
  'flow maps': { text: ENTRY + '{a: '.repeat(N) + '1' + '}'.repeat(N) + '\n', line: 4 },
  'block sequences on one line': { text: '- '.repeat(N) + 'x\n', line: 1 },
  'block maps by indentation': { text: ENTRY + '\n' + Array.from({ length: 2000 }, (_, i) => '  '.repeat(i + 2) + 'a:\n').join(''), line: 4 + MAX_YAML_DEPTH },
  'just past the limit': { text: ENTRY + '['.repeat(MAX_YAML_DEPTH + 5) + ']'.repeat(MAX_YAML_DEPTH + 5) + '\n', line: 4 },
};

let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;

describe('a duplicate key', () => {
  it('is located at the second key, and names it', () => {
    const r = parseTermFile(DUPLICATE, 't.yaml', toHant);
    expect(r.terms).toEqual([]);
    expect(r.diagnostics.map((d) => [`${d.source}:${d.ruleId}`, d.line, d.column, d.reason])).toEqual([
      ['glossary:yaml-syntax', 6, 3, 'YAML: Map keys must be unique (“en” is given twice)'],
    ]);
  });

  it('glossary lint says t.yaml:6:3 (was 1:1)', () => {
    const dir = smallProject();
    writeFileSync(path.join(dir, 'glossary/terms.yaml'), DUPLICATE);
    const r = run(dir, 'glossary', 'lint');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/terms\.yaml:6:3: error: YAML: Map keys must be unique \(“en” is given twice\)/);
  });

  it('other syntax errors keep their real place too', () => {
    const r = parseTermFile('- zh-Hans: 中国\n  en: China\n category: place\n', 't.yaml', toHant);
    expect(r.diagnostics[0].line).toBe(3);
  });
});

describe('nesting far too deep', () => {
  for (const [name, c] of Object.entries(DEEP)) {
    it(`${name}: glossary:too-deep at its line, quickly`, () => {
      const t0 = performance.now();
      const r = parseTermFile(c.text, 't.yaml', toHant);
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(r.terms).toEqual([]);
      expect(r.diagnostics).toHaveLength(1);
      const d = r.diagnostics[0];
      expect(`${d.source}:${d.ruleId}`).toBe('glossary:too-deep');
      expect(d.line).toBe(c.line);
      expect(d.reason).toMatch(/nested more than 32 levels deep/);
    });
  }

  it('the CLI: glossary lint and build report it located, exit 1, no stack trace', () => {
    const dir = smallProject();
    writeFileSync(path.join(dir, 'glossary/deep.yaml'), DEEP['flow sequences'].text);
    const lint = run(dir, 'glossary', 'lint');
    expect(lint.code).toBe(1);
    expect(lint.stderr).toMatch(/deep\.yaml:4:\d+: error: YAML nested more than 32 levels deep.*\[glossary:too-deep\]/);
    expect(hasStackTrace(lint.stderr)).toBe(false);
    const build = run(dir, 'build');
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).toMatch(/deep\.yaml:4:\d+: error: YAML nested more than 32 levels deep/);
    expect(hasStackTrace(build.stderr)).toBe(false);
  });

  it('meta.yaml nested too deep: ingest:too-deep, located', () => {
    let err: unknown;
    try {
      parseMeta('title: 标题\nauthors: ' + '['.repeat(N) + ']'.repeat(N) + '\n', 'meta.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const d = (err as UserError).diagnostics[0];
    expect([`${d.source}:${d.ruleId}`, d.line]).toEqual(['ingest:too-deep', 2]);
    const dir = smallProject({ 'sources/demo/source.txt': '共同安全简报\n\n本报告讨论欧洲安全问题。\n', 'sources/demo/meta.yaml': '- '.repeat(N) + 'x\n' });
    const r = run(dir, 'parse', 'demo');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/meta\.yaml:1:\d+: error: .*YAML nested more than 32 levels deep.*\[ingest:too-deep\]/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('an alias bomb', () => {
  it('is refused at its first alias (was "internal error", exit 70)', () => {
    const r = parseTermFile(bomb, 't.yaml', toHant);
    expect(r.diagnostics.map((d) => [`${d.source}:${d.ruleId}`, d.line, d.column])).toEqual([['glossary:yaml-syntax', 2, 10]]);
    const dir = smallProject();
    writeFileSync(path.join(dir, 'glossary/bomb.yaml'), bomb);
    const lint = run(dir, 'glossary', 'lint');
    expect(lint.code).toBe(1);
    expect(lint.stderr).toMatch(/bomb\.yaml:2:10: error: YAML: Excessive alias count.*\[glossary:yaml-syntax\]/);
    expect(lint.stderr).not.toMatch(/internal error/);
    expect(hasStackTrace(lint.stderr)).toBe(false);
  });

  it('a few ordinary aliases still load', () => {
    const r = parseTermFile(GLOSSARY.replace('category: concept', 'category: &c concept') + '- zh-Hans: 安全\n  en: security\n  category: *c\n', 't.yaml', toHant);
    expect(r.diagnostics).toEqual([]);
    expect(r.terms).toHaveLength(3);
  });
});
