import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../pipeline/ingest/report/index.js';
import { allSections, docSegments } from '../../pipeline/ingest/walk.js';
import type { ListBlock } from '../../pipeline/model.js';

const FILE = 'sources/siis-2025-common-security/source.txt';
const text = readFileSync(FILE, 'utf8');
const { doc, diagnostics } = parseReport(text, FILE, 'siis-2025-common-security');
const segs = [...docSegments(doc)].map((v) => v.segment);

describe('report parser on the seed report (acceptance)', () => {
  it('finds the four chapters and their sections', () => {
    const chapters = doc.sections.filter((s) => s.kind === 'chapter');
    expect(chapters.map((c) => c.heading)).toEqual([
      '乌克兰危机走势和外溢效应评估',
      '利益攸关方的认知鸿沟与诉求差异',
      '重建和平的关键分歧和制度困境',
      '探索共同安全新范式：中国的视角',
    ]);
    expect(chapters.map((c) => c.children.length)).toEqual([2, 5, 4, 4]);
    for (const c of chapters) {
      expect(c.level).toBe(1);
      for (const s of c.children) expect(s).toMatchObject({ level: 2, kind: 'section' });
    }
    expect(chapters[1].children.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五']);
  });

  it('has the abstract with its five recommendations as list items, and the acknowledgements', () => {
    const abs = doc.sections.find((s) => s.kind === 'abstract')!;
    expect(abs.heading).toBe('摘要');
    const lists = abs.blocks.filter((b): b is ListBlock => b.type === 'list');
    const recs = lists.find((l) => l.items.length === 5)!;
    expect(recs.items.map((i) => i.marker)).toEqual(['一是', '二是', '三是', '四是', '五是']);
    expect(recs.lead.length).toBeGreaterThan(0);
    expect(doc.sections.some((s) => s.kind === 'acknowledgements' && s.heading === '致谢')).toBe(true);
  });

  it('links all 38 footnotes to at least one marker', () => {
    expect(doc.footnotes).toHaveLength(38);
    expect(doc.footnotes.map((f) => f.id)).toEqual(Array.from({ length: 38 }, (_, i) => String(i + 1)));
    for (const f of doc.footnotes) expect(f.refs.length, `note ${f.id}`).toBeGreaterThan(0);
    const refd = new Set(segs.flatMap((s) => s.footnoteRefs));
    expect(refd.size).toBe(38);
    expect(diagnostics.filter((d) => d.ruleId === 'footnote-unlinked')).toEqual([]);
    const seven = doc.footnotes.find((f) => f.id === '7')!;
    expect(seven.urls.some((u) => u.includes('uk-is-absolutely-committed'))).toBe(true);
    for (const f of doc.footnotes) for (const u of f.urls) expect(u).not.toMatch(/[>。.,)]$/);
  });

  it('lifts table 1 with its header and labelled rows', () => {
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect(t.label).toBe('表 1');
    expect(t.header).toHaveLength(4);
    expect(t.header[0]).toBe('');
    expect(t.rows.map((r) => r.label)).toEqual(['领土问题', '安全保障', '经济措施', '战后重建']);
    for (const r of t.rows) expect(r.cells).toHaveLength(3);
    expect(t.rows[0].cells[0].items.length).toBeGreaterThanOrEqual(2);
    const blocks = [...allSections(doc.sections)].flatMap((s) => s.blocks);
    expect(blocks.filter((b) => b.type === 'table')).toEqual([{ type: 'table', ref: t.id }]);
  });

  it('reads the cover', () => {
    expect(doc.meta.title).toBe('着眼共同安全');
    expect(doc.meta.subtitle).toBe('政治解决乌克兰危机的新范式');
    expect(doc.meta.authors).toHaveLength(6);
    expect(doc.meta.date).toBe('2025-07');
    expect(doc.meta.issue).toBe('45');
    expect(doc.titleSegments.map((s) => s.text)).toEqual(['着眼共同安全', '政治解决乌克兰危机的新范式']);
  });

  it('keeps furniture out of the segments and rejoins page-broken words', () => {
    for (const s of segs) {
      expect(s.text).not.toMatch(/^\d{1,3}$/);
      expect(s.text).not.toMatch(/\t|\*|<\/?(ol|li)/);
      expect(s.text).not.toMatch(/^目\s*录$/);
      expect(s.text).not.toMatch(/联系方式|邮政编码|©|版权归|SHANGHAI INSTITUTES/);
      expect(s.text.endsWith('逻')).toBe(false);
      expect(s.text.startsWith('辑以及')).toBe(false);
      expect(s.text.endsWith('就把解')).toBe(false);
    }
    // table-of-contents entries never appear as text lines with page numbers
    expect(segs.some((s) => /\s0\d$/.test(s.text))).toBe(false);
    // every segment traces back to a line of the source
    const lines = text.split('\n');
    for (const s of segs) expect(lines[s.place.line - 1].length).toBeGreaterThanOrEqual(s.place.column - 1);
  });
});
