// Transcripts whose turns are headed by the speaker (meeting minutes, verbatim records, interviews set
// as `### 柯華葳：`, or a bold `**某某委員：**` line, over what each says; or run in at the start of the
// turn's paragraph, bold or not: `**某某委員：**今天…`, `某某委員：今天…`): the headings are not the
// document's parts, the run-in labels not its text. Several distinct speakers, each heading several turns, make the text a transcript —
// one speaker alone is a speech, and a report's `说明：`/`决议：` labels name no one. Each such section
// is folded into the text before it as a turn: its sentences carry their speaker (Segment.speaker), as
// an interviewee's answers do, so selection gives them to the voices with the speaker's name and reads
// the record as a whole, not as hundreds of sections named after people. Stage notes (a block quote:
// `> （委員同意。）`) are the record's own and keep no speaker.
import type { Block, Section, SourceDoc } from '../../model.js';
import { allSections, blockSegments } from '../walk.js';
import { segmentId } from '../segment.js';

/** Distinct speakers, each heading at least TURNS_EACH turns, that make a transcript. */
export const SPEAKERS = 3;
export const TURNS_EACH = 2;

/** A heading that is only a label: a short name or role (no sentence marks, at most one space), then a colon. */
const LABEL = /^([^\s，,。、；;：:！!？?“”「」『』《》（）()[\]【】0-9]{1,12}(?:[ \u3000][^\s，,。、；;：:！!？?“”「」『』《》（）()[\]【】]{1,12})?)\s*[：:]\s*$/u;

/**
 * The labels a record sets over its own parts, not over a person's words: an item's cause, explanation,
 * resolution or conclusion (案由/说明/决议/结论…), the meeting's particulars (时间/地点/出席…), a note.
 */
const RECORD_LABEL =
  /^(?:案由|事由|缘由|理由|说明|補充说明|补充说明|决议|决定|结论|共识|裁示|主席裁示|裁决|办法|讨论|讨论事项|报告事项|临时动议|提案|提案人|附件|附录|备注|注|注释|时间|日期|地点|出席|出席人员|列席|缺席|请假|记录|纪录|议题|议程|内容|目的|背景|摘要|要点|问题|建议|意见|结果|散会|来源|摘自|参考)$/;

/** The speaker a heading labels, if it is a label and not one of the record's own. */
export function speakerLabel(heading: string): string | undefined {
  const m = LABEL.exec(heading.trim());
  if (!m) return undefined;
  const name = m[1].trim();
  return RECORD_LABEL.test(name) ? undefined : name;
}

/** A label run in at a paragraph's start: a short name or role, a colon, then the turn's words. */
const RUN_IN = /^([^\s，,。、；;：:！!？?“”「」『』《》（）()[\]【】0-9]{1,12})\s*[：:]\s*(?=\S)/u;

/** A paragraph's run-in label: its own first segment (a bold run-in the reader set apart), or its first characters. */
function runIn(b: Block): { who: string; whole: boolean; length: number } | undefined {
  if (b.type !== 'paragraph' || !b.segments.length) return undefined;
  const first = b.segments[0];
  // a label alone (a bold line the reader did not take as a heading) labels the paragraphs after it
  const alone = speakerLabel(first.text);
  if (alone) return { who: alone, whole: true, length: first.text.length };
  const m = RUN_IN.exec(first.text);
  const who = m ? speakerLabel(`${m[1]}：`) : undefined;
  return m && who ? { who, whole: false, length: m[0].length } : undefined;
}

/** Speakers with enough turns to make a transcript of the labels counted, or undefined. */
function enough(turns: Map<string, number>): Set<string> | undefined {
  const speakers = [...turns].filter(([, n]) => n >= TURNS_EACH);
  return speakers.length >= SPEAKERS ? new Set(turns.keys()) : undefined;
}

/**
 * The speakers of a text whose turns are sections headed by them (`headed`) or paragraphs opening with
 * their label (`runIn`); each undefined when the text is not written so. The labels must be the text's
 * structure — at least half its headings, a third of its paragraphs — not a few speakers quoted in a
 * report's parts.
 */
