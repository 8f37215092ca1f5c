// The genre selection followed, by name (select/genre/index.ts): in the brief (its front matter) and so
// in the corpus table, a law says law, an interview interview, a work report work report.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { genreOf } from '../../pipeline/select/genre/index.js';

const read = (text: string, format: 'md' | 'txt') => ingest({ slug: 't', file: `source.${format}`, bytes: new TextEncoder().encode(text), format }).doc;

const LAW = ['# 某市河道管理条例', '', '第一条 为了规范河道管理，制定本条例。', '', '第二条 本市河道的管理，适用本条例。', '', '第三条 市水务部门负责河道管理工作。', ''].join('\n');
const INTERVIEW = ['# 专访', '', '记者：海上风电的瓶颈在哪里？', '', '龚然：瓶颈已经转向了电网。', '', '记者：地方能做些什么？', '', '龚然：地方要规划先行。', ''].join('\n');
const WORK_REPORT = ['某市政府工作报告', '各位代表：', '现在，我代表市人民政府，向大会报告工作，请予审议。', '一、过去一年的工作', '全市地区生产总值增长5.2%，城镇新增就业28.1万人。', ''].join('\n');
const SPEECH = ['# 在某大学开学典礼上的讲话', '', '亲爱的同学们：', '', '欢迎你们来到这所有一百二十年历史的大学，开始人生新的阶段。', '', '希望你们珍惜时光，勤奋学习，敢于探索未知的领域。', ''].join('\n');
const REPORT = ['某市产业发展报告', '一、总体情况', '全市工业增加值增长6.1%，高技术制造业占比提高到18%。', '二、主要问题', '产业链配套不足，中小企业融资成本偏高。', ''].join('\n');

describe('genre names', () => {
  it('law, interview, work report, speech, else the kind', () => {
    expect(genreOf(read(LAW, 'md'))).toBe('law');
    expect(genreOf(read(INTERVIEW, 'md'))).toBe('interview');
    expect(genreOf(read(WORK_REPORT, 'txt'))).toBe('work report');
    expect(genreOf(read(SPEECH, 'md'))).toBe('speech');
    expect(genreOf(read(REPORT, 'txt'))).toBe('report');
  });
  it('the brief names the genre when it says more than the kind, and only then', () => {
    expect(selectBrief(read(LAW, 'md'), []).brief.genre).toBe('law');
    expect(selectBrief(read(REPORT, 'txt'), []).brief.genre).toBeUndefined();
  });
});
