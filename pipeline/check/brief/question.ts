import { itemTextRule, withoutClosers } from './item-rule.js';

/** A question is context (an interviewer's, a rhetorical one), not a point of the brief. */
export const question = itemTextRule('brief:question', 'no question as an item', 'warning', (text) =>
  /[？?]$/.test(withoutClosers(text)) ? 'a question is not a point of the brief' : undefined,
);
