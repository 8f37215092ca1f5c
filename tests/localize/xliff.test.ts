import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Segment, Term } from '../../pipeline/model.js';
import { parseXliff, writeXliff20 } from '../../pipeline/localize/xliff.js';
import { exportXliff, importXliff } from '../../pipeline/localize/roundtrip.js';
import { TranslationMemory, emptyTm, parseTm, writeTm, bigrams, dice } from '../../pipeline/localize/tm.js';
import { UserError } from '../../pipeline/diagnostics.js';

const FIX = 'tests/fixtures/localize/xliff/';
const seg = (id: string, text: string, line = 1): Segment => ({ id, text, place: { line, column: 1 }, footnoteRefs: [] });
const TERMS: Term[] = [
  { id: 'common-security', 'zh-Hans': '共同安全', 'zh-Hant': '共同安全', en: 'common security', variants: { en: ['shared security'] }, forbidden: {}, category: 'concept' },
  { id: 'eu', 'zh-Hans': '欧盟', 'zh-Hant': '歐盟', en: 'European Union', variants: { en: ['EU'] }, forbidden: {}, category: 'organisation' },
];
const SEGS = [seg('ID_A', '欧盟承诺306亿欧元。', 1), seg('ID_B', '增长3%。', 2), seg('ID_C', '推动共同安全。', 3)];

