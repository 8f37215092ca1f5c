import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../pipeline/glossary/match.js';
import { parseTermFile } from '../../pipeline/glossary/load.js';
import { createHantConverter } from '../../pipeline/localize/hant.js';

const toHant = createHantConverter({ quotes: false });
const YAML = `
- zh-Hans: 安全
  en: security
  category: concept
- zh-Hans: 共同安全
  en: common security
  category: concept
- zh-Hans: 北约
  en: NATO
  variants:
    en: [North Atlantic Treaty Organization]
  category: organisation
- zh-Hans: 北约东扩
  en: NATO enlargement
  category: concept
- zh-Hans: 欧盟
  en: European Union
  variants:
    en: [EU]
  category: organisation
- zh-Hans: 利益攸关方
  en: stakeholder
  category: concept
- zh-Hans: 赫格塞思
  en: Pete Hegseth
  variants:
    en: [Hegseth]
  forbidden:
    zh-Hans:
      - term: 赫格塞斯
        use: 赫格塞思
  category: person
- zh-Hans: 特朗普
  zh-Hant: 川普
  hant-intended: true
  en: Donald Trump
  variants:
    en: [Trump]
  category: person
- zh-Hans: 基辅
  en: Kyiv
  forbidden:
    en:
      - term: Kiev
  category: place
- zh-Hans: 全球南方
  en: Global South
  category: concept
- zh-Hans: 安全保障
  en: security guarantee
  category: concept
- zh-Hans: 缓冲区
  en: buffer zone
  category: concept
`;
const { terms, diagnostics } = parseTermFile(YAML, 'test.yaml', toHant);
const m = createMatcher(terms);
const found = (text: string, lang: 'zh-Hans' | 'zh-Hant' | 'en') => m.find(text, lang).map((x) => `${x.form}=${x.term.id}:${x.kind}`);

describe('createMatcher: Chinese', () => {
  it('loads the test glossary cleanly', () => expect(diagnostics).toEqual([]));

  it('never reports a term inside a longer one', () => {
    expect(found('各方追求共同安全，而非绝对的安全。', 'zh-Hans')).toEqual(['共同安全=common-security:main', '安全=security:main']);
    expect(found('北约东扩与北约', 'zh-Hans')).toEqual(['北约东扩=nato-enlargement:main', '北约=nato:main']);
  });

  it('finds terms at the very start and end of the text', () => {
    const r = m.find('北约与欧盟', 'zh-Hans');
    expect(r.map((x) => [x.start, x.end, x.term.id])).toEqual([
      [0, 2, 'nato'],
      [3, 5, 'european-union'],
    ]);
    expect(found('安全', 'zh-Hans')).toEqual(['安全=security:main']);
    expect(m.find('', 'zh-Hans')).toEqual([]);
  });

  it('finds both scripts in either language', () => {
    expect(found('北約東擴與北约', 'zh-Hant')).toEqual(['北約東擴=nato-enlargement:main', '北约=nato:main']);
    expect(found('川普和特朗普', 'zh-Hans')).toEqual(['川普=donald-trump:main', '特朗普=donald-trump:main']);
    const hant = m.find('利益攸關方', 'zh-Hant');
    expect(hant.map((x) => [x.term.id, x.formLang])).toEqual([['stakeholder', 'zh-Hant']]);
  });

  it('reports forbidden variants as such', () => {
    expect(found('赫格塞斯和赫格塞思', 'zh-Hans')).toEqual(['赫格塞斯=pete-hegseth:forbidden', '赫格塞思=pete-hegseth:main']);
  });

  it('longest first also across partial overlaps', () => {
    // 全球南方 overlaps 南方… only at the edge; 安全保障 beats 安全
    expect(found('全球南方安全保障', 'zh-Hans')).toEqual(['全球南方=global-south:main', '安全保障=security-guarantee:main']);
  });
});

