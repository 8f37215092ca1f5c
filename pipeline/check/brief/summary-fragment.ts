import type { Diagnostic } from '../../diagnostics.js';
import { itemDiagnostic, locatedItems, squash, type BriefRule } from './types.js';
import { CUT_MARK } from './source-text.js';

/**
 * The summary is sentences: an entry of a list (a dash item of a series, ——第6部分：…；) or a headline
 * shown cut (Mistral AI 完成 6.4 亿美元 B 轮融资……: one clause under 30 characters before the cut) states
 * no finding.
 */
const headline = (t: string) => [...t].length < 30 && !/[，,；;：:]/.test(t);

export const summaryFragment: BriefRule = {
  id: 'brief:summary-fragment',
  description: 'the summary is made of sentences, not list entries or cut headlines',
  severity: 'warning',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    for (const at of locatedItems(brief, doc)) {
      if (at.slot !== 'bottomLine') continue;
      const t = squash(at.item.text);
      if (/^[—–―]/.test(t)) out.push(itemDiagnostic(this, ctx, at, 'a summary sentence opens with a list’s dash: it is an entry of a list'));
      else if (CUT_MARK.test(t) && headline(t.replace(CUT_MARK, ''))) out.push(itemDiagnostic(this, ctx, at, 'a summary sentence is a short cut headline: it states no finding'));
    }
    return out;
  },
};
