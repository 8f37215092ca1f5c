// Standards (国家标准, 行业标准, their drafts 征求意见稿): clauses numbered 1, 1.1, 1.1.1 under the headings
// every standard has (GB/T 1.1): 范围, 规范性引用文件, 术语和定义 (and 缩略语, 符号). Recognised by those
// headings, whatever the format. A Word file whose clause headings are numbered paragraphs comes out of
// the converter as one-item numbered lists (`1. 范围`, the numbers lost): in a standard those are its
// clause headings again, each opening a section. The clauses that define the terms and abbreviations,
// and the list of referenced documents, are glossary-like back matter (kind 'notes'), never findings.
import type { Block, ListBlock, Section, SourceDoc } from '../../model.js';
import { allSections } from '../walk.js';

/** A clause number before a heading (1, 3.1, 5.1.2), and spaces. */
const CLAUSE_NUMBER = /^[\s\u3000]*(?:[0-9]{1,2}(?:[.．][0-9]{1,2}){0,4}[.．]?)?[\s\u3000]*/;
const bare = (t: string) => t.replace(CLAUSE_NUMBER, '').replace(/[\s\u3000]+/g, '');
const SCOPE = /^范围$/;
/** Clauses that are reference matter, not requirements or findings. */
const REFERENCE_CLAUSE = /^(?:规范性引用文件|术语和定义|术语|定义|缩略语|符号和缩略语|符号、代号和缩略语|符号|缩略语和符号)$/;

/** A one- or two-item list whose items are short phrases (no sentence or clause marks): clause headings. */
function headingList(b: Block): b is ListBlock {
  if (b.type !== 'list' || b.lead.length || b.items.length > 2 || !b.items.length) return false;
  return b.items.every((it) => it.segments.length === 1 && [...it.segments[0].text].length <= 30 && !/[。；;，,：:！？!?]/.test(it.segments[0].text));
}

/** The headings a text has: its sections' and its heading lists'. */
function headings(doc: SourceDoc): string[] {
  const out: string[] = [];
  for (const s of allSections(doc.sections)) {
    if (s.heading) out.push(bare(s.heading));
    for (const b of s.blocks) if (headingList(b)) for (const it of b.items) out.push(bare(it.segments[0].text));
  }
  return out;
}

/** Split a section's blocks at its heading lists: each list item opens a section (the second one level down). */
function splitAtHeadingLists(sections: Section[]): void {
  for (let k = 0; k < sections.length; k++) {
    const s = sections[k];
    splitAtHeadingLists(s.children);
    if (!s.blocks.some(headingList)) continue;
    const keep: Block[] = [];
    const made: Section[] = [];
    let target: Section | undefined;
    for (const b of s.blocks) {
      if (!headingList(b)) {
        (target ? target.blocks : keep).push(b);
        continue;
      }
      b.items.forEach((it, i) => {
        const seg = it.segments[0];
        const sec: Section = { id: `${s.id}-c${made.length + 1}-${i}`, level: s.level + i, kind: 'section', heading: seg.text, headingSegment: seg, place: seg.place, blocks: [], children: [] };
        if (i && target) target.children.push(sec);
        else made.push(sec);
        target = sec;
      });
    }
    s.blocks = keep;
    sections.splice(k + 1, 0, ...made);
    k += made.length;
  }
}

export function readStandard(doc: SourceDoc): SourceDoc {
  if (doc.genre) return doc;
  const hs = headings(doc);
  if (!hs.some((h) => SCOPE.test(h)) || !hs.some((h) => h === '规范性引用文件' || h === '术语和定义')) return doc;
  doc.genre = 'standard';
  splitAtHeadingLists(doc.sections);
  for (const s of allSections(doc.sections)) if (REFERENCE_CLAUSE.test(bare(s.heading))) s.kind = 'notes';
  return doc;
}
