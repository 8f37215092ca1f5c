// A plan (规划, 纲要, 行动方案, 行动计划, 实施方案) or an opinion (意见) sets targets for a year ahead (到2025年，…).
// Its summary says what the plan is for: the state it sets out to reach by that year, the sentence an
// analyst quotes first, before the measures that follow from it.
import type { SourceDoc } from '../../model.js';

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
