// Slots of a law's brief (doc.genre 'law', ingest/genre/law.ts): what the law is for, what its
// chapters are about, and its key duties and powers.
//   bottomLine  its purpose article (第一条, "为了…，制定本法。") and the article that says what it applies to
//   chapters    the chapters' subjects, from their headings (总则 and 附则 are the form of every law, not a subject)
//   keyPoints   articles that lay down a duty or a power (应当, 不得, 有权, 负责, 禁止…), ranked by what
//               they say (the ranking: centrality, terms, the genre's formulas discounted) and spread over
//               the chapters; definitions and the purpose and scope articles are not among them
//   voices      none: a law quotes no one
import type { BriefItem, BriefSlot, Section, Segment, SourceDoc } from '../../model.js';
import { ARTICLE, CHAPTER, isArticle } from '../../ingest/genre/law.js';
import { segmentId } from '../../ingest/segment.js';
import { allSections } from '../../ingest/walk.js';
import { BUDGET, makeItem, markedIfUnended, type Picker } from '../pick.js';
import { coverage, fillSorted, type SlotBonus } from '../report.js';

/** Wording of a duty or a power (the modal verbs of legal drafting). */
const DUTY_OR_POWER = /应当|不得|有权|负责|禁止|必须|有义务|可以|依法追究|责令|处[^。；]{0,12}罚款/;
/** An article that states the law's purpose: 为了/为…, 制定本法/本条例/本规定/本解释. */
const PURPOSE = /^(?:为了?|为)[^。]*?(?:制定|特制定)本(?:法|条例|规定|办法|细则|解释|决定)/;
/** An article that says what the law applies to (…适用本法). */
const SCOPE = /适用本(?:法|条例|规定|办法|细则|解释)/;
/** A definition (本法所称…是指…) explains a word, it lays down nothing. */
const DEFINITION = /(?:所称|是指)/;
/** An article's enumerated item: （一）…, (3)…, 1.…, 一、… */
const ENUMERATED = /^\s*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)/;
/** A lead-in's colon followed by the first enumerated item in the same sentence: ：一、…, ：（一）… */
const RUN_INTO_ITEM = /[：:]\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)])/;
/** Headings that are the form of every law, not a subject of this one. */
const FORM_HEADING = /^(?:总则|附则|附录|序言|目录)$/;

