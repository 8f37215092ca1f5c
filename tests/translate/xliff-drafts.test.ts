// Drafts in XLIFF: origin and score as XLIFF 2.0 metadata, merged into en.xlf without ever replacing a
// person's English; and character references decoded when XLIFF is read.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Segment, Term } from '../../pipeline/model.js';
import { parseXliff, writeXliff20 } from '../../pipeline/localize/xliff.js';
import { exportXliff, importXliff } from '../../pipeline/localize/roundtrip.js';
import { TranslationMemory, isDraft, mergeDraftUnits, parseTm, writeTm, type TmUnit } from '../../pipeline/localize/tm.js';
import { mergeDrafts } from '../../pipeline/build/draft-file.js';

const seg = (id: string, text: string, line = 1): Segment => ({ id, text, place: { line, column: 1 }, footnoteRefs: [] });
const TERMS: Term[] = [
  { id: 'common-security', 'zh-Hans': '共同安全', 'zh-Hant': '共同安全', en: 'common security', variants: {}, forbidden: {}, category: 'concept' },
];
const NS = 'xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"';

describe('XLIFF character references', () => {
  it('decodes hexadecimal and decimal references in text and attributes, in one pass with &amp;', () => {
    const xml = `<xliff version="2.0" ${NS} srcLang="zh-Hans" trgLang="en"><file id="d&#x65;mo"><unit id="U&#49;"><segment state="translated"><source>&#x4E2D;&#22269;推动共同安全。</source><target>China &amp;#x4E2D; &lt;b&gt; &#x1F600;</target></segment></unit></file></xliff>`;
    const doc = parseXliff(xml);
    expect(doc.files[0].id).toBe('demo');
    const u = doc.files[0].units[0];
    expect(u.id).toBe('U1');
    expect(u.source).toBe('中国推动共同安全。');
    // "&amp;#x4E2D;" is the text "&#x4E2D;", not a second decoding
    expect(u.target).toBe('China &#x4E2D; <b> 😀');
  });

  it('leaves a reference to a character XML forbids as written', () => {
    const xml = `<xliff version="2.0" ${NS}><file id="f"><unit id="u"><segment><source>a&#0;b&#xD800;c</source></segment></unit></file></xliff>`;
    expect(parseXliff(xml).files[0].units[0].source).toBe('a&#0;b&#xD800;c');
  });
});

describe('drafts as XLIFF 2.0 metadata', () => {
  it('reads the origin and score of a unit, ignores other meta groups', () => {
    const xml = `<xliff version="2.0" ${NS} srcLang="zh-Hans" trgLang="en"><file id="demo">
<unit id="A"><mda:metadata><mda:metaGroup category="other"><mda:meta type="origin">nobody</mda:meta></mda:metaGroup><mda:metaGroup category="briefs"><mda:meta type="origin">mt:openai/qwen2.5</mda:meta><mda:meta type="score">0.93</mda:meta></mda:metaGroup></mda:metadata><segment state="translated"><source>推动共同安全。</source><target>Promote common security.</target></segment></unit>
<unit id="B"><mda:metadata><mda:metaGroup category="briefs"><mda:meta type="origin">alignment</mda:meta><mda:meta type="score">high</mda:meta></mda:metaGroup></mda:metadata><segment state="translated"><source>增长3%。</source><target>Growth of 3%.</target></segment></unit>
<unit id="C"><segment state="reviewed"><source>欧盟。</source><target>The EU.</target></segment></unit>
</file></xliff>`;
    const doc = parseXliff(xml, 'en.xlf');
    const [a, b, c] = doc.files[0].units;
    expect([a.origin, a.score]).toEqual(['mt:openai/qwen2.5', 0.93]);
    expect([b.origin, b.score]).toEqual(['alignment', undefined]);
    expect([c.origin, c.score]).toEqual([undefined, undefined]);
    // a score that is not a number is a located warning, not a failure
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({ fatal: false, file: 'en.xlf', line: 3 });
    const tm = parseTm(xml);
    expect(isDraft(tm.get('A')!)).toBe(true);
    expect(isDraft(tm.get('C')!)).toBe(false);
  });

  it('writes the metadata before the segment and declares mda only when a unit has it', () => {
    const units: TmUnit[] = [
      { id: 'A', source: '推动共同安全。', target: 'Promote common security.', state: 'translated', origin: 'mt:deepl/default', score: 0.5 },
      { id: 'B', source: '增长3%。', target: 'Growth of 3%.', state: 'reviewed' },
    ];
    const xml = writeTm('demo', units);
    expect(xml).toContain('xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"');
    expect(xml).toMatch(/<unit id="A">\s*<mda:metadata>\s*<mda:metaGroup category="briefs">\s*<mda:meta type="origin">mt:deepl\/default<\/mda:meta>\s*<mda:meta type="score">0.5<\/mda:meta>\s*<\/mda:metaGroup>\s*<\/mda:metadata>\s*<segment state="translated">/);
    expect(parseTm(xml).get('A')).toEqual(units[0]);
    expect(parseTm(xml).get('B')).toEqual(units[1]);
    const plain = writeTm('demo', [units[1]]);
    expect(plain).not.toContain('mda');
    expect(plain).toBe(writeXliff20('demo', [{ id: 'B', source: '增长3%。', target: 'Growth of 3%.', state: 'reviewed' }]));
  });
});

