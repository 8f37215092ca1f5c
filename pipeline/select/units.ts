// Candidate units: every content sentence of a SourceDoc with the structure around it (which sections
// contain it, where it stands in its paragraph, list or section), in reading order.
import type { Block, Section, SectionKind, Segment, SourceDoc } from '../model.js';
import { contentLength } from './text.js';
import { summaryCue } from './cues.js';
import { exclusionOf, howQuestion, labelRun, stripSectionNumber, type Exclusion } from './exclude.js';
import { enumerationItem, listedItems, procedureSteps, nounPhraseItem, structuralExclusions, transcriptAnswers } from './structure.js';
import { isSpeech } from './genre/speech.js';
import { spokenGenre, talkStructure } from './spoken.js';
import { isMinutes, meetingDecisions, minutesProcedure, proceduralRemark, trailsOff, type Decision } from './genre/transcript.js';

export interface Unit {
  /** Reading order over all units (the tie-breaker everywhere). */
  index: number;
  segment: Segment;
  /** Innermost section and its ancestors, outermost first. */
  section: Section;
  path: Section[];
  block: Block;
  blockIndex: number;
  /** 'paragraph' | 'lead' | 'item' | 'quote' */
  role: string;
  /** Index of the list item, for role 'item'. */
  itemIndex?: number;
  /** Position of the segment within its paragraph, lead or list item. */
  posInBlock: number;
  /** Index of this block among the section's text blocks (paragraphs, lists, quotes). */
  textBlockIndex: number;
  /** The paragraph directly follows an image (a photo caption in news). */
  afterImage: boolean;
  /** Content units eligible for ranked slots (enough text, not a caption or a credit). */
  eligible: boolean;
  /** Why the sentence can never be an item (a question, a salutation, …: exclude.ts), if so. */
  excluded?: Exclusion;
  /** A speaker's first person in a passage of talk (structure.ts): a voice, never a finding or a point. */
  spoken?: boolean;
  /** An item of a list a lead-in opens (…如下：（一）…；): part of the lead-in's sentence (structure.ts listedItems). */
  listed?: boolean;
  /** A turn answering a question in a transcript of speaker turns (structure.ts transcriptAnswers). */
  answer?: boolean;
  /** What a meeting's record says was settled (genre/transcript.ts meetingDecisions). */
  decision?: Decision;
}

const HAN_CHARS = /\p{Script=Han}/gu;

/**
 * A sentence of the text in Chinese: at least as many Han characters as Latin words and numbers. An English
 * paragraph of a bilingual document (or an English abstract) is never Chinese content, even when it
 * quotes a Chinese term; a Chinese sentence naming a few companies or models in Latin letters is.
 */
