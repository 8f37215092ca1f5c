// Selection benchmark: median ms of selecting each seed's brief (ingestion and glossary loading are
// done once, outside the timing).
import { resolveContext } from '../pipeline/context.js';
import { loadSourceDoc } from '../pipeline/build/load-source.js';
import { loadGlossary } from '../pipeline/glossary/load.js';
import { selectBrief } from '../pipeline/select/index.js';
import { clearTokenCache } from '../pipeline/select/text.js';
import { localizeBrief } from '../pipeline/localize/brief.js';
import { timeMedian } from './util.js';

const SEEDS = ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum'];

export async function benchSelect(): Promise<Record<string, number>> {
  const ctx = resolveContext({});
  const { terms } = loadGlossary(ctx.glossaryDir);
  const out: Record<string, number> = {};
  const docs = SEEDS.map((slug) => loadSourceDoc(ctx, slug).doc);
  // cold: word segmentation included (token cache cleared before each run); warm: a rebuild
  for (const doc of docs)
    out[`select ${doc.kind} cold ms`] = await timeMedian(() => {
      clearTokenCache();
      selectBrief(doc, terms);
    }, 7, 1);
  out['select both seeds cold ms'] = await timeMedian(() => {
    clearTokenCache();
    docs.forEach((d) => selectBrief(d, terms));
  }, 5, 1);
  out['select both seeds warm ms'] = await timeMedian(() => docs.forEach((d) => selectBrief(d, terms)), 7, 2);
  const briefs = docs.map((d) => ({ d, b: selectBrief(d, terms).brief }));
  out['localize both briefs to en ms'] = await timeMedian(
    () => briefs.forEach(({ d, b }) => localizeBrief(b, 'en', { toHant: (s) => s, translate: () => undefined, terms, meta: d.meta })),
    7,
    2,
  );
  return out;
}
