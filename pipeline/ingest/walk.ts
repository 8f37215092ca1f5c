// Walking a SourceDoc: every segment in document order, with the section it belongs to.
import type { Block, Section, Segment, SourceDoc } from '../model.js';

export interface SegmentVisit {
  segment: Segment;
  section?: Section;
  block?: Block;
  /** 'title' | 'heading' | 'paragraph' | 'lead' | 'item' | 'quote' | 'caption' */
  role: string;
  /** Index of the item within a list block. */
  itemIndex?: number;
}

export function* blockSegments(block: Block): Generator<{ segment: Segment; role: string; itemIndex?: number }> {
  switch (block.type) {
    case 'paragraph':
      for (const s of block.segments) yield { segment: s, role: 'paragraph' };
      break;
    case 'quote':
      for (const s of block.segments) yield { segment: s, role: 'quote' };
      break;
    case 'list':
      for (const s of block.lead) yield { segment: s, role: 'lead' };
      for (let i = 0; i < block.items.length; i++)
        for (const s of block.items[i].segments) yield { segment: s, role: 'item', itemIndex: i };
      break;
    case 'image':
      for (const s of block.caption) yield { segment: s, role: 'caption' };
      break;
    case 'table':
      break;
  }
}

export function* sectionSegments(section: Section): Generator<SegmentVisit> {
  if (section.headingSegment) yield { segment: section.headingSegment, section, role: 'heading' };
  for (const block of section.blocks)
    for (const v of blockSegments(block)) yield { ...v, section, block };
  for (const child of section.children) yield* sectionSegments(child);
}

/** Every segment of the document in reading order: title first, then sections depth-first. */
export function* docSegments(doc: SourceDoc): Generator<SegmentVisit> {
  for (const s of doc.titleSegments) yield { segment: s, role: 'title' };
  for (const section of doc.sections) yield* sectionSegments(section);
}

export function* allSections(sections: Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* allSections(s.children);
  }
}