export function turnSpeakers(doc: SourceDoc): { headed?: Set<string>; runIn?: Set<string> } {
  const byHeading = new Map<string, number>();
  const byRunIn = new Map<string, number>();
  let headed = 0;
  let labelled = 0;
  let paragraphs = 0;
  let ranIn = 0;
  for (const s of allSections(doc.sections)) {
    for (const b of s.blocks) {
      if (b.type !== 'paragraph') continue;
      paragraphs++;
      const r = runIn(b);
      if (!r) continue;
      ranIn++;
      byRunIn.set(r.who, (byRunIn.get(r.who) ?? 0) + 1);
    }
    if (!s.heading.trim()) continue;
    headed++;
    const who = speakerLabel(s.heading);
    if (!who) continue;
    labelled++;
    byHeading.set(who, (byHeading.get(who) ?? 0) + 1);
  }
  const out: { headed?: Set<string>; runIn?: Set<string> } = {};
  const h = labelled * 2 >= headed ? enough(byHeading) : undefined;
  const r = ranIn * 3 >= paragraphs ? enough(byRunIn) : undefined;
  if (h) out.headed = h;
  if (r) out.runIn = r;
  return out;
}

/**
 * The run-in labels of a section's paragraphs taken out of the text, and every paragraph given the
 * speaker of the last label before it (until a block quote, the record's own note, or the section's end).
 */
function readRunIns(s: Section, speakers: Set<string>): void {
  let who: string | undefined;
  s.blocks = s.blocks.flatMap((b): Block[] => {
    if (b.type === 'quote') who = undefined;
    if (b.type !== 'paragraph') return [b];
    const r = runIn(b);
    if (r && speakers.has(r.who)) {
      who = r.who;
      if (r.whole) b.segments.shift();
      else {
        const seg = b.segments[0];
        const text = seg.text.slice(r.length);
        b.segments[0] = { ...seg, id: segmentId(text), text, place: { line: seg.place.line, column: seg.place.column + r.length } };
      }
    }
    if (who) for (const seg of b.segments) seg.speaker ??= { name: who };
    return b.segments.length ? [b] : [];
  });
  for (const c of s.children) readRunIns(c, speakers);
}

/** The section whose text comes last in reading order within `s` (its last descendant, or itself). */
function lastInReadingOrder(s: Section): Section {
  let t = s;
  while (t.children.length) t = t.children[t.children.length - 1];
  return t;
}

/**
 * The sections of one level with every turn folded into the text before it: the parent's text for a
 * turn that opens the level, else the end of the section before it; turns opening the document go
 * into an untitled section of their own.
 */
function fold(list: Section[], parent: Section | undefined, speakers: Set<string>): Section[] {
  const kept: Section[] = [];
  let target = parent;
  for (const s of list) {
    const who = speakerLabel(s.heading);
    if (who && speakers.has(who)) {
      if (!target) {
        target = { id: s.id, level: s.level, kind: 'section', heading: '', place: s.place, blocks: [], children: [] };
        kept.push(target);
      }
      // a block quote is the record's stage note, an image's caption the record's too
      for (const b of s.blocks) if (b.type === 'paragraph' || b.type === 'list') for (const v of blockSegments(b)) v.segment.speaker ??= { name: who };
      target.blocks.push(...s.blocks);
      // a heading inside a turn (rare) stays a section, after the turn's text
      const inner = fold(s.children, target, speakers);
      if (inner.length) {
        kept.push(...inner);
        target = lastInReadingOrder(inner[inner.length - 1]);
      }
      continue;
    }
    s.children = fold(s.children, s, speakers);
    kept.push(s);
    target = lastInReadingOrder(s);
  }
  return kept;
}

/** A transcript of speaker-headed turns read as turns with their speakers (see the header); other texts as they are. */
export function readTranscriptTurns(doc: SourceDoc): SourceDoc {
  if (doc.genre) return doc;
  const { headed, runIn: ranIn } = turnSpeakers(doc);
  if (!headed && !ranIn) return doc;
  if (headed) doc.sections = fold(doc.sections, undefined, headed);
  // once the text is a transcript, a known speaker's label opening a paragraph is a turn in either form
  const speakers = new Set([...(headed ?? []), ...(ranIn ?? [])]);
  for (const s of doc.sections) readRunIns(s, speakers);
  doc.genre = 'transcript';
  return doc;
}
