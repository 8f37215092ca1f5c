// Slots of a report brief: bottomLine, findings, positions, recommendations.
import { isPlan, plannedFigure, projectsHeading, runInTitle, targetFigure, targetOpening, underPrinciples } from './genre/plan.js';
import { isAccounts, NO_FIGURE_PENALTY, remitStatement } from './genre/accounts.js';
import type { BriefItem, BriefSlot, Section, Segment, SourceDoc } from '../model.js';
import { leadingMarker } from '../ingest/enumerations.js';
import { sectionSegments } from '../ingest/walk.js';
import { BUDGET, hasRunInLabel, makeItem, markedIfUnended, type Picker } from './pick.js';
import { inAbstract, type Unit } from './units.js';
import { exclusionOf, notationSymbol, purposeOfItself } from './exclude.js';
import { headlines } from './headline.js';
import { hasFigure } from './formulaic.js';
import { isSpeech } from './genre/speech.js';
import { chronologyEntry, datedEvent, eventWeight, gatheringOnly, GATHERING_WEIGHT, isChronicle } from './genre/chronicle.js';
import { FRONT_MATTER_PENALTY, frontMatter, isStandard, REQUIREMENT_BONUS, requirementCue, STEP_LIST_PENALTY, stepList, unendedClause } from './genre/standard.js';
import { actorStance, definitionCue, dependentOpening, illustrationCue, leadInCue, methodCue, normativeCue, operativeCue, stanceCue, subjectActor, summaryCue } from './cues.js';

/** Words that say a list proposes something (genre-level, not any one report's wording). */
const ADVICE = /建议|应当|应该|需要|必须|要|推动|加强|探索|构建|完善|坚持|推进|促进|确保|倡导|呼吁/;
/** ADVICE without the bare 要 that 主要, 重要 and 要求 hold: words that propose whatever surrounds them. */
const PROPOSAL = /建议|应当|应该|需要|必须|要(?!求)(?<![主重需]要)|推动|加强|探索|构建|完善|坚持|推进|促进|确保|倡导|呼吁/;

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

/** A heading that says its section holds the recommendations, or a work report's plans (genre words, not any one report's). */
const ADVICE_HEADING = /建议|对策|政策选择|政策启示|政策思考|工作安排|主要任务|重点任务|^(?:Policy\s+)?Recommendations?$|Policy Implications/i;

/** The first section (in document order, two levels deep) whose heading says it holds recommendations. */
function adviceSection(doc: SourceDoc): Section | undefined {
  // "结论与政策建议" with a subsection "政策建议": the subsection is the recommendations
  const narrow = (s: Section): Section => {
    const c = s.children.find((x) => ADVICE_HEADING.test(x.heading));
    return c ? narrow(c) : s;
  };
  for (const s of doc.sections) {
    if (s.kind !== 'abstract' && ADVICE_HEADING.test(s.heading)) return narrow(s);
    for (const c of s.children) if (ADVICE_HEADING.test(c.heading)) return narrow(c);
  }
  return undefined;
}

/** At least half of the headings propose something (PROPOSAL), as recommendations do. */
function mostlyPropose(headings: Segment[][]): boolean {
  return headings.filter((segs) => PROPOSAL.test(segs[0].text)).length * 2 >= headings.length;
}

/** Headings of a section's subsections, as items (at least two). */
function childHeadings(s: Section): Segment[][] | undefined {
  const hs = s.children.map((c) => c.headingSegment).filter((h): h is Segment => !!h);
  return hs.length >= 2 ? hs.map((h) => [h]) : undefined;
}

/**
 * Recommendations, from the first place that has them: the subsections' headings of a section headed
 * as recommendations (对策建议); the best enumeration of the 摘要 (one that proposes rather than
 * describes) or of that section; the concluding chapter's enumeration, else its subsections' headings.
 */
export function recommendations(doc: SourceDoc, p: Picker, max = 5): BriefItem[] {
  let chosen: Enumerated | undefined;
  let headings: Segment[][] | undefined;
  let where = '';
  const labelled = adviceSection(doc);
  if (labelled) {
    headings = childHeadings(labelled);
    // headings that name areas or projects (关键技术攻关工程, 产业集聚工程) rather than propose anything give
    // way to the section's own enumeration of what is to be done (1.开展…攻关。2.加快…), if it has one
    if (headings && !mostlyPropose(headings) && bestEnumeration(enumerations(labelled, `"${labelled.heading}"`))) headings = undefined;
    where = `headings of "${labelled.heading}"`;
    if (headings) {
      // what each heading's section says is the rest of that recommendation: not a finding of its own
      for (const c of labelled.children) for (const v of sectionSegments(c)) if (v.segment !== c.headingSegment) p.reserved.add(v.segment.id);
    }
  }
  if (!headings) {
    // the enumeration that proposes most: the 摘要's (when it proposes rather than describes) or the
    // recommendations section's
    const abstracts = doc.sections.filter((s) => s.kind === 'abstract');
    const proposing = abstracts.flatMap((s) => enumerations(s, '摘要')).filter((e) => adviceScore(e) >= 0.5);
    chosen = bestEnumeration([...proposing, ...(labelled ? enumerations(labelled, `"${labelled.heading}"`) : [])]);
  }
  if (!chosen && !headings) {
    const concl = concludingChapter(doc);
    if (concl) {
      // a chapter that is only the last one (a conclusion is headed as such) holds recommendations
      // only when some of them propose: a closing account of figures or duties recommends nothing
      const proposes = concl.kind === 'conclusion' ? () => true : (texts: string[]) => texts.some((t) => PROPOSAL.test(t));
      chosen = bestEnumeration(enumerations(concl, 'concluding chapter').filter((e) => proposes(e.items.map((segs) => segs[0].text))));
      if (!chosen) {
        headings = childHeadings(concl);
        if (headings && !proposes(headings.map((segs) => segs[0].text))) headings = undefined;
        where = 'concluding chapter headings';
      }
    }
  }
  where = chosen?.where ? `enumerated in ${chosen.where}` : where;
  // a question, a caption or a citation among the items is not a recommendation (exclude.ts)
  let items = (chosen?.items ?? headings ?? []).filter((segs) => p.isFree(segs[0]) && !exclusionOf(segs[0].text));
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
    p.explain('recommendations', out.length, item, where, u ? p.ranked(u) : undefined);
    out.push(item);
  }
  return out;
}

