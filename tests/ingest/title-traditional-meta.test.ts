import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';

// session 10, fault 5: a Traditional source's meta.yaml title stood in Traditional characters in the zh-Hans brief.
const source = '第一條 為規範個人資料之蒐集、處理及利用，特制定本法。\n\n第二條 這個法律對於國家與個人的關係，說明應當達到的目標。\n';
const read = (meta: string) => ingest({ slug: 'made-up', file: 'made-up/source.txt', bytes: Buffer.from(source, 'utf8'), format: 'txt', meta: { file: 'made-up/meta.yaml', text: meta } });

describe("a Traditional source's meta.yaml is read as Simplified", () => {
  it('not-ok: the title, the institution and a pinned text in Traditional characters', () => {
    const { doc } = read('title: 個人資料保護法\ninstitution: 立法院\npin: [處理及利用]\ndate: 2015-12-30\n');
    expect(doc.meta.title).toBe('个人资料保护法');
    expect(doc.titleSegments.map((s) => s.text)).toEqual(['个人资料保护法']);
    expect(doc.meta.institution).toBe('立法院');
    expect(doc.meta.pin).toEqual(['处理及利用']);
    expect(doc.meta.date).toBe('2015-12-30');
  });
});
