// `briefs qa`: for each source, every unit of sources/<slug>/en.xlf whose segment still exists, checked.
import path from 'node:path';
import type { Context } from '../context.js';
import { UserError, type Diagnostic } from '../diagnostics.js';
import { listSources } from '../build/sources.js';
import { RULES, runQa, type QaPair } from '../check/index.js';
import { lengthRatio } from '../check/rules/length-ratio.js';
import { loadSourceSegments } from './source-segments.js';
import { loadGlossaryForCli, loadTm, displayPath } from './support.js';
import { USABLE_STATES, isDraft, type TranslationMemory } from './tm.js';

export interface QaSummary {
  sources: { slug: string; units: number; checked: number }[];
  diagnostics: Diagnostic[];
}

export async function qaSources(ctx: Context, slugs: string[]): Promise<QaSummary> {
  const refs = slugs.length ? slugs : listSources(ctx.sourcesDir).map((s) => s.slug);
  const glossary = await loadGlossaryForCli(ctx);
  const diagnostics: Diagnostic[] = [...glossary.diagnostics];
  const sources: QaSummary['sources'] = [];
  for (const ref of refs) {
    const src = await loadSourceSegments(ctx, ref, glossary.terms);
    diagnostics.push(...src.diagnostics);
    let tm: TranslationMemory;
    try {
      ({ tm } = loadTm(src.files.dir));
    } catch (err) {
      // an unreadable en.xlf (malformed, a DTD…) is this source's finding, located in en.xlf; the others are still checked
      if (!(err instanceof UserError)) throw err;
      diagnostics.push(...err.diagnostics);
      sources.push({ slug: src.files.slug, units: 0, checked: 0 });
      continue;
    }
    const file = displayPath(src.files.sourcePath);
    const pairs: QaPair[] = [];
    // drafts (alignment, machine translation) are also checked for a plausible length
    const drafts: QaPair[] = [];
    const seen = new Set<string>();
    for (const seg of src.segments) {
      if (seen.has(seg.id)) continue;
      seen.add(seg.id);
      const u = tm.get(seg.id);
      if (!u) continue;
      // an untranslated unit (initial, no target) is work to do, not an error
      if (u.target.trim() === '' && !USABLE_STATES.includes(u.state)) continue;
      (isDraft(u) ? drafts : pairs).push({ segment: seg, target: u.target, source: file });
    }
    const qaCtx = { terms: glossary.terms, matcher: glossary.matcher };
    diagnostics.push(...runQa(pairs, qaCtx), ...runQa(drafts, qaCtx, [...RULES, lengthRatio]));
    sources.push({ slug: src.files.slug, units: tm.size, checked: pairs.length + drafts.length });
  }
  return { sources, diagnostics };
}

export function relativeTo(cwd: string, file: string): string {
  return path.relative(cwd, file) || file;
}
