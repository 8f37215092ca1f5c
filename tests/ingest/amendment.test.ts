// A bill's comparison table (修正条文 | 现行条文 | 说明) read as sections: the law in force is context, and
// the amended column's paragraphs found word for word in it are not what the bill changes.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { allSections, docSegments } from '../../pipeline/ingest/walk.js';
import { selectBrief } from '../../pipeline/select/index.js';

const md = (text: string) => ingest({ slug: 't', file: 't.md', bytes: Buffer.from(text, 'utf8'), format: 'md' }).doc;
const body = (doc: ReturnType<typeof md>) => [...docSegments(doc)].filter((v) => v.role !== 'title' && v.section?.kind !== 'notes').map((v) => v.segment.text);

const BILL = (amended: string) => `# 某法第五条修正草案

案由：本院委员某某等 20 人，鉴于工资拖欠频发，拟修正某法第五条，以保障劳工权益，是否有当，敬请公决。

## 修正条文

${amended}

雇主应当按月缴纳垫偿基金，基金由主管机关管理。

垫偿基金的费率，由主管机关于万分之十范围内拟订。

## 现行条文

第五条 雇主因歇业积欠之工资未满六个月部分，有最优先受清偿之权。

雇主应当按月缴纳垫偿基金，基金由主管机关管理。

垫偿基金的费率，由主管机关于万分之十范围内拟订。

## 说明

一、现行条文仅保障六个月以内之工资，实务上抵押权优先于工资债权。

二、明订工资、资遣费及退休金债权优先于一切债权受清偿。
`;
const CHANGED = '第五条 雇主因歇业积欠之工资、资遣费及退休金，有优先于一切债权受清偿之权利。';

describe('a comparison table of a bill', () => {
  it('not-ok → ok: the law in force is reference matter, the unchanged paragraphs leave the amended column', () => {
    const doc = md(BILL(CHANGED));
    const inForce = [...allSections(doc.sections)].find((s) => s.heading === '现行条文')!;
    expect(inForce.kind).toBe('notes');
    const texts = body(doc);
    expect(texts).toContain(CHANGED);
    expect(texts).not.toContain('雇主应当按月缴纳垫偿基金，基金由主管机关管理。');
    expect(texts).not.toContain('第五条 雇主因歇业积欠之工资未满六个月部分，有最优先受清偿之权。');
    expect(texts).toContain('二、明订工资、资遣费及退休金债权优先于一切债权受清偿。');
    // the brief quotes neither the law in force nor an unchanged paragraph
    const { brief } = selectBrief(doc, []);
    const items = brief.slots.flatMap((s) => s.items.map((i) => i.text)).join('\n');
    expect(items).not.toContain('最优先受清偿之权');
    expect(items).not.toContain('缴纳垫偿基金');
  });

  it('ok: columns that say the same throughout, or a text with one of the two columns only, stay as they are', () => {
    const same = md(BILL('第五条 雇主因歇业积欠之工资未满六个月部分，有最优先受清偿之权。'));
    expect([...allSections(same.sections)].every((s) => s.kind !== 'notes')).toBe(true);
    const one = md(BILL(CHANGED).replace('## 现行条文', '## 附件'));
    expect(body(one)).toContain('雇主应当按月缴纳垫偿基金，基金由主管机关管理。');
  });
});
