// Slots of a report brief: bottomLine, findings, positions, recommendations.
import type { BriefItem, BriefSlot, Section, Segment, SourceDoc } from '../model.js';
import { leadingMarker } from '../ingest/enumerations.js';
import { BUDGET, makeItem, type Picker } from './pick.js';
import { inAbstract, type Unit } from './units.js';
import { ANAPHORA, CONNECTIVE } from './rank.js';

/** Words that say a list proposes something (genre-level, not any one report's wording). */
const ADVICE = /建议|应当|应该|需要|必须|要|推动|加强|探索|构建|完善|坚持|推进|促进|确保|倡导|呼吁/;

interface Enumerated {
  /** Segments of each item, in order. */
  items: Segment[][];
  /** The items' first segments carry their marker in the text (paragraph enumerations). */
  markersInText: boolean;
  where: string;
}

function* sectionTree(s: Section): Generator<Section> {
  yield s;
  for (const c of s.children) yield* sectionTree(c);
}

/** List blocks and runs of paragraphs that start with 一是/二是…, in a section tree. */
function enumerations(root: Section, where: string): Enumerated[] {
  const out: Enumerated[] = [];
  for (const s of sectionTree(root)) {
    let run: Segment[][] = [];
    let next = 1;
    const flush = () => {
      if (run.length >= 2) out.push({ items: run, markersInText: true, where });
      run = [];
      next = 1;
    };
    for (const b of s.blocks) {
      if (b.type === 'list') {
        flush();
        if (b.items.length >= 2) out.push({ items: b.items.map((i) => i.segments).filter((x) => x.length), markersInText: false, where });
        continue;
      }
      if (b.type !== 'paragraph' || !b.segments.length) {
        flush();
        continue;
      }
      const first = b.segments[0].text;
      let value = leadingMarker(first)?.value;
      if (value === undefined) {
        // "…的探索：一是…" — the first item run in after a lead-in ending with a colon
        const c = /^[^“”]{1,60}?[：:]/.exec(first);
        if (c) value = leadingMarker(first.slice(c[0].length))?.value;
      }
      if (value === next) {
        run.push(b.segments);
        next++;
      } else if (value === 1) {
        flush();
        run.push(b.segments);
        next = 2;
      } else flush();
    }
    flush();
  }
  return out;
}

function adviceScore(e: Enumerated): number {
  const hits = e.items.filter((segs) => ADVICE.test(segs[0].text)).length;
  return hits / e.items.length;
}

/** The concluding chapter: a section of kind 'conclusion', else the last top-level chapter. */
function concludingChapter(doc: SourceDoc): Section | undefined {
  const top = doc.sections;
  for (let i = top.length - 1; i >= 0; i--) if (top[i].kind === 'conclusion') return top[i];
  for (let i = top.length - 1; i >= 0; i--) if (top[i].kind === 'chapter') return top[i];
  return undefined;
}

function bestEnumeration(list: Enumerated[]): Enumerated | undefined {
  let best: Enumerated | undefined;
  let bestScore = -1;
  list.forEach((e, k) => {
    // more items (up to 5), proposals rather than descriptions, later in the section (recommendations close)
    const s = Math.min(e.items.length, 5) + 3 * adviceScore(e) + 0.001 * k;
    if (s > bestScore) {
      best = e;
      bestScore = s;
    }
  });
  return best;
}

function unitsOf(p: Picker, seg: Segment): Unit | undefined {
  for (const r of p.ranking.ranked) if (r.unit.segment === seg) return r.unit;
  return undefined;
}

