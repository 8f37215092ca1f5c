import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../pipeline/glossary/match.js';
import { parseTermFile } from '../../pipeline/glossary/load.js';
import { documentScope, isShortName, subjectsOf } from '../../pipeline/glossary/scope.js';
import { createHantConverter } from '../../pipeline/localize/hant.js';

// issue #14, point 5: a term found inside a longer word or name is not that term; a short name counts
// with the full name or a role; an entry of one subject's sense is not matched in another subject.
const toHant = createHantConverter({ quotes: false });
const YAML = `
- zh-Hans: 瓦西里·卡申
  en: Vasily Kashin
  variants: { zh-Hans: [ 卡申 ], en: [ Kashin ] }
  category: person
- zh-Hans: 蒙古
  en: Mongolia
  category: place
- zh-Hans: 加沙
  en: Gaza
  category: place
- zh-Hans: 以色列
  en: Israel
  category: place
- zh-Hans: 俄罗斯
  en: Russia
  category: place
- zh-Hans: 安全保障
  en: security guarantee
  category: concept
  domain: international-security
- zh-Hans: 北约
  en: NATO
  category: organisation
  subject: [ international-security ]
- zh-Hans: 停火
  en: ceasefire
  category: concept
  subject: [ international-security ]
- zh-Hans: 冷战
  en: Cold War
  category: event
  subject: [ international-security ]
`;
const { terms, diagnostics } = parseTermFile(YAML, 'test.yaml', toHant);
const base = createMatcher(terms);
const ids = (texts: string[]) => {
  const s = documentScope(base, texts);
  return texts.flatMap((t) => s.matcher.find(t, 'zh-Hans').map((m) => `${m.form}=${m.term.id}`));
};

describe('glossary fields for scope', () => {
  it('load domain, subject and generic', () => {
    expect(diagnostics).toEqual([]);
    const g = terms.find((t) => t.id === 'security-guarantee')!;
    expect(g.domain).toBe('international-security');
    expect(terms.find((t) => t.id === 'nato')!.subject).toEqual(['international-security']);
  });
  it('refuse a subject that is not kebab-case, and a string for the subject list', () => {
    const bad = parseTermFile('- zh-Hans: 甲乙\n  en: ab\n  category: concept\n  domain: Intl Security\n', 'bad.yaml', toHant);
    expect(bad.diagnostics.map((d) => d.reason)).toEqual([expect.stringContaining('subject in kebab-case')]);
    const bad2 = parseTermFile('- zh-Hans: 甲乙\n  en: ab\n  category: concept\n  subject: security\n', 'bad.yaml', toHant);
    expect(bad2.diagnostics.length).toBe(1);
  });
});

describe('names inside longer names', () => {
  const nato = createMatcher(parseTermFile('- zh-Hans: 北约\n  en: NATO\n  category: organisation\n', 'nato.yaml', toHant).terms);
  it('not-ok: a place after a direction that begins a longer name (内蒙古), sentence by sentence', () => {
    expect(base.find('在内蒙古自治区开展试点。', 'zh-Hans')).toEqual([]);
    expect(base.find('内蒙古的数据中心。', 'zh-Hans')).toEqual([]);
  });
  it('not-ok: a direction closing 以北 and 约 opening a quantity (以北约100米: north of, about 100 m) is no 北约', () => {
    expect(nato.find('起步区以北约100米处建成公园。', 'zh-Hans')).toEqual([]);
    expect(nato.find('县城以北约五公里。', 'zh-Hans')).toEqual([]);
  });
  it('ok: the organisation, also led by 以 or before a number (以北约为首, 北约30国)', () => {
    expect(nato.find('以北约为首的联盟。', 'zh-Hans').map((m) => m.form)).toEqual(['北约']);
    expect(nato.find('北约30国领导人出席。', 'zh-Hans').map((m) => m.form)).toEqual(['北约']);
  });
  it('ok: the place itself, and a direction that closes a word of its own (国内, 乌东)', () => {
    expect(base.find('蒙古国和俄罗斯。', 'zh-Hans').map((m) => m.term.id)).toEqual(['mongolia', 'russia']);
    expect(base.find('以色列对加沙的攻击。', 'zh-Hans').map((m) => m.term.id)).toEqual(['israel', 'gaza']);
  });
  it('not-ok: a name that, all through the document, comes with the same stray character (桦加沙)', () => {
    const doc = ['受台风桦加沙影响，多地停课。', '桦加沙登陆后减弱。'];
    expect(ids(doc)).toEqual([]);
    expect(documentScope(base, doc).refusals).toEqual([expect.objectContaining({ termId: 'gaza', form: '加沙', rule: 'longer-name' })]);
  });
  it('ok: the same name written alone once is that name', () => {
    expect(ids(['受台风桦加沙影响。', '以色列对加沙的攻击。'])).toEqual(['加沙=gaza', '以色列=israel', '加沙=gaza']);
  });
});

