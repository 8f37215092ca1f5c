import { itemTextRule } from './item-rule.js';

const CN = '一二三四五六七八九十百零〇两';
/**
 * A section or enumeration number at the start of an item: 六、…, （三）…, 第二章…, 第一节…, 1. …, 2、….
 * A law's article number (第十二条) is how the article is cited and is left alone.
 */
export const SECTION_NUMBER = new RegExp(
  `^(?:[${CN}]+[、．.]|[（(][${CN}\\d]+[）)]|第[${CN}\\d]+(?:章|节|部分|编|篇|卷)|\\d{1,2}(?:\\.\\d{1,2})*[、．]|\\d{1,2}(?:\\.\\d{1,2})*\\.(?!\\d)|[①-⑳])`,
);

export function sectionNumber(text: string): string | undefined {
  return SECTION_NUMBER.exec(text.trim())?.[0];
}

export const sectionNumberRule = itemTextRule('brief:section-number', 'no section number (六、…) at the start of an item', 'warning', (text) => {
  const n = sectionNumber(text);
  return n ? `the item starts with the section number “${n}”` : undefined;
});