export function recommendations(doc: SourceDoc, p: Picker, max = 5): BriefItem[] {
  const abstracts = doc.sections.filter((s) => s.kind === 'abstract');
  let chosen = bestEnumeration(abstracts.flatMap((s) => enumerations(s, '摘要')));
  let headings: Segment[][] | undefined;
  if (!chosen) {
    const concl = concludingChapter(doc);
    if (concl) {
      chosen = bestEnumeration(enumerations(concl, 'concluding chapter'));
      if (!chosen) {
        const hs = concl.children.map((c) => c.headingSegment).filter((h): h is Segment => !!h);
        if (hs.length >= 2) headings = hs.map((h) => [h]);
      }
    }
  }
  const where = chosen?.where ?? 'concluding chapter heading';
  let items = (chosen?.items ?? headings ?? []).filter((segs) => p.isFree(segs[0]));
  const scoreOf = (segs: Segment[]) => {
    const u = unitsOf(p, segs[0]);
    return u ? p.ranked(u)?.score ?? 0 : 0;
  };
  if (items.length > max) {
    // keep the best `max` (pinned first), in document order
    const order = items
      .map((segs, k) => ({ segs, k, s: scoreOf(segs) + (segs.some((x) => p.isPinned(x)) ? 100 : 0) }))
      .sort((a, b) => b.s - a.s || a.k - b.k)
      .slice(0, max)
      .sort((a, b) => a.k - b.k);
    items = order.map((o) => o.segs);
  }
  const out: BriefItem[] = [];
  for (const segs of items) {
    const item = makeItem(segs, BUDGET.item, { strip: true, join: true, score: scoreOf(segs) });
    p.markUsed(segs.slice(0, item.segmentIds.length));
    for (const x of segs) p.reserved.add(x.id);
    const u = unitsOf(p, segs[0]);
    p.explain('recommendations', out.length, item, `enumerated in ${where}`, u ? p.ranked(u) : undefined);
    out.push(item);
  }
  return out;
}

/** Verbs of stance: what an actor wants, holds or refuses. */
const STANCE = /主张|希望|认为|要求|坚持|强调|反对|寻求|追求|诉求|立场|关切|期待|呼吁|拒绝|愿意|不愿/;

/** "<actor>：<position>" headings, with an optional number in front. */
const ACTOR_HEADING = /^(?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]\s*)?([^：:“”「」《》，,。\s]{1,10})\s*[：:]\s*\S/;

export function actorOf(heading: string): string | undefined {
  const m = ACTOR_HEADING.exec(heading.trim());
  return m ? m[1] : undefined;
}

export function positions(doc: SourceDoc, p: Picker, max = 6): BriefItem[] {
  // the sibling group with the most "<actor>：…" headings (at least two)
  let group: { section: Section; actor: string }[] = [];
  const visit = (siblings: Section[]) => {
    const g = siblings.map((s) => ({ section: s, actor: actorOf(s.heading) })).filter((x): x is { section: Section; actor: string } => !!x.actor);
    if (g.length >= 2 && g.length > group.length) group = g;
    for (const s of siblings) visit(s.children);
  };
  visit(doc.sections);
  const out: BriefItem[] = [];
  const seen = new Set<string>();
  for (const { section, actor } of group) {
    if (out.length >= max || seen.has(actor)) continue;
    const pool: number[] = [];
    p.ranking.ranked.forEach((r, i) => {
      if (r.unit.path.includes(section)) pool.push(i);
    });
    const picked = p.mmr(pool, {
      max: 1,
      maxSim: 0.8,
      bonus: (i) => {
        const u = p.ranking.ranked[i].unit;
        const t = u.segment.text;
        const at = t.indexOf(actor);
        return (
          (u.section === section && u.textBlockIndex === 0 && u.posInBlock === 0 ? 0.1 : 0) +
          // the actor as the subject, stating a stance
          (at >= 0 ? (at <= 6 ? 0.15 : 0.05) : 0) +
          (STANCE.test(t) ? 0.1 : 0) -
          // a line that points back ("这一立场…") cannot stand alone under the actor's name
          (ANAPHORA.test(t) || CONNECTIVE.test(t) ? 0.2 : 0) +
          (p.isPinned(u.segment) ? 100 : 0)
        );
      },
    });
    if (!picked.length) continue;
    const r = p.ranking.ranked[picked[0].index];
    const item = makeItem([r.unit.segment], BUDGET.item, { strip: true, speaker: { name: actor }, score: r.score });
    p.explain('positions', out.length, item, `position of ${actor} (section heading)`, r, picked[0].redundancy);
    out.push(item);
    seen.add(actor);
  }
  return out;
}

