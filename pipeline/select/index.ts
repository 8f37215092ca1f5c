// select: SourceDoc + glossary → Brief in zh-Hans.
//
// Every content sentence is ranked (rank.ts: LexRank centrality over TF-IDF cosine of word tokens,
// structure/position priors, glossary weight, a discount for the genre's stock phrases measured
// against a background corpus: formulaic.ts); questions, salutations, sentences about the document or
// meeting itself, citation lines, captions and fused headings are never candidates (exclude.ts). Structural slots are filled from the document's shape
// (recommendations: the 摘要's enumeration, else the concluding chapter's; positions: sections headed
// "<actor>：<position>"), then the ranked slots by MMR (bottom line, findings / key points); voices
// come from the document's quotes, one per speaker. No sentence is used twice. Items are source text,
// at most without a leading section number, or cut at a clause boundary and then marked as cut with
// …… (text.ts): no sentence end is ever invented. meta.pin / meta.exclude steer the choice.
import type { Brief, BriefTerm, Section, SourceDoc, Term } from '../model.js';
import { newsSlots } from './news.js';
import { BUDGET, Picker, type ExplainedItem } from './pick.js';
import { rankUnits } from './rank.js';
import { preferPublisherEnglish } from './english-preference.js';
import { reportSlots } from './report.js';
import { lawSlots } from './genre/law.js';
import { genreOf } from './genre/index.js';
import { chooseTerms, MAX_MISSING, missingConcepts, scoreTerm, type TermFinder, type TermStat } from './terms.js';
import { mostlyInsideWords } from './word-edges.js';
import { documentScope } from '../glossary/scope.js';
import { createMatcher } from '../glossary/match.js';
import { contentLength } from './text.js';
import { collectUnits, SKIP_KINDS } from './units.js';
import { sourceLine } from '../localize/source-line.js';
import { docSegments } from '../ingest/walk.js';

export type { ExplainedItem } from './pick.js';
export { formatExplanation } from './explain.js';

export interface SelectOptions {
  explain?: boolean;
  /** Term finder; defaults to the glossary matcher (glossary/match.ts) over `terms`, zh-Hans. */
  findTerms?: TermFinder;
  /** Maximum number of key terms (default 8). */
  maxTerms?: number;
  /** Sentence tokens for similarity (default: character bigrams, text.ts charTokens). */
  tokenize?: (sentence: string) => string[];
  /**
   * The segments whose publisher's English alignment kept (align/): given only when the source has its
   * publisher's English; such sentences win ties (english-preference.ts).
   */
  hasEnglish?: (segmentId: string) => boolean;
}

export interface Selection {
  brief: Brief;
  explanation: ExplainedItem[];
  /** Ids of the glossary entries found in the document's content (what its briefs can depend on), sorted. */
  termIds: string[];
}

export function briefTitle(doc: SourceDoc): string {
  const t = doc.meta.shortTitle?.trim() || doc.meta.title?.trim() || doc.titleSegments.map((s) => s.text).join('');
  return t.replace(/\s+/g, ' ').trim();
}

function keyTerms(doc: SourceDoc, find: TermFinder, briefTexts: string[], max: number, terms: readonly Term[]): { terms: BriefTerm[]; used: string[] } {
  const stats = new Map<string, Omit<TermStat, 'score'>>();
  const stat = (t: Term, order: number) => {
    let s = stats.get(t.id);
    if (!s) {
      s = { term: t, count: 0, headingCount: 0, spread: 0, inBrief: 0, first: order };
      stats.set(t.id, s);
    }
    return s;
  };
  const sectionsOf = new Map<string, Set<unknown>>();
  // each section's top-level ancestor, once (a search of the tree per segment is quadratic in a long source)
  const topOf = new Map<Section, Section>();
  const mark = (s: Section, top: Section) => {
    topOf.set(s, top);
    for (const c of s.children) mark(c, top);
  };
  for (const s of doc.sections) if (!topOf.has(s)) mark(s, s);
  let order = 0;
  const pieces: { text: string; line: number; column: number }[] = [];
  for (const v of docSegments(doc)) {
    order++;
    if (v.section && SKIP_KINDS.has(v.section.kind)) continue;
    pieces.push({ text: v.segment.text, line: v.segment.place.line, column: v.segment.place.column });
    const heading = v.role === 'title' || v.role === 'heading';
    const top = v.section ? topOf.get(v.section) : undefined;
    const sources = sourceNotes(v.segment.text);
    for (const h of find(v.segment.text)) {
      // a name in a note that gives the source (（消息来自澎湃新闻）) is where the text read it, not its subject
      if (sources.some(([a, b]) => h.start >= a && h.end <= b)) continue;
      const s = stat(h.term, order);
      if (heading) s.headingCount++;
      else s.count++;
      if (top) {
        const set = sectionsOf.get(h.term.id) ?? new Set();
        set.add(top);
        sectionsOf.set(h.term.id, set);
      }
    }
  }
  for (const text of briefTexts) for (const h of find(text)) stat(h.term, Number.MAX_SAFE_INTEGER).inBrief++;
  const used = [...stats.keys()].sort();
  // the publisher's and authors' own names are the source line, not key terms
  const own = new Set([doc.meta.outlet, doc.meta.institution, ...doc.meta.authors.map((a) => a.name)].filter((x): x is string => !!x).map((x) => x.replace(/\s+/g, '')));
  for (const [id, s] of stats) if (own.has(s.term['zh-Hans'])) stats.delete(id);
  const topCount = Math.max(1, doc.sections.length);
  const scored: TermStat[] = [...stats.values()].map((s) => {
    s.spread = sectionsOf.get(s.term.id)?.size ?? 0;
    return { ...s, score: scoreTerm(s, topCount) };
  });
  // a mined concept the text mostly has inside longer words (居民企业 of 非居民企业, 委员长 of 副委员长) is
  // not its own: the next one takes its place
  const missing = missingConcepts(doc.slug, pieces, terms, MAX_MISSING * 2).filter((m) => !mostlyInsideWords(pieces, m.text)).slice(0, MAX_MISSING);
  return { terms: chooseTerms(scored, max, 3, missing), used };
}

