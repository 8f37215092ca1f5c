// Child process of the selection bench: the first selection of each seed in a fresh process
// (ingestion and glossary loading done first, outside the timing), so the one-time costs a cold
// build pays — Intl.Segmenter's dictionary, compiling the selection code — are counted.
import { performance } from 'node:perf_hooks';
import { resolveContext } from '../pipeline/context.js';
import { loadTextSourceDoc } from '../pipeline/build/load-source.js';
import { loadGlossary } from '../pipeline/glossary/load.js';
import { selectBrief } from '../pipeline/select/index.js';

const ctx = resolveContext({});
const { terms } = loadGlossary(ctx.glossaryDir);
const docs = ['siis-2025-common-security', 'thepaper-2023-xiangshan-forum'].map((slug) => loadTextSourceDoc(ctx, slug).doc);
const out: Record<string, number> = {};
for (const doc of docs) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  selectBrief(doc, terms);
  out[doc.kind] = performance.now() - t0;
  // CPU time of the process (user + system): steadier than wall time on a busy machine
  const c = process.cpuUsage(c0);
  out[`${doc.kind} cpu`] = (c.user + c.system) / 1000;
}
process.stdout.write(JSON.stringify(out) + '\n');