/** "<actor>：<position>" headings, with an optional number in front. */
const ACTOR_HEADING = /^(?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]\s*)?([^：:“”「」《》，,。\s]{1,10})\s*[：:]\s*\S/;

export function actorOf(heading: string): string | undefined {
  const m = ACTOR_HEADING.exec(heading.trim());
  return m ? m[1] : undefined;
}

/** Words that end the name of one who can hold a position: a state, a side, a body, a group. */
const ACTOR_WORD = /(?:国|方|盟|组织|政府|当局|议会|委员会|理事会|集团|联盟|人民|民众|社会|企业|界|南方|北方|国家|地区)$/;

/**
 * The sibling group with the most "<actor>：…" headings (at least two): the document's actors. At
 * least half of them must read as actors (a glossary place, organisation or person found in the text,
 * or a name ending like one: 美方, 欧盟, 全球南方…): "条约型机制：…" headings are topics, not sides.
 */
export function actorSections(doc: SourceDoc, known: readonly string[] = []): { section: Section; actor: string }[] {
  let group: { section: Section; actor: string }[] = [];
  const names = new Set(known);
  const visit = (siblings: Section[]) => {
    const g = siblings.map((s) => ({ section: s, actor: actorOf(s.heading) })).filter((x): x is { section: Section; actor: string } => !!x.actor);
    const actorLike = g.filter((x) => names.has(x.actor) || ACTOR_WORD.test(x.actor)).length;
    if (g.length >= 2 && actorLike * 2 >= g.length && g.length > group.length) group = g;
    for (const s of siblings) visit(s.children);
  };
  visit(doc.sections);
  return group;
}

/** Glossary places, organisations and people the text names. */
function knownActors(p: Picker): string[] {
  return p.ranking.actors.map((a) => a.name);
}

/** Everyone who can hold a position in this document: heading actors, then glossary places, organisations, people. */
function allActors(p: Picker, headingActors: string[]): string[] {
  return [...new Set([...headingActors, ...p.ranking.actors.map((a) => a.name)])];
}

/**
 * How well a sentence states `actor`'s own position: the actor as subject (after at most a short
 * opening adverbial) with a stance word right after it is best; a sentence whose subject is another
 * state or organisation is about someone else's position toward the actor.
 */
export function positionBonus(text: string, actor: string, actors: readonly string[]): SlotBonus {
  const why: string[] = [];
  let v = 0;
  const subject = subjectActor(text, actors);
  const stance = actorStance(text, actors);
  if (subject === actor) {
    v += 0.3;
    why.push(`${actor} as subject +0.30`);
    if (stance?.actor === actor) {
      v += 0.2;
      why.push(`stance ${stance.stance} +0.20`);
    }
  } else if (subject) {
    v -= 0.25;
    why.push(`subject is ${subject} −0.25`);
  } else if (stanceCue(text)) {
    v += 0.05;
    why.push(`stance ${stanceCue(text)} +0.05`);
  }
  const dep = dependentOpening(text);
  if (dep) {
    v -= 0.2;
    why.push(`${dep} −0.20`);
  }
  return { v, why };
}

export function positions(doc: SourceDoc, p: Picker, max = 6): BriefItem[] {
  const group = actorSections(doc, knownActors(p));
  const headingActors = group.map((g) => g.actor);
  // other states and organisations (people are not: "特朗普政府希望…" can be the United States' position)
  const nonPeople = [...new Set([...headingActors, ...p.ranking.actors.filter((a) => a.category !== 'person').map((a) => a.name)])];
  const out: BriefItem[] = [];
  const seen = new Set<string>();
  for (const { section, actor } of group) {
    if (out.length >= max || seen.has(actor)) continue;
    const pool: number[] = [];
    p.ranking.ranked.forEach((r, i) => {
      if (r.unit.path.includes(section)) pool.push(i);
    });
    const actors = [actor, ...nonPeople.filter((a) => a !== actor && !actor.includes(a) && !a.includes(actor))];
    const bonusOf = (i: number): SlotBonus => {
      const u = p.ranking.ranked[i].unit;
      const b = positionBonus(u.segment.text, actor, actors);
      if (u.section === section && u.textBlockIndex === 0 && u.posInBlock === 0) {
        b.v += 0.1;
        b.why.push('section lead +0.10');
      }
      if (p.isPinned(u.segment)) b.v += 100;
      return b;
    };
    const picked = p.mmr(pool, { max: 1, maxSim: 0.8, bonus: (i) => bonusOf(i).v });
    if (!picked.length) continue;
    const r = p.ranking.ranked[picked[0].index];
    const item = makeItem([r.unit.segment], BUDGET.item, { strip: true, speaker: { name: actor }, score: r.score });
    p.explain('positions', out.length, item, withWhy(`position of ${actor} (section heading)`, bonusOf(picked[0].index).why), r, picked[0].redundancy);
    out.push(item);
    seen.add(actor);
  }
  return out;
}

function withWhy(why: string, reasons: string[]): string {
  return reasons.length ? `${why}; ${reasons.join(', ')}` : why;
}