/** A bracketed note that names a source: （消息来自…）, （来源：…）, （据…报道）, (Source: …). */
const SOURCE_NOTE = /[（(]\s*(?:消息|信息|数据|资料|图片|图|文章|原文)?(?:来自|来源|出处|引自|转引自|转载自|据|Source|Via)[^（）()]{0,60}[）)]/gi;

/** Spans [start, end) of the source notes in a text. */
function sourceNotes(text: string): [number, number][] {
  return [...text.matchAll(SOURCE_NOTE)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** Terms in zh-Hans text through the glossary matcher (main forms, variants and forbidden forms). */
export function glossaryFinder(terms: readonly Term[], doc?: SourceDoc): TermFinder {
  let matcher = matchers.get(terms);
  if (!matcher) {
    matcher = createMatcher(terms);
    matchers.set(terms, matcher);
  }
  const m = doc ? documentScope(matcher, [...docSegments(doc)].map((v) => v.segment.text)).matcher : matcher;
  return (text) => m.find(text, 'zh-Hans');
}

/** One matcher per glossary (the same term list selects every source of a build). */
const matchers = new WeakMap<readonly Term[], ReturnType<typeof createMatcher>>();

/** A finder that remembers its answers for the length of one selection (ranking and key terms ask twice). */
function remembering(find: TermFinder): TermFinder {
  const seen = new Map<string, ReturnType<TermFinder>>();
  return (text) => {
    let hits = seen.get(text);
    if (!hits) {
      hits = find(text);
      seen.set(text, hits);
    }
    return hits;
  };
}

export function selectBrief(doc: SourceDoc, terms: Term[], opts: SelectOptions = {}): Selection {
  const find = remembering(opts.findTerms ?? glossaryFinder(terms, doc));
  const pins = doc.meta.pin ?? [];
  const excludes = doc.meta.exclude ?? [];
  const units = collectUnits(doc);
  for (const u of units) {
    const seg = u.segment;
    const sel = (list: string[]) => list.some((s) => (/^s[0-9a-f]{15}$/.test(s.trim()) ? seg.id === s.trim() : s.trim() !== '' && seg.text.includes(s.trim())));
    if (sel(excludes)) u.eligible = false;
    else if (sel(pins) && contentLength(seg.text) > 0) u.eligible = true;
  }
  const ranked = rankUnits(units, doc, find, opts.tokenize);
  const ranking = opts.hasEnglish ? preferPublisherEnglish(ranked, opts.hasEnglish) : ranked;
  const picker = new Picker(doc, ranking, pins, excludes);
  const slots = doc.genre === 'law' ? lawSlots(doc, picker) : doc.kind === 'news' ? newsSlots(doc, picker) : reportSlots(doc, picker);
  const texts = slots.flatMap((s) => s.items.map((i) => i.text));
  const key = keyTerms(doc, find, texts, opts.maxTerms ?? 8, terms);
  const brief: Brief = {
    slug: doc.slug,
    lang: 'zh-Hans',
    kind: doc.kind,
    title: briefTitle(doc),
    sourceLine: sourceLine(doc.meta, 'zh-Hans', { toHant: (s) => s, terms }),
    slots,
    terms: key.terms,
  };
  // the genre followed, when it says more than the kind (a law, an interview, a work report…)
  const genre = genreOf(doc);
  if (genre !== doc.kind) brief.genre = genre;
  // explanation in slot order, then position
  const slotOrder = new Map(slots.map((s, i) => [s.name, i]));
  const explanation = opts.explain
    ? [...picker.explained].sort((a, b) => (slotOrder.get(a.slot) ?? 0) - (slotOrder.get(b.slot) ?? 0) || a.position - b.position)
    : [];
  return { brief, explanation, termIds: key.used };
}

export { BUDGET };
