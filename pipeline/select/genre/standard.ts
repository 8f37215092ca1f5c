// Standards (国家标准, 行业标准, their drafts; recognised by ingest/genre/standard.ts): a brief of one says
// what the standard covers, what it has assessed or specified, and what it requires. Three things follow
// for its summary and points:
//   - a point is a clause that is a sentence: a list entry (与设计相关安全基准的符合性；) or a lead-in
//     running into its list without a colon (…，可采用以下方法) is part of a longer sentence, never a point;
//   - a requirement (…应…, …须…, 不得…) says what the standard asks, and is preferred;
//   - the text before the first numbered clause — the cover, the 前言 and the 引言 — says why the
//     standard was written (the regulations behind it, the series it belongs to): background, not what it
//     specifies, so it neither opens the summary as a preamble nor wins points over the clauses.
import type { SourceDoc } from '../../model.js';
import type { Unit } from '../units.js';

export function isStandard(doc: SourceDoc): boolean {
  return doc.genre === 'standard';
}

/**
 * A requirement's modal verb: 应/应当/须/必须/不得/禁止. 应 is the modal only where it is not part of
 * another word (适应, 响应, 反应, 相应, 对应, 供应, 效应, 以应对, 应用, 应急, 应变).
 */
const REQUIREMENT = /(?<![适响反相对供效回呼感报顺答照内以])应(?![用急变激])|(?<![无毋])须|不得|禁止|严禁/;

export function requirementCue(text: string): string | undefined {
  return REQUIREMENT.exec(text)?.[0];
}

/** A sentence's end (。！？, closers after it): a clause that has one is a sentence of its own. */
const SENTENCE_END = /[。！？!?][”’」』）)】》\s]*$/;

/** A clause of a standard that is no sentence of its own: a list entry ending ；/，, or a line without an end. */
export function unendedClause(text: string): boolean {
  return !SENTENCE_END.test(text.trim());
}

/** The front matter before a standard's first clause (cover, 前言, 引言): an unheaded first section. */
export function frontMatter(doc: SourceDoc, u: Unit): boolean {
  const first = doc.sections[0];
  return doc.sections.length > 1 && !!first && !first.heading.trim() && u.path[0] === first;
}

/** What a standard's clause weighs more or less in its summary and points. */
export const REQUIREMENT_BONUS = 0.15;
export const FRONT_MATTER_PENALTY = 0.3;

/**
 * A sentence that lists the steps or parts of something after a colon (执行阶段的工作包括：…，…，…等。 评价内容
 * 主要有：…): what a phase holds, not what the standard is for or requires — ranked below its requirements.
 */
const STEP_LIST = /^[^，,。；;：:]{1,30}?(?:包括|包含|主要有|分为|如下|有以下)[^，,。；;：:]{0,6}[：:]/;

export function stepList(text: string): boolean {
  return STEP_LIST.test(text.trim());
}

/** What a list of steps loses in a standard's summary and points. */
export const STEP_LIST_PENALTY = 0.25;
