import { itemTextRule } from './item-rule.js';
import { dependentOpening } from '../../select/cues.js';

/**
 * An item that leans on a sentence the brief does not show: it opens with a connective (但是…, 因此…), a
 * back-reference (该…, 上述…, 前面讲述的…) or a predicate whose subject was in the sentence before or in
 * the heading (适用于…, 不能…, 以 N 名开发者排名第十). Selection merges such a sentence with the one
 * before or leaves it out; one in a brief reads as about nothing.
 */
export const dependent = itemTextRule('brief:dependent', 'no item that leans on a sentence the brief does not show', 'warning', (text) => {
  const why = dependentOpening(text);
  return why ? `the item leans on what comes before it in the source (${why})` : undefined;
});
