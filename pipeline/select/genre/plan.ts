// A plan (规划, 纲要, 行动方案, 行动计划, 实施方案) or an opinion (意见) sets targets for a year ahead (到2025年，…).
// Its summary says what the plan is for: the state it sets out to reach by that year, the sentence an
// analyst quotes first, before the measures that follow from it.
import type { Block, SourceDoc } from '../../model.js';
import type { Unit } from '../units.js';
import { hasFigure } from '../formulaic.js';

/** Words that name a document as a plan or an opinion, at the end of its title (before a bracketed period). */
const PLAN_TITLE = /(?:规划|纲要|行动方案|行动计划|实施方案|工作方案|意见)(?:[（(][^）)]*[）)])?[”」》]?$/;

/** A sentence that opens with the year it sets a target for (到2025年，… / 总体目标：到2035年，… / 展望2035年，…). */
const TARGET_OPENING = /^(?:[^，。；：:]{1,8}[：:])?(?:到|至|展望)(?:20\d\d|二〇[一二三四五六七八九〇]{2})年(?:底|末)?[，,]/;

export function isPlan(doc: SourceDoc): boolean {
  return PLAN_TITLE.test((doc.meta.title ?? '').trim());
}

/** The sentence states the target of a year (see TARGET_OPENING). */
export function targetOpening(text: string): boolean {
  return TARGET_OPENING.test(text.trim());
}

/** A heading over the projects a plan lists (实施重大工程项目, 重点工程, 专项行动): each a project, not the plan's gist. */
const PROJECTS_HEADING = /重大工程|重点工程|工程项目|重大项目|重点项目|专项行动/;

export function projectsHeading(heading: string): boolean {
  return PROJECTS_HEADING.test(heading);
}

/**
 * A figure the plan sets as a target: a verb of reaching, raising, cutting or holding with a figure after it
 * (…覆盖率达到90%, …规模达1000亿元, …缩短至10小时以内, …死亡人数下降15%, …控制在5%以内, 不低于…). A figure the text reports as
 * reached (2020年…达到7.8%) reads alike: plannedFigure asks where the sentence stands too.
 */
const TARGET_FIGURE =
  /(?:达(?=\s*[0-9０-９])|达到|提高到|提升到|提高至|提升至|增加到|增加至|增长到|增长至|扩大到|扩大至|降低到|降低至|降到|降至|下降到?|减少到?|缩短[到至]|缩减[到至]|控制在|保持在|稳定在|不低于|不少于|不超过|超过|突破)[^，。；：:]{0,16}?[0-9０-９]/;

/** A section that states a plan's goals: 主要目标, 发展目标, 总体目标, 目标任务, 主要指标. */
const GOALS_HEADING = /目标|指标/;

/** The sentence sets a figure the way a target does (TARGET_FIGURE), wherever it stands. */
export function targetFigure(text: string): boolean {
  return TARGET_FIGURE.test(text);
}

/** A plan's quantified target: a target figure (TARGET_FIGURE) under a goals heading, or in a sentence that opens with the target's year. */
export function plannedFigure(text: string, headings: readonly string[]): boolean {
  if (!targetFigure(text)) return false;
  return targetOpening(text) || headings.some((h) => GOALS_HEADING.test(h));
}

/** Paragraphs back a numbered title is looked for. */
const RUN_IN_REACH = 24;

/** A task's or a goal's numbered title standing as a paragraph of its own ((三)主要目标。), as a plain text gives it. */
const RUN_IN_TITLE = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.．、])\s*[^。！？；，,]{2,16}。?$/;

/**
 * The numbered title over a paragraph in its own section, when the reader left it a paragraph (a plain text's
 * （三）主要目标。 over its goals): the nearest such paragraph before it, or undefined.
 */
export function runInTitle(blocks: readonly Block[], before: number): string | undefined {
  // a goal stands a few paragraphs under its title: a bounded look back, whatever the section's length
  for (let i = before - 1; i >= Math.max(0, before - RUN_IN_REACH); i--) {
    const b = blocks[i];
    if (b.type !== 'paragraph') continue;
    const t = b.segments.map((x) => x.text).join('').trim();
    if (RUN_IN_TITLE.test(t)) return t;
  }
  return undefined;
}

/**
 * A section that states a plan's or a policy's guiding ideology or principles (（一）指导思想, （二）基本原则, 工作原则), or
 * its general requirements without a subsection (一、总体要求 written as one paragraph): the genre's formulas
 * (以…为指导, 坚持…, 聚焦重点、发挥优势…), said of every plan; its measures and targets are what this one does.
 */
const PRINCIPLES_HEADING = /^(?:[^，,。；;]{0,20}的)?(?:指导思想|指導思想|基本原则|基本原則|工作原则|工作原則|主要原则|主要原則|指导原则|指導原則|总体要求|總體要求)[。.：:]?$/;

/** The heading (its number stripped) names a plan's ideology, principles or general requirements. */
export function principlesHeading(heading: string): boolean {
  return PRINCIPLES_HEADING.test(heading.trim().replace(/^(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．\s]|[0-9]{1,2}[.．、\s])\s*/, '').trim());
}

/**
 * The unit states a plan's guiding ideology or principles: its section's own heading names them (（二）基本原则, or
 * 总体要求 with no subsection), or the run-in label opening its paragraph or list item does (（一）指导思想。…). A
 * target (到2035年，…, a figure) under 总体要求 is not one.
 */
/**
 * A sentence that opens on the guiding-ideology clause itself (以…思想为指导，…; 坚持以…理论为指引，…), wherever it
 * stands: the genre's principles in one sentence, as under a 指导思想 heading.
 */
const GUIDING_OPENING = /^(?:坚持|堅持|始终|始終|要)?以[^，,。；;]{2,60}(?:思想|理论|理論|精神|重要论述|重要論述)为(?:指导|指導|指引|引领|引領)[，,]/;

export function underPrinciples(u: Unit): boolean {
  const t = u.segment.text;
  if (targetOpening(t) || targetFigure(t) || hasFigure(t)) return false;
  if (principlesHeading(u.section.heading ?? '') || GUIDING_OPENING.test(t)) return true;
  const b = u.block;
  const first = b.type === 'paragraph' ? b.segments[0] : b.type === 'list' && u.itemIndex !== undefined ? b.items[u.itemIndex]?.segments[0] : undefined;
  return first !== undefined && first !== u.segment && principlesHeading(first.text);
}
