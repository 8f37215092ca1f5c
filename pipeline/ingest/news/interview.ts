// Interviews (专访, 对话): questions and answers as labelled paragraphs. A question opens with the
// interviewer's label ("记者：", "问：", "<outlet>：", "主持人："), or the label of the side that asks — any
// speaker label (an organisation running the interview too: "某某社区：") whose turns are mostly
// questions while another speaker's mostly are not; an answer opens with the interviewee's name or
// "答：". The questions are context, not what the interviewee says (the asking side's prompts that
// end without a question mark too); the answers are the interviewee's words, paragraph after paragraph
// until the next question.
import type { Person } from '../../model.js';
import { NAME } from './byline.js';

export interface QaLabel {
  kind: 'question' | 'answer';
  /** Characters of the label (with its colon and the spaces after it). */
  length: number;
  /** The name an answer is labelled with; none for "答：". */
  name?: string;
}

const QUESTION = `(?:[^，。：:！？\\s]{0,16}?记者|问|提问|主持人|Q)`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface InterviewReader {
  /** The label a paragraph opens with, if any. */
  read(text: string): QaLabel | undefined;
  /** The name most answers are labelled with: who answers "答：". */
  interviewee?: string;
}

/** A speaker label at a paragraph's start: a short name (words and spaces, no sentence marks), then a colon. */
const SPEAKER_LABEL = /^([^\s，,。、；;：:！!？?“”「」《》（）()\[\]]{1,16}(?:[ \u3000][^\s，,。、；;：:！!？?“”「」《》（）()\[\]]{1,16}){0,3})\s*[：:]\s*(?=\S)/;
/** What a page's facts give after their label, never a speaker's words: a numeric date, a link. */
const FACT_VALUE = /^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\[?https?:\/\/)/;
/** A turn that asks: a question mark in it. */
const ASKS = /[？?]/;

/**
 * The label of the side that asks: of the labels that open two turns or more, the one whose turns are
 * at least two thirds questions, when another label's turns (two or more) are mostly not. Undefined
 * when no one speaker asks.
 */
export function askingLabel(paragraphs: string[]): string | undefined {
  const turns = new Map<string, { n: number; asks: number }>();
  for (const p of paragraphs) {
    const m = SPEAKER_LABEL.exec(p);
    if (!m) continue;
    const t = turns.get(m[1]) ?? { n: 0, asks: 0 };
    t.n++;
    if (ASKS.test(p.slice(m[0].length))) t.asks++;
    turns.set(m[1], t);
  }
  const many = [...turns].filter(([, t]) => t.n >= 2);
  const askers = many.filter(([, t]) => t.asks * 3 >= t.n * 2);
  const answerers = many.filter(([, t]) => t.asks * 2 < t.n);
  return askers.length === 1 && answerers.length ? askers[0][0] : undefined;
}

/** A turn's label at a press conference: a speaker's name, or an outlet with its short name in brackets ("某某广播电视台（某台）："). */
const PRESS_LABEL = /^([^\s，,。、；;：:！!？?“”「」《》\[\]]{1,24})\s*[：:]\s*(?=\S)/;
/** Questions a press conference has at least, and the share of the labelled turns they make. */
const PRESS_QUESTIONS = 3;

/**
 * The askers of a press conference (记者会, 新闻发布会, 问答实录): each outlet asks once or twice under its
 * own label ("某某社：", "某某日报："), and every question is answered by a labelled speaker who does not ask.
 * The askers are the labels all of whose turns ask and are answered by the next turn's speaker; at least
 * three such questions from two labels or more, making at least a third of the labelled turns. Empty when
 * the text is not read so (minutes where one member asks once among many statements).
 */