describe('merging drafts', () => {
  const existing: TmUnit[] = [
    { id: 'R', source: '甲。', target: 'Reviewed A.', state: 'reviewed' },
    { id: 'F', source: '乙。', target: 'Final B.', state: 'final' },
    { id: 'T', source: '丙。', target: 'A translator’s C.', state: 'translated' },
    { id: 'D', source: '丁。', target: 'Old draft D.', state: 'translated', origin: 'alignment', score: 0.8 },
    { id: 'I', source: '戊。', target: '', state: 'initial' },
  ];
  const draft = (id: string, source: string, target: string): TmUnit => ({ id, source, target, state: 'translated', origin: 'mt:openai/m', score: 0.9 });

  it('fills what has no English, replaces older drafts, never a person’s English', () => {
    const res = mergeDraftUnits(existing, [
      draft('R', '甲。', 'MT A.'),
      draft('F', '乙。', 'MT B.'),
      draft('T', '丙。', 'MT C.'),
      draft('D', '丁。', 'MT D.'),
      draft('I', '戊。', 'MT E.'),
      draft('N', '己。', 'MT F.'),
    ]);
    expect(res.added).toEqual(['I', 'N']);
    expect(res.replaced).toEqual(['D']);
    expect(res.kept).toEqual(['R', 'F', 'T']);
    const byId = new Map(res.units.map((u) => [u.id, u]));
    expect(res.units.map((u) => u.id)).toEqual(['R', 'F', 'T', 'D', 'I', 'N']);
    expect(byId.get('R')).toEqual(existing[0]);
    expect(byId.get('F')).toEqual(existing[1]);
    expect(byId.get('T')).toEqual(existing[2]);
    expect(byId.get('D')).toMatchObject({ target: 'MT D.', origin: 'mt:openai/m', state: 'translated' });
    expect(byId.get('N')).toMatchObject({ target: 'MT F.', origin: 'mt:openai/m', score: 0.9 });
  });

  it('refuses a unit without an origin as a draft', () => {
    expect(() => mergeDraftUnits([], [{ id: 'X', source: '甲。', target: 'A.', state: 'translated' }])).toThrow(/not a draft/);
  });

  it('merges into en.xlf atomically, creating it, and writes nothing when nothing changed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefs-drafts-'));
    try {
      const file = path.join(dir, 'en.xlf');
      writeFileSync(file, writeTm('demo', existing));
      const first = mergeDrafts(file, 'demo', [draft('N', '己。', 'MT F.'), draft('R', '甲。', 'MT A.')]);
      expect(first).toMatchObject({ written: true, added: ['N'], kept: ['R'] });
      const tm = parseTm(readFileSync(file, 'utf8'));
      expect(tm.size).toBe(6);
      expect(tm.get('R')!.target).toBe('Reviewed A.');
      expect(tm.get('N')).toMatchObject({ target: 'MT F.', origin: 'mt:openai/m' });
      const before = statSync(file).mtimeMs;
      const again = mergeDrafts(file, 'demo', [draft('N', '己。', 'MT F.')]);
      expect(again.written).toBe(false);
      expect(statSync(file).mtimeMs).toBe(before);
      const fresh = path.join(dir, 'new', 'en.xlf');
      expect(mergeDrafts(fresh, 'demo', [draft('N', '己。', 'MT F.')]).written).toBe(true);
      expect(parseTm(readFileSync(fresh, 'utf8')).get('N')!.origin).toBe('mt:openai/m');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('drafts in the translators’ round trip', () => {
  const SEGS = [seg('A', '推动共同安全。'), seg('B', '增长3%。')];
  const tm = new TranslationMemory([
    { id: 'A', source: '推动共同安全。', target: 'Push common security.', state: 'translated', origin: 'mt:libretranslate/default' },
    { id: 'B', source: '增长3%。', target: 'Growth of 3%.', state: 'reviewed' },
  ]);

  it('export offers a draft with its origin', () => {
    const doc = parseXliff(exportXliff('demo', SEGS, { terms: TERMS, tm }));
    const a = doc.files[0].units.find((u) => u.id === 'A')!;
    expect(a).toMatchObject({ target: 'Push common security.', state: 'translated', origin: 'mt:libretranslate/default' });
  });

  it('an imported reviewed translation replaces a draft and is no longer one', () => {
    const xml = writeXliff20('demo', [{ id: 'A', source: '推动共同安全。', target: 'Promote common security.', state: 'reviewed' }]);
    const res = importXliff(xml, { segments: SEGS, tm });
    expect(res.changed.map((c) => c.id)).toEqual(['A']);
    const a = res.units.find((u) => u.id === 'A')!;
    expect(a).toEqual({ id: 'A', source: '推动共同安全。', target: 'Promote common security.', state: 'reviewed' });
  });

  it('a draft returned unchanged by a tool that dropped the metadata stays a draft', () => {
    const xml = writeXliff20('demo', [{ id: 'A', source: '推动共同安全。', target: 'Push common security.', state: 'translated' }]);
    const a = importXliff(xml, { segments: SEGS, tm }).units.find((u) => u.id === 'A')!;
    expect(a.origin).toBe('mt:libretranslate/default');
    const edited = writeXliff20('demo', [{ id: 'A', source: '推动共同安全。', target: 'Advance common security.', state: 'translated' }]);
    expect(importXliff(edited, { segments: SEGS, tm }).units.find((u) => u.id === 'A')!.origin).toBeUndefined();
  });

  it('an imported draft never replaces reviewed English', () => {
    const xml = writeXliff20('demo', [{ id: 'B', source: '增长3%。', target: 'MT growth.', state: 'translated', origin: 'alignment' }]);
    const res = importXliff(xml, { segments: SEGS, tm });
    expect(res.refused.map((r) => r.id)).toEqual(['B']);
    expect(res.units.find((u) => u.id === 'B')!.target).toBe('Growth of 3%.');
  });
});
