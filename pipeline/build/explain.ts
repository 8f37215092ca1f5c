// `briefs build --explain <slug…>`: the items each source's brief would hold, with scores and why.
// Reads the sources and the glossary; writes nothing.
import type { Context } from '../context.js';
import { loadSourceDoc } from './load-source.js';
import { loadGlossary } from '../glossary/load.js';
import { selectBrief, formatExplanation } from '../select/index.js';

export async function explainSources(ctx: Context, slugs: string[]): Promise<string> {
  const { terms } = loadGlossary(ctx.glossaryDir);
  const parts: string[] = [];
  for (const slug of slugs) {
    const { files, doc } = await loadSourceDoc(ctx, slug);
    // as the build selects: with the publisher's English, sentences it gives English for win ties
    const hasEnglish = await (await import('../align/build-drafts.js')).englishPreference(ctx, files, doc, terms);
    const { explanation } = selectBrief(doc, terms, { explain: true, hasEnglish });
    parts.push(formatExplanation(explanation, { slug: doc.slug }));
  }
  return parts.join('\n\n') + '\n';
}
