// Brief checks: QA rules over each zh-Hans brief and its SourceDoc, one rule per module (like rules/ for
// translations). Errors are faithfulness breaches and fail the source; warnings are reported.
import type { Diagnostic } from '../../diagnostics.js';
import type { Brief, SourceDoc } from '../../model.js';
import type { BriefCheckContext, BriefRule } from './types.js';
import { title } from './title.js';
import { empty } from './empty.js';
import { markupResidue } from './markup-residue.js';
import { question } from './question.js';
import { salutation } from './salutation.js';
import { caption } from './caption.js';
import { citation } from './citation.js';
import { sectionNumberRule } from './section-number.js';
import { inventedEnd } from './invented-end.js';
import { fused } from './fused.js';
import { duplicate } from './duplicate.js';
import { untraceable } from './untraceable.js';
import { genericTerm } from './generic-term.js';
import { termInWord } from './term-in-word.js';
import { dependent } from './dependent.js';
import { summaryFragment } from './summary-fragment.js';

export type { BriefCheckContext, BriefRule } from './types.js';

export const BRIEF_RULES: readonly BriefRule[] = [
  title,
  empty,
  markupResidue,
  untraceable,
  inventedEnd,
  fused,
  duplicate,
  question,
  salutation,
  caption,
  citation,
  sectionNumberRule,
  genericTerm,
  termInWord,
  dependent,
  summaryFragment,
];

/** Every brief rule (or the ones given) over one brief; diagnostics in rule order. */
export function checkBrief(brief: Brief, doc: SourceDoc, ctx: BriefCheckContext = {}, rules: readonly BriefRule[] = BRIEF_RULES): Diagnostic[] {
  return rules.flatMap((r) => r.check(brief, doc, ctx));
}