export function isChinese(text: string): boolean {
  // one scan counting code points (a test per character made a string and ran a regex for each)
  const han = text.match(HAN_CHARS)?.length ?? 0;
  if (!han) return false;
  const words = text.match(/[A-Za-z]+(?:['’-][A-Za-z]+)*/g)?.length ?? 0;
  // a table's row run into the text (2,409 MuCGEC-Dev 1,125 2,467 2.19 44.02 …) is figures, not a
  // sentence: numbers count with the Latin words (a figure-rich sentence has far more Han than figures)
  const numbers = text.match(/\d[\d,.]*%?/g)?.length ?? 0;
  return han >= words + numbers;
}

/** Sections whose text is not content for a brief (neither its sentences nor its key terms). */
export const SKIP_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>(['acknowledgements', 'notes']);

/** Photo credits and captions written as paragraphs: "… 澎湃影像 图", "新华社记者 某某 摄". */
const CREDIT = /(\s图|\s摄|图\s*[/／]\s*\S+|摄影[:：]?\s*\S*)$/;

/** A lead-in that only announces a list ("…包括：", "…如下：", "以下几点："): nothing to say before its colon. */
const INTRODUCES = /(包括|如下|以下|下列|几点|几个方面|主要有|分别是|分别为|表现在|体现在|是|有|为)[：:]$|以下|如下/;

export function inAbstract(u: Unit): boolean {
  return u.path.some((s) => s.kind === 'abstract');
}

/** A block inside a box set apart from the text (ingest/boxes.ts). */
function boxed(block: Block): boolean {
  return (block.type === 'paragraph' || block.type === 'list') && block.box !== undefined;
}

export function collectUnits(doc: SourceDoc, minChars = 10): Unit[] {
  const units: Unit[] = [];
  const minutes = isMinutes(doc);
  const visit = (section: Section, path: Section[]) => {
    const here = [...path, section];
    if (SKIP_KINDS.has(section.kind)) return;
    let textBlockIndex = 0;
    for (let b = 0; b < section.blocks.length; b++) {
      const block = section.blocks[b];
      const afterImage = b > 0 && section.blocks[b - 1].type === 'image';
      const push = (segment: Segment, role: string, posInBlock: number, itemIndex?: number) => {
        const text = segment.text;
        const t = text.trim();
        // a lead-in ending with a colon introduces what follows and says nothing alone — unless it states
        // a judgement of its own ("从长远看，…离不开对…的探索："), which an item ends at the colon
        const leadIn = /[：:]$/.test(t);
        const statement = contentLength(t) >= 15 && summaryCue(t) !== undefined && !INTRODUCES.test(t);
        // a speaker's turn that only runs the meeting (asks for views, says who stands in): genre/transcript.ts
        // …and what a box set apart from the text holds (专栏: its title, its projects, its indicators) illustrates the text
        // …and a paragraph that is only a diagram's labels (labelRun) is no sentence
        const labels = role === 'paragraph' && block.type === 'paragraph' && block.segments.length === 1 && labelRun(t);
        const excluded = exclusionOf(t) ?? (labels ? 'phrase' : undefined) ?? ((segment.speaker && proceduralRemark(t)) || (minutes && minutesProcedure(t)) ? 'meta' : boxed(block) ? 'box' : undefined);
        // …and a turn of a meeting's record that trails off ends where the talk went on
        const broken = doc.genre === 'transcript' && !!segment.speaker && trailsOff(t);
        const eligible = !excluded && !broken && contentLength(t) >= minChars && !CREDIT.test(t) && (!leadIn || statement) && !segment.asked && isChinese(t) && isChinese([...t].slice(0, 40).join(''));
        const u: Unit = {
          index: units.length,
          segment,
          section,
          path: here,
          block,
          blockIndex: b,
          role,
          posInBlock,
          textBlockIndex,
          afterImage,
          eligible,
        };
        if (itemIndex !== undefined) u.itemIndex = itemIndex;
        if (excluded) u.excluded = excluded;
        units.push(u);
      };
      switch (block.type) {
        case 'paragraph':
          block.segments.forEach((s, i) => push(s, 'paragraph', i));
          textBlockIndex++;
          break;
        case 'quote':
          block.segments.forEach((s, i) => push(s, 'quote', i));
          textBlockIndex++;
          break;
        case 'list':
          block.lead.forEach((s, i) => push(s, 'lead', i));
          block.items.forEach((item, k) => item.segments.forEach((s, i) => push(s, 'item', i, k)));
          textBlockIndex++;
          break;
        default:
          break;
      }
    }
    for (const child of section.children) visit(child, here);
  };
  for (const s of doc.sections) visit(s, []);
  // a bold run-in heading (a wholly bold first sentence without a sentence end, the block's text going on
  // after it: "Redis 创始人宣布回归" before "Redis 创始人在离开…") labels what follows; it states nothing
  units.forEach((u, k) => {
    const next = units[k + 1];
    if (u.segment.emphasis && u.posInBlock === 0 && next && next.block === u.block && next.role === u.role && next.itemIndex === u.itemIndex && !/[。！？!?…；;]$/.test(u.segment.text.trim())) u.eligible = false;
    // a bold deck or tagline under a heading (分析…面向的（资料已经整理好了，欠人一起讨论！）): its only end is
    // inside a bracketed aside, the clause outside has none — a label of what follows, not a sentence
    else if (u.segment.emphasis && u.eligible && endsOnlyInAside(u.segment.text)) {
      u.eligible = false;
      u.excluded ??= 'heading';
    }
  });
  pullQuotes(units);
  // what the document's structure says a sentence is (its own title, a term's body, a speaker's talk)
  // an interview (questions asked, one person answering, an interviewer named) is its answers; a transcript with several
  // people speaking (a press conference) is not
  const speakers = new Set(units.filter((u) => !u.segment.asked && u.segment.speaker?.name).map((u) => u.segment.speaker!.name));
  const interview = units.some((u) => u.segment.asked) && speakers.size <= 2;
  const speech = isSpeech(doc);
  const decisions = minutes ? meetingDecisions(units) : new Map<Unit, Decision>();
  for (const [u, d] of decisions) u.decision = d;
  for (const [u, why] of structuralExclusions(doc, units, interview, speech)) {
    // the chair of a meeting's record rules in short turns too, and a party's 我们会… commits it: what the
    // meeting settled is its content, not procedure or a voice (genre/transcript.ts)
    if ((why === 'meta' || why === 'spoken') && u.decision) continue;
    // a speaker's words stay candidates for the voices, with the speaker's name; no other slot takes them
    if (why === 'spoken') u.spoken = true;
    else {
      u.eligible = false;
      u.excluded ??= why;
    }
  }
  // a speaker describing their own talk (第一段的重点是…, 我今天要讲三件事) is its outline (spoken.ts)
  if (spokenGenre(doc))
    for (const u of units)
      if (!u.excluded && talkStructure(u.segment.text)) {
        u.eligible = false;
        u.excluded = 'meta';
      }
  // the steps of a procedure under the lead-in that announces them (…包含 4 个步骤：): steps, not findings
  for (const u of procedureSteps(units)) {
    u.eligible = false;
    u.excluded ??= 'list fragment';
  }
  for (const u of listedItems(units)) {
    u.listed = true;
    if (nounPhraseItem(u.segment.text) || enumerationItem(u.segment.text)) {
      u.eligible = false;
      u.excluded ??= 'list fragment';
    } else if (howQuestion(stripSectionNumber(u.segment.text))) {
      // a listed topic put as a question (…如何突出重围。) asks; it states nothing
      u.eligible = false;
      u.excluded ??= 'question';
    }
  }
  // a press conference (a speech-like record of several speakers) reports its announcements first
  if (!interview && speech) for (const u of transcriptAnswers(units)) u.answer = true;
  return units;
}

const SENTENCE_END = /[。！？!?…；;][」』”’"]*$/;

/**
 * A text that ends in a bracketed aside (…（…！）, …(…)) with no sentence end before the aside: whatever
 * end mark it shows belongs to the aside; the clause outside it has none. A note after a sentence's end
 * (……。（完）) and a text ending on its own end mark are not.
 */
export function endsOnlyInAside(text: string): boolean {
  const t = text.trim();
  if (!/[）)]$/.test(t)) return false;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i];
    if (c === '）' || c === ')') depth++;
    else if ((c === '（' || c === '(') && --depth === 0) {
      const before = t.slice(0, i).trim();
      return before.length > 0 && !SENTENCE_END.test(before);
    }
  }
  return false;
}

/** The closing characters a pull quote is matched on: long enough to be one sentence's own words. */
const PULL_QUOTE_TAIL = 12;

/**
 * A pull quote (a typeset report's box or diagram repeating a sentence of its text in large type, without the
 * sentence's start or its end: 督导行政院各二级机关的资料开放，…以行政命令的方式颁布): a paragraph without a sentence
 * end whose words close a sentence of the text that has one. The text's own sentence is the one to quote; the
 * copy is set apart from it (a 'box'). One pass, matched on the last characters: no search of the whole text.
 */
function pullQuotes(units: Unit[]): void {
  const ended = new Map<string, string[]>();
  const END = /[。！？!?]$/;
  for (const u of units) {
    const t = u.segment.text.trim();
    if (!END.test(t)) continue;
    const body = t.replace(/[。！？!?]+$/, '');
    if ([...body].length < PULL_QUOTE_TAIL) continue;
    const key = [...body].slice(-PULL_QUOTE_TAIL).join('');
    const list = ended.get(key);
    if (list) list.push(body);
    else ended.set(key, [body]);
  }
  if (ended.size === 0) return;
  for (const u of units) {
    const t = u.segment.text.trim();
    if (!u.eligible || u.role !== 'paragraph' || /[。！？!?…；;：:]$/.test(t) || [...t].length < PULL_QUOTE_TAIL) continue;
    const bodies = ended.get([...t].slice(-PULL_QUOTE_TAIL).join(''));
    if (bodies?.some((b) => b !== t && b.endsWith(t))) {
      u.eligible = false;
      u.excluded ??= 'box';
    }
  }
}
