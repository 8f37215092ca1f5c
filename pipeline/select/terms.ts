// Glossary terms in the text: which entries occur where, and which matter most in this document.
import type { BriefTerm, Term } from '../model.js';
import { subjectsOf } from '../glossary/scope.js';
import { specificity, type Background } from '../glossary/background.js';
import { GENERIC_TERMS } from '../glossary/generic.js';
import { suggestEntries, type Candidate } from '../glossary/mine.js';
import type { Piece } from '../glossary/corpus.js';
import { COMMON_WORDS } from './data/common-words.js';
import { CONCEPT_DF } from './data/concept-df.js';
import { genericConcept, generalUnderTotality } from './generic-concepts.js';
import { wholeWordCounts } from './term-occurrences.js';

export interface TermHit {
  term: Term;
  start: number;
  end: number;
}

/** Finds glossary terms in zh-Hans text. */
export type TermFinder = (text: string) => TermHit[];

export interface TermStat {
  term: Term;
  /** Occurrences in content sentences. */
  count: number;
  /** Occurrences in headings and the title. */
  headingCount: number;
  /** Distinct top-level sections it occurs in. */
  spread: number;
  /** Occurrences in the items chosen for the brief. */
  inBrief: number;
  /** Index of the first occurrence in reading order. */
  first: number;
  score: number;
}

const CATEGORY_WEIGHT: Record<string, number> = {
  concept: 1.3,
  document: 1.1,
  event: 1.1,
  organisation: 0.9,
  person: 0.7,
  place: 0.5,
  other: 0.9,
};

/**
 * Score of a term for the key-terms box: occurrences (log-damped) × how widely they spread over the
 * sections × a category weight (concepts are what a reader needs explained; place names rarely are)
 * × how specific the entry is to this document (its document frequency over a background corpus,
 * glossary/background.ts: from 0.5 for an entry every document uses to 1), plus a bonus for headings
 * and for appearing in the brief's own items.
 */
export function scoreTerm(s: Omit<TermStat, 'score'>, sections: number): number {
  const occ = Math.log2(1 + s.count + 2 * s.headingCount);
  const spread = sections > 0 ? 0.5 + 0.5 * Math.min(1, s.spread / Math.max(1, Math.min(sections, 4))) : 1;
  const cat = CATEGORY_WEIGHT[s.term.category] ?? 1;
  return occ * spread * cat * specificity(s.term.id) + 0.5 * Math.min(3, s.inBrief);
}

/** People and places: named in the key-terms box only when concepts, organisations, events and documents run out. */
const LAST_RESORT = new Set(['person', 'place']);

/** A key concept of the document that the glossary lacks (from `glossary suggest`'s miners). */
export interface MissingConcept {
  /** The Chinese term as the document writes it. */
  text: string;
  /** Occurrences in the document. */
  count: number;
  /** An English gloss the document itself gives (安全保障(Security Guarantee)), if any; never a guess. */
  gloss?: string;
  /** How specific the phrase is to this document, from 0.5 (every shipped document uses it) to 1 (conceptSpecificity). */
  specificity?: number;
}

let conceptBackground: Background | undefined;

/**
 * How specific a phrase is to one document, on the scale of the glossary entries' (glossary/background.ts):
 * from the number of shipped documents it occurs in (data/concept-df.ts; a phrase not listed there is in
 * few of them and counts as specific). 行政法规 or 社会主义, which most laws or most official texts use,
 * weigh less than 自然人 or 小微企业 at the same count.
 */
export function conceptSpecificity(text: string): number {
  if (!conceptBackground) {
    const df: Record<string, number> = {};
    for (const [n, list] of Object.entries(CONCEPT_DF.phrases)) for (const g of list.split(' ')) df[g] = Number(n);
    conceptBackground = { docs: CONCEPT_DF.documents, df };
  }
  return specificity(text, conceptBackground);
}

/**
 * Key concepts the glossary lacks, at most, in the table: where the glossary knows little of a subject, the
 * table still shows the text's own concepts (a 4-row table of two of them and two names met once explains little).
 */