describe('short names', () => {
  it('recognises a short name as part of the full one', () => {
    const k = terms.find((t) => t.id === 'vasily-kashin')!;
    expect(isShortName(k, '卡申')).toBe(true);
    expect(isShortName(k, '瓦西里·卡申')).toBe(false);
  });
  it('not-ok, sentence by sentence: a short name next to a stray character (卡申|领)', () => {
    expect(base.find('推进社会保障卡申领服务。', 'zh-Hans')).toEqual([]);
  });
  it('ok, sentence by sentence: a short name between words', () => {
    expect(base.find('卡申表示，局势复杂。', 'zh-Hans').map((m) => m.form)).toEqual(['卡申']);
    expect(base.find('卡申向澎湃新闻记者分析称。', 'zh-Hans').map((m) => m.form)).toEqual(['卡申']);
  });
  it('not-ok: a surname alone, with no full name or role in the document', () => {
    expect(ids(['卡申在数字经济论坛上发言。', '数字经济快速发展。'])).toEqual([]);
  });
  it('not-ok: a surname inside a longer word (社会保障卡申领)', () => {
    expect(ids(['推进社会保障卡申领服务。', '数字经济快速发展。'])).toEqual([]);
  });
  it('ok: with the full name elsewhere in the document', () => {
    expect(ids(['俄罗斯学者瓦西里·卡申出席论坛。', '卡申表示，局势复杂。'])).toEqual(['俄罗斯=russia', '瓦西里·卡申=vasily-kashin', '卡申=vasily-kashin']);
  });
  it('ok: with a role next to it', () => {
    expect(ids(['俄罗斯专家卡申认为，局势复杂。'])).toEqual(['俄罗斯=russia', '卡申=vasily-kashin']);
    expect(ids(['卡申教授认为，局势复杂。'])).toEqual(['卡申=vasily-kashin']);
  });
});

describe('senses that depend on the subject', () => {
  it('not-ok: 安全保障 in a domestic report is not a security guarantee', () => {
    const doc = ['完善社会安全保障体系。', '推进养老服务。'];
    expect(ids(doc)).toEqual([]);
    expect(documentScope(base, doc).refusals).toEqual([expect.objectContaining({ termId: 'security-guarantee', rule: 'domain' })]);
  });
  it('not-ok: one entry of the subject is not enough', () => {
    expect(ids(['完善社会安全保障体系。', '北约的消息。'])).toEqual(['北约=nato']);
  });
  it('ok: in a document about international security', () => {
    const doc = ['北约讨论停火。', '乌克兰需要安全保障。', '冷战思维仍在。'];
    expect(documentScope(base, doc).subjects).toEqual(['international-security']);
    expect(ids(doc)).toContain('安全保障=security-guarantee');
  });
  it('is refused in English too, where the Chinese sense was refused', () => {
    const s = documentScope(base, ['完善社会安全保障体系。']);
    expect(s.matcher.find('improve the security guarantee system', 'en')).toEqual([]);
    expect(base.find('improve the security guarantee system', 'en').length).toBe(1);
  });
  it('subjectsOf counts distinct entries', () => {
    const nato = terms.find((t) => t.id === 'nato')!;
    expect(subjectsOf([nato, nato])).toEqual([]);
    expect(subjectsOf([nato, terms.find((t) => t.id === 'ceasefire')!])).toEqual(['international-security']);
  });
});
