// Sentences that are not findings because of where they stand in the document, which exclude.ts (one
// sentence at a time) cannot see:
//   meta             a sentence naming the document's own title, or the series its title belongs to
//                    (《<title>》为上述15项标准之一…), or with its title or series as subject saying what
//                    it does as a document (2024 某某年度报告以…为核心，通过九大篇章全方位展现…), or the
//                    kind its title names as that subject (2024 年的开源大事记，既记录了…): the document
//                    about itself
//   definition body  the body of a term entry — a term line (定期安全评价 periodic safety review, or a
//                    numbered 3.2 term) and then the definition without its subject (对…作出的综合评价。):
//                    alone it is no sentence
//   spoken           a speaker's first person (我认为…, 我们分析了…) in a passage under a question or a
//                    speaker label (### 羅秉成：): what one person said, which belongs with their name in
//                    the voices, not among the document's findings. An interview's answers are its
//                    content and stay; a speech's 我 is its author's.
//   glossary entry   a list item that is a term and its explanation (模型压缩：减小模型大小的技术；, or a
//                    term with its English: 多代理系统（Multi-agent system）：…), or one of a list of such (量化：降低模型数值精度以减少存储需求。): a word explained, not a finding
//   chair            a short turn (two sentences at most) of the speaker who runs the event — whose
//                    turns open or close it, give its order or open the floor (欢迎参加记者会, 流程会先
//                    请…, 今天记者会就到这边: exclude.ts chairsEvent): a moderator's words are never a
//                    point or a voice; a spokesperson's long briefing stays
// (and, not exclusions: the items of a list a lead-in opens — listedItems — are parts of its sentence;
// such an item that is only a noun phrase (…发布的《契税暂行条例》。) or a list of things is never an item:
// nounPhraseItem, enumerationItem)
import type { SourceDoc } from '../model.js';
import { firstPerson } from './cues.js';
import { chairsEvent, type Exclusion } from './exclude.js';
import type { Unit } from './units.js';

const squash = (s: string) => s.replace(/\s+/g, '');

/** The document's titles, without spaces: the title, the short title and the title lines. */
function titlesOf(doc: SourceDoc): string[] {
  const t = [doc.meta.title, doc.meta.shortTitle, doc.titleSegments.map((s) => s.text).join('')];
  return [...new Set(t.filter((x): x is string => !!x && x.trim().length >= 4).map(squash))];
}

/** A name for a document (…报告, …白皮书, …篇): a series or an outlet that is the document's own collection. */
const DOCUMENT_NAME = /(?:报告|報告|白皮书|白皮書|蓝皮书|藍皮書|年鉴|年鑑|大事记|大事記|指南|手册|手冊|综述|綜述|篇)$/;

/** The kind of document a title names (大事记篇 → 大事记, …年度报告 → 报告). */
const DOCUMENT_KIND = /(大事记|大事記|年鉴|年鑑|白皮书|白皮書|蓝皮书|藍皮書|报告|報告|指南|手册|手冊|综述|綜述)篇?$/;

/**
 * The document by its kind, for its period or subject (2024 年的开源大事记，既记录了…, 今年的报告…): a
 * subject of at most a year and a few words ending on the kind its title names.
 */
function byKind(text: string, titles: readonly string[]): boolean {
  const kinds = [...new Set(titles.map((t) => DOCUMENT_KIND.exec(t)?.[1]).filter((k): k is string => !!k))];
  for (const k of kinds) {
    const m = new RegExp(`^(?:[0-9]{4}年度?的?|今年的?|本年度的?|这份|這份)?[^，,。；;]{0,8}?${k}[，,]?(?:既|也|不仅|不僅|主要|则|則)?`).exec(text);
    if (m && COMPOSES.test(text.slice(m[0].length))) return true;
  }
  return false;
}

/** The names the document goes by as a subject: its titles, and its series or outlet when that names a document. */
function ownNamesOf(doc: SourceDoc, titles: readonly string[]): string[] {
  // a title that names a subject (人工智能, an encyclopedia's article) is no document's name: only one
  // that names a document (…报告, …篇) counts, or any title in 《》 (describesItself)
  const names = [...titles, doc.meta.series, doc.meta.outlet].filter((x): x is string => !!x && DOCUMENT_NAME.test(x.trim())).map(squash);
  return [...new Set(names)].filter((n) => [...n].length >= 4);
}