export function pressAskers(paragraphs: string[]): string[] {
  const labelOf = (p: string | undefined) => (p === undefined ? undefined : PRESS_LABEL.exec(p)?.[1]);
  const turns = new Map<string, { n: number; asks: number; answered: number }>();
  let labelled = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const label = labelOf(paragraphs[i]);
    if (!label) continue;
    labelled++;
    const t = turns.get(label) ?? { n: 0, asks: 0, answered: 0 };
    t.n++;
    const asks = ASKS.test(paragraphs[i].slice(label.length + 1));
    if (asks) t.asks++;
    const next = labelOf(paragraphs[i + 1]);
    if (asks && next && next !== label && !ASKS.test(paragraphs[i + 1].slice(next.length + 1))) t.answered++;
    turns.set(label, t);
  }
  const askers = [...turns].filter(([, t]) => t.asks === t.n && t.answered === t.n);
  const questions = askers.reduce((n, [, t]) => n + t.n, 0);
  if (askers.length < 2 || questions < PRESS_QUESTIONS || questions * 3 < labelled) return [];
  return askers.map(([label]) => label);
}

/**
 * How to read the paragraphs of an article as questions and answers, or undefined when it is not an
 * interview: at least two questions and two answers. `known` is text that names the interviewee (the
 * headline, the lead): an answer label must be a name found there, or used for two answers or more.
 */
export function interviewReader(paragraphs: string[], known: string, outlet?: string): InterviewReader | undefined {
  const asker = askingLabel(paragraphs);
  const press = asker ? [] : pressAskers(paragraphs);
  const askers = [...(asker ? [asker] : []), ...press].map(escape).join('|');
  const question = new RegExp(`^(?:${QUESTION}${outlet ? `|${escape(outlet)}` : ''}${askers ? `|${askers}` : ''})\\s*[：:]\\s*`);
  const answer = /^(?:答|A)\s*[：:]\s*/;
  const nameLabel = new RegExp(`^(${NAME})\\s*[：:]\\s*(?=\\S)`);
  const labels = new Map<string, number>();
  for (const p of paragraphs) {
    const m = question.test(p) ? undefined : nameLabel.exec(p);
    if (m) labels.set(m[1], (labels.get(m[1]) ?? 0) + 1);
  }
  // at a press conference, whoever speaks right after a question answers it, though only once
  const answering = new Set<string>();
  if (press.length)
    for (let i = 1; i < paragraphs.length; i++) {
      const m = question.test(paragraphs[i - 1]) && !question.test(paragraphs[i]) ? nameLabel.exec(paragraphs[i]) : null;
      if (m) answering.add(m[1]);
    }
  const isName = (n: string) => known.includes(n) || (labels.get(n) ?? 0) >= 2 || answering.has(n);
  const read = (text: string): QaLabel | undefined => {
    let m = question.exec(text);
    if (m) return { kind: 'question', length: m[0].length };
    m = answer.exec(text);
    if (m) return { kind: 'answer', length: m[0].length };
    m = nameLabel.exec(text);
    // a page's facts ("发布日期：2025-04-21", "原文链接：http…") are not a turn, whatever word labels them
    if (m && isName(m[1]) && !FACT_VALUE.test(text.slice(m[0].length))) return { kind: 'answer', length: m[0].length, name: m[1] };
    return undefined;
  };
  let questions = 0;
  let answers = 0;
  const named = new Map<string, number>();
  for (const p of paragraphs) {
    const l = read(p);
    if (l?.kind === 'question') questions++;
    else if (l?.kind === 'answer') answers++;
    if (l?.name) named.set(l.name, (named.get(l.name) ?? 0) + 1);
  }
  if (questions < 2 || answers < 2) return undefined;
  const interviewee = [...named].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return interviewee ? { read, interviewee } : { read };
}

/** A heading that asks: it ends with a question mark. */
export const QUESTION_HEADING = /[？?]\s*$/;

/**
 * A heading that names the guest of an interview: a label for the one interviewed (…嘉宾, 受访者, 访谈对象,
 * 对话), a colon, a name and, in brackets, the guest's institution ("访谈嘉宾：某某（某机构）").
 */
const GUEST = new RegExp(`^\\s*[^：:]{0,6}?(?:嘉宾|受访者|受访人|访谈对象|对话人|对话)\\s*[：:]\\s*(${NAME})\\s*(?:[（(]([^（）()]{1,30})[）)])?\\s*$`);

export function guestHeading(text: string): Person | undefined {
  const m = GUEST.exec(text);
  if (!m) return undefined;
  return m[2] ? { name: m[1], role: m[2].trim() } : { name: m[1] };
}
