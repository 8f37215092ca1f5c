import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { westernYears } from '../../pipeline/ingest/title-date.js';

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

describe('a date in the years of the Republic of China', () => {
  it('not-ok → ok: 中华民国101年10月4日 is 2012-10-04, in figures or in Chinese numerals, Simplified or Traditional', () => {
    expect(westernYears('中华民国101年10月4日印发')).toBe('2012年10月4日印发');
    expect(westernYears('中華民國七十三年七月三十日公布')).toBe('1984年7月30日公布');
    expect(westernYears('民國一百零一年十月')).toBe('2012年10月');
    expect(westernYears('民国113年')).toBe('2024年');
  });
  it('ok: other text, and numbers that are no date, stay as they are', () => {
    expect(westernYears('人民国家的建设')).toBe('人民国家的建设');
    expect(westernYears('民国13年13月')).toBe('民国13年13月');
  });
  it('a cover: the line saying when the document was issued is its date; a date that starts a numbering is not', () => {
    const cover = '某院总第 12 号\n\n（中華民國41年9月起編號）\n\n某院議案關係文書 中華民國101年10月4日印發\n\n案由：本院委員某某等 20 人提案修正某法第三條，以保障勞工權益，是否有當，敬請公決。\n\n說明：\n\n一、現行某法第三條規定雇主應當按月給付工資，實務上仍有拖欠。\n';
    const doc = ingest({ slug: 'made-up', file: 'made-up/source.txt', bytes: Buffer.from(cover, 'utf8'), format: 'txt' }).doc;
    expect(doc.meta.date).toBe('2012-10-04');
  });
});
