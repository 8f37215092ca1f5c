import { describe, expect, it } from 'vitest';
import { coverDate, titleYear } from '../../pipeline/ingest/cover-date.js';
import { ingest } from '../../pipeline/ingest/index.js';

// session 11: Word drafts with a cover table (本稿完成日期：…, （2023年3月）) and work reports titled by
// their year had no date in their briefs.
const read = (md: string, meta?: string) =>
  ingest({ slug: 'made-up', file: 'made-up/source.md', bytes: Buffer.from(md, 'utf8'), format: 'md', ...(meta ? { meta: { file: 'meta.yaml', text: meta } } : {}) }).doc;
const body = '\n\n## 一、总则\n\n本规范适用于城市供水管网的运行维护和检修工作，明确了各单位的职责和工作程序。\n\n## 二、要求\n\n运行单位应当每年开展一次全面检查，并将检查结果报送主管部门备案。\n';

describe('the date a cover gives', () => {
  it('not-ok: the completion or issue date is the document date; the date it takes effect is not', () => {
    expect(coverDate(['（征求意见稿）', '（本稿完成日期：2031年4月2日）'])).toEqual({ date: '2031-04-02', from: '本稿完成日期' });
    expect(coverDate(['实施日期：2032年1月1日', '发布日期：2031年5月6日'])).toEqual({ date: '2031-05-06', from: '发布日期' });
    expect(coverDate(['实施日期：2032年1月1日'])).toBeUndefined();
    expect(coverDate(['2031-11-08发布    2032-03-01实施'])).toEqual({ date: '2031-11-08', from: '发布日期' });
    expect(coverDate(['2032-03-01实施'])).toBeUndefined();
  });
  it('not-ok: a date alone on its line, in brackets or not, and in Chinese numerals', () => {
    expect(coverDate(['某某标准 第3部分', '（2031年3月）'])?.date).toBe('2031-03');
    expect(coverDate(['二〇三一年十二月'])?.date).toBe('2031-12');
  });
  it('ok: a date inside a sentence is not the cover date; a document number gives its year only when nothing else does', () => {
    expect(coverDate(['2031年3月，起草组完成了讨论稿。'])).toBeUndefined();
    expect(coverDate(['水利部发〔2031〕7号'])).toEqual({ date: '2031', from: '发文字号' });
    expect(coverDate(['水利部发〔2031〕7号', '（2032年1月）'])?.date).toBe('2032-01');
  });
  it('not-ok: a work report titled by its year is dated by that year, an annual report is not', () => {
    expect(titleYear('2031年某市政府工作报告')).toEqual({ date: '2031', from: '标题' });
    expect(titleYear('2031年度工作报告')).toBeUndefined();
    expect(titleYear('2031年供水规划')).toBeUndefined();
  });
});

describe('a date read from the text', () => {
  it('not-ok: fills the date a source lacks, and parse says where it came from', () => {
    const doc = read(`# 城市供水管网运行规范\n\n（本稿完成日期：2031年4月2日）${body}`);
    expect(doc.meta.date).toBe('2031-04-02');
    expect(doc.meta.extra?.['date from']).toBe('本稿完成日期');
    expect(read(`# 2031年某市政府工作报告${body}`).meta.date).toBe('2031');
  });
  it('ok: the date meta.yaml gives has the last word', () => {
    const doc = read(`# 城市供水管网运行规范\n\n（本稿完成日期：2031年4月2日）${body}`, 'date: 2030-01-01');
    expect(doc.meta.date).toBe('2030-01-01');
    expect(doc.meta.extra?.['date from']).toBeUndefined();
  });
});
