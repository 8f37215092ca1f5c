import type { Diagnostic } from '../../diagnostics.js';
import { itemDiagnostic, locatedItems, type BriefRule } from './types.js';
import { itemCore, sourceText, withoutSpeaker, SENTENCE_END } from './source-text.js';

/**
 * A brief never invents a sentence end: an item that ends with 。 (！？) where its source sentence goes on
 * (after a comma, a semicolon…) misquotes; a shortened item must end with a visible cut mark ……
 */
export const inventedEnd: BriefRule = {
  id: 'brief:invented-end',
  description: 'no item ends where its source sentence goes on; a shortened item is marked ……',
  severity: 'error',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    for (const at of locatedItems(brief, doc)) {
      if (!at.segments.length) continue;
      const { core, cut } = itemCore(at.item.text);
      if (cut) continue;
      const text = withoutSpeaker(core, at.item.speaker?.name);
      const src = sourceText(at);
      if (!text || src.includes(text) || !SENTENCE_END.test(text)) continue;
      const body = text.slice(0, -1);
      const i = body ? src.indexOf(body) : -1;
      if (i < 0) continue; // not the source's text at all: brief:untraceable says so
      const next = src.slice(i + body.length, i + body.length + 8);
      // a lead-in whose segment ends with the colon that opens an enumeration (…的探索：一是…) is a whole
      // clause: its 。 is reported, as a warning; a cut anywhere else (，；：inside the sentence) is an error
      const leadIn = /^[：:]$/.test(next) && i + body.length + 1 === src.length;
      const d = itemDiagnostic(
        this,
        ctx,
        at,
        leadIn
          ? `the item ends with “${text.slice(-1)}” where the source’s lead-in goes on after a colon into an enumeration: end it with …… or “：”`
          : `the item ends with “${text.slice(-1)}” where the source goes on (“${next}…”): end a shortened item with ……`,
        { expected: [body + '……'], data: { continues: next, leadIn } },
      );
      if (leadIn) d.fatal = false;
      out.push(d);
    }
    return out;
  },
};
