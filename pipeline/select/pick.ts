// The shared machinery of filling slots: pins and excludes, items built from segments, MMR picking
// with a global record of what is used (no sentence appears twice in a brief), and the explanation.
import type { BriefItem, Person, Segment, SourceDoc } from '../model.js';
import { segmentId } from '../ingest/segment.js';
import { leadingMarker } from '../ingest/enumerations.js';
import { LIMITS, type Ranked, type Ranking } from './rank.js';
import { contentLength, CUT, trimAtClause } from './text.js';
import { stripSectionNumber } from './exclude.js';
import { withoutNoteMarks } from './note-marks.js';
import { subjectlessOpening } from './cues.js';
import type { Unit } from './units.js';

export interface ExplainedItem {
  slot: string;
  /** Position of the item in its slot (0-based). */
  position: number;
  text: string;
  segmentIds: string[];
  score: number;
  /** How the item got there: 'ranked', 'pinned', 'enumerated in 摘要', 'quote', … */
  why: string;
  components: {
    centrality: number;
    prior: number;
    priorReasons: string[];
    glossary: number;
    terms: string[];
    /** Penalty for similarity to items already chosen (MMR), 0 when not ranked by MMR. */
    redundancy: number;
  };
  /** line:column of the first segment in the source. */
  place?: string;
}

/** Length budgets in characters. */
export const BUDGET = { item: 90, bottomLine: 120, voice: 80 };

/** A selector entry from meta.yaml: a segment id, or a fragment of the text. */
export function matchesSelector(sel: string, seg: { id: string; text: string }): boolean {
  const s = sel.trim();
  if (!s) return false;
  if (/^s[0-9a-f]{15}$/.test(s)) return seg.id === s;
  return seg.text.includes(s);
}

export class Picker {
  readonly used = new Set<string>();
  /** Segments that belong to an item shown elsewhere (the rest of a recommendation): not reused. */
  readonly reserved = new Set<string>();
  readonly usedText = new Set<string>();
  /** Ranked indices of everything chosen so far, for redundancy. */
  readonly chosen: number[] = [];
  readonly explained: ExplainedItem[] = [];
  readonly rankOf = new Map<Unit, number>();
  readonly rankOfSegment = new Map<Segment, number>();

  constructor(
    readonly doc: SourceDoc,
    readonly ranking: Ranking,
    readonly pins: string[],
    readonly excludes: string[],
  ) {
    ranking.ranked.forEach((r, i) => {
      this.rankOf.set(r.unit, i);
      this.rankOfSegment.set(r.unit.segment, i);
    });
  }

  isExcluded(seg: { id: string; text: string }): boolean {
    return this.excludes.some((s) => matchesSelector(s, seg));
  }

  isPinned(seg: { id: string; text: string }): boolean {
    return this.pins.some((s) => matchesSelector(s, seg));
  }

  isFree(seg: Segment): boolean {
    return !this.used.has(seg.id) && !this.reserved.has(seg.id) && !this.usedText.has(seg.text.trim()) && !this.isExcluded(seg);
  }

  ranked(u: Unit): Ranked | undefined {
    const i = this.rankOf.get(u);
    return i === undefined ? undefined : this.ranking.ranked[i];
  }

  private readonly boundedPools = new WeakMap<readonly number[], number[]>();

  /**
   * The part of a pool MMR looks at. A pool of at most LIMITS.pool sentences is taken whole (always,
   * within LIMITS.exactUnits); a longer one — only in a large document, where every pick would scan it
   * all — is cut to the best-scored copy of each distinct text, the LIMITS.pool best of those, and the
   * pinned, in ranked order. Computed once per pool (slots ask MMR again with the same pool).
   */
  boundedPool(pool: readonly number[]): readonly number[] {
    if (pool.length <= Math.max(LIMITS.pool, LIMITS.exactUnits)) return pool;
    let b = this.boundedPools.get(pool);
    if (b) return b;
    const ranked = this.ranking.ranked;
    const best = new Map<string, number>();
    for (const i of pool) {
      const t = ranked[i].unit.segment.text.trim();
      const j = best.get(t);
      if (j === undefined || ranked[i].score > ranked[j].score) best.set(t, i);
    }
    const top = [...best.values()].sort((x, y) => ranked[y].score - ranked[x].score || ranked[x].unit.index - ranked[y].unit.index).slice(0, LIMITS.pool);
    const keep = new Set(top);
    if (this.pins.length) for (const i of pool) if (this.isPinned(ranked[i].unit.segment)) keep.add(i);
    b = [...keep].sort((x, y) => x - y);
    this.boundedPools.set(pool, b);
    return b;
  }

