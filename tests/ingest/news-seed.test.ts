// Acceptance: the seed news article through the real CLI.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { SourceDoc } from '../../pipeline/model.js';

const out = execFileSync(process.execPath, ['bin/briefs.js', 'parse', 'thepaper-2023-xiangshan-forum', '--json'], { encoding: 'utf8' });
const doc = JSON.parse(out) as SourceDoc & { diagnostics: unknown[] };

describe('briefs parse thepaper-2023-xiangshan-forum --json', () => {
  it('has headline, outlet, author, date, URL', () => {
    expect(doc.kind).toBe('news');
    expect(doc.meta.title).toMatch(/^北京香山论坛｜俄乌冲突延宕/);
    expect(doc.meta.outlet).toBe('澎湃新闻');
    expect(doc.meta.authors.map((a) => a.name)).toEqual(['侯丹玮']);
    expect(doc.meta.date).toMatch(/^2023-11-01/);
    expect(doc.meta.url).toBe('https://m.thepaper.cn/detail/25128955');
    expect(doc.diagnostics).toEqual([]);
  });

  it('has the image with its caption', () => {
    expect(doc.meta.image?.url).toMatch(/^https:\/\/imagecloud\.thepaper\.cn\/.+\.jpg$/);
    expect(doc.meta.image?.caption).toMatch(/绍伊古在论坛上发表讲话。澎湃影像 图$/);
  });

  it('has an untitled lead section and the 3 subheadings as sections', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(['', '和谈条件尚未成熟', '欧洲持久和平需俄罗斯参与', '没有人愿意看到核战争']);
    expect(doc.sections.slice(1).every((s) => s.kind === 'section' && s.headingSegment?.emphasis)).toBe(true);
  });

  it('has at least 5 direct quotes with speakers, short names resolved to full names with roles', () => {
    expect(doc.quotes.length).toBeGreaterThanOrEqual(5);
    const names = doc.quotes.map((q) => q.speaker?.name);
    expect(names).toContain('绍伊古');
    expect(names).toContain('瓦西里·卡申');
    expect(names).toContain('沙伦贝格');
    const sivitsky = doc.quotes.filter((q) => q.speaker?.name === '阿森尼·西维茨基');
    expect(sivitsky.length).toBe(2);
    expect(sivitsky[0].speaker?.role).toBe('白俄罗斯战略与外交政策研究中心主任');
    expect(doc.quotes.every((q) => q.speaker)).toBe(true);
    // scare quotes are not direct quotes
    expect(doc.quotes.some((q) => ['赢家', '特别军事行动', '完全听命于美国'].includes(q.text))).toBe(false);
  });

  it('has radicals normalized and no markdown left', () => {
    const text = JSON.stringify(doc.sections);
    expect(text).not.toMatch(/[\u2E80-\u2FDF]/);
    expect(text).not.toContain('**');
  });
});
