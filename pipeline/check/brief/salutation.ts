import { itemTextRule } from './item-rule.js';

const ADDRESSEES = /各位|尊敬的|亲爱的|女士|先生|同志|朋友|来宾|嘉宾|代表|同学|老师|阁下|大家/;

/** “各位代表：”, “女士们、先生们、朋友们：”, “尊敬的…”: a speech's address, not content. */
export function isSalutation(text: string): boolean {
  const t = text.trim();
  if (/^(?:尊敬的|各位|亲爱的)[^。！？!?]{0,40}[：:，,！!]$/.test(t)) return true;
  // a short line ending in a colon that only names the audience
  return [...t].length <= 30 && /[：:]$/.test(t) && ADDRESSEES.test(t) && !/[。；;]/.test(t);
}

export const salutation = itemTextRule('brief:salutation', 'no salutation (各位代表：) as an item', 'warning', (text) =>
  isSalutation(text) ? 'a salutation is not a point of the brief' : undefined,
);
