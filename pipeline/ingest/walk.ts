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

/** Calls f for each segment of a block, in reading order (with its role, and an item's index). */
function forEachBlockSegment(block: Block, f: (segment: Segment, role: string, itemIndex?: number) => void): void {
  switch (block.type) {
    case 'paragraph':
      for (const s of block.segments) f(s, 'paragraph');
      break;
    case 'quote':
      for (const s of block.segments) f(s, 'quote');
      break;
    case 'list':
      for (const s of block.lead) f(s, 'lead');
      for (let i = 0; i < block.items.length; i++) for (const s of block.items[i].segments) f(s, 'item', i);
      break;
    case 'image':
      for (const s of block.caption) f(s, 'caption');
      break;
    case 'table':
      break;
  }
}

export function blockSegments(block: Block): { segment: Segment; role: string; itemIndex?: number }[] {
  const out: { segment: Segment; role: string; itemIndex?: number }[] = [];
  forEachBlockSegment(block, (segment, role, itemIndex) => out.push(itemIndex === undefined ? { segment, role } : { segment, role, itemIndex }));
  return out;
}

// The visits are made into an array, not yielded through nested generators and spread into new objects:
// a generator resumed once per segment at every level (doc, section, block) cost microseconds a segment
// in a cold process, and a build walks a document some thirty times (selection, checks, alignment).
function pushSection(section: Section, out: SegmentVisit[]): void {
  if (section.headingSegment) out.push({ segment: section.headingSegment, section, role: 'heading' });
  for (const block of section.blocks)
    forEachBlockSegment(block, (segment, role, itemIndex) =>
      out.push(itemIndex === undefined ? { segment, role, section, block } : { segment, role, itemIndex, section, block }),
    );
  for (const child of section.children) pushSection(child, out);
}

/** Every segment of a section and its subsections, in reading order. */
export function sectionSegments(section: Section): SegmentVisit[] {
  const out: SegmentVisit[] = [];
  pushSection(section, out);
  return out;
}

/** Every segment of the document in reading order: title first, then sections depth-first. */
export function docSegments(doc: SourceDoc): SegmentVisit[] {
  const out: SegmentVisit[] = [];
  for (const s of doc.titleSegments) out.push({ segment: s, role: 'title' });
  for (const section of doc.sections) pushSection(section, out);
  return out;
}

export function* allSections(sections: Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* allSections(s.children);
  }
}
