// A department's budget or final account (预算, 决算): its points are the figures — totals, shares, changes and
// why — not the department's remit (主要职能: 履行…职责。组织编制…。) nor a note that a table is empty
// (…故本表无数据。). A short made-up account shows each fault class.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { exclusionOf } from '../../pipeline/select/exclude.js';
import { isAccounts } from '../../pipeline/select/genre/accounts.js';
import type { SourceDoc } from '../../pipeline/model.js';

const ACCOUNT = `# 某某市某某区水务局2024年度部门决算

## 第一部分 某某区水务局概况

### 一、主要职能

1. 履行全区水资源统一管理职责，组织编制并监督实施全区水资源综合规划和相关专项规划。
2. 负责全区供水、排水和污水处理行业的监督管理工作，组织开展水务设施的建设和运行维护管理。
3. 组织指导全区河道、湖泊和水库的治理保护工作，牵头落实河长制各项工作任务和相关考核要求。
4. 承担全区防汛抗旱指挥部的日常工作，组织协调全区防汛抗旱和水旱灾害防御的各项具体工作。

### 二、部门决算单位构成

本区水务局部门决算包括本级决算和下属事业单位决算，纳入编制范围的单位共有三家。

## 第二部分 部门决算表

政府性基金预算财政拨款收入支出决算表

说明：某某区水务局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。

国有资本经营预算财政拨款收入支出决算表

说明：某某区水务局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。

## 第三部分 情况说明

### 一、收入支出决算总体情况说明

某某区水务局2024年度收入支出总计8123.45万元。与2023年度相比，收入支出总计增加512.30万元，增长6.73%，主要原因是河道整治项目支出增加。

### 二、支出决算情况说明

本年支出合计8011.20万元，其中：基本支出3204.48万元，占40.00%；项目支出4806.72万元，占60.00%。

### 三、一般公共预算财政拨款支出决算具体情况

一般公共预算财政拨款支出年初预算为8500.00万元，支出决算为8011.20万元，完成年初预算的94.25%。决算数小于预算数的主要原因是部分排水管网改造项目未能按期开工。

### 四、机关运行经费支出情况说明

机关运行经费支出120.50万元，比2023年度减少10.20万元，下降7.80%，主要原因是严格控制一般性支出。
`;

const read = (text: string): SourceDoc => ingest({ bytes: Buffer.from(text, 'utf8'), file: 'account.md', format: 'md', slug: 'account' }).doc;

// read as a report, as a real account's length makes it; and as the short text it is (a news brief's key points)
for (const kind of ['report', 'news'] as const) {
  describe(`an account’s brief (${kind})`, () => {
    const d = { ...read(ACCOUNT), kind };
    const b = selectBrief(d, []).brief;
    const all = b.slots.flatMap((s) => s.items.map((i) => i.text));
    const points = b.slots.find((s) => s.name === (kind === 'report' ? 'findings' : 'keyPoints'))!.items.map((i) => i.text);
    it('is read as an account by its title', () => {
      expect(isAccounts(d)).toBe(true);
    });
    it('takes no duty of the department’s remit as an item', () => {
      expect(all.some((t) => /^(?:履行|负责|组织指导|承担)/.test(t))).toBe(false);
    });
    it('takes no note that a table is empty, nor a table’s title', () => {
      expect(all.some((t) => /本表无数据|决算表$/.test(t))).toBe(false);
    });
    it('makes its points of the figures: totals, shares, changes', () => {
      expect(points.length).toBeGreaterThanOrEqual(3);
      expect(points.filter((t) => /[0-9]+(?:\.[0-9]+)?(?:万元|%)/.test(t)).length).toBeGreaterThanOrEqual(2);
    });
  });
}

describe('rules behind it', () => {
  it('knows a budget or an account by its title', () => {
    const acc = (title: string) => isAccounts({ meta: { title } } as SourceDoc);
    expect(acc('某某区规划和自然资源局2024年度部门决算')).toBe(true);
    expect(acc('关于2023年中央和地方预算执行情况与2024年中央和地方预算草案的报告')).toBe(true);
    expect(acc('某某市教育局2025年部门预算')).toBe(true);
    expect(acc('2024年政府工作报告')).toBe(false);
    expect(acc('关于进一步深化预算管理制度改革的意见')).toBe(false);
  });
  it('excludes a note that a table is empty, also when run on after the table’s cells', () => {
    expect(exclusionOf('说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。')).toBe('caption');
    expect(exclusionOf('本单位本年度没有国有资本经营预算财政拨款收入和支出，故本表为空表。')).toBe('caption');
    expect(exclusionOf('合计\t合计\t基本支出\t项目支出注：本表反映部门本年度收入支出情况。')).toBe('caption');
    expect(exclusionOf('政府性基金预算财政拨款收入支出决算表')).toBe('phrase');
    // a sentence on a table's data that says something stays a candidate
    expect(exclusionOf('全国人口普查表明，城镇人口比重上升到63.89%。')).toBeUndefined();
    expect(exclusionOf('该地区没有数据表明污染有所加重。')).toBeUndefined();
  });
});