  /** Highest similarity of a ranked unit to anything already chosen. */
  redundancy(i: number): number {
    let m = 0;
    for (const j of this.chosen) m = Math.max(m, this.ranking.sim(i, j));
    return m;
  }

  markUsed(segs: Segment[]): void {
    for (const s of segs) {
      this.used.add(s.id);
      this.usedText.add(s.text.trim());
      const i = this.rankOfSegment.get(s);
      if (i !== undefined && !this.chosen.includes(i)) this.chosen.push(i);
    }
  }

  /**
   * Maximal marginal relevance: repeatedly take the candidate with the best
   * λ·score − (1−λ)·(max similarity to what is chosen), skipping near-duplicates (similarity > maxSim).
   * Stops at `max`, or after `min` once the best remaining value falls below stopRatio × the first.
   */
  mmr(
    pool: number[],
    opts: {
      max: number;
      min?: number;
      lambda?: number;
      maxSim?: number;
      stopRatio?: number;
      bonus?: (i: number) => number;
      /** Candidates refused at this moment (e.g. a sentence whose partner for merging is taken). */
      accept?: (i: number) => boolean;
    },
  ): { index: number; mmr: number; redundancy: number }[] {
    const lambda = opts.lambda ?? 0.7;
    const maxSim = opts.maxSim ?? 0.6;
    const min = opts.min ?? opts.max;
    const stopRatio = opts.stopRatio ?? 0;
    const out: { index: number; mmr: number; redundancy: number }[] = [];
    const taken = new Set<number>();
    const candidates = this.boundedPool(pool);
    let first: number | undefined;
    while (out.length < opts.max) {
      let best: { index: number; mmr: number; redundancy: number } | undefined;
      for (const i of candidates) {
        if (taken.has(i)) continue;
        const r = this.ranking.ranked[i];
        if (!this.isFree(r.unit.segment)) continue;
        if (opts.accept && !opts.accept(i)) continue;
        const red = this.redundancy(i);
        if (red > maxSim) continue;
        const value = lambda * (r.score + (opts.bonus?.(i) ?? 0)) - (1 - lambda) * red;
        if (!best || value > best.mmr + 1e-12 || (Math.abs(value - best.mmr) <= 1e-12 && r.unit.index < this.ranking.ranked[best.index].unit.index))
          best = { index: i, mmr: value, redundancy: (1 - lambda) * red };
      }
      if (!best) break;
      if (first === undefined) first = best.mmr;
      else if (out.length >= min && best.mmr < stopRatio * first) break;
      out.push(best);
      taken.add(best.index);
      this.markUsed([this.ranking.ranked[best.index].unit.segment]);
    }
    return out;
  }

  explain(slot: string, position: number, item: BriefItem, why: string, r?: Ranked, redundancy = 0): void {
    const seg = r?.unit.segment;
    this.explained.push({
      slot,
      position,
      text: item.text,
      segmentIds: item.segmentIds,
      score: item.score ?? 0,
      why,
      components: {
        centrality: r?.centrality ?? 0,
        prior: r?.prior ?? 0,
        priorReasons: r?.priorReasons ?? [],
        glossary: r?.glossary ?? 0,
        terms: r?.termIds ?? [],
        redundancy,
      },
      place: seg ? `${seg.place.line}:${seg.place.column}` : undefined,
    });
  }
}

/**
 * A list label run into its text: a short noun phrase and a colon at the start of a paragraph
 * (版权声明和署名的忽略：许多开源许可证要求…). It names the item of a list; the finding is what follows.
 * A label that speaks, decides or asks (他说：, 会议决定：, 问：) or quotes is not one, nor a colon inside
 * a bracket the text has opened (金某（韩语：김…，1976年－），韩国艺人…: a name and its gloss, not a
 * label — cut there, the sentence would lose its subject and keep a closing bracket it never opened);
 * a label's own bracket is closed (渠道（线上）：).
 */
const RUN_IN_LABEL = /^(?:\*\*)?(?![^：:]*(?:说|表示|指出|认为|强调|决定|決定|问|答|称|道|包括|包含|为|是|有|如下|以下|分别|主要|要求|规定)(?:\*\*)?[：:])(?:[\p{Script=Han}A-Za-z0-9·/、\- ]|[（(][\p{Script=Han}A-Za-z0-9·/、\- ]{1,12}[）)]){2,16}(?:\*\*)?[：:]\s*(?:\*\*)?(?=\S)/u;

