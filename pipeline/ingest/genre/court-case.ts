// A court case as the courts publish it (指导案例, 参考案例, 典型案例): its parts under fixed headings —
// 关键词, 相关法条, 裁判要点 (the holding), 基本案情 (the facts and claims), 裁判结果 (the judgments),
// 裁判理由 (the court's reasoning). Recognised from those headings (three at least, at one level):
//   - the case is known by its name (甲诉乙…纠纷案), which stands as a heading of its own before the
//     parts; a title above it that restates the holding (a collection's headline) becomes the subtitle;
//   - the holding is what the case stands for: its part reads as the case's abstract (kind 'abstract'),
//     its points without their numbers (1.…, 2.…: no list of proposals), so the brief's summary states it;
//   - a judgment written as one sentence with its items run in (…民事判决：1.确认…无效；2.…返还…15元。)
//     is one sentence again: the items of a ruling are not statements on their own (确认…行为无效 has
//     no subject and no end). Its text is the source's, from the first character of the lead to the
//     end of the last item.
import type { Block, ListBlock, Section, SourceDoc } from '../../model.js';
import { segmentId } from '../segment.js';

/** The parts of a published case. */
const PARTS = /^(?:关键词|相关法条|裁判要点|裁判要旨|基本案情|案情|裁判结果|判决结果|裁判理由|法院认为)$/;
/** Its holding. */
const HOLDING = /^(?:裁判要点|裁判要旨)$/;
/** Its judgments. */
const JUDGMENTS = /^(?:裁判结果|判决结果)$/;
/** A case's name: 甲诉乙…案, …纠纷案, …罪案 (at most 80 characters, no sentence inside). */
const CASE_NAME = /^[^。；！？]{2,78}(?:诉[^。；！？]+|纠纷|罪|申请[^。；！？]+)案$/;

const squash = (t: string) => t.replace(/[\s\u3000]+/g, '');

/** Offsets of the starts of the lines of a text (line n starts at starts[n - 1]). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/**
 * A list run into its lead on one line (…判决：1.…；2.…。) as the one sentence the source wrote, or
 * undefined when it is not that (items on lines of their own, a lead that does not end with a colon,
 * a last item without a sentence end).
 */
function runInSentence(b: ListBlock, text: string, starts: number[]): Block | undefined {
  const lead = b.lead[b.lead.length - 1];
  const last = b.items[b.items.length - 1]?.segments.at(-1);
  if (!lead || !last || b.lead.length !== 1 || !/[：:]$/.test(lead.text)) return undefined;
  if (!b.items.every((i) => i.segments.every((s) => s.place.line === lead.place.line))) return undefined;
  if (!/[。！]$/.test(last.text)) return undefined;
  const from = starts[lead.place.line - 1] + lead.place.column - 1;
  const to = starts[last.place.line - 1] + last.place.column - 1 + last.text.length;
  const sentence = text.slice(from, to);
  // the source's characters must be the segments' (nothing normalised away between them)
  if (!sentence.startsWith(lead.text) || !sentence.endsWith(last.text) || /[\n。！？]/.test(sentence.slice(0, -1))) return undefined;
  return { type: 'paragraph', segments: [{ ...lead, id: segmentId(sentence), text: sentence, footnoteRefs: [] }] };
}

/** A paragraph number (1. / 2、) before a holding's point. */
const POINT_NUMBER = /^[\s\u3000]*[0-9０-９]{1,2}[.．、][\s\u3000]*(?=\S)/;

/**
 * A holding's numbered paragraph without its number (its place moved past it): the points of a holding
 * state what the case stands for, they are no list of proposals.
 */
function unnumbered(b: Block): Block {
  if (b.type !== 'paragraph' || !b.segments.length) return b;
  const [first, ...rest] = b.segments;
  const m = POINT_NUMBER.exec(first.text);
  if (!m) return b;
  const text = first.text.slice(m[0].length);
  return { ...b, segments: [{ ...first, id: segmentId(text), text, place: { line: first.place.line, column: first.place.column + m[0].length } }, ...rest] };
}

/**
 * Mark a published court case: its name the title, its holding the abstract, its run-in judgments
 * sentences again. `text` is the source text the places refer to; `titleGiven`: meta.yaml named the
 * document, and that name stays. Returns the doc (changed in place); any other text is left as it is.
 */
export function readCourtCase(doc: SourceDoc, text: string | undefined, titleGiven = false): SourceDoc {
  if (doc.genre) return doc;
  const top = doc.sections;
  const parts = top.filter((s) => PARTS.test(squash(s.heading)));
  if (parts.length < 3) return doc;
  const first = top.indexOf(parts[0]);
  // the case's name: an empty heading before the parts
  const named = top.slice(0, first).find((s) => !s.blocks.length && !s.children.length && CASE_NAME.test(squash(s.heading)) && s.headingSegment);
  if (named) {
    doc.sections = top.filter((s) => s !== named);
    if (!titleGiven) {
      const old = doc.meta.title;
      doc.meta.title = named.heading.trim();
      if (old && squash(old) !== squash(doc.meta.title)) doc.meta.subtitle ??= old;
      doc.titleSegments = [named.headingSegment!, ...doc.titleSegments.filter((s) => s.text !== named.headingSegment!.text)];
    }
  }
  for (const s of parts.filter((p) => HOLDING.test(squash(p.heading)))) {
    s.kind = 'abstract';
    s.blocks = s.blocks.map(unnumbered);
  }
  if (text !== undefined) {
    const starts = lineStarts(text);
    for (const s of parts.filter((p) => JUDGMENTS.test(squash(p.heading))) as Section[])
      s.blocks = s.blocks.map((b) => (b.type === 'list' ? runInSentence(b, text, starts) ?? b : b));
  }
  return doc;
}
