// The glossary commands as users run them: node bin/briefs.js glossary … (compiled by the global setup).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadGlossary } from '../../pipeline/glossary/load.js';
import { createHantConverter } from '../../pipeline/localize/hant.js';

const toHant = createHantConverter({ quotes: false });
const FIX = 'tests/fixtures/glossary';

function briefs(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/briefs.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = () => mkdtempSync(path.join(tmpdir(), 'briefs-glossary-'));
const strip = (terms: ReturnType<typeof loadGlossary>['terms']) => terms.map(({ origin: _o, ...t }) => t);

describe('briefs glossary lint', () => {
  it('passes on the shipped glossary', () => {
    const r = briefs('glossary', 'lint');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^glossary: \d+ entries in \d+ files: 0 errors, 0 warnings/);
  });

  it('fails with both places and both renderings when one Chinese term has two English renderings', () => {
    const r = briefs('glossary', 'lint', '--glossary', `${FIX}/two-english`);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('[glossary:two-english]'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/two-english\/terms\.yaml:3:7: error: “北约” has two English renderings: “NATO” here and “North Atlantic Alliance” at .*terms\.yaml:10/);
    expect(lines[1]).toMatch(/two-english\/terms\.yaml:11:7: error: “北约” has two English renderings: “North Atlantic Alliance” here and “NATO” at .*terms\.yaml:2/);
    expect(r.stdout).toMatch(/2 errors/);
  });

  it('reports schema errors located, as JSON too', () => {
    const r = briefs('glossary', 'lint', '--glossary', `${FIX}/schema-errors`, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.diagnostics.map((d: { line: number; rule: string }) => `${d.line}:${d.rule}`).sort()).toEqual(
      ['10:glossary:schema', '3:glossary:schema', '5:glossary:schema', '8:glossary:schema'].sort(),
    );
  });

  it('has --help', () => {
    const r = briefs('glossary', 'lint', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: briefs glossary lint');
  });
});

describe('briefs glossary suggest', () => {
  it('lists the glossed terms of the SIIS report with their lines, against an empty glossary', () => {
    const r = briefs('glossary', 'suggest', 'siis-2025-common-security', '--glossary', tmp());
    expect(r.code).toBe(0);
    const src = readFileSync('sources/siis-2025-common-security/source.txt', 'utf8').split('\n');
    const lineOf = (s: string) => src.findIndex((l) => l.includes(s)) + 1;
    for (const [zh, en] of [
      ['安全保障', 'Security Guarantee'],
      ['安全承诺', 'Security Assurance'],
      ['赫格塞思', 'Pete Hegseth'],
      ['小和田恒', 'Hisashi Owada'],
      ['斯塔默', 'Keir Starmer'],
    ]) {
      const block = new RegExp(`- zh-Hans: ${zh}\\n  en: ${en}\\n  category: (\\w+)\\n  sources: \\[siis-2025-common-security\\]\\n  evidence:\\n    - siis-2025-common-security:(\\d+):\\d+`);
      const m = block.exec(r.stdout);
      expect(m, `${zh} (${en})`).not.toBeNull();
      expect(Number(m![2])).toBe(lineOf(en));
      expect(m![1]).toBe(/Security/.test(en) ? 'concept' : 'person');
    }
    // repeated quoted terms too
    expect(r.stdout).toMatch(/- zh-Hans: 冻结冲突\n/);
    expect(r.stdout).toMatch(/- zh-Hans: 以打压谈\n/);
  });

  it('leaves out what the glossary has, and is deterministic', () => {
    const a = briefs('glossary', 'suggest', '--json');
    const b = briefs('glossary', 'suggest', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const zh = JSON.parse(a.stdout).candidates.map((c: { 'zh-Hans': string }) => c['zh-Hans']);
    for (const known of ['安全保障', '赫格塞思', '冻结冲突', '北约', '乌克兰']) expect(zh).not.toContain(known);
  });

  it('prints YAML that loads once the English is filled in', () => {
    const r = briefs('glossary', 'suggest', 'siis-2025-common-security', '--glossary', tmp(), '--kind', 'gloss');
    const dir = tmp();
    writeFileSync(path.join(dir, 'new.yaml'), r.stdout);
    const { terms } = loadGlossary(dir, { toHant });
    expect(terms.map((t) => t.en)).toContain('Hisashi Owada');
  });
});

describe('briefs glossary check', () => {
  it('counts entries per source and lists unused ones', () => {
    const r = briefs('glossary', 'check', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.sources).toEqual(['siis-2025-common-security', 'thepaper-2023-xiangshan-forum']);
    const forum = j.used.find((u: { id: string }) => u.id === 'beijing-xiangshan-forum');
    expect(forum.counts['thepaper-2023-xiangshan-forum']).toBeGreaterThan(3);
    expect(j.forbidden.some((f: { form: string }) => f.form === '赫格塞斯')).toBe(true);
  });
});

describe('briefs glossary export / import', () => {
  it('TBX export re-imports to the same glossary', () => {
    const dir = tmp();
    const file = path.join(dir, 'g.tbx');
    expect(briefs('glossary', 'export', '--format', 'tbx', '--output', file).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">');
    expect(text).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    const into = tmp();
    const r = briefs('glossary', 'import', file, '--glossary', into);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(strip(loadGlossary(into, { toHant }).terms)).toEqual(strip(loadGlossary('glossary', { toHant }).terms));
    // importing again adds nothing
    const again = briefs('glossary', 'import', file, '--glossary', into);
    expect(again.stdout).toMatch(/0 new entries, \d+ already present, 0 conflicts/);
  });

  it('CSV export re-imports to the same glossary', () => {
    const csv = briefs('glossary', 'export', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('id,category,zh-Hans,zh-Hant,en,variants:zh-Hans,variants:zh-Hant,variants:en,forbidden:zh-Hans,forbidden:zh-Hant,forbidden:en,note,sources,domain,subject,generic');
    const dir = tmp();
    writeFileSync(path.join(dir, 'g.csv'), csv.stdout);
    const into = tmp();
    expect(briefs('glossary', 'import', path.join(dir, 'g.csv'), '--glossary', into).code).toBe(0);
    expect(strip(loadGlossary(into, { toHant }).terms)).toEqual(strip(loadGlossary('glossary', { toHant }).terms));
  });

  it('imports a Weblate-style TBX v2 (martif) file, normalizing language tags', () => {
    const into = tmp();
    const r = briefs('glossary', 'import', `${FIX}/weblate-v2.tbx`, '--glossary', into, '--into', path.join(into, 'weblate.yaml'));
    expect(r.code).toBe(0);
    const { terms } = loadGlossary(into, { toHant });
    const byEn = new Map(terms.map((t) => [t.en, t]));
    expect(byEn.get('security dilemma')).toMatchObject({ 'zh-Hans': '安全困境', 'zh-Hant': '安全困境', note: 'A classic of realist theory.' });
    expect(byEn.get('Kyiv')).toMatchObject({ 'zh-Hans': '基辅', 'zh-Hant': '基輔' });
    expect(byEn.get('Kyiv')?.hantIntended).toBeUndefined();
    expect(byEn.get('Mariupol')?.forbidden['zh-Hans']).toEqual([{ term: '马立波' }]);
  });

  it('imports a TBX v3 file, merging without duplicates and reporting conflicts', () => {
    const into = tmp();
    copyFileSync('glossary/organisations.yaml', path.join(into, 'organisations.yaml'));
    const r = briefs('glossary', 'import', `${FIX}/basic-v3.tbx`, '--glossary', into);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 new entry → .*imported\.yaml, 1 already present, 1 conflict/);
    expect(r.stderr).toMatch(/basic-v3\.tbx:\d+:1: error: “北约” is “NATO” in the glossary .* but “North Atlantic Alliance” here; not imported {2}\[glossary:import-conflict\]/);
    const imported = readFileSync(path.join(into, 'imported.yaml'), 'utf8');
    expect(imported).toContain('zh-Hans: 建立信任措施');
    expect(imported).not.toContain('North Atlantic Alliance');
    const { terms } = loadGlossary(into, { toHant });
    const cbm = terms.find((t) => t['zh-Hans'] === '建立信任措施')!;
    expect(cbm).toMatchObject({ en: 'confidence-building measures', id: 'c1', category: 'concept', variants: { en: ['CBMs'] } });
    expect(cbm.forbidden['zh-Hans']).toEqual([{ term: '信任建立措施' }]);
  });

  it('refuses malformed XML with its line', () => {
    const into = tmp();
    const r = briefs('glossary', 'import', `${FIX}/malformed.tbx`, '--glossary', into);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/malformed\.tbx:\d+:\d+: error: not well-formed XML/);
  });

  it('rejects an unknown format as wrong usage', () => {
    expect(briefs('glossary', 'export', '--format', 'xlsx').code).toBe(2);
  });
});