export const MAX_MISSING = 4;

/** Marks a key term whose entry the glossary lacks: its termId starts with this, its English is MISSING_EN. */
export const MISSING_PREFIX = 'missing:';

/**
 * The English of a key term the glossary lacks: a dash, in every language's table (the templates'
 * rows are `| {{text}} | {{en}} |`; a label of its own would need a new key in render/templates.ts).
 */
export const MISSING_EN = '—';

/** The least occurrences of a missing concept (as `glossary suggest`'s n-gram default). */
export const MISSING_MIN_COUNT = 5;

/**
 * Key concepts of a document the glossary lacks: what `glossary suggest <slug>` proposes for it (terms
 * the document glosses in English, repeated quoted terms, frequent n-grams), known entries left out,
 * most frequent first. `pieces` are the document's texts (title, headings, sentences).
 */
/**
 * At most this many characters of a document are mined for missing concepts (its first pieces): the
 * n-gram counts grow with the text, and a key concept recurs early. Keeps a 20 MB source's build bounded.
 */
export const MISSING_MINE_CHARS = 60_000;

/** The longest missing concept, in characters: the name of an actor (个人信息处理者); other n-grams up to MISSING_NGRAM_CHARS. */
export const MISSING_MAX_CHARS = 7;
export const MISSING_NGRAM_CHARS = 5;

