import type { Diagnostic } from '../../diagnostics.js';
import { briefDiagnostic, quote, type BriefRule } from './types.js';
import { occurrences, type Occurrence } from './term-places.js';
import { insideLongerWord, opensInsideWords } from '../../select/word-edges.js';

/**
 * No key term that the document mostly has only inside a longer word: 蒙古 in 内蒙古, 加沙 in 桦加沙,
 * 卡申 in 社会保障卡申领; nor one that opens on the last character of longer words (费支出 of 经费支出,
 * 维护费支出: word-edges.ts, opensInsideWords).
 */
export const termInWord: BriefRule = {
  id: 'brief:term-in-word',
  description: 'no key term matched inside a longer word (蒙古 in 内蒙古, 加沙 in 桦加沙)',
  severity: 'warning',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    for (const t of brief.terms) {
      const term = t.text.trim();
      if (!term) continue;
      let inside = 0;
      let whole = 0;
      let first: Occurrence | undefined;
      let any: Occurrence | undefined;
      const texts: string[] = [];
      for (const o of occurrences(doc, term)) {
        any ??= o;
        if (texts[texts.length - 1] !== o.segment.text) texts.push(o.segment.text);
        if (insideLongerWord(o.segment.text, o.at, term)) {
          inside++;
          first ??= o;
        } else whole++;
      }
      if (first && inside > whole) {
        const ctxText = first.segment.text.slice(Math.max(0, first.at - 6), first.at + term.length + 6);
        out.push(
          briefDiagnostic(this, ctx, first.segment.place, `the key term “${term}” stands inside a longer word in the source (${quote(ctxText)}; ${inside} of ${inside + whole} occurrences)`, {
            actual: term,
            data: { termId: t.termId, inside, whole },
          }),
        );
      } else if (any && opensInsideWords(texts, term)) {
        const ctxText = any.segment.text.slice(Math.max(0, any.at - 6), any.at + term.length + 6);
        out.push(
          briefDiagnostic(this, ctx, any.segment.place, `the key term “${term}” opens on the last character of longer words in the source (${quote(ctxText)})`, {
            actual: term,
            data: { termId: t.termId, inside, whole },
          }),
        );
      }
    }
    return out;
  },
};
