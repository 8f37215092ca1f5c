// Selection benchmark: medians of selecting each seed's brief (ingestion and glossary loading are
// done once, outside the timing). "cold" is the first selection in a fresh process (bench/
// select-cold-child.ts), which is what a cold build pays; "warm" is a rebuild in a running process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveContext } from '../pipeline/context.js';
import { loadTextSourceDoc } from '../pipeline/build/load-source.js';
import { loadGlossary } from '../pipeline/glossary/load.js';
import { glossaryFinder, selectBrief } from '../pipeline/select/index.js';
import { rankUnits } from '../pipeline/select/rank.js';
import { charTokens, wordTokens } from '../pipeline/select/text.js';
import { collectUnits } from '../pipeline/select/units.js';
import { localizeBrief } from '../pipeline/localize/brief.js';
import { median, round, timeMedian } from './util.js';

const SEEDS = ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum'];

export async function benchSelect(): Promise<Record<string, number>> {
  const ctx = resolveContext({});
  const { terms } = loadGlossary(ctx.glossaryDir);
  const out: Record<string, number> = {};
  const child = fileURLToPath(new URL('./select-cold-child.js', import.meta.url));
  const cold: Record<string, number[]> = { report: [], news: [], both: [] };
  for (let i = 0; i < 7; i++) {
    const r = JSON.parse(execFileSync(process.execPath, [child], { encoding: 'utf8' })) as Record<string, number>;
    cold.report.push(r.report);
    cold.news.push(r.news);
    cold.both.push(r.report + r.news);
  }
  out['select report, cold process ms (median of 7)'] = round(median(cold.report));
  out['select news, cold process ms (median of 7)'] = round(median(cold.news));
  out['select both seeds, cold process ms (median of 7)'] = round(median(cold.both));
  const docs = SEEDS.map((slug) => loadTextSourceDoc(ctx, slug).doc);
  for (const doc of docs) out[`select ${doc.kind} warm ms`] = await timeMedian(() => selectBrief(doc, terms), 9, 2);
  out['select both seeds warm ms'] = await timeMedian(() => docs.forEach((d) => selectBrief(d, terms)), 9, 2);
  // the tokenizer alone over the report's eligible sentences: bigrams vs Intl.Segmenter words
  const report = docs.find((d) => d.kind === 'report')!;
  const find = glossaryFinder(terms);
  const sentences = collectUnits(report).filter((u) => u.eligible).map((u) => u.segment.text);
  out['report tokens: char bigrams warm ms'] = await timeMedian(() => sentences.forEach(charTokens), 9, 2);
  out['report tokens: Intl.Segmenter words warm ms'] = await timeMedian(() => sentences.forEach(wordTokens), 9, 2);
  out['rank report (bigrams) warm ms'] = await timeMedian(() => rankUnits(collectUnits(report), report, find), 9, 2);
  out['rank report (segmenter words) warm ms'] = await timeMedian(() => rankUnits(collectUnits(report), report, find, wordTokens), 9, 2);
  const briefs = docs.map((d) => ({ d, b: selectBrief(d, terms).brief }));
  out['localize both briefs to en ms'] = await timeMedian(
    () => briefs.forEach(({ d, b }) => localizeBrief(b, 'en', { toHant: (s) => s, translate: () => undefined, terms, meta: d.meta })),
    7,
    2,
  );
  return out;
}