/** Whether a text opens with a run-in list label (RUN_IN_LABEL). */
export function hasRunInLabel(text: string): boolean {
  return RUN_IN_LABEL.test(stripSectionNumber(text));
}

/**
 * Drop a section number (六、, （三）, 3.2), an enumeration marker (一是, 第二，, （3）…) or a run-in list
 * label (RUN_IN_LABEL) at the start of a text, or a marker right after a colon: numbers and labels are
 * not sentence content — unless the label is all the subject the sentence has.
 */
export function stripMarker(text: string): string {
  // a colon or comma left at the start where a reader took the label before it apart (- **渠道** ：线上…):
  // no sentence opens with one
  text = stripSectionNumber(text).replace(/^[：:，,；;、]\s*/, '');
  const m = leadingMarker(text);
  if (m) return text.slice(m.end).trimStart();
  const label = RUN_IN_LABEL.exec(text);
  // a label before a predicate without its subject (日本：以 3,221,378 名开发者排名第十，…) names the
  // subject: it stays, as the source writes it
  // nor does a label before a calculation (年工作日：365天-104天…＝250天): it names what is computed
  if (label && contentLength(text.slice(label[0].length)) >= 15 && !subjectlessOpening(text.slice(label[0].length)) && !/[=＝]/.test(text.slice(label[0].length))) return text.slice(label[0].length).trimStart();
  // a label before ：1. (主要措施：1.…) goes; a long clause before it (…法院于…作出…民事判决：1.…) says who
  // decided, and stays
  const c = /^[^“”]{1,20}?[：:]/.exec(text);
  if (c) {
    const rest = text.slice(c[0].length);
    const m2 = leadingMarker(rest);
    if (m2 && m2.value === 1) return rest.slice(m2.end).trimStart();
  }
  return text;
}

/**
 * An item from consecutive segments of the source. The first segment may lose its enumeration marker;
 * a very short first segment (a run-in heading like "一是减负。", under 10 characters) is joined with the next one; the
 * text is fitted to the budget at a clause boundary (see trimAtClause). When the item's text is not
 * the plain concatenation of its segments, textId = segmentId(text) keys its translation.
 */
export function makeItem(
  segs: Segment[],
  budget: number,
  opts: { strip?: boolean; join?: boolean; joinAll?: boolean; speaker?: Person; score?: number } = {},
): BriefItem {
  // note marks ([64], ¹) point at notes the brief does not have (note-marks.ts)
  const first = withoutNoteMarks(opts.strip ? stripMarker(segs[0].text) : segs[0].text);
  const parts = [segs[0]];
  let raw = first;
  if (opts.joinAll) {
    // a sentence that leans on the one before it, merged with it (the caller checked the budget)
    for (const s of segs.slice(1)) {
      parts.push(s);
      raw += withoutNoteMarks(s.text);
    }
  } else if (opts.join && segs.length > 1 && contentLength(first) < 10) {
    parts.push(segs[1]);
    raw = first + withoutNoteMarks(segs[1].text);
  }
  // a statement written as a lead-in ("从长远看，…离不开…的探索：") goes on after its colon: shown alone it
  // is cut there, and marked as cut (never given a full stop the source does not have). A list item
  // keeps its own end, a semicolon included ("…达到35%以上；").
  if (/[：:]\s*$/.test(raw)) raw = raw.replace(/[：:]\s*$/, CUT);
  const t = trimAtClause(raw, budget, Math.min([...first].length, 12));
  const plain = parts.map((s) => s.text).join('');
  const item: BriefItem = { text: t.text, segmentIds: parts.map((s) => s.id) };
  if (t.text !== plain) item.textId = segmentId(t.text);
  if (opts.speaker) item.speaker = opts.speaker;
  if (opts.score !== undefined) item.score = round(opts.score);
  return item;
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** A sentence's end as the source writes it (。！？, an enumerated clause's ；, a cut mark), closers after it. */
const ENDED = /(?:[。！？!?；;]|……|…)[”’」』）)】》\s]*$/;

/** An item that stops without a sentence end, marked as cut (……): its sentence goes on in the source. */
export function markedIfUnended(item: BriefItem): BriefItem {
  if (ENDED.test(item.text)) return item;
  const text = item.text.replace(/[，,、：:\s]+$/, '') + CUT;
  return { ...item, text, textId: segmentId(text) };
}
