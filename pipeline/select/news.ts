// Slots of a news brief: bottomLine, keyPoints, voices.
import type { BriefItem, BriefSlot, Person, Quote, SourceDoc } from '../model.js';
import { segmentId } from '../ingest/segment.js';
import { docSegments } from '../ingest/walk.js';
import { BUDGET, round, type Picker } from './pick.js';
import { accountsPenalty, accountsPool, clausePenalty, coverage, fillSorted, operativeLead, type SlotBonus } from './report.js';
import { isAccounts } from './genre/accounts.js';
import { trimAtClause } from './text.js';
import { exclusionOf } from './exclude.js';
import { withoutNoteMarks } from './note-marks.js';
import { decisionLead, decisionPool } from './genre/transcript.js';
import { dependentOpening } from './cues.js';
import { spokenCutPenalty } from './spoken.js';

const QUOTE_PAIRS: [string, string][] = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
  ['"', '"'],
  ["'", "'"],
];

/**
 * The text without the quotation marks around it: an opening mark that no mark closes inside the text,
 * and a closing mark that none opens. A term quoted at the start (「精熟」很重要…) keeps its marks.
 */
function withoutOuterQuotes(text: string): string {
  let t = text;
  for (const [a, b] of QUOTE_PAIRS) {
    if (t.startsWith(a)) {
      const close = t.indexOf(b, 1);
      if (close < 0 || close === t.length - 1) t = t.slice(1);
    }
    if (t.endsWith(b)) {
      const open = t.lastIndexOf(a, t.length - 2);
      if (open < 0 || (a === b && open === 0)) t = t.slice(0, -1);
    }
  }
  return t.trim();
}

/** The first sentence of a quote, without its outer quotation marks, fitted to the budget. */
export function shortQuote(text: string, budget = BUDGET.voice): string {
  const bare = withoutOuterQuotes(withoutNoteMarks(text).trim());
  const m = /^.*?[。！？!?]+/.exec(bare);
  const first = m ? m[0] : bare;
  return trimAtClause(first, budget).text;
}

function leadPool(doc: SourceDoc, p: Picker): number[] {
  const lead = doc.sections[0];
  const pool: number[] = [];
  p.ranking.ranked.forEach((r, i) => {
    if (lead && r.unit.path[0] === lead && !lead.heading) pool.push(i);
  });
  return pool;
}

export function voices(doc: SourceDoc, p: Picker, max = 4): BriefItem[] {
  const rankById = new Map<string, number>();
  p.ranking.ranked.forEach((r, i) => {
    if (!rankById.has(r.unit.segment.id)) rankById.set(r.unit.segment.id, i);
  });
  let quotes: Quote[] = doc.quotes.filter((q) => q.speaker?.name);
  const textOf = new Map<string, string>();
  if (quotes.length) for (const v of docSegments(doc)) textOf.set(v.segment.id, v.segment.text);
  if (!quotes.length) {
    // no quotes recorded: segments that carry a speaker
    quotes = p.ranking.ranked
      .filter((r) => r.unit.segment.speaker?.name)
      .map((r) => ({ text: r.unit.segment.text, speaker: r.unit.segment.speaker, segmentId: r.unit.segment.id, place: r.unit.segment.place }));
  }
  // best quote per speaker: central, pinned, and of a quotable length
  const best = new Map<string, { q: Quote; order: number; score: number; dependent: boolean }>();
  quotes.forEach((q, order) => {
    const seg = { id: q.segmentId, text: q.text };
    if (p.isExcluded(seg) || p.used.has(q.segmentId)) return;
    const name = q.speaker!.name.trim();
    const ri = rankById.get(q.segmentId);
    // what a meeting settled is reported as such, not as one member's position (genre/transcript.ts)
    if (ri !== undefined && p.ranking.ranked[ri].unit.decision) return;
    const short = shortQuote(q.text);
    // a quote whose words are not those of the sentences it names (an enumeration mark 第一， the
    // segmenter took out) cannot be traced to the source: left out rather than misquoted
    const said = (id: string) => textOf.get(id) ?? (rankById.has(id) ? p.ranking.ranked[rankById.get(id)!].unit.segment.text : undefined);
    const unmarked = (t: string | undefined) => (t === undefined ? t : withoutNoteMarks(t));
    if (!quotedIn(short, (q.segmentIds ?? [q.segmentId]).map((id) => unmarked(said(id))))) return;
    // a question (记者问…？) or a salutation is not a voice's statement (exclude.ts)
    if (exclusionOf(short)) return;
    const len = [...short].length;
    // a quote cut off at a comma ("“…还会继续，”他说，“…”") says less than one that ends its sentence
    // …and one that opens leaning on the sentence before it (另外，…, 这…) is read without that sentence
    const fit = (len >= 10 && len <= BUDGET.voice ? 0.2 : len < 6 ? -1 : 0) + (/[，,、；;：:]$/.test(short) ? -0.3 : 0) + (dependentOpening(short) ? -0.3 : 0);
    const score = (ri !== undefined ? p.ranking.ranked[ri].score : 0) + fit + (p.isPinned(seg) ? 100 : 0) + (q.speaker!.role ? 0.05 : 0);
    const prev = best.get(name);
    // …and a quote that stands alone beats one that leans on the sentence before, whatever their scores:
    // a speaker whose best sentence went to the summary is quoted by another of theirs, not by its 另外，…
    const dependent = !!dependentOpening(short);
    if (!prev || (prev.dependent && !dependent) || (prev.dependent === dependent && score > prev.score + 1e-12)) best.set(name, { q, order, score, dependent });
  });
  // …and one whose every quote leans on what it does not say (这已经…, 后头会…) is not quoted: read alone, it points
  // at nothing (brief:dependent)
  const chosen = [...best.values()]
    .filter((b) => !b.dependent)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .sort((a, b) => a.order - b.order);
  return chosen.map(({ q, score }, k) => {
    const text = shortQuote(q.text);
    const speaker: Person = { name: q.speaker!.name.trim() };
    if (q.speaker!.role) speaker.role = q.speaker!.role;
    const item: BriefItem = { text, segmentIds: q.segmentIds ?? [q.segmentId], speaker, score: round(score) };
    const ri = rankById.get(q.segmentId);
    const segText = ri !== undefined ? p.ranking.ranked[ri].unit.segment.text : undefined;
    if (text !== segText) item.textId = segmentId(text);
    if (ri !== undefined) p.markUsed([p.ranking.ranked[ri].unit.segment]);
    else p.used.add(q.segmentId);
    for (const id of q.segmentIds ?? []) p.used.add(id);
    p.explain('voices', k, item, `quote of ${speaker.name}`, ri !== undefined ? p.ranking.ranked[ri] : undefined);
    return item;
  });
}