function blockOrderPool(p: Picker, filter: (u: Unit) => boolean): number[] {
  const pool: number[] = [];
  p.ranking.ranked.forEach((r, i) => {
    if (filter(r.unit)) pool.push(i);
  });
  return pool;
}

export function bottomLine(doc: SourceDoc, p: Picker): BriefItem[] {
  const abstractPool = blockOrderPool(p, (u) => inAbstract(u) && u.role !== 'item');
  const pool = abstractPool.length >= 2 ? abstractPool : blockOrderPool(p, () => true);
  return fillSorted(p, 'bottomLine', pool, { max: 3, min: 2, stopRatio: 0.75, budget: BUDGET.bottomLine, totalChars: 200, pins: false });
}

export function findings(doc: SourceDoc, p: Picker): BriefItem[] {
  const pool = blockOrderPool(p, () => true);
  return fillSorted(p, 'findings', pool, { max: 5, min: 3, stopRatio: 0.6, budget: BUDGET.item, pins: true });
}

/**
 * Pick by MMR, then present in document order. With `pins`, pinned units of the pool come first (pins
 * go to the main slot: findings, key points). With totalChars, a pick that would take the slot past
 * that many characters ends it (once `min` items are in).
 */
export function fillSorted(
  p: Picker,
  slot: string,
  pool: number[],
  o: { max: number; min: number; stopRatio: number; budget: number; totalChars?: number; pins?: boolean },
): BriefItem[] {
  const picks: { index: number; redundancy: number; why: string }[] = [];
  for (const i of pool) {
    if (picks.length >= o.max) break;
    const seg = p.ranking.ranked[i].unit.segment;
    if (o.pins && p.isPinned(seg) && p.isFree(seg)) {
      picks.push({ index: i, redundancy: 0, why: 'pinned' });
      p.markUsed([seg]);
    }
  }
  let chars = 0;
  for (const pk of picks) chars += [...p.ranking.ranked[pk.index].unit.segment.text].length;
  // a sentence that must be trimmed to fit loses part of what it says: prefer whole ones
  const fits = (i: number) => ([...p.ranking.ranked[i].unit.segment.text].length > o.budget ? -0.15 : 0);
  while (picks.length < o.max) {
    const got = p.mmr(pool, { max: 1, bonus: fits });
    if (!got.length) break;
    const r = p.ranking.ranked[got[0].index];
    const first = picks.find((x) => x.why === 'ranked');
    const firstScore = first ? p.ranking.ranked[first.index].score : undefined;
    const len = Math.min([...r.unit.segment.text].length, o.budget);
    const over = o.totalChars !== undefined && chars + len > o.totalChars;
    const weak = firstScore !== undefined && r.score < o.stopRatio * firstScore;
    if (picks.length >= o.min && (over || weak)) {
      // give it back: not part of this slot
      p.used.delete(r.unit.segment.id);
      p.usedText.delete(r.unit.segment.text.trim());
      p.chosen.splice(p.chosen.indexOf(got[0].index), 1);
      break;
    }
    picks.push({ index: got[0].index, redundancy: got[0].redundancy, why: 'ranked' });
    chars += len;
  }
  picks.sort((a, b) => p.ranking.ranked[a.index].unit.index - p.ranking.ranked[b.index].unit.index);
  return picks.map((pk, k) => {
    const r = p.ranking.ranked[pk.index];
    const item = makeItem([r.unit.segment], o.budget, { strip: true, score: r.score });
    p.explain(slot, k, item, pk.why, r, pk.redundancy);
    return item;
  });
}

export function reportSlots(doc: SourceDoc, p: Picker): BriefSlot[] {
  // structural slots first (they are defined by the document's shape), then the ranked ones
  const recs = recommendations(doc, p);
  const pos = positions(doc, p);
  const bottom = bottomLine(doc, p);
  const finds = findings(doc, p);
  return [
    { name: 'bottomLine', items: bottom },
    { name: 'findings', items: finds },
    { name: 'positions', items: pos },
    { name: 'recommendations', items: recs },
  ];
}