export function missingConcepts(slug: string, pieces: Piece[], terms: readonly Term[], limit = MAX_MISSING): MissingConcept[] {
  const head: Piece[] = [];
  let chars = 0;
  for (const p of pieces) {
    if (chars >= MISSING_MINE_CHARS) break;
    head.push({ ...p, text: withoutAssignmentNotes(withoutLinkLabels(p.text)) });
    chars += p.text.length;
  }
  pieces = head;
  // concepts are 3 to 7 characters here (数据要素, 新质生产力, 个人信息处理者): shorter n-grams cost less to count
  // beyond five characters an n-gram is most often a concept and what is said of it (数据要素流通), unless it names an actor
  // one text for all candidates (a newline between pieces: no candidate holds one), not every piece per candidate
  const texts = [pieces.map((p) => p.text).join('\n')];
  const cands: Candidate[] = suggestEntries([{ slug, pieces }], terms, { minCount: MISSING_MIN_COUNT, max: MISSING_MAX_CHARS })
    .filter((c) => c.kind !== 'ngram' || [...c['zh-Hans']].length <= MISSING_NGRAM_CHARS || LONG_ACTOR_END.test(c['zh-Hans']))
    // a gram cut across a count (张个人专辑 of 第六张个人专辑) stands for the noun counted (个人专辑), which the
    // miner left out as its fragment
    .map((c) => (c.kind === 'ngram' && countedPiece(texts, c['zh-Hans']) ? { ...c, 'zh-Hans': c['zh-Hans'].slice(1) } : c))
    .filter((c, i, all) => all.findIndex((o) => o['zh-Hans'] === c['zh-Hans']) === i);
  // a phrase around a known entry (推进数字经济) is that entry in use, not a concept of its own — but a name
  // every reader knows (中国, generic) inside a longer word (中国式现代化) is no entry in use: that word is the concept
  const known = terms
    .filter((t) => !t.generic && !GENERIC_TERMS.has(t['zh-Hans']))
    .flatMap((t) => [t['zh-Hans'], t['zh-Hant'], ...(t.variants['zh-Hans'] ?? []), ...(t.variants['zh-Hant'] ?? [])]);
  const kept0 = cands
    .filter((c) => c.category === 'concept' || c.category === 'other')
    .filter((c) => c.kind !== 'ngram' || !known.some((k) => k.length >= 2 && c['zh-Hans'].includes(k)))
    // a term is a noun phrase: an n-gram with a particle, a modal or a pronoun in it is a piece of a sentence (部门应当, 条所称)
    .filter((c) => (c.kind !== 'ngram' || !isSentencePiece(c['zh-Hans'])) && !holdsEnumeration(c['zh-Hans']))
    // a word a third of all documents use (模型, 任务) is not specific to this one, however often it occurs
    .filter((c) => !isCommonWord(c['zh-Hans']))
    // the whole of something common (全世界) or the talk's own frame (主持, 提问): generic-concepts.ts
    .filter((c) => !genericConcept(c['zh-Hans'], isCommonWord))
    // two characters are most often a word of the language (主持, 纪录, 标签): a key concept only where the document glosses it
    .filter((c) => [...c['zh-Hans']].length > 2 || c.en !== undefined);
  // the first of two modifiers sharing one head noun (国务院财政、税务主管部门): half of a body's name, not a
  // concept; the name of a field every record repeats (发行日期：…): a label of the layout
  const kept1 = kept0.filter((c) => !modifiesSharedHead(texts, c['zh-Hans']) && !namesField(texts, c['zh-Hans']));

  // occurrences as words of the text: not inside a longer word (主持 of 主持人) nor across one (税暂行条例 of 增值税暂行条例)
  const counts = wholeWordCounts(
    pieces.map((p) => p.text),
    kept1.map((c) => c['zh-Hans']),
    [...cands.map((c) => c['zh-Hans']), ...known],
  );
  // most weight first: occurrences as scoreMissing weighs them, by how specific the phrase is to this document
  const found = kept1
    .map((c) => ({ text: c['zh-Hans'], count: counts.get(c['zh-Hans']) ?? 0, ...(c.en ? { gloss: c.en } : {}), specificity: conceptSpecificity(c['zh-Hans']) }))
    .filter((m) => m.count >= MISSING_MIN_COUNT || (m.gloss !== undefined && m.count >= 2))
    .sort((a, b) => scoreMissing(b) - scoreMissing(a) || b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  // a piece of a longer concept is that concept: 人工 and 智能 that occur mostly inside 人工智能 are not
  // concepts of their own (a shorter term that also stands alone, 数据安全 beside 数据安全保护, is kept)
  const whole = found.filter((m) => !found.some((l) => l.text.length > m.text.length && l.text.includes(m.text) && !namesActor(l.text, m.text) && l.count >= FRAGMENT_SHARE * m.count));
  // one concept once: 数据安全保护 is 数据安全 in use — but the one who does it (个人信息处理者 of 个人信息) is a concept of its own
  const kept: MissingConcept[] = [];
  for (const m of [...whole].sort((a, b) => a.text.length - b.text.length)) if (!kept.some((k) => m.text.includes(k.text) && !namesActor(m.text, k.text))) kept.push(m);
  return found.filter((m) => kept.includes(m)).slice(0, limit);
}

/**
 * A short label that introduces an address (提案投影片：https://…, 專案共筆：www.…): page furniture of a
 * scraped page, repeated under every item, not a concept of the text. Only a label standing on its own (no
 * Chinese character just before it, at most 12 characters) is one: 详见国家税务总局网站：https://… is a sentence.
 */
const LINK_LABEL = /(?<!\p{Script=Han})[\p{Script=Han}/／、·]{1,12}\s*[：:]\s*(?:https?:\/\/|www\.)[^\s\p{Script=Han}]*/gu;

/**
 * The text with its link labels and their addresses blanked (as many spaces: places in it keep their offsets),
 * so that a label which only ever introduces a link is not counted as a concept; one the text also uses
 * elsewhere keeps those occurrences.
 */
export function withoutLinkLabels(text: string): string {
  return text.includes('：') || text.includes(':') ? text.replace(LINK_LABEL, (m) => ' '.repeat(m.length)) : text;
}

/**
 * A plan's note of who carries out a task, repeated under every task ((责任单位：市科委、市经济信息化委),
 * （牵头单位：…；配合单位：…）): the plan's assignment, not a concept of the text — neither the label nor
 * the bodies it lists (counted wherever else the text names them).
 */
const ASSIGNMENT_NOTE = /[（(](?:责任|牵头|配合|主责|实施)(?:单位|部门)[：:][^（）()]*[）)]/g;

/** The text with its assignment notes blanked (as many spaces: places in it keep their offsets). */
export function withoutAssignmentNotes(text: string): string {
  return text.includes('单位') || text.includes('部门') ? text.replace(ASSIGNMENT_NOTE, (m) => ' '.repeat(m.length)) : text;
}

/** A list closed by a head noun of bodies (、税务主管部门, 、卫生健康部门, 和公安机关): what the first item shares. */
const SHARED_HEAD_AFTER = /^[、和及与][\p{Script=Han}]{1,6}?(?:主管)?(?:部门|機關|机关|机构|機構|单位|單位)/u;
/** A share of its occurrences over which a candidate followed by SHARED_HEAD_AFTER is a modifier, not a concept. */
const SHARED_HEAD_SHARE = 0.6;

/**
 * Whether `text` mostly stands as the first modifier of a head noun that follows a second one (国务院财政 of
 * 国务院财政、税务主管部门): its occurrences are counted in `texts` (at most MISSING_MINE_CHARS of them).
 */
export function modifiesSharedHead(texts: readonly string[], text: string): boolean {
  return placesWhere(texts, text, SHARED_HEAD_SHARE, (t, at) => SHARED_HEAD_AFTER.test(t.slice(at + text.length, at + text.length + 12)));
}

/** Whether at least `share` of the places of `text` in `texts` (not overlapping) pass `test` (the text, the place); false where it occurs nowhere. */
function placesWhere(texts: readonly string[], text: string, share: number, test: (t: string, at: number) => boolean): boolean {
  let all = 0;
  let passed = 0;
  for (const t of texts)
    for (let at = t.indexOf(text); at >= 0; at = t.indexOf(text, at + text.length)) {
      all++;
      if (test(t, at)) passed++;
    }
  return all > 0 && passed >= share * all;
}

/** A field's name opening its value (* 发行日期：2001年…, | 唱片公司: …): nothing of the text's own before it on the line, a colon after. */
const FIELD_BEFORE = /(?:^|[^\p{Script=Han}\p{L}\p{N}])$/u;
/** …and its value on the same line: a name alone before a colon (### 羅秉成：, a speaker's turn) introduces what follows, it is no field. */
const FIELD_AFTER = /^[ \t]*[：:][ \t]*[^\s]/;
/** A share of its occurrences over which a candidate standing as a field's name is the record's label, not a concept. */
const FIELD_SHARE = 0.6;

/**
 * Whether `text` mostly stands as the name of a field in a record (发行日期：2001年12月14日 in every entry of a
 * discography, 唱片公司：… in an infobox): a label the layout repeats, not a concept of the text. Counted in `texts`
 * (at most MISSING_MINE_CHARS of them); a word that opens a sentence and a colon (数据要素：指…) once or twice
 * among its other uses stays.
 */
export function namesField(texts: readonly string[], text: string): boolean {
  return placesWhere(texts, text, FIELD_SHARE, (t, at) => FIELD_AFTER.test(t.slice(at + text.length, at + text.length + 6)) && FIELD_BEFORE.test(t.slice(Math.max(0, at - 2), at)));
}

/** Measure words a count puts before a noun (第六张个人专辑, 三项措施, 两名代表). */
const CLASSIFIER = new Set([...'张個个位名项項条條家次部本篇首场場届屆批份座所']);
/** What counts before a measure word: a numeral (六, 两, 6), or 首/几/每/数. */
const COUNT_BEFORE = /[\p{N}〇零一二三四五六七八九十百千万萬两兩几幾首每数數]$/u;
/** A share of its occurrences over which a candidate opening on a counted measure word is a piece of the count. */
const COUNTED_SHARE = 0.6;

/**
 * Whether `text` mostly opens on the measure word of a count before it (张个人专辑 of 第六张个人专辑, 项重点任务 of
 * 三项重点任务): the noun after the count is the concept, the gram cut across the count is none. 个人信息 after
 * 的 or at a sentence's start stays a concept.
 */
export function countedPiece(texts: readonly string[], text: string): boolean {
  return CLASSIFIER.has(text[0]) && placesWhere(texts, text, COUNTED_SHARE, (t, at) => COUNT_BEFORE.test(t.slice(Math.max(0, at - 1), at)));
}

/** The one who acts (处理者, 受托人, 接收方, 监管机关, 运营单位): a word that ends a phrase naming an actor. */
const ACTOR_END = /(?:者|人|方|机关|机构|单位)$/;
/** A long n-gram naming an actor (个人信息处理者): not 人 (机器人 is a thing), a word of its own. */
const LONG_ACTOR_END = /(?:者|方|机关|机构|单位)$/;

/** Does `longer` name the one who acts on `shorter` (个人信息处理者 of 个人信息), not `shorter` in use? */
export function namesActor(longer: string, shorter: string): boolean {
  return longer.startsWith(shorter) && longer.length - shorter.length >= 2 && ACTOR_END.test(longer);
}

let common: Set<string> | undefined;

/** A two-character word found in at least a third of the shipped documents (data/common-words.ts). */
export function isCommonWord(text: string): boolean {
  common ??= new Set(COMMON_WORDS.words.split(' '));
  return common.has(text);
}

/**
 * A common word (data/common-words.ts) under a prefix of quantity (全世界, 全社会, 一开始): still a word
 * of the general language, specific to no document (generic-concepts.ts holds the prefixes).
 */
export function isGeneralWord(text: string): boolean {
  return generalUnderTotality(text, isCommonWord);
}

/** A term that occurs inside one longer candidate at least this share of its occurrences is a piece of it. */
const FRAGMENT_SHARE = 0.6;

/**
 * A piece of a sentence, not a term: an n-gram that holds a particle or a modal word (部门应当, 条所称,
 * 发展的), or that starts or ends on a word of grammar — a conjunction, preposition, pronoun or ordinal
 * (第一百 of 第一百条, 和数据, 数据和, 我们会, 万亿元), or opens on an adverb of a clause (接下来). Characters that also build content words stay allowed inside
 * a term: 能 of 智能 and 能源, 会 of 社会, 本 of 资本, 有 of 国有, 应 of 应用, 为 of 行为.
 */
const PARTICLE_OR_MODAL = /[的了着吗呢吧]|应当|应该|必须|须得|不得|可以|可能|能够|所称|所谓|怎么|什么|哪些|为何/;
/** A piece of an article or chapter number (十三条 of 第二十三条, 二章): a reference, not a concept. */
const ARTICLE_NUMBER = /^[一二三四五六七八九十百千零〇两0-9]+[条款章节项编]$/;
const GRAMMAR_EDGE_START = new Set([...'和与及或并而被把将对在从于由为是其此各每该这那之第我你他她它咱万亿']);
/** Adverbs and connectives that open a clause (接下来, 因此, 目前): a sentence's start, not a term's. */
const CLAUSE_OPENING = /^(?:接下来|然后|因此|所以|但是|而且|如果|虽然|目前|现在|已经|正在|非常|比较|也就是)/;
const GRAMMAR_EDGE_END = new Set([...'和与及或并而被把将对在从于为是其此各每该这那之过所应']);

/**
 * Adverbs of manner that open a verb phrase, the working words of policy texts (加快发展, 扎实推进, 深入实施,
 * 全面贯彻, 持续推进): what is done and how, not a concept.
 */
const ADVERB_OPENING = /^(?:加快|扎实|深入|全面|持续|大力|积极|切实|着力|不断|稳步|有序|认真|坚决|努力|继续|更加|进一步)(?=\p{Script=Han}{2})/u;
/**
 * The verbs of policy and law that take an object (加强农村, 取得个人, 推进改革): a verb and its object, not a
 * concept; and the determiners that point elsewhere (相关业务, 有关部门, 上述情形): "the … concerned", no concept of
 * the text. Two characters must follow (促进会 is a name).
 */
const VERB_OR_DETERMINER_OPENING = /^(?:加强|推进|推动|促进|完善|落实|建立|健全|提高|提升|优化|深化|强化|做好|抓好|加大|坚持|取得|相关|有关|其他|其它|上述|前述|下列|相应)(?=\p{Script=Han}{2})/u;
/** A phrase that ends on a measure (打造一个), a direction or result of the verb (参与进来, 接触到), a place within (平台内) or a time around (毕业后). */
const PHRASE_ENDING = /(?:[一这那每各某][个些种项条件]|进来|起来|下去|出来|过来|上来|下来|[内外到前后])$/;
/** A unit of measure on its own (平方公里, 千瓦时, 美元): how much of something, not a concept. */
const MEASURE_UNIT = /^(?:平方|立方)?(?:公里|千米|米|公顷|亩|吨|千克|公斤|元|美元|欧元|千瓦|兆瓦|千瓦时|万千瓦)$/;
/** Function words that, standing as words of their own at its start or inside (会|比较, 要|坚持, 雇主|因|歇业, 处理|或|利用, 宪法|和|法律 — two things joined, not one), make an n-gram a piece of a sentence. */
const FUNCTION_WORDS = new Set([...'会能要应由因就才都也还又再已曾将等或被把向从及此和与']);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** 等 standing as a word (企业等经营主体, 王等人): "and others", which closes a list, not part of a term (平等, 高等教育). */
export function holdsEnumeration(text: string): boolean {
  if (!text.includes('等')) return false;
  for (const w of segmenter.segment(text)) if (w.segment === '等') return true;
  return false;
}

/** A function word (FUNCTION_WORDS) standing as a word of its own in the n-gram, as ICU segments it, except at its end. */
function holdsFunctionWord(text: string): boolean {
  if (![...text].some((c) => FUNCTION_WORDS.has(c))) return false;
  const words = [...segmenter.segment(text)].map((w) => w.segment);
  return words.slice(0, -1).some((w) => FUNCTION_WORDS.has(w));
}

/** 要 that closes a subject and its modal (政策要…): not 要 of a word (重要, 主要, 需要, 纲要, 摘要…). */
const MODAL_YAO = /(?<![重主需纲摘概提首简必只扼紧])要$/;

/** The document naming itself (本法规定, 本条例, 本报告…): a reference to the text, not a concept in it. */
const SELF_REFERENCE = /^本(?:市|省|区|县|院|部|局|会|单位|法|条例|條例|规定|規定|办法|辦法|细则|細則|决定|決定|解释|解釋|条|條|章|节|節|标准|標準|部分|报告|報告|文件|指南|专案|專案|项目|項目|计划|計劃|計畫|平台|网站|網站|公司|机构|機構)/;

/**
 * A clause, not a term: a negated verb opening it (不在此限, 不予受理, 未经许可 — ICU keeps an idiom whole, so the
 * function-word test does not see it); a stipulating subject and its verb (法律规定, 国家鼓励, 国务院决定 — who
 * provides, not what is provided); a predicate adjective closing it (安全重要 of 安全重要物项, 十分必要).
 */
const NEGATED_VERB_OPENING = /^(?:不|未|無|无)(?:在|是|予|再|准|宜|受|属|屬|必|需|须|須|经|經|得)/;
const STIPULATING_SUBJECT = /^(?:国家|國家|法律|法规|法規|宪法|憲法|行政法规|行政法規|国务院|國務院|政府)(?:规定|規定|决定|決定|鼓励|鼓勵|支持|保护|保護|保障|要求|禁止|允许|允許|另有)$/;
/** The tail of an article reference and what it says (项规定 of 第一项规定, 條規定): a reference, not a concept. */
const ARTICLE_TAIL = /^[条條款项項章节節编編](?:规定|規定|所定|之规定|之規定)/;
const PREDICATE_ADJECTIVE_END = /(?:重要|必要|有效|显著|顯著|明显|明顯|充分|合理|可靠|可行)$/;

/** …and a verb on the document (违反本法, 依照本条例): what it is done by, not a concept. */
const SELF_REFERENCE_END = /本(?:法|条例|條例|规定|規定|办法|辦法|细则|細則|决定|決定|解释|解釋)$/;

export function isSentencePiece(text: string): boolean {
  const chars = [...text];
  return SELF_REFERENCE_END.test(text) || NEGATED_VERB_OPENING.test(text) || ARTICLE_TAIL.test(text) || STIPULATING_SUBJECT.test(text) || PREDICATE_ADJECTIVE_END.test(text) || PARTICLE_OR_MODAL.test(text) || MEASURE_UNIT.test(text) || ADVERB_OPENING.test(text) || VERB_OR_DETERMINER_OPENING.test(text) || PHRASE_ENDING.test(text) || holdsEnumeration(text) || holdsFunctionWord(text) || SELF_REFERENCE.test(text) || ARTICLE_NUMBER.test(text) || CLAUSE_OPENING.test(text) || MODAL_YAO.test(text) || GRAMMAR_EDGE_START.has(chars[0] ?? '') || GRAMMAR_EDGE_END.has(chars[chars.length - 1] ?? '');
}

/** Score of a missing concept on the scale of scoreTerm (a concept whose spread is not known: half way), × its specificity. */
export function scoreMissing(m: MissingConcept): number {
  return Math.log2(1 + m.count) * 0.75 * CATEGORY_WEIGHT.concept * (m.specificity ?? 1);
}

/**
 * The key terms: concepts, organisations, events, documents (and other) by score; people and places by
 * score after them, to fill what is left, three at most. A reader needs 安全困境 or 北约 explained, not a
 * country name. Never a name marked `generic` (中国, 美国, 习近平), never an entry whose sense belongs to
 * a subject the document is not about (`domain`; the subjects are shown by the entries found,
 * glossary/scope.ts), never an entry the text names once in passing. Key concepts the glossary lacks
 * (`missing`) compete with the concepts by score, MAX_MISSING at most, their English marked missing (MISSING_EN).
 */
export function chooseTerms(stats: TermStat[], max = 8, maxLastResort = 3, missing: readonly MissingConcept[] = [], maxMissing = MAX_MISSING): BriefTerm[] {
  // an entry the text names once, in passing, is no key term of it — unless a heading or the brief itself names it
  const present = stats.filter((s) => s.count + s.headingCount >= 2 || (s.count + s.headingCount > 0 && s.inBrief > 0));
  const subjects = new Set(subjectsOf(present.map((s) => s.term)));
  const tier = (s: TermStat) => (LAST_RESORT.has(s.term.category) ? 1 : 0);
  const ranked = present
    .filter((s) => !s.term.generic && !GENERIC_TERMS.has(s.term['zh-Hans']) && (!s.term.domain || subjects.has(s.term.domain)))
    .sort((a, b) => tier(a) - tier(b) || b.score - a.score || a.first - b.first || (a.term.id < b.term.id ? -1 : 1));
  type Row = { term: BriefTerm; score: number };
  const entry = (s: TermStat): Row => ({ term: { termId: s.term.id, text: s.term['zh-Hans'], en: s.term.en }, score: s.score });
  // a few names at most: a box of country names explains nothing
  const concepts: Row[] = ranked.filter((s) => tier(s) === 0).map(entry);
  const lacking: Row[] = missing
    .slice(0, maxMissing)
    .map((m) => ({ term: { termId: MISSING_PREFIX + m.text, text: m.text, en: MISSING_EN }, score: scoreMissing(m) }));
  // missing concepts take their place among the concepts by score (the entries first at equal score)
  const merged = [...concepts];
  for (const m of lacking) {
    const at = merged.findIndex((r) => r.score < m.score);
    merged.splice(at < 0 ? merged.length : at, 0, m);
  }
  // a person or a place only when the brief itself names it, or a heading does: a name the text passes by
  // explains nothing about it
  const names = ranked.filter((s) => tier(s) === 1 && (s.inBrief > 0 || s.headingCount > 0)).slice(0, maxLastResort).map(entry);
  return [...merged, ...names].slice(0, max).map((r) => r.term);
}
