// QA of (Chinese, English) pairs: every rule over every pair. Rules live one per module in rules/.
import type { Diagnostic } from '../diagnostics.js';
import type { QaContext, QaPair, QaRule } from './types.js';
import { emptyTarget } from './rules/empty-target.js';
import { chineseLeft } from './rules/chinese-left.js';
import { termMissing } from './rules/term-missing.js';
import { forbiddenTerm } from './rules/forbidden-term.js';
import { numberMismatch } from './rules/number-mismatch.js';
import { dateMismatch } from './rules/date-mismatch.js';

export type { QaContext, QaPair, QaRule } from './types.js';
export { simpleMatcher, type TermFinder } from './matcher.js';

export const RULES: readonly QaRule[] = [emptyTarget, chineseLeft, termMissing, forbiddenTerm, numberMismatch, dateMismatch];

/** Run every rule (or the ones named) over every pair; diagnostics in pair order, then rule order. */
export function runQa(pairs: Iterable<QaPair>, ctx: QaContext, rules: readonly QaRule[] = RULES): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const pair of pairs) {
    if (pair.target.trim() === '') {
      out.push(...emptyTarget.check(pair, ctx));
      continue;
    }
    for (const r of rules) out.push(...r.check(pair, ctx));
  }
  return out;
}