/**
 * What the document does as a document, said right after its name: built around a core (以…为核心), set
 * out in parts (通过九大篇章…), presenting or covering its matter (全方位展现, 系统梳理, 涵盖…).
 */
const COMPOSES = /^(?:[（(][^（）()]{1,20}[）)])?(?:以[^，,。；]{1,30}?为(?:核心|主线|基础|出发点|视角|切入点|重点)|通过[^，,。；]{0,16}?(?:篇章|章节|部分|篇|章)|(?:将|从)?(?:全方位|全面|系统|深入|集中)?(?:地)?(?:展现|展示|呈现|揭示|梳理|记录|汇集|聚焦|涵盖|分为|共分|收录|概述|回顾|总结)(?:了)?)/;

/** A sentence with one of the document's own names as its subject, saying what it does as a document. */
function describesItself(text: string, names: readonly string[], titles: readonly string[]): boolean {
  const t = squash(text);
  // a title in 《》 is the document's name, whatever it says
  const quoted = /^(?:[^，,。；]{1,8}[，,])?《([^》]+)》/.exec(t);
  const all = quoted && titles.includes(quoted[1]) ? [...names, quoted[1]] : names;
  const at = (x: string) => all.find((n) => x.startsWith(n));
  const rest = (x: string) => {
    const n = at(x);
    return n !== undefined && COMPOSES.test(x.slice(n.length));
  };
  const unquote = (x: string) => x.replace(/^《([^》]+)》/, '$1');
  const lead = /^[^，,。；]{1,8}[，,]/.exec(t);
  return rest(unquote(t)) || (!!lead && rest(unquote(t.slice(lead[0].length)))) || byKind(t, titles);
}

/** A part's designation and what follows it: 第1部分：通用要求, 第6部分：…, Part 2: … */
const PART = /(?:第[一二三四五六七八九十0-9]{1,3}(?:部分|篇|卷|册)|Part[0-9]+)(?:[：:·—\-].*)?$/i;

function split(t: string): { head: string; part?: string } {
  const m = PART.exec(t);
  return m ? { head: t.slice(0, m.index), part: m[0] } : { head: t };
}

/**
 * The document by a name: its title; the same part of the same series (《核电厂定期安全评价 第6部分：…》 for
 * 核电厂定期安全评价指南 第6部分：…); or the series the document is a part of (《核电厂定期安全评价》).
 */
function isOwnName(name: string, title: string): boolean {
  if (name === title) return true;
  const n = split(name);
  const t = split(title);
  if (!t.part || [...n.head].length < 4 || !t.head.startsWith(n.head)) return false;
  return !n.part || n.part === t.part;
}

function namesItself(text: string, titles: readonly string[]): boolean {
  for (const m of text.matchAll(/《([^《》]{2,80})》/g)) if (titles.some((t) => isOwnName(squash(m[1]), t))) return true;
  return false;
}