/** The text of a unit without its article number. */
function articleBody(text: string): string {
  const m = ARTICLE.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** A heading's subject: the words after its number (第二章 数据安全与发展 → 数据安全与发展), inner spaces out. */
export function chapterSubject(heading: string): string | undefined {
  const m = CHAPTER.exec(heading);
  if (!m) return undefined;
  const rest = heading.slice(m[0].length).trim().replace(/(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '');
  return rest || undefined;
}

/** A chapter's subject: its heading after the number, or the whole heading when the reader took the number off. */
function subjectOf(s: Section): string | undefined {
  if (CHAPTER.test(s.heading)) return chapterSubject(s.heading);
  return s.number !== undefined && s.headingSegment ? s.heading.trim().replace(/(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '') || undefined : undefined;
}

/** The chapters (第X章 / 一、 headings at the outermost level that has them) that have a subject. */
function chapters(doc: SourceDoc): { section: Section; segment: Segment; subject: string }[] {
  for (const level of [1, 2, 3]) {
    const found = [...allSections(doc.sections)].filter((s) => s.level === level && s.headingSegment && subjectOf(s));
    if (found.length < 2) continue;
    return found
      .map((section) => ({ section, segment: section.headingSegment!, subject: subjectOf(section)! }))
      .filter((c) => !FORM_HEADING.test(c.subject));
  }
  return [];
}

function chapterItems(doc: SourceDoc, p: Picker, max = 10): BriefItem[] {
  return chapters(doc)
    .slice(0, max)
    .map((c, k) => {
      const item: BriefItem = { text: c.subject, segmentIds: [c.segment.id] };
      if (c.subject !== c.segment.text) item.textId = segmentId(c.subject);
      p.used.add(c.segment.id);
      p.explain('chapters', k, item, 'chapter heading');
      return item;
    });
}

/**
 * The purpose article (the first of the first three articles that says "为了…，制定本法", else article 1)
 * and the first sentence up to article 4 that says what the law applies to.
 */
function purposeAndScope(p: Picker): BriefItem[] {
  const units = p.ranking.units.filter((u) => u.eligible);
  const opens = (u: (typeof units)[number]) => u.posInBlock === 0 && isArticle(u.block);
  const starts = units.map((u, k) => (opens(u) ? k : -1)).filter((k) => k >= 0);
  if (!starts.length) return [];
  const early = units.slice(starts[0], starts[3] ?? starts[starts.length - 1] + 1);
  const articles = early.filter(opens);
  const purpose = articles.slice(0, 3).find((u) => PURPOSE.test(articleBody(u.segment.text))) ?? articles[0];
  const scope = early.find((u) => u !== purpose && SCOPE.test(u.segment.text) && !DEFINITION.test(u.segment.text));
  const out: BriefItem[] = [];
  let chars = 0;
  for (const u of [purpose, scope]) {
    if (!u || !p.isFree(u.segment)) continue;
    const item = markedIfUnended(makeItem([u.segment], BUDGET.bottomLine, { strip: true, score: p.ranked(u)?.score }));
    if (out.length && chars + [...item.text].length > 200) break;
    chars += [...item.text].length;
    p.markUsed([u.segment]);
    p.explain('bottomLine', out.length, item, u === purpose ? 'the purpose article' : 'what the law applies to', p.ranked(u));
    out.push(item);
  }
  return out;
}

export function lawSlots(doc: SourceDoc, p: Picker): BriefSlot[] {
  const bottom = purposeAndScope(p);
  const chaps = chapterItems(doc, p);
  const cover = coverage(p, 'chapter coverage');
  const pool: number[] = [];
  p.ranking.ranked.forEach((r, i) => {
    const t = r.unit.segment.text;
    const heading = r.unit.path.map((s) => subjectOf(s) ?? '').find((x) => x);
    if (heading && /^附则$/.test(heading)) return;
    // an enumerated item of an article ("（十六）…其他职权。") completes the article's lead-in: not alone
    if (r.unit.role === 'item' || ENUMERATED.test(t)) return;
    // …and a lead-in run into the first of its enumerated items (…并得为下列处分：一、禁止…。) shows one of them as if the whole
    if (RUN_INTO_ITEM.test(t)) return;
    if (DUTY_OR_POWER.test(t) && !DEFINITION.test(t) && !SCOPE.test(t)) pool.push(i);
  });
  const bonus = (i: number, picked: readonly number[]): SlotBonus => {
    const b = cover(i, picked);
    // a duty or power with its bearer named (…部门应当…, 国家…负责…) says who must do what
    const t = articleBody(p.ranking.ranked[i].unit.segment.text);
    if (/^[^，。；]{2,30}?(?:应当|不得|有权|负责|必须|可以)/.test(t)) return { v: b.v + 0.1, why: [...b.why, 'bearer named +0.10'] };
    return b;
  };
  const points = fillSorted(p, doc.kind === 'report' ? 'findings' : 'keyPoints', pool, { max: 5, min: 3, stopRatio: 0.5, budget: BUDGET.item, pins: true, merge: true, bonus });
  return [
    { name: 'bottomLine', items: bottom },
    { name: 'chapters', items: chaps },
    // a law read from plain text or a PDF is a report: its duties and powers are the findings
    { name: doc.kind === 'report' ? 'findings' : 'keyPoints', items: points },
    ...(doc.kind === 'report' ? [] : [{ name: 'voices', items: [] }]),
  ];
}
