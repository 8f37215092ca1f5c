import { describe, it, expect } from 'vitest';
import { parseMeta, applyMeta } from '../../pipeline/ingest/meta.js';
import { UserError } from '../../pipeline/diagnostics.js';
import type { SourceDoc } from '../../pipeline/model.js';

function errors(text: string): UserError {
  try {
    parseMeta(text, 'sources/x/meta.yaml');
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

const base: SourceDoc = {
  slug: 'x',
  kind: 'news',
  meta: { authors: [{ name: '甲' }], title: '原标题', outlet: '某报', extra: { a: '1' } },
  titleSegments: [{ id: 's1', text: '原标题', place: { line: 3, column: 3 }, footnoteRefs: [] }],
  sections: [],
  footnotes: [],
  tables: [],
  quotes: [],
};

describe('parseMeta', () => {
  it('reads every key', () => {
    const m = parseMeta(
      [
        'title: 新标题',
        'subtitle: 副题',
        'shortTitle: 短题',
        'authors:',
        '  - 张三',
        '  - { name: 李四, role: 研究员 }',
        'institution: 某研究院',
        'outlet: 某网',
        'date: 2024-05',
        'series: 报告',
        'issue: 45',
        'url: https://example.org/a',
        'image: { url: https://example.org/a.jpg, caption: 图注 }',
        'kind: report',
        'pin: [s0123, 关键句]',
        'exclude:',
        '  - 广告',
        'extra: { 编辑: 王五, 页数: 12 }',
      ].join('\n'),
      'meta.yaml',
    );
    expect(m).toEqual({
      title: '新标题',
      subtitle: '副题',
      shortTitle: '短题',
      authors: [{ name: '张三' }, { name: '李四', role: '研究员' }],
      institution: '某研究院',
      outlet: '某网',
      date: '2024-05',
      series: '报告',
      issue: '45',
      url: 'https://example.org/a',
      image: { url: 'https://example.org/a.jpg', caption: '图注' },
      kind: 'report',
      pin: ['s0123', '关键句'],
      exclude: ['广告'],
      extra: { 编辑: '王五', 页数: '12' },
    });
  });

  it('accepts an empty file and dates of every precision', () => {
    expect(parseMeta('', 'm.yaml')).toEqual({});
    for (const d of ['2024', '2024-05', '2024-05-18', '2024-05-18T09:30', '2024-05-18 09:30:15'])
      expect(parseMeta(`date: ${d}`, 'm.yaml').date).toBe(d.replace(' ', 'T'));
  });

  it('reports an unknown key at the key', () => {
    const e = errors('title: 标题\nauthor: 张三\n');
    expect(e.diagnostics[0].ruleId).toBe('meta-unknown-key');
    expect(e.diagnostics[0].line).toBe(2);
    expect(e.diagnostics[0].column).toBe(1);
    expect(e.diagnostics[0].file).toBe('sources/x/meta.yaml');
  });

  it('reports wrong types and bad values where they stand', () => {
    const e = errors('title: [a, b]\ndate: 18/5/2024\nkind: blog\nauthors:\n  - { name: 甲, job: 乙 }\nimage: { caption: 无图 }\n');
    const rules = e.diagnostics.map((d) => `${d.ruleId}@${d.line}`);
    expect(rules).toEqual(['meta-type@1', 'meta-date@2', 'meta-type@3', 'meta-type@5', 'meta-type@6']);
  });

  it('reports YAML syntax errors with their place', () => {
    const e = errors('title: "unclosed\nurl: x\n');
    expect(e.diagnostics[0].ruleId).toBe('meta-syntax');
    expect(e.diagnostics[0].line).toBeGreaterThanOrEqual(1);
  });

  it('refuses a list at the top', () => {
    expect(errors('- a\n- b\n').diagnostics[0].ruleId).toBe('meta-type');
  });
});

describe('applyMeta', () => {
  it('overrides what the parser found, merges extra, rebuilds the title segment at the title place', () => {
    const doc = applyMeta(base, { title: '更正的标题', authors: [{ name: '乙', role: '记者' }], extra: { b: '2' }, kind: 'report', date: '2023' });
    expect(doc.meta.title).toBe('更正的标题');
    expect(doc.meta.outlet).toBe('某报');
    expect(doc.meta.authors).toEqual([{ name: '乙', role: '记者' }]);
    expect(doc.meta.extra).toEqual({ a: '1', b: '2' });
    expect(doc.meta.date).toBe('2023');
    expect(doc.kind).toBe('report');
    expect(doc.titleSegments[0].text).toBe('更正的标题');
    expect(doc.titleSegments[0].place).toEqual({ line: 3, column: 3 });
    expect(base.meta.title).toBe('原标题'); // not mutated
  });

  it('gives a title when the text has none, and a short title as its own segment', () => {
    const doc = applyMeta({ ...base, meta: { authors: [] }, titleSegments: [] }, { title: '标题', shortTitle: '短' });
    expect(doc.titleSegments.map((s) => s.text)).toEqual(['标题', '短']);
    expect(doc.titleSegments[0].place).toEqual({ line: 1, column: 1 });
  });
});
