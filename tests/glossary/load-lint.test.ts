import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTermFile, loadGlossary } from '../../pipeline/glossary/load.js';
import { lintGlossary } from '../../pipeline/glossary/lint.js';
import { UserError } from '../../pipeline/diagnostics.js';
import { createHantConverter } from '../../pipeline/localize/hant.js';

const toHant = createHantConverter({ quotes: false });
const FIX = 'tests/fixtures/glossary';
const rules = (ds: { source?: string | null; ruleId?: string | null }[]) => ds.map((d) => `${d.source}:${d.ruleId}`);

describe('parseTermFile', () => {
  it('derives zh-Hant, ids, and zh-Hant variants and forbidden forms', () => {
    const { terms, diagnostics } = parseTermFile(
      `- zh-Hans: 北约东扩\n  en: NATO enlargement\n  variants:\n    zh-Hans: [北约扩张]\n  forbidden:\n    zh-Hans:\n      - term: 北约扩大\n  category: concept\n`,
      'a.yaml',
      toHant,
    );
    expect(diagnostics).toEqual([]);
    expect(terms[0]).toMatchObject({
      id: 'nato-enlargement',
      'zh-Hant': '北約東擴',
      variants: { 'zh-Hans': ['北约扩张'], 'zh-Hant': ['北約擴張'] },
      forbidden: { 'zh-Hans': [{ term: '北约扩大' }], 'zh-Hant': [{ term: '北約擴大' }] },
      origin: { file: 'a.yaml', line: 1, column: 3 },
    });
  });

  it('keeps a stored zh-Hant and the intended mark', () => {
    const { terms } = parseTermFile(`- zh-Hans: 特朗普\n  zh-Hant: 川普\n  hant-intended: true\n  en: Donald Trump\n  category: person\n`, 'a.yaml', toHant);
    expect(terms[0]).toMatchObject({ 'zh-Hant': '川普', hantIntended: true, id: 'donald-trump' });
  });

  it('locates every schema error at file:line:column', () => {
    const text = readFileSync(`${FIX}/schema-errors/terms.yaml`, 'utf8');
    const { terms, diagnostics } = parseTermFile(text, 'terms.yaml', toHant);
    expect(terms).toEqual([]);
    const got = diagnostics.map((d) => `${d.line}:${d.column} ${d.reason}`).sort();
    expect(got).toEqual(
      [
        '10:3 entry 3 lacks the required field "zh-Hans"',
        '3:13 entry 1: "category" must be one of: concept, person, place, organisation, document, event, other',
        '5:12 entry 2: "zh-Hans" is empty',
        '8:3 entry 2 has an unknown field "colour"',
      ].sort(),
    );
    expect(new Set(rules(diagnostics))).toEqual(new Set(['glossary:schema']));
  });

  it('reports YAML syntax errors with their line', () => {
    const { diagnostics } = parseTermFile('- zh-Hans: 北约\n  en: [NATO\n', 'bad.yaml', toHant);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(rules(diagnostics)[0]).toBe('glossary:yaml-syntax');
    expect(diagnostics[0].line).toBeGreaterThanOrEqual(1);
    expect(diagnostics[0].file).toBe('bad.yaml');
  });

  it('allows an empty file', () => {
    expect(parseTermFile('# nothing yet\n', 'e.yaml', toHant)).toEqual({ terms: [], diagnostics: [], raw: [] });
  });
});

describe('loadGlossary', () => {
  it('loads the shipped glossary: at least 80 entries, sorted by id, with sources', () => {
    const { terms } = loadGlossary('glossary', { toHant });
    expect(terms.length).toBeGreaterThanOrEqual(80);
    const ids = terms.map((t) => t.id);
    expect(ids).toEqual([...ids].sort());
    const byZh = new Map(terms.map((t) => [t['zh-Hans'], t]));
    expect(byZh.get('共同安全')?.en).toBe('common security');
    expect(byZh.get('安全保障')?.en.toLowerCase()).toBe('security guarantee');
    expect(byZh.get('赫格塞思')?.forbidden['zh-Hans']).toEqual([{ term: '赫格塞斯', use: '赫格塞思' }]);
    expect(byZh.get('北约')?.sources).toContain('siis-2025-common-security');
  });

  it('refuses a missing folder and schema errors with a UserError listing them all', () => {
    expect(() => loadGlossary('tests/fixtures/glossary/nope', { toHant })).toThrow(UserError);
    try {
      loadGlossary(`${FIX}/schema-errors`, { toHant });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).diagnostics).toHaveLength(4);
      expect((err as UserError).diagnostics.every((d) => String(d.file).endsWith('terms.yaml') && d.line)).toBe(true);
    }
  });
});

describe('lintGlossary', () => {
  it('passes on the shipped glossary', () => {
    const { terms } = loadGlossary('glossary', { toHant });
    expect(lintGlossary(terms, toHant, { knownSources: ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum'] })).toEqual([]);
  });

  it('reports one Chinese term with two English renderings at both entries', () => {
    const { terms } = loadGlossary(`${FIX}/two-english`, { toHant });
    const ds = lintGlossary(terms, toHant).filter((d) => d.ruleId === 'two-english');
    expect(ds.map((d) => d.line)).toEqual([3, 11]);
    expect(ds[0].reason).toContain('“NATO”');
    expect(ds[0].reason).toContain('“North Atlantic Alliance”');
  });

  const lint = (yaml: string) => {
    const r = parseTermFile(yaml, 'x.yaml', toHant);
    expect(r.diagnostics).toEqual([]);
    return lintGlossary(r.terms, toHant);
  };

  it('reports one English rendering for two Chinese terms', () => {
    const ds = lint(`- zh-Hans: 志愿者联盟\n  en: coalition of the willing\n  category: concept\n- id: cotw\n  zh-Hans: 自愿联盟\n  en: Coalition of the Willing\n  category: concept\n`);
    expect(rules(ds)).toEqual(['glossary:two-chinese', 'glossary:two-chinese']);
  });

  it('reports duplicates', () => {
    const ds = lint(`- zh-Hans: 北约\n  en: NATO\n  category: organisation\n- zh-Hans: 北约\n  en: NATO\n  category: organisation\n`);
    expect(rules(ds)).toContain('glossary:duplicate-entry');
  });

  it('reports a forbidden form that is also accepted', () => {
    const ds = lint(`- zh-Hans: 赫格塞思\n  en: Pete Hegseth\n  variants:\n    zh-Hans: [赫格塞斯]\n  forbidden:\n    zh-Hans:\n      - term: 赫格塞斯\n        use: 赫格塞思\n  category: person\n`);
    const d = ds.find((x) => x.ruleId === 'forbidden-accepted')!;
    expect(d).toBeDefined();
    expect([d.line, d.column]).toEqual([7, 15]);
  });

  it('reports a zh-Hant that differs from the conversion unless marked intended', () => {
    const ds = lint(`- zh-Hans: 普京\n  zh-Hant: 普丁\n  en: Vladimir Putin\n  category: person\n`);
    expect(rules(ds)).toEqual(['glossary:hant-unmarked']);
    expect([ds[0].line, ds[0].column]).toEqual([2, 12]);
    expect(lint(`- zh-Hans: 普京\n  zh-Hant: 普丁\n  hant-intended: true\n  en: Vladimir Putin\n  category: person\n`)).toEqual([]);
  });

  it('reports malformed fields', () => {
    const ds = lint(`- zh-Hans: NATO\n  en: 北约\n  category: organisation\n`);
    expect(rules(ds).filter((r) => r === 'glossary:malformed').length).toBeGreaterThanOrEqual(2);
  });
});
