// The two seeds, through the real ingestion and glossary: only genre-level properties are asserted.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { resolveContext } from '../../pipeline/context.js';
import { loadTextSourceDoc } from '../../pipeline/build/load-source.js';
import { loadGlossary } from '../../pipeline/glossary/load.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { localizeBrief } from '../../pipeline/localize/brief.js';
import type { Brief, Section, SourceDoc } from '../../pipeline/model.js';
import { segmentsOf } from '../fixtures/select/build.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ctx = resolveContext({}, root);
const { terms } = loadGlossary(ctx.glossaryDir);
const slot = (b: Brief, name: string) => b.slots.find((s) => s.name === name)!.items;
const allIds = (b: Brief) => b.slots.flatMap((s) => s.items.flatMap((i) => i.segmentIds));

function seed(kind: 'report' | 'news'): SourceDoc {
  for (const slug of ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum']) {
    const { doc } = loadTextSourceDoc(ctx, slug);
    if (doc.kind === kind) return doc;
  }
  throw new Error(`no ${kind} seed`);
}

function sectionOf(d: SourceDoc, id: string): Section[] {
  const out: Section[] = [];
  const visit = (s: Section, path: Section[]) => {
    const here = [...path, s];
    if (segmentsOf({ ...d, sections: [{ ...s, children: [] }] }).some((x) => x.id === id)) out.push(...here);
    s.children.forEach((c) => visit(c, here));
  };
  d.sections.forEach((s) => visit(s, []));
  return out;
}

describe('seed report', () => {
  const d = seed('report');
  const { brief } = selectBrief(d, terms);

  it('fills every slot within its limits, with no segment twice', () => {
    expect(slot(brief, 'bottomLine').length).toBeGreaterThanOrEqual(2);
    expect(slot(brief, 'findings').length).toBeGreaterThanOrEqual(3);
    expect(slot(brief, 'findings').length).toBeLessThanOrEqual(5);
    expect(slot(brief, 'recommendations').length).toBeGreaterThanOrEqual(2);
    expect(slot(brief, 'recommendations').length).toBeLessThanOrEqual(5);
    expect(brief.terms.length).toBeGreaterThan(0);
    expect(brief.terms.length).toBeLessThanOrEqual(8);
    const ids = allIds(brief);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('recommendations are enumerated items of the 摘要', () => {
    for (const r of slot(brief, 'recommendations')) expect(sectionOf(d, r.segmentIds[0]).some((s) => s.kind === 'abstract')).toBe(true);
  });

  it('positions: one per actor, each from the section headed with that actor', () => {
    const pos = slot(brief, 'positions');
    expect(pos.length).toBeGreaterThanOrEqual(2);
    const names = pos.map((p) => p.speaker!.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of pos) expect(sectionOf(d, p.segmentIds[0]).some((s) => s.heading.includes(p.speaker!.name + '：') || s.heading.includes(p.speaker!.name + ':'))).toBe(true);
  });

  it('items fit the budget and key terms occur in the text', () => {
    for (const s of brief.slots) for (const i of s.items) expect([...i.text].length).toBeLessThanOrEqual(s.name === 'bottomLine' ? 120 : 90);
    const text = segmentsOf(d).map((s) => s.text).join('');
    for (const t of brief.terms) expect(text.includes(t.text) || terms.find((x) => x.id === t.termId)!.variants['zh-Hans']?.some((v) => text.includes(v))).toBe(true);
  });

  it('localizes in parallel and is deterministic', () => {
    const en = localizeBrief(brief, 'en', { toHant: (s) => s, translate: () => undefined, terms, meta: d.meta });
    expect(en.brief.slots.map((s) => s.items.length)).toEqual(brief.slots.map((s) => s.items.length));
    expect(en.missing.length).toBeGreaterThan(0);
    expect(en.brief.sourceLine).toMatch(/Zhao Long et al\.$/);
    expect(JSON.stringify(selectBrief(seed('report'), terms).brief)).toBe(JSON.stringify(brief));
  });
});

describe('seed news', () => {
  const d = seed('news');
  const { brief } = selectBrief(d, terms);

  it('fills every slot within its limits, with no segment twice', () => {
    expect(slot(brief, 'bottomLine').length).toBeGreaterThanOrEqual(1);
    expect(slot(brief, 'keyPoints').length).toBeGreaterThanOrEqual(3);
    expect(slot(brief, 'keyPoints').length).toBeLessThanOrEqual(5);
    const ids = allIds(brief);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('voices: distinct speakers, from the quotes, at most four', () => {
    const v = slot(brief, 'voices');
    expect(v.length).toBeGreaterThanOrEqual(2);
    expect(v.length).toBeLessThanOrEqual(4);
    const names = v.map((i) => i.speaker!.name);
    expect(new Set(names).size).toBe(names.length);
    const quoteIds = new Set(d.quotes.map((q) => q.segmentId));
    for (const i of v) expect(quoteIds.has(i.segmentIds[0])).toBe(true);
  });

  it('the bottom line is from the lead, before the first subheading', () => {
    const lead = d.sections[0];
    const ids = new Set(segmentsOf({ ...d, sections: [lead] }).map((s) => s.id));
    for (const i of slot(brief, 'bottomLine')) expect(ids.has(i.segmentIds[0])).toBe(true);
  });
});