describe('createMatcher: Chinese word boundaries', () => {
  const words = parseTermFile(
    `
- zh-Hans: 中国
  en: China
  category: place
- zh-Hans: 国家
  en: state
  category: concept
- zh-Hans: 外交部
  en: Ministry of Foreign Affairs
  category: organisation
- zh-Hans: 特朗普
  en: Donald Trump
  category: person
- zh-Hans: 管辖权
  en: jurisdiction
  category: concept
- zh-Hans: 北约东扩
  en: NATO enlargement
  category: concept
`,
    'words.yaml',
    toHant,
  );
  const wm = createMatcher(words.terms);
  const ids = (text: string, lang: 'zh-Hans' | 'zh-Hant' = 'zh-Hans') => wm.find(text, lang).map((x) => `${x.form}@${x.start}`);

  it('does not find a short term straddling two words (发展|中|国家)', () => {
    expect(words.diagnostics).toEqual([]);
    expect(ids('推动发展中国家共同繁荣')).toEqual(['国家@5']);
    expect(ids('發展中國家的', 'zh-Hant')).not.toContain('中國@2');
    expect(ids('中國的', 'zh-Hant')).toEqual(['中國@0']);
  });

  it('does not take a place for the river, lake or mountain named after it (印度|河), but keeps it before a longer word', () => {
    const places = parseTermFile('- zh-Hans: 印度\n  en: India\n  category: place\n- zh-Hans: 中国\n  en: China\n  category: place\n', 'p.yaml', toHant);
    const pm = createMatcher(places.terms);
    const forms = (text: string) => pm.find(text, 'zh-Hans').map((x) => x.form);
    expect(forms('恒河、印度河、阿姆河')).toEqual([]);
    expect(forms('印度和巴基斯坦')).toEqual(['印度']);
    expect(forms('中国河北省')).toEqual(['中国']);
    expect(forms('中国、印度。')).toEqual(['中国', '印度']);
  });

  it('still finds it where it is a word', () => {
    expect(ids('中国外交部发言人')).toEqual(['中国@0', '外交部@2']);
    expect(ids('这是中国的立场')).toEqual(['中国@2']);
    expect(ids('国家安全与中国')).toEqual(['国家@0', '中国@5']);
    expect(ids('中国')).toEqual(['中国@0']);
    // ICU reads 特朗|普及 and 管辖|权限, but 及其 and 限制 are words: the term stands
    expect(ids('特朗普及其团队')).toEqual(['特朗普@0']);
    expect(ids('受管辖权限制')).toEqual(['管辖权@1']);
    // longer forms are not checked, and the longest match still wins
    expect(ids('反对北约东扩')).toEqual(['北约东扩@2']);
  });
});

describe('createMatcher: English', () => {
  it('is case-insensitive for ordinary words, keeps capitals of proper nouns', () => {
    expect(found('Common security matters. So does COMMON SECURITY.', 'en')).toEqual([
      'Common security=common-security:main',
      'COMMON SECURITY=common-security:main',
    ]);
    expect(found('the global south and the Global South', 'en')).toEqual(['Global South=global-south:main']);
    expect(found('a trump card; Trump said', 'en')).toEqual(['Trump=donald-trump:variant']);
  });

  it('respects acronyms', () => {
    expect(found('NATO, Nato and nato; EU but not eu', 'en')).toEqual(['NATO=nato:main', 'Nato=nato:main', 'EU=european-union:variant']);
  });

  it('accepts plurals and possessives', () => {
    expect(found('All stakeholders agree; security guarantees, buffer zones', 'en')).toEqual([
      'stakeholders=stakeholder:main',
      'security guarantees=security-guarantee:main',
      'buffer zones=buffer-zone:main',
    ]);
    expect(found("NATO's members and the EU’s plan; Hegseth's view", 'en')).toEqual([
      'NATO=nato:main',
      'EU=european-union:variant',
      'Hegseth=pete-hegseth:variant',
    ]);
  });

  it('respects word boundaries and takes the longest form', () => {
    expect(found('securityzone insecurity securitised', 'en')).toEqual([]);
    expect(found('securities', 'en')).toEqual(['securities=security:main']);
    expect(found('the North Atlantic Treaty Organization', 'en')).toEqual([
      'North Atlantic Treaty Organization=nato:variant',
    ]);
    expect(found('Donald Trump', 'en')).toEqual(['Donald Trump=donald-trump:main']);
  });

  it('finds terms at the edges and forbidden forms', () => {
    const r = m.find('Kiev', 'en');
    expect(r.map((x) => [x.start, x.end, x.kind])).toEqual([[0, 4, 'forbidden']]);
    expect(found('Kyiv.', 'en')).toEqual(['Kyiv=kyiv:main']);
  });
});

describe('word boundaries of a window, one offset at a time', () => {
  it('are the starts of the segments Intl.Segmenter gives for the whole window', async () => {
    const { readFileSync } = await import('node:fs');
    const { WindowBoundaries } = await import('../../pipeline/glossary/match.js');
    const text = readFileSync('sources/siis-2025-common-security/source.txt', 'utf8') + readFileSync('sources/thepaper-2023-xiangshan-forum/source.md', 'utf8');
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let k = 0; k < 1500; k++) {
      const a = next() % (text.length - 12);
      const win = text.slice(a, a + 2 + (next() % 10));
      const starts = new Set([...seg.segment(win)].map((s) => s.index));
      const w = new WindowBoundaries(win);
      for (let i = 0; i <= win.length; i++) expect(w.at(i), `${win}@${i}`).toBe(i === win.length || starts.has(i));
    }
  });
});