describe('reading XLIFF', () => {
  it('reads a 1.2 file in a CAT tool’s style: groups, approved, notes, inline codes', () => {
    const doc = parseXliff(readFileSync(FIX + 'omegat-style-1.2.xlf', 'utf8'));
    expect(doc.version).toBe('1.2');
    expect(doc.trgLang).toBe('en-GB');
    const u = doc.files[0].units;
    expect(u.map((x) => [x.id, x.source, x.target, x.state])).toEqual([
      ['ID_A', '欧盟承诺306亿欧元。', 'The EU pledged €30.6 billion.', 'reviewed'],
      ['ID_B', '增长3%。', 'Growth of 3 percent.', 'translated'],
      ['ID_C', '推动共同安全。', 'Promote common security.', 'final'],
    ]);
    expect(u[0].notes).toEqual(['checked against the press release']);
    expect(u[0].place).toEqual({ line: 10, column: 9 });
  });

  it('reads a 2.0 file with a BOM and inline codes (pc, mrk, ph)', () => {
    const doc = parseXliff(readFileSync(FIX + 'bom-2.0.xlf', 'utf8'));
    expect(doc.files[0].units[0]).toMatchObject({ id: 'ID_C', source: '推动共同安全。', target: 'Promote common security.', state: 'reviewed' });
  });

  it('refuses malformed XLIFF with its line and column', () => {
    let err: unknown;
    try {
      parseXliff(readFileSync(FIX + 'malformed.xlf', 'utf8'), 'malformed.xlf');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const d = (err as UserError).diagnostics[0];
    expect(d.line).toBe(7);
    expect(d.column).toBeGreaterThan(1);
    expect(d.reason).toMatch(/malformed XML/);
    expect(() => parseXliff('<xliff version="3.0"><file id="x"/></xliff>')).toThrow(/unsupported XLIFF version/);
    expect(() => parseXliff('<html/>')).toThrow(/root element must be <xliff>/);
  });
});

describe('translation memory', () => {
  const tm = new TranslationMemory([
    { id: 'a', source: '推动共同安全和持久和平。', target: 'Promote common security and lasting peace.', state: 'final' },
    { id: 'b', source: '增长3%。', target: 'Growth of 3%.', state: 'translated' },
    { id: 'c', source: '欧盟承诺306亿欧元。', target: '', state: 'initial' },
  ]);
  it('exact by id for accepted states; a translated-only unit is a draft, not exact', () => {
    expect(tm.lookup({ id: 'a', text: '推动共同安全和持久和平。' })).toEqual({ status: 'exact', target: 'Promote common security and lasting peace.', state: 'final' });
    expect(tm.lookup({ id: 'b', text: '增长3%。' })).toEqual({ status: 'missing', draft: { target: 'Growth of 3%.', state: 'translated' } });
    expect(new TranslationMemory(tm.units.values(), { accept: ['translated', 'reviewed', 'final'] }).lookup({ id: 'b', text: '' }).status).toBe('exact');
    expect(tm.lookup({ id: 'c', text: '欧盟承诺306亿欧元。' })).toEqual({ status: 'missing' });
  });
  it('a changed sentence gets a fuzzy suggestion with the previous source, never an exact match', () => {
    const r = tm.lookup({ id: 'new', text: '推动共同安全和持久的和平。' });
    expect(r.status).toBe('fuzzy');
    if (r.status === 'fuzzy') {
      expect(r.previousSource).toBe('推动共同安全和持久和平。');
      expect(r.target).toBe('Promote common security and lasting peace.');
      expect(r.score).toBeGreaterThanOrEqual(0.7);
    }
    expect(tm.lookup({ id: 'other', text: '完全不同的句子。' })).toEqual({ status: 'missing' });
  });
  it('dice over bigrams', () => {
    expect(dice(bigrams('共同安全'), bigrams('共同安全'))).toBe(1);
    expect(dice(bigrams('共同安全'), bigrams('和平'))).toBe(0);
  });
});

describe('export → translator → import → lookup', () => {
  it('round trips', () => {
    const xml = exportXliff('demo', SEGS, { terms: TERMS, sourceFile: 'source.txt' });
    expect(xml).toContain('xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0"');
    const doc = parseXliff(xml);
    expect(doc.files[0].id).toBe('demo');
    expect(doc.files[0].units.map((u) => u.id)).toEqual(['ID_A', 'ID_B', 'ID_C']);
    // glossary module: the terms of the unit with their required English, before <notes> and <segment>
    const unitC = xml.slice(xml.indexOf('<unit id="ID_C">'));
    expect(unitC).toMatch(/<unit id="ID_C">\s*<gls:glossary>\s*<gls:glossEntry>\s*<gls:term source="glossary">共同安全<\/gls:term>\s*<gls:translation source="glossary">common security<\/gls:translation>/);
    expect(unitC.indexOf('<gls:glossary>')).toBeLessThan(unitC.indexOf('<notes>'));

    // the translator fills the targets (as a tool would: a new 2.0 file, states set)
    const targets: Record<string, string> = { ID_A: 'The EU pledged €30.6 billion.', ID_B: 'Growth of 3%.', ID_C: 'Promote common security.' };
    const filled = writeXliff20(
      'demo',
      doc.files[0].units.map((u) => ({ id: u.id, source: u.source, target: targets[u.id], state: 'final' as const })),
    );
    const res = importXliff(filled, { segments: SEGS, tm: emptyTm() });
    expect(res.slug).toBe('demo');
    expect(res.added.map((a) => a.id)).toEqual(['ID_A', 'ID_B', 'ID_C']);
    expect(res.refused).toEqual([]);
    const tm = parseTm(writeTm('demo', res.units));
    for (const s of SEGS) expect(tm.lookup(s)).toEqual({ status: 'exact', target: targets[s.id], state: 'final' });

    // nothing left to export once everything is final
    expect(parseXliff(exportXliff('demo', SEGS, { terms: TERMS, tm })).files[0].units).toEqual([]);
    // importing the same file again changes nothing
    const again = importXliff(filled, { segments: SEGS, tm });
    expect([again.added.length, again.changed.length, again.unchanged.length]).toEqual([0, 0, 3]);
  });

  it('a changed segment is exported with the fuzzy match in notes', () => {
    const tm = new TranslationMemory([{ id: 'old', source: '推动共同安全和持久和平。', target: 'Promote common security and lasting peace.', state: 'final' }]);
    const xml = exportXliff('demo', [seg('new', '推动共同安全和持久的和平。')], { terms: TERMS, tm });
    expect(xml).toContain('previous source: 推动共同安全和持久和平。');
    expect(xml).toContain('previous translation: Promote common security and lasting peace.');
    expect(parseXliff(xml).files[0].units[0].target).toBeUndefined();
  });

  it('imports a 1.2 file from another tool and a 2.0 file with a BOM', () => {
    const r12 = importXliff(readFileSync(FIX + 'omegat-style-1.2.xlf', 'utf8'), { segments: SEGS, tm: emptyTm() }, { slug: 'demo' });
    expect(r12.added.map((a) => [a.id, a.state])).toEqual([['ID_A', 'reviewed'], ['ID_B', 'translated'], ['ID_C', 'final']]);
    const tm = parseTm(writeTm('demo', r12.units));
    expect(tm.lookup(SEGS[0])).toEqual({ status: 'exact', target: 'The EU pledged €30.6 billion.', state: 'reviewed' });
    const rb = importXliff(readFileSync(FIX + 'bom-2.0.xlf', 'utf8'), { segments: SEGS, tm });
    expect(rb.slug).toBe('demo');
    expect(rb.changed).toEqual([{ id: 'ID_C', state: 'reviewed' }]);
  });

  it('refuses unknown ids, empty targets and stale sources, and keeps the rest', () => {
    const xml = writeXliff20('demo', [
      { id: 'ID_A', source: '欧盟承诺306亿欧元。', target: 'The EU pledged €30.6 billion.', state: 'translated' },
      { id: 'ID_B', source: '增长3%。', target: '  ', state: 'translated' },
      { id: 'ID_C', source: '推动共同安全与合作。', target: 'Promote common security and cooperation.', state: 'final' },
      { id: 'ID_X', source: '别的', target: 'Other', state: 'final' },
    ]);
    const res = importXliff(xml, { segments: SEGS, tm: emptyTm() }, { file: 'back.xlf' });
    expect(res.added.map((a) => a.id)).toEqual(['ID_A']);
    expect(res.refused.map((r) => [r.id, r.reason?.split(' (')[0]])).toEqual([
      ['ID_B', 'empty target'],
      ['ID_C', 'source text does not match the current segment'],
      ['ID_X', 'no segment with this id in the current source'],
    ]);
    expect(res.diagnostics[0].line).toBeGreaterThan(1);
  });
});