/** The characters two entries of a catalogue end alike on (…注册，正在建设总部大楼。). */
const CATALOGUE_TAIL = 6;

/**
 * An item of a list whose items are entries alike: it ends on the same words as another item of its list
 * (甲公司，2021年在新区注册，正在建设总部大楼。 乙公司，2022年在新区注册，正在建设总部大楼。).
 */
export function catalogueEntry(u: Unit): boolean {
  if (u.role !== 'item' || u.block.type !== 'list' || u.block.items.length < 3) return false;
  const tail = (t: string) => [...t.trim()].slice(-CATALOGUE_TAIL).join('');
  const mine = tail(u.segment.text);
  if ([...mine].length < CATALOGUE_TAIL) return false;
  let alike = 0;
  for (const item of u.block.items) for (const s of item.segments) if (s !== u.segment && tail(s.text) === mine) alike++;
  return alike >= 1;
}

function blockOrderPool(p: Picker, filter: (u: Unit) => boolean): number[] {
  const pool: number[] = [];
  p.ranking.ranked.forEach((r, i) => {
    if (filter(r.unit)) pool.push(i);
  });
  return pool;
}

/** Index of the last text block of each section (to know a section's closing paragraph). */
function lastTextBlock(p: Picker): Map<Section, number> {
  const last = new Map<Section, number>();
  for (const u of p.ranking.units) last.set(u.section, Math.max(last.get(u.section) ?? 0, u.textBlockIndex));
  return last;
}

/**
 * Report bottom line: the report's thesis and overall judgement. Candidates are the 摘要's sentences
 * (not its enumerated items) and the concluding chapter's lead; the opening and closing paragraphs of
 * the 摘要, the conclusion's lead and wording of overall judgement (总体来看, 从长远看, 关键在于…) are
 * preferred, a sentence that is one actor's position ("<actor>希望…") is not — it belongs in positions.
 */
export function bottomLine(doc: SourceDoc, p: Picker): BriefItem[] {
  const concl = concludingChapter(doc);
  const conclLead = (u: Unit) => concl !== undefined && u.section === concl && u.textBlockIndex === 0;
  // a run-in heading or a slogan (headline.ts) states nothing to sum up
  const heads = headlines(p.ranking.units);
  const stated = (u: Unit) => !heads.has(u) || p.isPinned(u.segment);
  const chronicle = isChronicle(doc);
  const standard = isStandard(doc);
  // without a 摘要, a report's own overview (一、概述, 核心观点, 前言: its own paragraphs, not the sections
  // under it) stands where the 摘要 would: what the whole report says, rather than what its most
  // lexically dense chapter says of its subject (a standard's front matter is background; a chronicle's
  // summary is its events)
  const depth = mainDepth(p.ranking.units);
  const abstractOnly = blockOrderPool(p, (u) => inAbstract(u) && u.role !== 'item' && stated(u));
  const overview = abstractOnly.length < 2 && !standard && !chronicle ? overviewSection(p.ranking.units, depth) : undefined;
  let inSummary = (u: Unit) => inAbstract(u) || (!!overview && u.section === overview);
  const overviewPool = overview ? blockOrderPool(p, (u) => inSummary(u) && u.role !== 'item' && stated(u)) : [];
  // (an overview of a sentence or two beside the writers' notes on the report introduces it, and sums up nothing)
  const statement = (i: number) => !definitionCue(p.ranking.ranked[i].unit.segment.text) && !dependentOpening(p.ranking.ranked[i].unit.segment.text);
  const abstractPool = overviewPool.filter(statement).length >= OVERVIEW_MIN ? overviewPool : abstractOnly;
  if (abstractPool !== overviewPool) inSummary = inAbstract;
  // without a 摘要, any sentence of the text — but not an entry of a catalogue (甲公司，…注册，正在建设总部大楼。
  // 乙公司，…注册，正在建设总部大楼。): one of several alike, it sums up nothing
  // (beside an overview, only a chapter headed as the conclusion: the last chapter is one subject among others)
  const closingLead = (u: Unit) => conclLead(u) && (abstractPool !== overviewPool || concl?.kind === 'conclusion');
  let pool = abstractPool.length >= 2 ? [...abstractPool, ...blockOrderPool(p, (u) => !inSummary(u) && closingLead(u) && u.role !== 'item' && stated(u))] : blockOrderPool(p, (u) => stated(u) && (chronicle || !catalogueEntry(u)));
  // a chronicle's summary is its events, each with its date, when it dates at least two
  if (chronicle) {
    const dated = pool.filter((i) => datedEvent(p.ranking.ranked[i].unit.segment.text));
    if (dated.length >= 2) pool = dated;
  }
  const last = lastTextBlock(p);
  // without a 摘要, the text before the first chapter (a decision's or an opinion's preamble: what it
  // is and why) stands where the 摘要's opening would
  const first = doc.sections[0];
  // …but a standard's front matter (its 前言, 引言) is why it was written: background (genre/standard.ts)
  if (standard) pool = standardPool(doc, p, pool);
  pool = withoutPrinciples(p, pool, 5);
  const preamble = (u: Unit) => !standard && abstractPool.length < 2 && doc.sections.length > 1 && !first.heading.trim() && u.path[0] === first && u.path.length === 1;
  // in a report of many chapters without a 摘要 or an overview, the summary's sentences come from different
  // chapters (one each)
  const spread = abstractPool.length < 2 && !doc.genre && !standard && !chronicle && !isPlan(doc) && mainSections(p.ranking.units, depth) >= MANY_CHAPTERS;
  const actors = allActors(p, actorSections(doc, knownActors(p)).map((g) => g.actor));
  const speech = isSpeech(doc);
  const plan = isPlan(doc);
  const bonus = (i: number): SlotBonus => {
    const u = p.ranking.ranked[i].unit;
    const t = u.segment.text;
    const why: string[] = [];
    let v = 0;
    const add = (x: number, reason: string) => {
      v += x;
      why.push(`${reason} ${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`);
    };
    const closing = inSummary(u) && u.textBlockIndex === last.get(u.section) && u.textBlockIndex > 0;
    const ill = illustrationCue(t);
    if (inSummary(u) && u.textBlockIndex === 0) add(0.15, overview && abstractPool === overviewPool ? 'overview opening' : '摘要 opening');
    // (the instructions a preamble passes on are not what the text opens with to say)
    else if (preamble(u) && ill !== 'instruction passed on') add(0.15, 'preamble');
    else if (closing) add(0.1, '摘要 closing');
    else if (conclLead(u)) add(0.1, 'conclusion lead');
    const cue = summaryCue(t);
    // a speech's or work report's judgements are mostly its genre's tributes and formulas (…根本在于…
    // 领航掌舵); there the summary leads with what the text reports and sets out: a judgement counts only
    // when it carries a figure
    if (cue && (!speech || hasFigure(t))) add(0.2, `judgement ${cue}`);
    // …and task headings written as sentences (深入推进美丽中国建设。) are slogans, in any text
    if (!hasFigure(t) && [...t].length < 20) add(-0.3, 'slogan');
    const norm = normativeCue(t);
    if (!cue && norm && (closing || conclLead(u))) add(0.05, `judgement ${norm}`);
    const st = actorStance(t, actors);
    if (st) add(-0.3, `one actor's position (${st.actor}…${st.stance})`);
    // a chart read aloud, an example or a part's description illustrates; the summary states
    if (ill) add(-ILLUSTRATION, ill);
    // …and a history section's chronology is background to what the subject is now
    if (!chronicle && chronologyEntry(t, u.path.map((s) => s.heading))) add(-BACKGROUND, 'chronology entry');
    // …and a sentence naming what the text listed before it (应涵盖上述所有14项要素) needs that text
    const back = laterBackReference(t);
    if (back) add(-0.2, `refers back (${back})`);
    // a chronicle's summary states the period's events, each with its date
    if (chronicle && datedEvent(t)) {
      add(DATED_EVENT, 'dated event');
      // …the most consequential ones: firsts, rules issued, figures (genre/chronicle.ts)
      const w = eventWeight(t);
      v += w.v;
      why.push(...w.why);
    }
    if (standard) standardBonus(doc, u, add);
    // a plan's summary says what it sets out to reach, and by when (genre/plan.ts)
    if (plan && targetOpening(t)) add(PLAN_TARGET, 'target of a year');
    // …not one of the projects its chapter of major projects lists (十、实施重大工程项目：1．…建设。)
    if (plan && u.path.some((s) => projectsHeading(s.heading))) add(-PLAN_TARGET, 'a listed project');
    return { v, why };
  };
  // an official decision's summary opens with what it decides (会议决定：…)
  const lead = operativeLead(doc, p);
  const main = (i: number) => {
    const u = p.ranking.ranked[i].unit;
    return u.path[Math.min(depth, u.path.length - 1)];
  };
  const allow = (i: number, picked: readonly number[]) => !spread || !picked.some((j) => main(j) === main(i));
  return fillSorted(p, 'bottomLine', pool, { max: 3, min: 2, stopRatio: 0.75, budget: BUDGET.bottomLine, totalChars: 200, pins: false, bonus: memo(bonus), merge: true, allow, ...(lead !== undefined ? { lead } : {}) });
}

