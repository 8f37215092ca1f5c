// Sentences that never become items, whatever their score: they are not statements of the document's
// content. Each kind is defined by its structure (punctuation, person, verb, position), never by any
// one document's wording:
//   question     ends with a question mark (吗/呢…？ included), outside or inside closing quotes
//   salutation   a short line ending with a colon that addresses people (各位…：, 同志们：, 尊敬的…：)
//   meta         the document or the speaker talking about the document or the meeting itself:
//                first person + 代表/向… + a reporting verb (我代表…向大会报告工作), a request to the
//                meeting (请予审议), 本报告/本文/本部分… + a verb of composing (梳理, 分为, 规定了…),
//                or a part describing itself (第三部分为…, 第二章介绍…)
//   citation     a source line: a dash, a name, a colon, a 《title》 and a year (– 某某：《…》，2013年…)
//   caption      图/表/Figure/Table + a number at the start, then a space, a colon or nothing
//   fused        a section number and a heading run into the body text without punctuation
//                (一、2023年工作回顾过去一年…: ingestion missed the heading's end), or a heading run
//                into a body that opens with the same words (强人工智能强人工智能观点认为…)

/** A question: the sentence's last mark (before closing quotes or brackets) is a question mark. */
const QUESTION = /[？?][”’」』）)\]"']*\s*$/;

/** A short line ending with a colon… */
const SALUTATION_LINE = /^[^。；;！!？?]{1,20}[：:]$/;
/** …that addresses people: a plural or an honorific of address (genre words of speeches and letters). */
const ADDRESSEE = /们|各位|诸位|尊敬的|亲爱的|代表|委员|来宾|嘉宾|朋友|女士|先生|同志|同学|同仁|老师|领导/;

/** First person reporting to a body: 我(们)…代表…/向…  + 报告/汇报/作…说明/报告工作. */
const FIRST_PERSON_REPORT =
  /(?:^|[，,。\s])(?:现在|下面|首先)?[，,]?(?:我|我们|本人)(?:谨)?(?:代表[^。；！？]{0,30}?)?(?:[，,]?向[^。；！？]{0,20}?)?(?:[，,]?(?:就[^。；！？]{0,20}?))?(?:报告|汇报|作[^。；！？]{0,10}?(?:报告|说明)|说明)/;
/** A request to the meeting addressed (请予审议, 请…提出意见): procedure, not content. */
const REQUEST_TO_MEETING = /请(?:予|大会|各位[^。；！？]{0,10}?)(?:审议|批准|提出意见)/;
/** The document describing itself: 本报告/本文/本研究/本章… + a verb of composing or structure. */
const SELF_DESCRIPTION =
  /^(?:[^，,。]{0,8}[，,])?(?:本(?:报告|文|研究|章|节|书|篇|部分|课题|期)|这份报告|这篇(?:文章|报告))(?:[^，,。；]{0,6}?)(?:将|拟|首先|主要|旨在|试图|尝试|聚焦|围绕|梳理|介绍|回顾|概述|阐述|探讨|讨论|考察|分为|共分|包括|由|规定了|适用于|从[^，,。]{0,12}(?:角度|方面|出发)|分(?:[一二三四五六七八九十两0-9]+)?(?:个)?部分)/;

/** A part of the document naming what it holds: 第三和第四部分为…, 第二章介绍… (its outline, not its content). */
const PART_DESCRIPTION =
  /^(?:本(?:报告|文)的?)?第[一二三四五六七八九十0-9]{1,3}(?:[和、至到及与]第?[一二三四五六七八九十0-9]{1,3})*(?:部分|章|节|篇)(?:[^，,。；]{0,4}?)(?:为|是|将|介绍|分析|梳理|回顾|讨论|探讨|阐述|概述|总结|聚焦|围绕|包括|主要|从|通过)/;

/** A source line of a quotation: (–|—|——) name ： 《title》 … year. */
const CITATION = /^\s*(?:[-–—―]{1,2}|[-–—―]{2})?\s*[^：:，,。《》]{1,16}[：:]\s*《[^》]{1,80}》[^。]{0,60}?(?:1[89]|20)[0-9]{2}\s*年/;

/** A caption: 图/表/Figure/Table with a number (Arabic or Chinese, 2-1 / 3.2 too) at the very start. */
const CAPTION = /^\s*(?:图|表|附图|附表|Figure|Fig\.|Table)\s*(?:[0-9０-９]+(?:[-.．–][0-9０-９]+)*|[一二三四五六七八九十]{1,3})(?=\s|[：:.．、]|$)/i;

/** Section number at the start (一、 （三） 3. 3.2 第二章 第十条): not sentence content. */
export const SECTION_NUMBER =
  /^\s*(?:第[一二三四五六七八九十百零〇0-9]{1,4}[章节部分篇条款]\s*|[一二三四五六七八九十]{1,3}[、．.]\s*|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]\s*|[0-9]{1,2}(?:[.．][0-9]{1,2})*[、．.](?![0-9])\s*|[0-9]{1,2}(?:[.．][0-9]{1,2})+\s+)/;

/** The text without a leading section number (一、 （三） 3.): the rest is the sentence. */
export function stripSectionNumber(text: string): string {
  const m = SECTION_NUMBER.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  return rest.trim() ? rest : text;
}

/**
 * A heading fused with the body: after a section number, a run with no punctuation at all before the
 * first clause mark that repeats a phrase of three or more characters (the body taking up the heading's
 * words) or is at least 24 characters long, which reads as heading + sentence run together (a run-in
 * heading ends with 。 or ：, and a numbered sentence has a clause mark early).
 */
function fusedHeading(text: string): boolean {
  const m = SECTION_NUMBER.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length);
  const run = /^[^，,。；;：:！!？?、“”《》（）()]*/.exec(rest)![0];
  if ([...rest].length <= [...run].length) return false;
  // the body repeats the heading's words (一、工作回顾过去一年…过去一年), or the run is longer than a clause
  return [...run].length >= 24 || /(\p{Script=Han}{3,}).*\1/u.test(run);
}

/**
 * A heading run into its body that repeats the heading's words (强人工智能强人工智能观点认为…): the
 * same run of three or more characters twice at the very start, which no sentence writes.
 */
const REPEATED_OPENING = /^(\p{Script=Han}{3,12})\1/u;

export type Exclusion = 'question' | 'salutation' | 'meta' | 'citation' | 'caption' | 'fused heading';

/** Why a sentence may never be an item, or undefined when it may. */
export function exclusionOf(text: string): Exclusion | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (QUESTION.test(t)) return 'question';
  if (SALUTATION_LINE.test(t) && ADDRESSEE.test(t)) return 'salutation';
  if (CITATION.test(t)) return 'citation';
  if (CAPTION.test(t)) return 'caption';
  if (FIRST_PERSON_REPORT.test(t) || REQUEST_TO_MEETING.test(t) || SELF_DESCRIPTION.test(t) || PART_DESCRIPTION.test(t)) return 'meta';
  if (fusedHeading(t) || REPEATED_OPENING.test(t)) return 'fused heading';
  return undefined;
}
