import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';

// session 10, fault 2: a part of a larger work titled by the part's name alone (数据篇) carries the work
// it belongs to, wherever the source says it, the same way for every format.
const read = (md: string, meta?: string) =>
  ingest({ slug: 'made-up', file: 'made-up/source.md', bytes: Buffer.from(md, 'utf8'), format: 'md', ...(meta ? { meta: { file: 'meta.yaml', text: meta } } : {}) }).doc;

describe("a part's title carries its work", () => {
  it('not-ok: a front-matter tag naming a document is the work (and the series)', () => {
    const doc = read('---\ntitle: 调查篇\ntags: [开源, 2030 城市水务年度报告]\n---\n\n# 调查篇\n\n## 概述\n\n今年共回收问卷八百份，覆盖三十个城市。\n');
    expect(doc.meta.title).toBe('2030 城市水务年度报告·调查篇');
    expect(doc.meta.series).toBe('2030 城市水务年度报告');
  });
  it('not-ok: the text naming the work the part belongs to, or opening with it', () => {
    expect(read('# 大事记\n\n## 概述\n\n城市水务年度报告的《大事记》篇，收录了一年来的要闻。\n').meta.title).toBe('城市水务年度报告·大事记');
    expect(read('# 统计篇\n\n## 概述\n\n2030 城市水务年度报告以全面的数据为基础，共分为五个部分。\n').meta.title).toBe('2030 城市水务年度报告·统计篇');
  });
  it('ok: a title that is no part, or a part whose work the source does not say, stays', () => {
    expect(read('# 城市供水的新变化\n\n2030 城市水务年度报告指出，供水总量增长。\n').meta.title).toBe('城市供水的新变化');
    expect(read('# 统计篇\n\n## 概述\n\n今年共回收问卷八百份。\n').meta.title).toBe('统计篇');
  });
  it('ok: meta.yaml has the last word', () => {
    expect(read('---\ntitle: 调查篇\ntags: [2030 城市水务年度报告]\n---\n\n# 调查篇\n\n正文一句话在这里。\n', 'title: 水务调查').meta.title).toBe('水务调查');
  });
  it("not-ok: the publisher's English of such a part takes its English work the same way, so the two titles align", () => {
    const en = (md: string) =>
      ingest({ slug: 'made-up', file: 'made-up/source.en.md', bytes: Buffer.from(md, 'utf8'), format: 'md', english: true }).doc;
    expect(en('---\ntitle: Survey\ntags: [2030 City Water Annual Report]\n---\n\n# Survey\n\nEight hundred forms came back from thirty cities.\n').meta.title).toBe(
      '2030 City Water Annual Report · Survey',
    );
    // a title of its own, or no work named, stays
    expect(en('---\ntitle: How thirty cities changed the way they supply water\ntags: [2030 City Water Annual Report]\n---\n\n# T\n\nText.\n').meta.title).toBe(
      'How thirty cities changed the way they supply water',
    );
    expect(en('---\ntitle: Survey\ntags: [water]\n---\n\n# Survey\n\nText.\n').meta.title).toBe('Survey');
  });
});
