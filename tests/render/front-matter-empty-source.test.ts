import { describe, expect, it } from 'vitest';
import { parse as yamlParse } from 'yaml';
import type { Brief } from '../../pipeline/model.js';
import { renderMarkdown } from '../../pipeline/render/markdown.js';
import { templates } from './helpers.js';

// session 10, fault 3: a brief of a source that says nothing of where it comes from had `source: ""`.
const brief = (sourceLine: string): Brief => ({
  slug: 'made-up',
  lang: 'zh-Hans',
  kind: 'news',
  title: '一篇访谈',
  sourceLine,
  slots: [{ name: 'bottomLine', items: [{ text: '她说了一件事。', segmentIds: ['s0000000000000001'] }] }],
  terms: [],
});
const frontMatter = (md: string) => yamlParse(md.split('---\n')[1]) as Record<string, unknown>;

describe('front matter: the source field', () => {
  it('not-ok: an empty source line is no field at all', () => {
    const md = renderMarkdown(brief(''), templates());
    expect(md).not.toMatch(/^source:/m);
    expect(frontMatter(md)).not.toHaveProperty('source');
  });
  it('ok: a source line is written as it is', () => {
    expect(frontMatter(renderMarkdown(brief('中央社 · 2023年6月16日'), templates())).source).toBe('中央社 · 2023年6月16日');
  });
});
