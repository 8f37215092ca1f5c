import { itemTextRule } from './item-rule.js';

/**
 * A citation line: “– 习近平：《…》，2013年…讲话。”, “——摘自《…》”, “资料来源：…”, “（来源：…）”.
 * It says where words come from; it is not a point of the brief.
 */
export function isCitation(text: string): boolean {
  const t = text.trim();
  if (/^[–—―\-－~～]{1,2}\s*[^。！？]{0,30}《[^》]+》/.test(t)) return true;
  if (/^[–—―\-－]{1,2}\s*(?:摘自|引自|选自|出自|来源)/.test(t)) return true;
  if (/^[（(]?\s*(?:资料|数据|图片|信息)?(?:来源|出处)\s*[：:]/.test(t)) return true;
  // 习近平：《…》，2013年3月23日…的讲话。
  if (/^[^。！？《]{1,16}[：:]\s*《[^》]+》[，,、]?[^。！？]{0,60}(?:\d{4}|[〇零一二三四五六七八九]{4})年[^。！？]{0,40}(?:讲话|致辞|演讲|报告|发言|文章|贺信|信)[）)]?。?$/.test(t)) return true;
  return false;
}

export const citation = itemTextRule('brief:citation', 'no citation line (– 习近平：《…》，2013年…讲话。) as an item', 'warning', (text) =>
  isCitation(text) ? 'a citation line is not a point of the brief' : undefined,
);