/** Main sections with text a report has at least for its summary and points to be spread over them. */
const MANY_CHAPTERS = 4;

/** Sentences a report's overview must offer to stand for its 摘要. */
const OVERVIEW_MIN = 3;

/** Points one main section gives at most in a report of many chapters. */
const PER_CHAPTER = 2;

/**
 * A heading that names its section as the report's overview (genre words, not any one report's): 概述, 综述,
 * 总述, 总论, 导语, 核心观点, 主要发现, 前言, 引言, Overview…, once its number, an author's @mention and a
 * closing colon are set aside (一. 概述 @某某, 概述：).
 */
const OVERVIEW_HEADING = /^(?:概述|综述|总述|总论|导语|核心观点|主要(?:发现|观点|结论)|前言|引言|导言|Overview|Introduction|Key\s*Findings|Summary)$/i;

export function overviewHeading(heading: string): boolean {
  const t = heading
    .replace(/[@＠]\S+/g, '')
    .replace(/^\s*(?:第?[一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*[、.．:：]?\s*/, '')
    .replace(/[\s*：:]+/g, '');
  return OVERVIEW_HEADING.test(t);
}

/** Main sections (at `depth`) holding ranked text, in document order. */
function mainSectionList(units: readonly Unit[], depth: number): Section[] {
  const out: Section[] = [];
  for (const u of units) {
    const s = u.path[Math.min(depth, u.path.length - 1)];
    if (out[out.length - 1] !== s && !out.includes(s)) out.push(s);
  }
  return out;
}

function mainSections(units: readonly Unit[], depth: number): number {
  return mainSectionList(units, depth).filter((s) => s.heading.trim()).length;
}

/** The first main section with a heading, when that heading names it as the overview (overviewHeading). */
export function overviewSection(units: readonly Unit[], depth: number): Section | undefined {
  const first = mainSectionList(units, depth).find((s) => s.heading.trim());
  return first && overviewHeading(first.heading) ? first : undefined;
}

/**
 * A standard's candidates: its clauses that are sentences (not list entries), and its front matter (前言,
 * 引言: background) only when its clauses give too few (pinned sentences stay).
 */
function standardPool(doc: SourceDoc, p: Picker, pool: number[]): number[] {
  const unit = (i: number) => p.ranking.ranked[i].unit;
  const sentences = pool.filter((i) => p.isPinned(unit(i).segment) || !unendedClause(unit(i).segment.text));
  const clauses = sentences.filter((i) => p.isPinned(unit(i).segment) || !frontMatter(doc, unit(i)));
  return clauses.length >= STANDARD_CLAUSES ? clauses : sentences;
}

/** Clauses a standard has at least for its front matter to stay out of its summary and points. */
const STANDARD_CLAUSES = 8;

/** A standard's requirement (应, 须, 不得) counts for more, its front matter (前言, 引言) for less. */
function standardBonus(doc: SourceDoc, u: Unit, add: (x: number, reason: string) => void): void {
  // the front matter quotes the regulations behind the standard: their 应 is not the standard's requirement
  if (frontMatter(doc, u)) return add(-FRONT_MATTER_PENALTY, 'front matter (background)');
  const req = requirementCue(u.segment.text);
  if (req) add(REQUIREMENT_BONUS, `requirement ${req}`);
  // …and a phase's list of steps (…的工作包括：…，…，…等。) says what it holds, not what is required
  else if (stepList(u.segment.text)) add(-STEP_LIST_PENALTY, 'a list of steps');
}

/** What a plan's quantified target weighs among its points (genre/plan.ts). */
const PLAN_FIGURE = 0.3;
/** How many of a plan's points may be its quantified targets without counting against each other's part. */
const PLAN_FIGURES = 2;

/** What a plan's sentence stating the target of a year weighs in its summary (genre/plan.ts). */
const PLAN_TARGET = 0.3;

/**
 * The pool without a plan's guiding ideology and principles (genre/plan.ts underPrinciples), when enough else is
 * left to fill the slot: they lose to its measures and targets whatever their centrality (a formula repeated in
 * every plan is central in each), and coverage of their chapter would otherwise fetch one.
 */
function withoutPrinciples(p: Picker, pool: number[], enough: number): number[] {
  const rest = pool.filter((i) => !underPrinciples(p.ranking.ranked[i].unit));
  return rest.length >= enough ? rest : pool;
}

/** What a sentence opening with its date weighs in a chronicle's summary and points (genre/chronicle.ts). */
const DATED_EVENT = 0.25;

/** Share of the text one top section must hold to be a wrapper around the document's main sections. */
const WRAPPER_SHARE = 0.9;

/**
 * The depth of the document's main sections: 0, unless one top section holds nearly all the text and
 * divides into sections of its own (a page that sets the whole document under one heading, 政策全文 or
 * 正文): then its children (and so on down).
 */
export function mainDepth(units: readonly Unit[]): number {
  let depth = 0;
  for (;;) {
    const counts = new Map<Section, number>();
    for (const u of units) if (u.path.length > depth) counts.set(u.path[depth], (counts.get(u.path[depth]) ?? 0) + 1);
    const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (!top || n! < WRAPPER_SHARE * units.length || top.children.length < 2) return depth;
    depth++;
  }
}

/** A bonus that spreads a slot over the document's main sections: −0.4 per item already taken from the same one. */
export function coverage(p: Picker, label: string): (i: number, picked: readonly number[]) => SlotBonus {
  const depth = mainDepth(p.ranking.units);
  const main = (u: Unit) => u.path[Math.min(depth, u.path.length - 1)];
  return (i, picked) => {
    const top = main(p.ranking.ranked[i].unit);
    const same = picked.filter((j) => main(p.ranking.ranked[j].unit) === top).length;
    if (!same) return { v: 0, why: [] };
    return { v: -0.4 * same, why: [`${label}: ${same + 1}. from “${top.heading || 'lead'}” −${(0.4 * same).toFixed(2)}`] };
  };
}

/**
 * Report findings: 3–5 central sentences spread over the main sections (chapters), none that leans on
 * the sentence before it unless merged with it, and preferably not one actor's position (positions
 * has those).
 */
export function findings(doc: SourceDoc, p: Picker): BriefItem[] {
  const heads = headlines(p.ranking.units);
  // a standard's points are its clauses that are sentences, not the entries of its lists (genre/standard.ts)
  const standard = isStandard(doc);
  // a list's entry without a sentence end (Mistral AI 完成 6.4 亿美元 B 轮融资, …的符合性；) is a headline
  // or a part of a longer sentence, never a point
  let pool = blockOrderPool(p, (u) => p.isPinned(u.segment) || (!heads.has(u) && !unendedItem(u)));
  if (standard) pool = standardPool(doc, p, pool);
  const accounts = isAccounts(doc);
  if (accounts) pool = accountsPool(p, pool);
  pool = withoutPrinciples(p, pool, 8);
  // an account's figures stand together in its explanation (情况说明), by the genre's form: spreading its
  // points over the parts would fetch its remit and its tables' furniture instead
  const cover = accounts ? (): SlotBonus => ({ v: 0, why: [] }) : coverage(p, 'coverage');
  const group = actorSections(doc, knownActors(p)).map((g) => g.actor);
  const actors = allActors(p, group);
  const stanceOf = memo((i: number) => (group.length ? actorStance(p.ranking.ranked[i].unit.segment.text, actors) : undefined));
  const chronicle = isChronicle(doc);
  const plan = isPlan(doc);
  const planned = memo((i: number) => {
    if (!plan) return false;
    const u = p.ranking.ranked[i].unit;
    if (!targetFigure(u.segment.text)) return false;
    // the headings over it, and the numbered title a plain text left as a paragraph before it ((三)主要目标。)
    const over = u.path.map((s) => s.heading);
    const runIn = runInTitle(u.section.blocks, u.blockIndex);
    return plannedFigure(u.segment.text, runIn ? [...over, runIn] : over);
  });
  const bonus = (i: number, picked: readonly number[]): SlotBonus => {
    // a plan's goals section states its targets together: up to PLAN_FIGURES of them are points, one not
    // spreading the points less than another (a measure from another part still counts against them)
    const targets = picked.filter((j) => planned(j));
    const b = cover(i, planned(i) && targets.length < PLAN_FIGURES ? picked.filter((j) => !planned(j)) : picked);
    clausePenalty(p, i, b);
    // a chronicle's points are its events, each with its date
    if (chronicle && datedEvent(p.ranking.ranked[i].unit.segment.text)) {
      const w = eventWeight(p.ranking.ranked[i].unit.segment.text);
      b.v += DATED_EVENT + w.v;
      b.why = [...b.why, `dated event +${DATED_EVENT.toFixed(2)}`, ...w.why];
    } else if (chronicle && gatheringOnly(p.ranking.ranked[i].unit.segment.text)) {
      // …and a meeting held, dated or not, is not what changed in the year
      b.v -= GATHERING_WEIGHT;
      b.why = [...b.why, `a gathering −${GATHERING_WEIGHT.toFixed(2)}`];
    }
    if (standard)
      standardBonus(doc, p.ranking.ranked[i].unit, (x, reason) => {
        b.v += x;
        b.why = [...b.why, `${reason} ${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`];
      });
    // …and a point that names what the text listed before it (应涵盖上述所有14项要素) needs that text
    const back = laterBackReference(p.ranking.ranked[i].unit.segment.text);
    if (back) {
      b.v -= 0.2;
      b.why = [...b.why, `refers back (${back}) −0.20`];
    }
    // a method note (how the data was made) is no finding: it wins a place only when nothing else is left,
    // not by being the best of a section that only explains the method (as coverage would have it)
    const method = methodNote(p.ranking.ranked[i].unit.segment.text);
    if (method) {
      b.v -= METHOD_COVERAGE;
      b.why = [...b.why, `${method} −${METHOD_COVERAGE.toFixed(2)}`];
    }
    // …an entry of a history section's chronology (1961年—1962年，复置…) is background, and one entry of a list of
    // alike ones (甲公司，…注册，正在建设总部大楼。) is one case among others
    const u = p.ranking.ranked[i].unit;
    if (!chronicle && chronologyEntry(u.segment.text, u.path.map((s) => s.heading))) {
      b.v -= BACKGROUND;
      b.why = [...b.why, `chronology entry −${BACKGROUND.toFixed(2)}`];
    }
    // (a chronicle's and a genre's lists are their matter: events, figures of a work report)
    if (!chronicle && !doc.genre && catalogueEntry(u) && !p.isPinned(u.segment)) {
      b.v -= METHOD_COVERAGE;
      b.why = [...b.why, `catalogue entry −${METHOD_COVERAGE.toFixed(2)}`];
    }
    // …and a chart read aloud, an example or a part's description explains rather than finds
    // (half as much with a figure: a chart's figure read aloud can be the finding itself)
    const ill = illustrationCue(p.ranking.ranked[i].unit.segment.text);
    if (ill) {
      const x = hasFigure(p.ranking.ranked[i].unit.segment.text) ? ILLUSTRATION / 2 : ILLUSTRATION;
      b.v -= x;
      b.why = [...b.why, `${ill} −${x.toFixed(2)}`];
    }
    if (accounts) accountsPenalty(p, i, b);
    // a plan's points carry the figures it sets as targets (…覆盖率达到90%), not only its measures
    if (planned(i)) {
      b.v += PLAN_FIGURE;
      b.why = [...b.why, `a target with its figure +${PLAN_FIGURE.toFixed(2)}`];
    }
    const st = stanceOf(i);
    if (st) return { v: b.v - 0.25, why: [...b.why, `one actor's position (${st.actor}…${st.stance}) −0.25`] };
    return b;
  };
  // in a report of many chapters, at most two points come from one of them: the most lexically dense
  // chapter (one subject's own vocabulary) would otherwise take the brief
  const depth = mainDepth(p.ranking.units);
  const many = !doc.genre && !standard && !chronicle && mainSections(p.ranking.units, depth) >= MANY_CHAPTERS;
  const main = (i: number) => {
    const u = p.ranking.ranked[i].unit;
    return u.path[Math.min(depth, u.path.length - 1)];
  };
  const allow = (i: number, picked: readonly number[]) => !many || picked.filter((j) => main(j) === main(i)).length < PER_CHAPTER;
  return fillSorted(p, 'findings', pool, { max: 5, min: 3, stopRatio: 0.55, budget: BUDGET.item, pins: true, bonus, merge: true, allow });
}

/** What a history section's dated entry loses in the summary and the points. */
const BACKGROUND = 0.25;

/** What a chart read aloud, an example or a part's description loses in the summary and the points (cues.ts). */
const ILLUSTRATION = 0.25;

/** An account's candidate points without its department's remit (genre/accounts.ts); a pinned one stays. */
export function accountsPool(p: Picker, pool: number[]): number[] {
  return pool.filter((i) => p.isPinned(p.ranking.ranked[i].unit.segment) || !remitStatement(p.ranking.ranked[i].unit));
}

/** An account's points are its totals, shares and changes: a sentence without a figure comes after them. */
export function accountsPenalty(p: Picker, i: number, b: SlotBonus): SlotBonus {
  if (!hasFigure(p.ranking.ranked[i].unit.segment.text)) {
    b.v -= NO_FIGURE_PENALTY;
    b.why = [...b.why, `no figure in an account −${NO_FIGURE_PENALTY.toFixed(2)}`];
  }
  return b;
}

/** What a method note or lead-in loses among the findings: as much as a second point from one section. */
const METHOD_COVERAGE = 0.4;

/** 'method note' or 'lead-in' (cues.ts), if the sentence is one. */
function methodNote(text: string): string | undefined {
  return methodCue(text) ? 'method note' : leadInCue(text) ? 'lead-in' : undefined;
}

/**
 * A clause, not a sentence that states a finding: short and a list item or unfinished ("从A转向B"), or
 * a list item that does not end a sentence ("加强人才培养合作，…；", "（1）建立…机制，减少…").
 */
export function isFragment(text: string, listItem = false): boolean {
  const finished = /[。！？!?…]$/.test(text);
  // a line that stops at a semicolon or a comma goes on elsewhere
  return ([...text].length < 20 && (listItem || !finished)) || (listItem && !finished) || /[；;，,、]$/.test(text);
}

/** Findings and key points are sentences: −0.30 for a clause (see isFragment), with the reason. */
export function clausePenalty(p: Picker, i: number, b: SlotBonus): SlotBonus {
  const u = p.ranking.ranked[i].unit;
  if (isFragment(u.segment.text.trim(), u.role === 'item')) {
    b.v -= 0.3;
    b.why = [...b.why, 'a clause, not a sentence −0.30'];
  }
  return b;
}

/** A function of a ranked index, computed once per index (MMR asks again for every pick). */
function memo<T>(f: (i: number) => T): (i: number) => T {
  const seen = new Map<number, T>();
  return (i) => {
    if (!seen.has(i)) seen.set(i, f(i));
    return seen.get(i) as T;
  };
}

export interface SlotBonus {
  v: number;
  why: string[];
}

/**
 * The sentence before a dependent one (same paragraph, lead or list item), when the two can be shown
 * together within `budget`; null when the dependent sentence cannot be shown (no such partner).
 */
export function mergePartner(p: Picker, u: Unit, budget: number): Unit | null {
  const prev = p.ranking.units[u.index - 1];
  if (!prev || prev.block !== u.block || prev.role !== u.role || prev.itemIndex !== u.itemIndex) return null;
  // a sentence that is never an item (about the document itself, a question…) cannot carry one either
  if (prev.excluded || dependentOpening(prev.segment.text) || /[：:]$/.test(prev.segment.text.trim())) return null;
  if ([...(prev.segment.text + u.segment.text)].length > budget) return null;
  return prev;
}

/**
 * Pick by MMR, then present in document order. With `pins`, pinned units of the pool come first (pins
 * go to the main slot: findings, key points). With totalChars, a pick that would take the slot past
 * that many characters ends it (once `min` items are in). `bonus` adds slot-specific preferences (its
 * reasons go to the explanation); with `merge`, a sentence that opens with a connective or a
 * back-reference is shown together with the sentence before it when both fit the budget, else skipped.
 */
export function fillSorted(
  p: Picker,
  slot: string,
  pool: number[],
  o: {
    max: number;
    min: number;
    stopRatio: number;
    budget: number;
    totalChars?: number;
    pins?: boolean;
    bonus?: (i: number, picked: readonly number[]) => SlotBonus;
    merge?: boolean;
    /** A unit (ranked index) that leads the slot whatever its score: a decision's operative sentence. */
    lead?: number;
    /** Whether a unit (ranked index) may join the slot after `picked`, whatever its score (a cap per chapter). */
    allow?: (i: number, picked: readonly number[]) => boolean;
  },
): BriefItem[] {
  // a speaker's first person goes to the voices with the speaker's name (structure.ts), and a definition
  // explains a word rather than sums anything up (never in the summary; a point only when it scores best)
  pool = pool.filter((i) => {
    const u = p.ranking.ranked[i].unit;
    // …and an item of a labelled list (版权声明的忽略：…) is one case among others, not the gist, as is an
    // item finishing a lead-in's sentence (…适用以下条例：（七）…发布的《…条例》。)
    // …nor is a list item without a sentence end (Mistral AI 完成 6.4 亿美元 B 轮融资): a headline entry,
    // shown in the summary only as cut
    // (a target's label is not such a case: 总体目标：到2025年，… states the goal, shown without its label)
    // …nor a calculation set on its own line (月计薪天数＝（365天-104天）÷12月＝21.75天): a formula, no sentence
    // …and the document's purpose ending on itself (为…，制定本法。): what the summary may say when it has nothing better, never a point
    if (slot !== 'bottomLine' && purposeOfItself(u.segment.text)) return false;
    return !u.spoken && (slot !== 'bottomLine' || (!definitionCue(u.segment.text) && (!hasRunInLabel(u.segment.text) || targetOpening(u.segment.text)) && !u.listed && !unendedItem(u) && !calculationLine(u.segment.text) && !notationSymbol(u.segment.text)));
  });
  const picks: { index: number; redundancy: number; why: string; partner?: Unit }[] = [];
  const leadSeg = o.lead === undefined ? undefined : p.ranking.ranked[o.lead].unit.segment;
  if (o.lead !== undefined && leadSeg && p.isFree(leadSeg)) {
    picks.push({ index: o.lead, redundancy: 0, why: 'operative: what the document decides' });
    p.markUsed([leadSeg]);
  }
  for (const i of pool) {
    if (picks.length >= o.max) break;
    const seg = p.ranking.ranked[i].unit.segment;
    if (o.pins && p.isPinned(seg) && p.isFree(seg)) {
      picks.push({ index: i, redundancy: 0, why: 'pinned' });
      p.markUsed([seg]);
    }
  }
  const partners = new Map<number, Unit | null>();
  if (o.merge)
    for (const i of pool) {
      const u = p.ranking.ranked[i].unit;
      if (dependentOpening(u.segment.text) && !p.isPinned(u.segment)) partners.set(i, mergePartner(p, u, o.budget));
    }
  const lengthOf = memo((i: number) => {
    const partner = partners.get(i);
    return [...((partner ? partner.segment.text : '') + p.ranking.ranked[i].unit.segment.text)].length;
  });
  let chars = 0;
  for (const pk of picks) chars += lengthOf(pk.index);
  const picked = () => picks.map((x) => x.index);
  // a sentence that must be trimmed to fit loses part of what it says: prefer whole ones
  const fits = (i: number) => (lengthOf(i) > o.budget ? -0.15 : 0);
  const accept = (i: number) => {
    if (!partners.has(i)) return true;
    const partner = partners.get(i);
    return !!partner && p.isFree(partner.segment);
  };
  while (picks.length < o.max) {
    const now = picked();
    const first = picks.find((x) => x.why !== 'pinned' && x.index !== o.lead);
    const firstScore = first ? p.ranking.ranked[first.index].score : undefined;
    const bonus = (i: number) => fits(i) + (o.bonus?.(i, now).v ?? 0);
    // a slot bonus (coverage of another section) chooses among sentences that are strong enough on
    // their own: scoring at least stopRatio × the first pick, or — while the slot is below `min`, the
    // picks that spread it over the sections — at least half that with the slot's other preferences
    // counted (a clause's penalty). It never lifts a weaker one (a genre formula, a stray line) over
    // them; such a one only fills the slot up to `min` when nothing stronger is left.
    const own = (i: number) => p.ranking.ranked[i].score + (o.bonus?.(i, []).v ?? 0);
    const firstOwn = first ? own(first.index) : undefined;
    const strong = (i: number) =>
      firstScore === undefined || firstOwn === undefined || p.ranking.ranked[i].score >= o.stopRatio * firstScore || (picks.length < o.min && own(i) >= 0.5 * o.stopRatio * firstOwn);
    const allowed = (i: number) => !o.allow || o.allow(i, now);
    let got = p.mmr(pool, { max: 1, bonus, accept: (i) => strong(i) && accept(i) && allowed(i) });
    if (!got.length && picks.length < o.min) got = p.mmr(pool, { max: 1, bonus, accept: (i) => accept(i) && allowed(i) });
    if (!got.length) break;
    const r = p.ranking.ranked[got[0].index];
    const len = Math.min(lengthOf(got[0].index), o.budget);
    const over = o.totalChars !== undefined && chars + len > o.totalChars;
    const weak = firstScore !== undefined && r.score < o.stopRatio * firstScore;
    if (picks.length >= o.min && (over || weak)) {
      // give it back: not part of this slot
      p.used.delete(r.unit.segment.id);
      p.usedText.delete(r.unit.segment.text.trim());
      p.chosen.splice(p.chosen.indexOf(got[0].index), 1);
      break;
    }
    const reasons = [...(o.bonus?.(got[0].index, now).why ?? [])];
    const partner = partners.get(got[0].index) ?? undefined;
    if (partner) {
      p.markUsed([partner.segment]);
      reasons.push(`merged with the sentence before (${dependentOpening(r.unit.segment.text)})`);
    }
    picks.push({ index: got[0].index, redundancy: got[0].redundancy, why: withWhy('ranked', reasons), partner });
    chars += len;
  }
  // in document order, but a lead stays first
  picks.sort((a, b) => Number(b.index === o.lead) - Number(a.index === o.lead) || p.ranking.ranked[a.index].unit.index - p.ranking.ranked[b.index].unit.index);
  return picks.map((pk, k) => {
    const r = p.ranking.ranked[pk.index];
    const segs = pk.partner ? [pk.partner.segment, r.unit.segment] : [r.unit.segment];
    let item = makeItem(segs, o.budget, { strip: true, score: r.score, joinAll: !!pk.partner });
    // the summary prints its items run together: one that stops without a sentence end (an enumerated
    // clause whose "；" the list took) is shown as cut, never run into the next as one sentence
    if (slot === 'bottomLine') item = markedIfUnended(item);
    p.explain(slot, k, item, pk.why, r, pk.redundancy);
    return item;
  });
}

/**
 * A back-reference past a sentence's opening (…应涵盖上述所有14项安全要素, …按前述方法…): what it names is in
 * the text before (an opening one is dependentOpening's, and merges with its sentence).
 */
export function laterBackReference(text: string): string | undefined {
  if (dependentOpening(text)) return undefined;
  return /上述|前述|上文|前文|上列/.exec(text)?.[0];
}

/** A line that is a calculation: an equals sign between figures, and no sentence end. */
export function calculationLine(text: string): boolean {
  const t = text.trim();
  return /[0-9][^=＝。]*[=＝]\s*[0-9（(]|[=＝][^=＝]*[0-9]/.test(t) && /[=＝]/.test(t) && !/[。！？!?][”’」』）)】》\s]*$/.test(t);
}

/** A list item that stops without a sentence's end (。！？, closers after it): an entry, not a sentence. */
function unendedItem(u: Unit): boolean {
  return u.role === 'item' && !/[。！？!?][”’」』）)】》\s]*$/.test(u.segment.text.trim());
}

/** An official document's operative sentence (operativeCue), the first one, as a ranked index. */
export function operativeLead(doc: SourceDoc, p: Picker): number | undefined {
  if (doc.genre !== 'official') return undefined;
  let best: number | undefined;
  p.ranking.ranked.forEach((r, i) => {
    if (!r.unit.spoken && operativeCue(r.unit.segment.text) && (best === undefined || r.unit.index < p.ranking.ranked[best].unit.index)) best = i;
  });
  return best;
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
