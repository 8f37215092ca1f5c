// A title that only names the kind of document (编制说明, 说明, 前言, 报告, 通知…) says nothing of which one
// it is: such a title is completed from where the document names itself — the work it is about, in
// 《》, in its first lines (《核电厂定期安全审查指南 第7部分：经验反馈》编制说明). A title that names its
// document stays as it is.
import type { SourceDoc } from '../model.js';
import { applyMeta } from './meta.js';
import { docSegments } from './walk.js';

/** Document-type words that are no title on their own. */
const GENERIC_TITLE = /^(?:编制说明|起草说明|修订说明|编写说明|说明|情况说明|前言|序言|序|引言|导言|目录|报告|通知|公告|通告|意见|决定|办法|规定|摘要|概述|附件|附录|简介|声明|致辞|讲话|发言)$/u;

/** How many of the first segments (after the title) are searched for the document's own name. */
const FIRST_SEGMENTS = 6;

/** The title as a document-type word alone (whitespace and punctuation aside), or undefined. */
export function genericTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const bare = title.replace(/[\s\p{P}]+/gu, '');
  return GENERIC_TITLE.test(bare) ? bare : undefined;
}

/** A draft's label after a work's name: not part of the name. */
const DRAFT_LABEL = /\s*[（(](?:征求意见稿|送审稿|报批稿|草案|讨论稿|修订稿|试行)[）)]$/u;
/** A line that is a document's name on its own (a cover line): it ends in a word for a document. */
const NAME_LINE = /^《?([^《》，。；：:]{2,60}?(?:报告|指南|标准|规范|条例|办法|规定|规划|方案|纲要|白皮书|蓝皮书|导则|细则|意见|通知|决定|法))》?$/u;

/**
 * The work the document's opening lines name. An explanation (…说明) is about the first work it names
 * in 《》, wherever in the line; any other document names itself only in a line of its own (a cover
 * line): a 《》 inside a sentence of a notice or a report is the law it rests on, not its name.
 */
export function namedWork(texts: readonly string[], explains: boolean): string | undefined {
  for (const t of texts) {
    const m = explains ? /《([^《》]{2,80})》/u.exec(t) : NAME_LINE.exec(t.trim());
    if (m) return m[1].replace(DRAFT_LABEL, '').trim();
  }
  return undefined;
}

/** The document with its generic title completed from the name of the work it is about, when its first lines give one. */
export function completeGenericTitle(doc: SourceDoc): SourceDoc {
  const generic = genericTitle(doc.meta.title);
  if (!generic) return doc;
  const first: string[] = [];
  for (const v of docSegments(doc)) {
    if (v.role === 'title') continue;
    first.push(v.segment.text);
    if (first.length >= FIRST_SEGMENTS) break;
  }
  const explains = generic.endsWith('说明');
  const work = namedWork(first, explains);
  if (!work || genericTitle(work)) return doc;
  // an explanation is of the work (《…》编制说明); a cover line is the document's whole name
  return applyMeta(doc, { title: explains ? `《${work}》${generic}` : work });
}
