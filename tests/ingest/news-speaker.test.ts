// A speaker is a name, a role or a body: a verb phrase or a generic phrase before a colon or a speech
// verb (更像是…, 存在一种说法：“…”) speaks for no one.
import { describe, expect, it } from 'vitest';
import { findQuotes, People, splitRole } from '../../pipeline/ingest/news/quotes.js';

describe('speaker phrases', () => {
  it('names, roles and bodies speak', () => {
    expect(splitRole('王小明')).toEqual({ name: '王小明' });
    expect(splitRole('外交部发言人')).toMatchObject({ name: '外交部发言人' });
    expect(splitRole('一位业内人士')).toMatchObject({ name: '一位业内人士' });
    expect(splitRole('某某科技公司')).toEqual({ name: '某某科技公司' });
    expect(splitRole('甚至连某公司的老板张大山')).toEqual({ name: '张大山', role: '某公司的老板' });
  });
  it('verb phrases and generic phrases do not', () => {
    expect(splitRole('更像是')).toBeUndefined();
    expect(splitRole('存在一种说法')).toBeUndefined();
    expect(splitRole('流传着一句话')).toBeUndefined();
    // verbs of speaking and feeling are no one, also after a role (某项目负责人痛诉：“…”)
    expect(splitRole('无奈发推')).toBeUndefined();
    expect(splitRole('某项目负责人痛诉')?.name).not.toBe('痛诉');
    expect(splitRole('某项目负责人王小明')).toEqual({ name: '王小明', role: '某项目负责人' });
    const { quotes } = findQuotes('业内存在一种说法：“我理解它，但我不会购买它。”', { people: new People() });
    expect(quotes.every((q) => !q.speaker)).toBe(true);
  });
});

import { parseNews } from '../../pipeline/ingest/news/index.js';

describe('interviews under headings: questions are context, answers are the guest’s', () => {
  const md = [
    '# 年度访谈',
    '',
    '## 《第一篇访谈》',
    '',
    '### 访谈嘉宾：张大山（某某资本）',
    '',
    '### 今年的市场有哪些变化？',
    '',
    '市场趋于冷静，投资人更看重收入和利润。',
    '',
    '### 企业应当如何应对？',
    '',
    '企业应当尽早验证商业模式，控制成本。',
    '',
    '## 《第二篇访谈》',
    '',
    '### 受访者：李小河',
    '',
    '### 开源还有机会吗？',
    '',
    '开源仍是基础软件最好的分发方式。',
    '',
  ].join('\n');
  it('answers under question headings are quotes of the guest named above them, with the institution', () => {
    const { doc } = parseNews(md, 'source.md', 't');
    const by = (name: string) => doc.quotes.filter((q) => q.speaker?.name === name).map((q) => q.text);
    expect(by('张大山')).toEqual(['市场趋于冷静，投资人更看重收入和利润。', '企业应当尽早验证商业模式，控制成本。']);
    expect(doc.quotes.find((q) => q.speaker?.name === '张大山')?.speaker?.role).toBe('某某资本');
    // the next interview (a heading above the guest's) has its own guest
    expect(by('李小河')).toEqual(['开源仍是基础软件最好的分发方式。']);
  });
});
