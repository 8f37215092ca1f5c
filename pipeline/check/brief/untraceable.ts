import type { Diagnostic } from '../../diagnostics.js';
import { itemDiagnostic, locatedItems, type BriefRule } from './types.js';
import { itemCore, sourceText, withoutSpeaker, SENTENCE_END } from './source-text.js';

/**
 * Every item traces back to its source line: it names segments, they are in the document, and its text
 * (up to a cut mark ……, or an added sentence end, which brief:invented-end judges) is their text.
 */
export const untraceable: BriefRule = {
  id: 'brief:untraceable',
  description: 'every item can be traced to its source line: its segments exist and hold its text',
  severity: 'error',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    for (const at of locatedItems(brief, doc)) {
      if (!at.item.segmentIds.length) {
        out.push(itemDiagnostic(this, ctx, at, 'the item names no source segment'));
        continue;
      }
      const missing = at.item.segmentIds.filter((id) => !at.segments.some((s) => s.id === id));
      if (missing.length) {
        out.push(itemDiagnostic(this, ctx, at, `the item’s segment${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in the document`, { data: { missing } }));
        continue;
      }
      const src = sourceText(at);
      let { core } = itemCore(at.item.text);
      core = withoutSpeaker(core, at.item.speaker?.name);
      const body = SENTENCE_END.test(core) ? core.slice(0, -1) : core;
      if (core && (src.includes(core) || (body && src.includes(body)))) continue;
      out.push(itemDiagnostic(this, ctx, at, 'the item’s text is not in the source segments it names', { expected: [at.segments.map((s) => s.text).join('')] }));
    }
    return out;
  },
};
