import { itemTextRule } from './item-rule.js';
import { isSalutation } from '../../ingest/salutation.js';

export { isSalutation };

export const salutation = itemTextRule('brief:salutation', 'no salutation (各位代表：) as an item', 'warning', (text) =>
  isSalutation(text) ? 'a salutation is not a point of the brief' : undefined,
);
