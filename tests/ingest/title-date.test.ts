import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';

// session 10, fault 5: a transcript filed as "2023-06-16 中央社伦敦专访" had that date in its title and none in its meta.
const read = (md: string, meta?: string) =>
  ingest({ slug: 'made-up', file: 'made-up/source.md', bytes: Buffer.from(md, 'utf8'), format: 'md', ...(meta ? { meta: { file: 'meta.yaml', text: meta } } : {}) }).doc;
const body = '\n\n### 问：\n\n今年的合作有哪些进展？\n\n### 部长：\n\n我们已经完成了三项测试，明年还会再做五项。\n';

describe('a date leading the title', () => {
  it('not-ok: is the date, not part of the name', () => {
    const doc = read(`# 2031-04-02 水务记者会${body}`);
    expect(doc.meta.title).toBe('水务记者会');
    expect(doc.meta.date).toBe('2031-04-02');
  });
  it('ok: a date that disagrees with the one given stays in the title; a year or a name that is only a date stays', () => {
    expect(read(`# 2031-04-02 水务记者会${body}`, 'date: 2030-01-01').meta.title).toBe('2031-04-02 水务记者会');
    expect(read(`# 2031年水务记者会${body}`).meta.title).toBe('2031年水务记者会');
    expect(read(`# 2031-04-02 会${body}`).meta.title).toBe('2031-04-02 会');
  });
});
