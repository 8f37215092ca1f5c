// A published court case (指导案例): its parts under fixed headings (裁判要点, 基本案情, 裁判结果, 裁判理由).
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { docSegments } from '../../pipeline/ingest/walk.js';
import { selectBrief } from '../../pipeline/select/index.js';

const md = (text: string, meta?: string) => ingest({ slug: 't', file: 't.md', bytes: Buffer.from(text, 'utf8'), format: 'md', ...(meta ? { meta: { file: 'meta.yaml', text: meta } } : {}) }).doc;

const CASE = `# 经营者捆绑收费侵害消费者选择权

## 张某诉某市供水有限公司捆绑交易纠纷案

## 裁判要点

1.在特定区域内独家经营供水业务的经营者，在市场准入和市场份额上均具有优势，可以认定其具有市场支配地位。

2.经营者将供水费和水质检测费捆绑收取，侵害了消费者的选择权，构成反垄断法所禁止的搭售。

## 基本案情

2019年3月1日，张某前往供水公司缴纳水费时被告知，每月水费须与检测费20元一并缴纳。

张某缴纳了三个月的水费和检测费共计180元，之后诉至法院。

## 裁判结果

某市中级人民法院于2020年1月5日作出（2019）某民初字第12号民事判决：1.确认被告收取检测费的行为无效；2.被告于判决生效之日起十日内返还原告60元。

## 裁判理由

法院生效裁判认为，供水公司在本市供水市场具有支配地位，其将检测费与水费捆绑收取，没有正当理由。
`;

describe('a published court case', () => {
  it('not-ok → ok: its name is the title (the headline restating the holding its subtitle), its holding the summary', () => {
    const doc = md(CASE);
    expect(doc.meta.title).toBe('张某诉某市供水有限公司捆绑交易纠纷案');
    expect(doc.meta.subtitle).toBe('经营者捆绑收费侵害消费者选择权');
    // (a real case is long enough to read as a report by its structure; this short one is taken as one)
    const { brief } = selectBrief({ ...doc, kind: 'report' }, []);
    const summary = brief.slots.find((s) => s.name === 'bottomLine')!.items.map((i) => i.text).join('');
    expect(summary).toMatch(/^在特定区域内独家经营供水业务的经营者/);
    // the holding's points are no recommendations
    expect(brief.slots.find((s) => s.name === 'recommendations')?.items ?? []).toEqual([]);
  });

  it('not-ok → ok: a judgment with its items run in is one sentence again, as the source writes it', () => {
    const texts = [...docSegments(md(CASE))].map((v) => v.segment.text);
    expect(texts).toContain('某市中级人民法院于2020年1月5日作出（2019）某民初字第12号民事判决：1.确认被告收取检测费的行为无效；2.被告于判决生效之日起十日内返还原告60元。');
    expect(texts).not.toContain('确认被告收取检测费的行为无效');
  });

  it('ok: a title meta.yaml gives stays; a text without the parts of a case is left as it is', () => {
    expect(md(CASE, 'title: 指导案例一号\n').meta.title).toBe('指导案例一号');
    const other = md(CASE.replace('## 裁判结果', '## 其他').replace('## 裁判理由', '## 附录'));
    expect(other.meta.title).toBe('经营者捆绑收费侵害消费者选择权');
  });
});
