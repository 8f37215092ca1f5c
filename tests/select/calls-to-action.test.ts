// Session 14 (docsb): a project's release blog or announcement (Docusaurus/Hugo Markdown with front matter) ends
// with calls to the reader — to join, to star, to read the docs, to learn more at a link the scraped text lost.
// None of them is a finding of the page, and a brief that quotes one reads as an advertisement.
import { describe, expect, it } from 'vitest';
import { exclusionOf } from '../../pipeline/select/exclude.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { ingest } from '../../pipeline/ingest/index.js';
import { collectUnits } from '../../pipeline/select/units.js';

const read = (text: string) => ingest({ slug: 't', file: 'source.md', bytes: new TextEncoder().encode(text), format: 'md' }).doc;

describe('a call to action addressed to the reader', () => {
  it('not-ok: an invitation to take part, a welcome to the reader, an exhortation', () => {
    expect(exclusionOf('非常欢迎开发者们参与到社区，制作插件扩展平台的系统能力。')).toBe('meta');
    expect(exclusionOf('欢迎感兴趣的朋友加入我们的工作组。')).toBe('meta');
    expect(exclusionOf('歡迎大家踴躍報名參加。')).toBe('meta');
    expect(exclusionOf('可以通过社区例会联系我们，期待你的加入！')).toBe('meta');
    expect(exclusionOf('让我们一起发展社区和更广泛的生态系统！')).toBe('meta');
    expect(exclusionOf('如果你对参与到开源社区感兴趣，我们非常欢迎你加入到社区中来，工程师们也会耐心指导你入门。')).toBe('meta');
  });
  it('not-ok: a pointer to more elsewhere, put as an order or after a condition', () => {
    expect(exclusionOf('在 GitHub 社区仓库 中了解更多关于用户组的信息，并在官网查看完整的采用者列表。')).toBe('meta');
    expect(exclusionOf('请至官方网站查看完整名单。')).toBe('meta');
    expect(exclusionOf('如果你想了解更多功能及其背后的实现原理，欢迎阅读官方的文档深入了解背后的运行机制。')).toBe('meta');
  });
  it('ok: a welcome to a named member is news; taking part and learning stated as facts stay', () => {
    expect(exclusionOf('社区欢迎彭博加入用户组，这是项目进入金融行业的标志。')).toBeUndefined();
    expect(exclusionOf('欢迎彭博加入用户组。')).toBeUndefined();
    expect(exclusionOf('如果企业符合条件，政府欢迎其参与试点，并给予资金支持。')).toBeUndefined();
    expect(exclusionOf('在调研中了解到，七成企业面临融资难题。')).toBeUndefined();
    expect(exclusionOf('超过 300 位开发者参与了本次版本的开发。')).toBeUndefined();
    expect(exclusionOf('让我们看到，开放协作可以降低成本。')).toBeUndefined();
  });
});

describe('a bare web address at the head of a sentence', () => {
  it('not-ok: a label and an address whose link text was lost, the rest hanging on it', () => {
    expect(exclusionOf('项目官方主页与文档：example.io ，从 1.1 版本开始，已提供中文、英文文档。')).toBe('link');
    expect(exclusionOf('www.example.org.cn，提供全部历史数据下载。')).toBe('link');
  });
  it('ok: a product name with a dot is no address', () => {
    expect(exclusionOf('Node.js，一个基于 V8 引擎的运行时，被超过一半的受访者使用。')).toBeUndefined();
    expect(exclusionOf('版本 1.4.0，新增了多集群权限认证。')).toBeUndefined();
  });
});

describe('a release blog that ends with calls to the reader', () => {
  const md = [
    '---',
    'title: "星桥 2.0 发布：多集群交付更安全"',
    'author: 张三',
    'tags: [ release-note ]',
    '---',
    '',
    '星桥是一个开源的应用交付平台，目标是让多集群环境下的部署更简单可靠。',
    '',
    '<!--truncate-->',
    '',
    '## 核心功能',
    '',
    '星桥 2.0 加入了多集群权限认证，管理员可以把权限细粒度地授予每个开发者。',
    '',
    '新版本的安装时间从 30 分钟缩短到 5 分钟，控制平面的内存占用下降了 40%。',
    '',
    '工作流新增条件判断，部署失败时会自动通知负责人。',
    '',
    '如果你想了解更多功能及其背后的原理，欢迎阅读官方的权限认证文档。',
    '',
    '## 如何参与社区',
    '',
    '非常欢迎开发者们参与到社区，制作插件扩展星桥的能力。',
    '',
    '在 GitHub 社区仓库中了解更多关于贡献流程的信息。',
    '',
    '让我们一起发展星桥社区！',
  ].join('\n');

  it('no item, summary sentence included, is a call to the reader', () => {
    const brief = selectBrief(read(md), []).brief;
    const texts = brief.slots.flatMap((s) => s.items.map((i) => i.text)).join('\n');
    expect(texts).toContain('星桥 2.0 加入了多集群权限认证');
    for (const cta of ['欢迎阅读', '欢迎开发者们', '了解更多关于贡献', '让我们一起']) expect(texts).not.toContain(cta);
  });
});

describe('the steps a sentence announces with a full stop', () => {
  const md = (lead: string) =>
    ['# 发布', '', '## 认证', '', lead, '', '1. 网关首先拦截用户的请求，把用户的权限信息写到应用对象上。', '2. 控制器在执行部署计划时，以该用户的权限去执行。', '3. 多集群模块把权限传递到子集群，子集群再据此认证。'].join('\n');
  it('not-ok: a step of 用户的请求会经过如图所示的几个阶段。 is one part of a sequence, never the summary', () => {
    const units = collectUnits(read(md('授权完成以后，用户的请求会经过如图所示的几个阶段。')));
    const steps = units.filter((u) => u.role === 'item');
    expect(steps).toHaveLength(3);
    expect(steps.every((u) => u.listed)).toBe(true);
  });
  it('ok: a list after a sentence that announces no steps stands on its own', () => {
    const units = collectUnits(read(md('新版本在安全方面做了三项改进。')));
    expect(units.filter((u) => u.role === 'item').some((u) => u.listed)).toBe(false);
  });
});
