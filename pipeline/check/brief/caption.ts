import { itemTextRule } from './item-rule.js';

/** 图1, 表 2, 图 3-1, 附表1, 图一：, 〈图表 2.2 〉, Figure 2, Table 1: the label of a figure or table. */
export const CAPTION = /^[〈<《【［\[]?\s*(?:附?[图表]|图表|圖表|附?[圖]|Fig(?:ure)?\.?|Table|Chart)\s*(?:[0-9０-９]+(?:[-.．－—][0-9０-９]+)*(?![0-9０-９%％.])|[一二三四五六七八九十]+(?=$|[\s:：、.．]))/iu;

export function isCaption(text: string): boolean {
  return CAPTION.test(text.trim());
}

export const caption = itemTextRule('brief:caption', 'no figure or table caption (图1, 表 2) as an item', 'warning', (text) =>
  isCaption(text) ? 'a figure or table caption is not a point of the brief' : undefined,
);
