import type { Diagnostic } from '../../diagnostics.js';
import type { SourceDoc } from '../../model.js';
import { docSegments } from '../../ingest/walk.js';
import { itemDiagnostic, locatedItems, quote, squash, type BriefRule } from './types.js';
import { CLOSERS, CUT_MARK } from './source-text.js';

/**
 * A sentence's end as the source writes it: 。！？ (or …), then closing quotation marks or brackets; or
 * the semicolon that ends an enumerated clause (一是…；), which the source wrote there too.
 */
const ENDED = new RegExp(`(?:[。！？!?；;]|……|…)[${CLOSERS}]*$`);

/** Which paragraph (block, heading or title line) each segment stands in, by segment id. */
const blocksOf = new WeakMap<SourceDoc, Map<string, unknown>>();
function blockOf(doc: SourceDoc): Map<string, unknown> {
  let m = blocksOf.get(doc);
  if (!m) {
    m = new Map();
    for (const v of docSegments(doc)) if (!m.has(v.segment.id)) m.set(v.segment.id, v.block ?? v.segment);
    blocksOf.set(doc, m);
  }
  return m;
}

/**
 * A numbered section heading run into the text it heads (4 模型比赛中，本队伍…, 3.2 加噪方式本队伍探究了…): a
 * section's number without a mark after it (a paper's 4, 3.2, 2.1.3), a space or a tab, and the words
 * that follow — a heading, since no sentence opens with a bare number before its words except a
 * quantity (3 个, 2022 年, 5 万), whose measure word follows the number.
 */
export const NUMBERED_HEADING_RUN_IN = new RegExp(
  `^\\s*[1-9]\\d?(?:[.．]\\d{1,2}){0,3}(?:\\t|[ \\u3000]+)(?![个种项条名位家次件台辆所座倍类批轮年月日号时分秒周天期届度万亿千百十元角块吨米%％‰])\\p{Script=Han}`,
  'u',
);

/** Slots whose items the brief prints run together as one paragraph. */
const RUN_TOGETHER = new Set(['bottomLine']);

/**
 * No fused text: an item never runs across a paragraph or line boundary of the source where the source
 * has no sentence end (a heading, a dated line, a label run into the next paragraph), and an item of the
 * summary, which is printed run together with the next, ends a sentence (or is marked cut ……) — else
 * the brief shows one "sentence" the source never wrote.
 */
export const fused: BriefRule = {
  id: 'brief:fused',
  description: 'no item runs across a paragraph boundary of the source without the source’s own sentence end there',
  severity: 'error',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    const blocks = blockOf(doc);
    const items = locatedItems(brief, doc);
    for (const at of items) {
      const head = at.segments[0]?.text ?? at.item.text;
      if (NUMBERED_HEADING_RUN_IN.test(head) || NUMBERED_HEADING_RUN_IN.test(at.item.text))
        out.push(itemDiagnostic(this, ctx, at, `the item opens with a numbered section heading run into the text (${quote(at.item.text, 12)})`, { data: { heading: true } }));
      for (let k = 0; k + 1 < at.segments.length; k++) {
        const a = at.segments[k];
        const b = at.segments[k + 1];
        if (blocks.get(a.id) === blocks.get(b.id) || ENDED.test(squash(a.text))) continue;
        out.push(
          itemDiagnostic(this, ctx, at, `the item runs ${quote(a.text, 20)} into the next paragraph of the source, ${quote(b.text, 12)}, where the source has no sentence end`, {
            data: { boundary: k + 1 },
          }),
        );
      }
      if (!RUN_TOGETHER.has(at.slot)) continue;
      const next = items.find((x) => x.slot === at.slot && x.index === at.index + 1);
      const text = squash(at.item.text);
      if (!next || ENDED.test(text) || CUT_MARK.test(text)) continue;
      out.push(itemDiagnostic(this, ctx, at, `the summary runs this item, which ends without a sentence end, into the next one (${quote(next.item.text, 12)})`, { data: { next: next.index + 1 } }));
    }
    return out;
  },
};
