import { describe, expect, it } from 'vitest';
import { formatDate, readableUrl, romanizeName, sourceLine } from '../../pipeline/localize/source-line.js';
import { term } from '../fixtures/select/build.js';

describe('romanizeName', () => {
  it('surname first, capitalized, given name syllables joined, no tones', () => {
    expect(romanizeName('赵隆')).toBe('Zhao Long');
    expect(romanizeName('苏刘强')).toBe('Su Liuqiang');
    expect(romanizeName('赵 隆')).toBe('Zhao Long');
  });
  it('double surnames and surname readings', () => {
    expect(romanizeName('欧阳修')).toBe('Ouyang Xiu');
    expect(romanizeName('司马光')).toBe('Sima Guang');
    expect(romanizeName('诸葛亮')).toBe('Zhuge Liang');
    expect(romanizeName('单雄信')).toBe('Shan Xiongxin');
  });
  it('leaves names that are not Chinese as written', () => {
    expect(romanizeName('玛丽·旺吉')).toBe('玛丽·旺吉');
    expect(romanizeName('John Smith')).toBe('John Smith');
  });
});

describe('sourceLine', () => {
  const deps = { toHant: (s: string) => s.replace('赵', '趙'), terms: [term('上海国际问题研究院', 'Shanghai Institutes for International Studies', 'organisation', '上海國際問題研究院')] };
  const report = { institution: '上海国际问题研究院', issue: '45', date: '2025-07', authors: [{ name: '赵隆' }, { name: '封帅' }, { name: '薛晨' }] };

  it('report in each language', () => {
    expect(sourceLine(report, 'zh-Hans', deps)).toBe('上海国际问题研究院 · 总第45期 · 2025年7月 · 赵隆 等');
    expect(sourceLine(report, 'zh-Hant', deps)).toBe('上海國際問題研究院 · 总第45期 · 2025年7月 · 趙隆 等');
    expect(sourceLine(report, 'en', deps)).toBe('Shanghai Institutes for International Studies · No. 45 · July 2025 · Zhao Long et al.');
    expect(sourceLine({ ...report, authors: [{ name: '赵隆' }, { name: '欧阳修' }] }, 'en', deps)).toBe(
      'Shanghai Institutes for International Studies · No. 45 · July 2025 · Zhao Long and Ouyang Xiu',
    );
  });

  it('news: outlet romanized when not in the glossary, date with day, URL last', () => {
    const news = { outlet: '澎湃新闻', authors: [{ name: '侯丹玮', role: '记者' }], date: '2023-11-01T00:15', url: 'https://example.com/a' };
    expect(sourceLine(news, 'zh-Hans', deps)).toBe('澎湃新闻 · 侯丹玮 · 2023年11月1日 · https://example.com/a');
    expect(sourceLine(news, 'en', deps)).toBe('Pengpai Xinwen · Hou Danwei · 1 November 2023 · https://example.com/a');
  });

  it('dates to the precision known', () => {
    expect(formatDate('2025', 'en')).toBe('2025');
    expect(formatDate('2025-07', 'en')).toBe('July 2025');
    expect(formatDate('2023-11-01', 'en')).toBe('1 November 2023');
    expect(formatDate('2023-11-01', 'zh-Hans')).toBe('2023年11月1日');
  });
});

describe('readableUrl', () => {
  it('decodes the escapes of text in a page address, as a reader reads it', () => {
    expect(readableUrl('https://zh.wikipedia.org/wiki/%E9%9B%84%E5%AE%89')).toBe('https://zh.wikipedia.org/wiki/雄安');
  });
  it('keeps reserved characters, spaces and broken escapes as they were', () => {
    expect(readableUrl('https://example.com/a%2Fb?q=%3F')).toBe('https://example.com/a%2Fb?q=%3F');
    expect(readableUrl('https://example.com/a%20b')).toBe('https://example.com/a%20b');
    expect(readableUrl('https://example.com/%E9%9B')).toBe('https://example.com/%E9%9B');
  });
});
