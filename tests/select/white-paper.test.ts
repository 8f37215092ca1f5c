// A white paper as a news agency publishes it whole (a made-up one, tests/fixtures/ingest/white-paper/):
// a notice and its dateline, the paper's title repeated, its issuer's block, 前言, numbered parts with
// numbered sub-points (set in bold), 结束语. Its brief is the paper's: its issuer and month, its facts —
// not the notice, not a heading, not the preface's formula announcing the paper itself.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../pipeline/ingest/index.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { allSections } from '../../pipeline/ingest/walk.js';

const file = fileURLToPath(new URL('../fixtures/ingest/white-paper/notice-full-text.md', import.meta.url));
const doc = ingest({ slug: 'wp', file: 'source.md', bytes: readFileSync(file), format: 'md' }).doc;
const brief = selectBrief(doc, []).brief;
const texts = brief.slots.flatMap((s) => s.items.map((i) => i.text));

describe('a white paper published whole under a notice', () => {
  it('the issuer and the month are the paper’s', () => {
    expect(doc.meta.institution).toBe('中华人民共和国国务院新闻办公室');
    expect(doc.meta.date).toBe('2031-05');
  });

  it('no item is the notice, the issuer’s block, a part’s title or the preface’s closing formula', () => {
    const headings = new Set([...allSections(doc.sections)].map((s) => s.heading));
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) {
      expect(t).not.toMatch(/全文如下|特发布本白皮书|^（\d{4}年\d{1,2}月）$/);
      expect(headings.has(t)).toBe(false);
    }
  });

  it('the points are its facts: most carry a figure', () => {
    const points = brief.slots.find((s) => s.name === 'points')?.items.map((i) => i.text) ?? [];
    expect(points.filter((t) => /[0-9〇一二三四五六七八九十百千万亿]+(?:公顷|处|个|人|亿元|万|年|头|只|%|百分之)/.test(t)).length).toBeGreaterThanOrEqual(Math.ceil(points.length / 2));
  });
});