/** A term line with its English equivalent: Han term, a space, a Latin phrase (总体评价 global assessment). */
const TERM_WITH_GLOSS = /^\s*(?:[0-9]{1,2}(?:[.．][0-9]{1,2}){1,3}\s*)?\p{Script=Han}[\p{Script=Han}A-Za-z0-9（）()·、/\-]{0,24}\s+[A-Za-z][A-Za-z \-,'’()/]{1,80}$/u;
/** A numbered term alone on its line (3.2 总体评价): a term, when its body has no subject. */
const NUMBERED_TERM = /^\s*[0-9]{1,2}[.．][0-9]{1,2}(?:[.．][0-9]{1,2})?\s*\p{Script=Han}[^。！？!?；;，,：:\s]{0,24}$/u;
/** A definition body opening without a subject: a preposition or a modifier (对…, 以…, 在…, 由…, 用于…). */
const SUBJECTLESS = /^(?:对|以|在|由|用于|用来|为了|按照|依据|根据|通过|经|将|从|与|针对)/;

function definitionBody(u: Unit, prev: Unit | undefined): boolean {
  if (!prev || u.posInBlock !== 0 || prev.block === u.block) return false;
  const line = prev.segment.text.trim();
  if (TERM_WITH_GLOSS.test(line)) return true;
  return NUMBERED_TERM.test(line) && SUBJECTLESS.test(u.segment.text.trim());
}

/**
 * A heading that asks (…？) or labels a speaker (羅秉成：, 访谈嘉宾：…): what is under it is someone's
 * talk, as is a sentence ingestion gave a speaker (a transcript's turn, a quote).
 */
const QUESTION_HEADING = /[？?]\s*$/;
const SPEAKER_HEADING = /^\s*[^，,。；;：:\s][^，,。；;：:]{0,23}[：:]\s*$/;

/** Who speaks a unit in a transcript: the speaker ingestion gave it, or the speaker label heading its section. */
function turnSpeaker(u: Unit): string | undefined {
  if (u.segment.speaker?.name) return u.segment.speaker.name;
  for (let i = u.path.length - 1; i >= 0; i--) if (SPEAKER_HEADING.test(u.path[i].heading)) return u.path[i].heading.trim().replace(/[：:]$/, '');
  return undefined;
}

/**
 * The speakers who run the event: any of their turns says what only a chair says (chairsEvent). Only in
 * a record of several speakers, and never one who says most of it (a speech's one speaker opening it).
 */
function chairs(units: readonly Unit[]): Set<string> {
  const said = new Map<string, number>();
  const out = new Set<string>();
  let turns = 0;
  for (const u of units) {
    const who = turnSpeaker(u);
    if (!who) continue;
    turns++;
    said.set(who, (said.get(who) ?? 0) + 1);
    if (chairsEvent(u.segment.text)) out.add(who);
  }
  if (said.size < 2) return new Set();
  for (const who of out) if (said.get(who)! * 2 > turns) out.delete(who);
  return out;
}

/**
 * The chair's short turns (two sentences at most: handing on, thanking, announcing the next speaker): the
 * running of the event. A long turn of theirs is a briefing (a spokesperson announcing decisions) and
 * stays content, its procedure sentences excepted (exclude.ts).
 */
function chairTurns(units: readonly Unit[]): Set<Unit> {
  const chair = chairs(units);
  const out = new Set<Unit>();
  if (!chair.size) return out;
  let turn: Unit[] = [];
  const close = () => {
    if (turn.length && turn.length <= 2 && chair.has(turnSpeaker(turn[0])!)) for (const u of turn) out.add(u);
    turn = [];
  };
  for (const u of units) {
    const who = turnSpeaker(u);
    const prev = turn[turn.length - 1];
    // a turn: the same speaker's sentences one after another (under one label or several in a row)
    if (!prev || who !== turnSpeaker(prev)) close();
    if (who) turn.push(u);
  }
  close();
  return out;
}

function spokenPassage(u: Unit): boolean {
  return u.role === 'quote' || !!u.segment.speaker?.name || u.path.some((s) => QUESTION_HEADING.test(s.heading) || SPEAKER_HEADING.test(s.heading));
}

/** A term, a colon, and the body: a glossary-style item (知识蒸馏：将…的方法；). */
const TERM_LABEL = /^[\p{Script=Han}A-Za-z0-9·/\- ]{1,16}(?:[（(][^（）()：:]{1,60}[）)])?\s*[：:]\s*/u;

/** The body of a `term：body` item, if it is one. */
function termBody(text: string): string | undefined {
  const m = TERM_LABEL.exec(text.trim());
  return m ? text.trim().slice(m[0].length) : undefined;
}

/** A term with its English in brackets, then a colon (AI 代理系统（AI agent system）：…): a glossary's entry. */
const GLOSSED_TERM = /^[\p{Script=Han}A-Za-z0-9·/\- ]{1,16}[（(][A-Za-z][A-Za-z0-9 ,，.'’\-/]{1,60}[）)]\s*[：:]\s*\S/u;

/** A `term：noun phrase` item (减小模型大小的技术；) or a term with its English and a colon: the term explained. */
function glossed(text: string): boolean {
  if (GLOSSED_TERM.test(text.trim())) return true;
  const body = termBody(text);
  return body !== undefined && NOUN_PHRASE.test(body);
}

/**
 * Glossary entries: list items `term：explanation` whose explanation is a noun phrase, and the items of
 * one clause (no comma) of the same list when one of its items is such an entry.
 */
function glossaryEntries(units: readonly Unit[]): Set<Unit> {
  const out = new Set<Unit>();
  // runs of `term：…` items one after another in a section (one list, or lists of one item each)
  const runs: Unit[][] = [];
  units.forEach((u, k) => {
    if (u.role !== 'item' || u.posInBlock !== 0 || termBody(u.segment.text) === undefined) return;
    const prev = units[k - 1];
    const run = runs[runs.length - 1];
    if (run && prev && run[run.length - 1] === prev && prev.section === u.section) run.push(u);
    else runs.push([u]);
  });
  for (const items of runs) {
    const any = items.some((u) => glossed(u.segment.text));
    for (const u of items) {
      const body = termBody(u.segment.text)!;
      // a part's function without its subject (配置器：负责安排和控制整体操作。) explains the term too
      if (glossed(u.segment.text) || FUNCTION_BODY.test(body) || (any && !/[，,]/.test(body))) out.add(u);
    }
  }
  return out;
}

/** A body that states what the term is for, without a subject: 负责…, 用来…, 用于…. */
const FUNCTION_BODY = /^(?:主要)?(?:负责|負責|用来|用來|用于|用於|用以|专门|專門|专指|專指|是指|指)/;

/** Why, by its place in the document, a unit can never be an item (or undefined); see the header. */
export function structuralExclusions(doc: SourceDoc, units: readonly Unit[], interview: boolean, speech = false): Map<Unit, Exclusion | 'spoken'> {
  const out = new Map<Unit, Exclusion | 'spoken'>();
  const titles = titlesOf(doc);
  const names = ownNamesOf(doc, titles);
  const chairing = chairTurns(units);
  const glossary = glossaryEntries(units);
  units.forEach((u, k) => {
    const t = u.segment.text;
    if (chairing.has(u)) out.set(u, 'meta');
    // the title again as a line of the text (a cover or a running head), or a sentence that names it
    else if (titles.some((x) => isOwnName(squash(t), x)) || (t.includes('《') && namesItself(t, titles)) || describesItself(t, names, titles)) out.set(u, 'meta');
    else if (definitionBody(u, units[k - 1])) out.set(u, 'definition body');
    else if (glossary.has(u)) out.set(u, 'glossary entry');
    // at a press conference (a speech-like record), an official's 我们 is their office announcing
    else if (!interview && firstPerson(t, !speech) && spokenPassage(u)) out.set(u, 'spoken');
  });
  return out;
}

/**
 * The answers of a transcript's questions: in a text of speaker turns (sections headed by a speaker
 * label, or sentences with their speaker, as a press conference's record), every turn's sentence after
 * the first question. What
 * comes before — the announcements and decisions the meeting was called for — is what a brief reports
 * first; answers are talk around them (an interview, whose questions are marked, is not a transcript here).
 */
export function transcriptAnswers(units: readonly Unit[]): Set<Unit> {
  const out = new Set<Unit>();
  let asked = false;
  // a record whose questions ingestion marked as asked is read as questions and answers already
  if (units.some((u) => u.segment.asked)) return out;
  // one speaker throughout, hosts aside (a talk that takes questions from the floor and reads them out
  // itself): the answers are the talk, there are no announcements for them to talk around
  const turns = units.map(turnOf).filter((x): x is string => !!x);
  const bySpeaker = new Map<string, number>();
  for (const t of turns) bySpeaker.set(t, (bySpeaker.get(t) ?? 0) + 1);
  if (turns.length && Math.max(...bySpeaker.values()) >= ONE_SPEAKER * turns.length) return out;
  for (const u of units) {
    // a turn: a section headed by its speaker, or a sentence ingestion gave a speaker
    const turn = u.segment.speaker?.name || u.path.some((s) => SPEAKER_HEADING.test(s.heading));
    if (!turn) continue;
    const question = u.excluded === 'question';
    if (question) asked = true;
    else if (asked) out.add(u);
  }
  return out;
}

/** The share of a record's sentences one speaker holds for it to be that speaker's talk. */
const ONE_SPEAKER = 0.9;

/** Who speaks a unit: the speaker ingestion gave it, else the speaker label heading its turn. */
function turnOf(u: Unit): string | undefined {
  return u.segment.speaker?.name?.trim() || u.path.find((s) => SPEAKER_HEADING.test(s.heading))?.heading.trim().replace(/[：:]$/, '');
}

/**
 * An enumerated item: a list's item, or a paragraph opening with an item number ((七), （三）, 2., 3）, ①)
 * or with the dash a standard's lists use (——第1部分：…；).
 */
const ITEM_NUMBER = /^\s*(?:[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]|[0-9]{1,2}[.．、)）](?![0-9])|[\u2460-\u2473]|——(?=\S))/;

const enumerated = (u: Unit) => u.role === 'item' || ITEM_NUMBER.test(u.segment.text);

/**
 * A sentence that announces the steps listed after it, with a full stop instead of a colon (用户的请求会经过如图所示的
 * 几个阶段。 流程分为以下三步。): each step is one part of the sequence, as an item after a colon is.
 */
const STEPS_ANNOUNCED = /(?:以下|如下|下列|下面|几个|幾個|[一二三四五六七八九十两兩0-9]+\s*[个個])[^，,。；;]{0,6}?(?:阶段|階段|步骤|步驟|步|环节|環節|过程|過程|流程)[。.]\s*$/;

/**
 * The items of a list that a lead-in ending with a colon (or a STEPS_ANNOUNCED) opens (…还应适用以下暂行条例：, then （一）…发布的
 * 《…条例》；): each finishes the lead-in's sentence — often a noun phrase without a predicate — and
 * says nothing alone. A sentence of the summary is never one.
 */
export function listedItems(units: readonly Unit[]): Set<Unit> {
  return itemsUnder(units, (lead) => /[：:]\s*$/.test(lead) || STEPS_ANNOUNCED.test(lead));
}

/** The enumerated units (list items, numbered paragraphs) whose lead-in — the unit before their run, in the same section — passes `isLead`. */
function itemsUnder(units: readonly Unit[], isLead: (text: string) => boolean): Set<Unit> {
  const out = new Set<Unit>();
  units.forEach((u, k) => {
    if (!enumerated(u)) return;
    let j = k - 1;
    while (j >= 0 && units[j].section === u.section && enumerated(units[j])) j--;
    const lead = units[j];
    if (lead && lead.section === u.section && isLead(lead.segment.text)) out.add(u);
  });
  return out;
}

/**
 * A lead-in that announces the steps of a procedure (区块定稿的过程包含 4 个步骤：, 操作流程如下：, 分为以下三步：):
 * its items are the steps, each an instruction without a subject (验证交易；发放奖励；) whose order and
 * purpose the lead-in and the list hold — cut from them, a step states nothing.
 */
const PROCEDURE_LEAD =
  /(?:步骤|步驟|流程|工序|(?:[0-9０-９一二三四五六七八九十两兩几幾]+|以下|如下)\s*[个個]?\s*(?:步|阶段|階段|环节|環節))\s*(?:如下|是|为|為|包括|包含|主要有|有|分别是|分別是|依次是|依次为)?\s*[：:]\s*$/;

/** The items of a list of steps (see PROCEDURE_LEAD): a list's items, or numbered paragraphs, right under such a lead-in. */
export function procedureSteps(units: readonly Unit[]): Set<Unit> {
  return itemsUnder(units, (lead) => PROCEDURE_LEAD.test(lead.trim()));
}

/**
 * A list item that is only a noun phrase: one clause, no comma, ending on 的 and a 《title》 or a noun of
 * kind (方法, 技术, 情形…) (国务院1993年12月12日发布的《…条例》；, 国家规定的其他情形。, 减小模型大小的技术；);
 * 的 and any other noun may end a sentence (研究人员利用基准了解变化带来的影响。). Under its lead-in it names a thing; alone it
 * states nothing.
 */
const KIND_NOUN =
  '(?:技术|技術|方法|方式|手段|过程|過程|能力|模型|系统|系統|平台|工具|框架|机制|機制|算法|演算法|概念|理论|理論|总称|總稱|统称|統稱|简称|簡稱|现象|現象|状态|狀態|行为|行為|措施|程序|组织|組織|机构|機構|文件|标准|標準|规范|規範|制度|指标|指標|集合|领域|領域|产品|產品|服务|服務|项目|項目|情形|事项|事項|情况|情況|人员|人員|单位|單位|企业|企業|条例|條例|办法|辦法|规定|規定)';
const NOUN_PHRASE = new RegExp(`^[^，,；;：:。！？!?]*的(?:《[^《》]{1,60}》|\\p{Script=Han}{0,8}${KIND_NOUN})[；;。.]?$`, 'u');

export function nounPhraseItem(text: string): boolean {
  return NOUN_PHRASE.test(text.trim().replace(ITEM_NUMBER, ''));
}

/**
 * A list item that only lists things: one clause (no comma, colon), four or more of them set apart by 、
 * (反应堆厂房；核辅助厂房、电气厂房、燃料厂房、泵站等构筑物。, 记录（改造记录、大修报告、…等）。). Under its
 * lead-in (…包括：) it names what is included; alone it states nothing.
 */
export function enumerationItem(text: string): boolean {
  const t = text.trim().replace(ITEM_NUMBER, '');
  return !/[，,：:]/.test(t) && (t.match(/、/g)?.length ?? 0) >= 3;
}
