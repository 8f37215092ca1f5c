// Walking a SourceDoc (pipeline/ingest/walk.ts): every segment once, in reading order, with its role,
// section, block and item index — the order selection, the brief checks and alignment rely on.
import { describe, expect, it } from 'vitest';
import type { Section, Segment, SourceDoc } from '../../pipeline/model.js';
import { blockSegments, docSegments, sectionSegments } from '../../pipeline/ingest/walk.js';

let n = 0;
const seg = (text: string): Segment => ({ id: `s${n++}`, text, place: { line: n, column: 1 }, footnoteRefs: [] });

function sample(): SourceDoc {
  const inner: Section = {
    id: 'c',
    level: 2,
    kind: 'section',
    heading: '（一）',
    headingSegment: seg('（一）细则'),
    place: { line: 1, column: 1 },
    blocks: [{ type: 'quote', segments: [seg('引文')] }, { type: 'table', ref: 't1' }],
    children: [],
  };
  const outer: Section = {
    id: 'a',
    level: 1,
    kind: 'chapter',
    heading: '一',
    headingSegment: seg('一、总则'),
    place: { line: 1, column: 1 },
    blocks: [
      { type: 'paragraph', segments: [seg('段一'), seg('段二')] },
      { type: 'list', style: 'yishi', lead: [seg('引语')], items: [{ marker: '一是', segments: [seg('项一')] }, { marker: '二是', segments: [seg('项二a'), seg('项二b')] }] },
      { type: 'image', url: 'x.png', caption: [seg('图注')] },
    ],
    children: [inner],
  };
  const last: Section = { id: 'b', level: 1, kind: 'conclusion', heading: '', place: { line: 1, column: 1 }, blocks: [{ type: 'paragraph', segments: [seg('结语')] }], children: [] };
  return { slug: 't', kind: 'report', meta: { title: '题', authors: [] }, titleSegments: [seg('题')], sections: [outer, last], footnotes: [], tables: [], quotes: [] };
}

describe('docSegments', () => {
  it('title, then each section depth-first: heading, blocks in order (list lead before items), subsections; tables give none', () => {
    const doc = sample();
    const visits = docSegments(doc);
    expect(visits.map((v) => [v.segment.text, v.role, v.section?.id, v.itemIndex])).toEqual([
      ['题', 'title', undefined, undefined],
      ['一、总则', 'heading', 'a', undefined],
      ['段一', 'paragraph', 'a', undefined],
      ['段二', 'paragraph', 'a', undefined],
      ['引语', 'lead', 'a', undefined],
      ['项一', 'item', 'a', 0],
      ['项二a', 'item', 'a', 1],
      ['项二b', 'item', 'a', 1],
      ['图注', 'caption', 'a', undefined],
      ['（一）细则', 'heading', 'c', undefined],
      ['引文', 'quote', 'c', undefined],
      ['结语', 'paragraph', 'b', undefined],
    ]);
    // each visit names the very block its segment is in; only list items carry an index
    const outer = doc.sections[0];
    expect(visits[2].block).toBe(outer.blocks[0]);
    expect(visits[5].block).toBe(outer.blocks[1]);
    expect(visits[1].block).toBeUndefined();
    expect(visits.filter((v) => 'itemIndex' in v).map((v) => v.role)).toEqual(['item', 'item', 'item']);
    // the segments are the document's own objects
    expect(visits[3].segment).toBe((outer.blocks[0] as { segments: Segment[] }).segments[1]);
  });

  it('sectionSegments and blockSegments are the same walk from a section or a block', () => {
    const doc = sample();
    const all = docSegments(doc);
    expect(sectionSegments(doc.sections[0])).toEqual(all.slice(1, 11));
    expect(blockSegments(doc.sections[0].blocks[1])).toEqual([
      { segment: all[4].segment, role: 'lead' },
      { segment: all[5].segment, role: 'item', itemIndex: 0 },
      { segment: all[6].segment, role: 'item', itemIndex: 1 },
      { segment: all[7].segment, role: 'item', itemIndex: 1 },
    ]);
  });

  it('reflects the document as it is when walked', () => {
    const doc = sample();
    expect(docSegments(doc)).toHaveLength(12);
    doc.sections[1].blocks.push({ type: 'paragraph', segments: [seg('补充')] });
    expect(docSegments(doc).at(-1)?.segment.text).toBe('补充');
  });
});
