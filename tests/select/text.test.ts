import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentLength, trimAtClause, wordTokens } from '../../pipeline/select/text.js';
import { segmentId } from '../../pipeline/ingest/segment.js';

describe('trimAtClause', () => {
  it('keeps a sentence within budget whole', () => {
    expect(trimAtClause('短句，没有问题。', 90)).toEqual({ text: '短句，没有问题。', trimmed: false });
  });

  it('cuts at the last clause mark that fits, never inside quotation marks, and marks the cut with …… (no invented sentence end)', () => {
    const s = '第一个分句讲的是背景情况，第二个分句说明“原因，以及更多的原因”，第三个分句给出结论；第四个分句补充了很多很多的细节内容。';
    const t = trimAtClause(s, 40);
    expect(t.trimmed).toBe(true);
    expect(t.text).toBe('第一个分句讲的是背景情况，第二个分句说明“原因，以及更多的原因”……');
    expect(t.textId).toBe(segmentId(t.text));
  });

  it('returns the sentence whole when no boundary fits', () => {
    const s = '这是一个非常长而且中间完全没有任何逗号或者分号的句子所以无法在分句边界处截断只能原样保留下来。';
    expect(trimAtClause(s, 20)).toEqual({ text: s, trimmed: false });
  });

  it('property: a trimmed text is a prefix of the sentence ending before a clause mark, plus ……, within budget', () => {
    const clause = fc.stringMatching(/^[\u4e00-\u4e2f]{1,15}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(clause, fc.constantFrom('，', '；', '：')), { minLength: 1, maxLength: 12 }), fc.integer({ min: 10, max: 60 }), (parts, budget) => {
        const s = parts.map(([c, m]) => c + m).join('') + '完。';
        const t = trimAtClause(s, budget, 1);
        if (!t.trimmed) {
          expect(t.text).toBe(s);
          return;
        }
        const body = t.text.slice(0, -2);
        expect(t.text.endsWith('……')).toBe(true);
        expect(t.text.endsWith('。……')).toBe(false);
        expect(s.startsWith(body)).toBe(true);
        expect('，；：').toContain(s[body.length]);
        expect([...t.text].length).toBeLessThanOrEqual(budget);
      }),
    );
  });
});

describe('wordTokens', () => {
  it('keeps content words and drops function words and numbers', () => {
    const t = wordTokens('欧洲加速防务自主转型，并在2025年推进计划的实施。');
    expect(t).toContain('欧洲');
    expect(t).toContain('防务');
    expect(t).not.toContain('的');
    expect(t).not.toContain('2025');
  });
  it('never cuts a sentence after its opening phrase alone (根据…，), which says nothing', () => {
    const long = '根据一份由区域研究机构发布的年度展望报告，东盟十国数字经济交易总额在二〇二四年预计达到二千六百三十亿美元并且同比增长百分之十五左右而电子商务占比约六成。';
    // the only clause mark within the budget ends the opening phrase: the sentence stays whole
    expect(trimAtClause(long, 40)).toEqual({ text: long, trimmed: false });
    // a cut after a clause that says something is still made
    expect(trimAtClause('东盟数字经济规模持续扩大，交易总额预计达到二千六百三十亿美元并且同比增长百分之十五左右而电子商务占比约六成。', 40).text).toBe('东盟数字经济规模持续扩大……');
  });

  it('never cuts at a colon: the cut would keep the lead-in (…作出民事判决：) and drop what it introduces', () => {
    const ruling = '某市中级人民法院于2013年1月5日作出第438号民事判决：确认被告收取原告节目费15元的行为无效，被告于判决生效之日起十日内返还原告15元。';
    expect(trimAtClause(ruling, 40)).toEqual({ text: ruling, trimmed: false });
    // a comma after the colon's content is still a place to cut
    expect(trimAtClause('主要目标是：国内生产总值增长5%左右，城镇新增就业1200万人以上并且居民消费价格涨幅控制在百分之三左右。', 30).text).toBe('主要目标是：国内生产总值增长5%左右……');
  });

  it('never cuts after a date and an opening phrase (2023年9月，经…审核通过，), which say nothing either', () => {
    const event = '2023年9月，经中国电子工业标准化技术协会审核通过，由多家单位共同起草的开源许可证团体标准正式获批发布并在全国范围内推广实施和采用。';
    expect(trimAtClause(event, 40)).toEqual({ text: event, trimmed: false });
    const led = '2023 年 6 月，由中国开源推进联盟牵头，全国多所高校和企业共同编写的开源教材正式出版并面向全国高校免费开放使用。';
    expect(trimAtClause(led, 30)).toEqual({ text: led, trimmed: false });
    // a date, then a clause that says what happened: cut after it
    expect(trimAtClause('2023年3月，中国的第二个开源基金会在重庆正式成立，首批捐赠项目包括多个操作系统和数据库项目以及相关工具链与文档资料。', 40).text).toBe('2023年3月，中国的第二个开源基金会在重庆正式成立……');
  });
});

describe('contentLength', () => {
  it('counts what /[\\p{Script=Han}A-Za-z0-9]/gu matches', () => {
    const regexCount = (t: string) => (t.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? []).length;
    const pieces = ['中', '国', '〇', '々', '〆', '⺀', '⽇', '丽', '𠀀', '𪜀', 'ａ', 'A', 'z', '9', 'é', 'ß', ' ', '，', '。', '“', '\ud800', '\udc00', 'Ж', '한', 'か', '\u3021', '\u303b', '\u2e80'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 20 }), (parts) => {
        const t = parts.join('');
        expect(contentLength(t), JSON.stringify(t)).toBe(regexCount(t));
      }),
      { numRuns: 2000 },
    );
    expect(contentLength('2025年7月，NATO峰会。')).toBe(13);
  });
});

describe('note marks', () => {
  it('an item shows the sentence without its note marks, and the checks trace it', async () => {
    const { withoutNoteMarks } = await import('../../pipeline/select/note-marks.js');
    expect(withoutNoteMarks('该软件可以将人物照片的衣着褪去[64]，引发争议［3］。据统计¹²，增长了[1,2]三成[注4]。')).toBe('该软件可以将人物照片的衣着褪去，引发争议。据统计，增长了三成。');
    // a reference list's entry, an index in code or a power keeps its brackets or digits
    expect(withoutNoteMarks('[1] 某某：《开源年报》，2024。')).toBe('[1] 某某：《开源年报》，2024。');
    expect(withoutNoteMarks('数组 a[1] 的值是 x²。')).toBe('数组 a[1] 的值是 x²。');
    const { makeItem } = await import('../../pipeline/select/pick.js');
    const seg = { id: 's1', text: '2019年6月，该软件面世，可以将人物照片的衣着褪去[64]。', place: { line: 1, column: 1 }, footnoteRefs: [] };
    expect(makeItem([seg], 120).text).toBe('2019年6月，该软件面世，可以将人物照片的衣着褪去。');
  });
});