export function newsSlots(doc: SourceDoc, p: Picker): BriefSlot[] {
  // a sentence of talk that must be cut loses more than a written one (spoken.ts)
  const withCut = (b: SlotBonus, i: number, budget: number): SlotBonus => {
    const c = spokenCutPenalty(doc, p.ranking.ranked[i].unit.segment.text, budget);
    return c.v ? { v: b.v + c.v, why: [...b.why, ...c.why] } : b;
  };
  const lead = leadPool(doc, p);
  const all: number[] = p.ranking.ranked.map((_, i) => i);
  // an official decision's summary opens with what it decides (会议决定：…), a meeting's record with
  // what the meeting settled (genre/transcript.ts)
  const operative = operativeLead(doc, p) ?? decisionLead(doc, p);
  const bottom = fillSorted(p, 'bottomLine', decisionPool(doc, p) ?? (lead.length >= 2 ? lead : all), {
    ...(operative !== undefined ? { lead: operative } : {}),
    max: 2,
    min: 2,
    stopRatio: 0,
    budget: BUDGET.bottomLine,
    totalChars: 200,
    pins: false,
    merge: true,
    bonus: (i) => {
      // the 导语 (the first paragraph) states what happened: it comes first
      const u = p.ranking.ranked[i].unit;
      const b: SlotBonus = u.textBlockIndex === 0 && u.section === doc.sections[0] ? { v: 0.15, why: ['first paragraph +0.15'] } : { v: 0, why: [] };
      return withCut(clausePenalty(p, i, b), i, BUDGET.bottomLine);
    },
  });
  const voice = voices(doc, p);
  // key points spread over the subheading sections (the lead is one of them)
  // …but a short account's (预算, 决算) stand together in its explanation: its points are those figures, not
  // its department's remit (genre/accounts.ts)
  const accounts = isAccounts(doc);
  const cover = accounts ? (): SlotBonus => ({ v: 0, why: [] }) : coverage(p, 'coverage');
  const bonus = (i: number, picked: readonly number[]): SlotBonus => {
    const b = clausePenalty(p, i, cover(i, picked));
    return withCut(accounts ? accountsPenalty(p, i, b) : b, i, BUDGET.item);
  };
  const points = fillSorted(p, 'keyPoints', accounts ? accountsPool(p, all) : all, { max: 5, min: 3, stopRatio: 0.6, budget: BUDGET.item, pins: true, merge: true, bonus });
  return [
    { name: 'bottomLine', items: bottom },
    { name: 'keyPoints', items: points },
    { name: 'voices', items: voice },
  ];
}

/** Whether a quote's words (a cut one without its …… mark) stand in its sentences; unknown sentences are not held against it. */
function quotedIn(quote: string, sentences: (string | undefined)[]): boolean {
  if (sentences.some((t) => t === undefined)) return true;
  const bare = (t: string) => t.replace(/……$/, '').replace(/\s+/g, '');
  return bare(sentences.join('')).includes(bare(quote));
}
