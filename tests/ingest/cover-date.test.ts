import { describe, expect, it } from 'vitest';
import { coverDate, noticeDate, titleYear } from '../../pipeline/ingest/cover-date.js';
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

// session 13: a State Council plan as a scraped page gives it — the page's 发布日期 (the month it went up), then
// the transmittal notice signed with its day (国务院 / 2031年12月12日) — was dated by the page.
describe('the date that signs a transmittal notice', () => {
  const page = (notice: string) =>
    `# 某某事业发展规划\n\n**发布日期**: 2032年1月\n**来源**: 某网站\n\n---\n\n## 政策全文\n\n${notice}\n\n某某事业发展规划\n\n为推进某某事业高质量发展，根据有关法律法规，制定本规划。\n\n一、发展基础\n\n“十三五”时期，某某事业体系不断健全，服务能力明显提升，各项目标任务如期实现。\n`;
  const notice = '国务院关于印发\n\n某某事业发展规划的通知\n\n国发〔2031〕29号\n\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n现将《某某事业发展规划》印发给你们，请认真贯彻执行。\n\n国务院\n\n2031年12月12日\n\n（此件公开发布）';
  it('not-ok: is the document’s date, before the date of the page that republished it', () => {
    const d = read(page(notice));
    expect(d.meta.date).toBe('2031-12-12');
    expect(d.meta.extra?.['date from']).toBe('通知落款');
  });
  it('ok: a date in the notice’s text, not under an issuer’s name, signs nothing', () => {
    const unsigned = notice.replace('国务院\n\n2031年12月12日', '本规划自2031年12月12日起施行。');
    expect(read(page(unsigned)).meta.date).not.toBe('2031-12-12');
    expect(read(page(unsigned)).meta.extra?.['date from']).not.toBe('通知落款');
  });
  it('ok: a signed date without a notice’s title over it is not taken for one', () => {
    expect(read(page('某某部门\n\n2031年12月12日')).meta.extra?.['date from']).not.toBe('通知落款');
  });
  it('ok: the date meta.yaml gives has the last word', () => {
    expect(read(page(notice), 'date: 2032-02-01\n').meta.date).toBe('2032-02-01');
  });
  it('reads the signature from the lines: the issuer, then the day', () => {
    const lines = ['国务院办公厅关于转发某某部门某某实施方案的通知', '国办发〔2031〕5号', '各省、自治区、直辖市人民政府：', '某某部门《某某实施方案》已经国务院同意，现转发给你们，请认真贯彻执行。', '国务院办公厅', '2031年3月4日'];
    expect(noticeDate(lines)).toEqual({ date: '2031-03-04', from: '通知落款' });
    // a month alone signs no notice; a date under a sentence is no signature
    expect(noticeDate([...lines.slice(0, 5), '2031年3月'])).toBeUndefined();
    expect(noticeDate([...lines.slice(0, 4), '2031年3月4日'])).toBeUndefined();
  });
});
