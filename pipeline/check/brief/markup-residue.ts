import type { Diagnostic } from '../../diagnostics.js';
import { TEMPLATE_DIRECTIVE } from '../../select/exclude.js';
import { briefDiagnostic, itemDiagnostic, locatedItems, type BriefRule } from './types.js';

/** Markup that must never reach a brief's text, each with what to call it. */
export const RESIDUE: readonly [RegExp, string][] = [
  [/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i, 'an HTML tag'],
  [/<!--|-->/, 'an HTML comment'],
  [/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i, 'an HTML entity'],
  [/(?:^|[\s;}])[.#]?[a-z_][\w-]*(?:\s*[,>+~]\s*[.#]?[\w-]+)*\s*\{[^{}]*:[^{}]*\}/i, 'a CSS rule'],
  [/\{\s*[a-z-]+\s*:\s*[^{};]+;[^{}]*\}/i, 'CSS declarations'],
  [/!?\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*\)/, 'Markdown link syntax'],
  [/!?\[[^\]\n]+\]\[[^\]\n]*\]/, 'a Markdown reference link'],
  [/<https?:\/\/[^>\s]+>/i, 'a Markdown autolink'],
  [/\\[!-\/:-@[-`{-~]/, 'a Markdown backslash escape'],
  [TEMPLATE_DIRECTIVE, 'a template directive (shortcode)'],
  [/^(?:---|\+\+\+)\s*$/m, 'a front-matter fence'],
  [/^\s*(?:title|date|author|authors|tags|categories|layout|slug|draft|description|keywords|lang|permalink)\s*[:=]\s*\S/im, 'a front-matter line'],
];

export function findResidue(text: string): { what: string; found: string } | undefined {
  for (const [re, what] of RESIDUE) {
    const m = re.exec(text);
    if (m) return { what, found: m[0].trim() };
  }
  return undefined;
}

/** No HTML tag, entity, CSS, Markdown link or front matter in the title, the items or the key terms. */
export const markupResidue: BriefRule = {
  id: 'brief:markup-residue',
  description: 'no markup residue (HTML tags, entities, CSS, Markdown link syntax, front-matter lines) in the brief',
  severity: 'error',
  check(brief, doc, ctx) {
    const out: Diagnostic[] = [];
    const t = findResidue(brief.title);
    if (t) out.push(briefDiagnostic(this, ctx, doc.titleSegments[0]?.place, `the title holds ${t.what}: ${t.found}`, { actual: brief.title }));
    for (const at of locatedItems(brief, doc)) {
      const r = findResidue(at.item.text);
      if (r) out.push(itemDiagnostic(this, ctx, at, `${r.what} in the item: ${r.found}`, { data: { found: r.found } }));
    }
    for (const term of brief.terms) {
      const r = findResidue(term.text);
      if (r) out.push(briefDiagnostic(this, ctx, undefined, `${r.what} in the key term “${term.text}”`, { actual: term.text, data: { termId: term.termId } }));
    }
    return out;
  },
};
