// A bill that amends a law prints a comparison table (条文对照表): the amended text (修正条文, 修订条文,
// 建议条文…), the text in force (现行条文, 原条文…) and the reasons (说明). Read as sections, the column
// of the law in force is what the bill replaces — context, never what the bill proposes — and a paragraph
// of the amended column found word for word in it is left as it was: the bill does not change it. The
// column in force becomes reference matter (kind 'notes', which selection skips) and the unchanged
// paragraphs leave the amended column (their words stand in the column in force), so the brief states
// the changed provisions and the reasons (说明, left as it is).
import type { Block, Section, SourceDoc } from '../../model.js';
import { allSections } from '../walk.js';

/** The heading of the amended column: 修正条文, 修订条文, 修正草案条文, 建议条文, 草案条文, 新条文 (spaces inside allowed). */
const AMENDED = /^(?:修正|修订|修改|建议|草案|修正草案|新)条文$/;
/** The heading of the column in force: 现行条文, 原条文, 现行规定. */
const IN_FORCE = /^(?:现行|原)(?:条文|规定)$/;

const squash = (t: string) => t.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
const paragraphText = (b: Block) => (b.type === 'paragraph' ? squash(b.segments.map((s) => s.text).join('')) : '');

/**
 * Mark the column in force of a comparison table as reference matter and take the amended column's
 * unchanged paragraphs out. Returns the doc (changed in place); a text without both columns is left
 * as it is.
 */
export function readComparisonTable(doc: SourceDoc): SourceDoc {
  const sections = [...allSections(doc.sections)];
  const heading = (s: Section) => squash(s.heading);
  const amended = sections.find((s) => AMENDED.test(heading(s)) && s.blocks.length);
  const inForce = sections.find((s) => IN_FORCE.test(heading(s)) && s.blocks.length);
  if (!amended || !inForce || amended.level !== inForce.level) return doc;
  const current = new Set(inForce.blocks.map(paragraphText).filter(Boolean));
  const unchanged = amended.blocks.filter((b) => current.has(paragraphText(b)));
  // every paragraph the same: not a comparison of two texts (or the columns were misread); leave it
  if (unchanged.length === amended.blocks.length) return doc;
  amended.blocks = amended.blocks.filter((b) => !unchanged.includes(b));
  inForce.kind = 'notes';
  return doc;
}
