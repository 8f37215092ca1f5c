import { describe, expect, it } from 'vitest';
import { normalizeLang, parseCsvRecords, parseTbx, termsToCsv, parseCsv } from '../../pipeline/glossary/exchange.js';
import { parseTermFile } from '../../pipeline/glossary/load.js';
import { createHantConverter } from '../../pipeline/localize/hant.js';

const toHant = createHantConverter({ quotes: false });

describe('normalizeLang', () => {
  it('maps the tags other tools write', () => {
    for (const t of ['zh_Hans', 'zh-CN', 'zh-SG', 'zh', 'zh-Hans-CN', 'ZH_hans']) expect(normalizeLang(t)).toBe('zh-Hans');
    for (const t of ['zh_Hant', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-TW']) expect(normalizeLang(t)).toBe('zh-Hant');
    for (const t of ['en', 'en-US', 'en_GB']) expect(normalizeLang(t)).toBe('en');
    expect(normalizeLang('fr')).toBeUndefined();
  });
});

describe('CSV', () => {
  it('reads RFC 4180 quoting: commas, quotes and line breaks in fields', () => {
    expect(parseCsvRecords('a,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x, y', 'say "hi"\nthere'], line: 2 },
    ]);
  });

  it('writes and reads back notes with commas and quotes', () => {
    const { terms } = parseTermFile(`- zh-Hans: 共同安全\n  en: common security\n  category: concept\n  note: 'common, comprehensive, "cooperative"'\n`, 'a.yaml', toHant);
    const back = parseCsv(termsToCsv(terms), 'a.csv');
    expect(back.diagnostics).toEqual([]);
    expect(back.entries[0]).toMatchObject({ 'zh-Hans': '共同安全', en: 'common security', note: 'common, comprehensive, "cooperative"', line: 2 });
  });

  it('requires zh-Hans and en columns', () => {
    const r = parseCsv('source,target\nx,y\n', 'w.csv');
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['csv-header', 'csv-header']);
  });
});

describe('parseTbx', () => {
  it('refuses malformed XML with line and column', () => {
    const r = parseTbx('<tbx>\n  <text>\n</tbx>\n', 'x.tbx');
    expect(r.entries).toEqual([]);
    expect(r.diagnostics[0].ruleId).toBe('malformed-xml');
    expect(r.diagnostics[0].line).toBe(3);
  });

  it('gives each entry the line it starts on', () => {
    const r = parseTbx(
      '<martif type="TBX"><text><body>\n<termEntry><langSet xml:lang="en"><tig><term>a b</term></tig></langSet><langSet xml:lang="zh"><tig><term>甲乙</term></tig></langSet></termEntry>\n\n<termEntry><langSet xml:lang="en"><tig><term>c</term></tig></langSet></termEntry>\n</body></text></martif>',
      'x.tbx',
    );
    expect(r.entries.map((e) => [e.line, e.en, e['zh-Hans']])).toEqual([
      [2, 'a b', '甲乙'],
      [4, 'c', undefined],
    ]);
  });
});
