// Ingest benchmark: parse time of each seed (median of several warm runs, and the first, cold one),
// and a 5 MB report to show cost grows linearly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ingest } from '../pipeline/ingest/index.js';
import { timeMedian, round } from './util.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function benchIngest(): Promise<Record<string, number | string>> {
  const report = readFileSync(path.join(root, 'sources/siis-2025-common-security/source.txt'));
  const news = readFileSync(path.join(root, 'sources/thepaper-2023-xiangshan-forum/source.md'));
  const out: Record<string, number | string> = {};
  const t0 = performance.now();
  ingest({ slug: 'r', file: 'source.txt', bytes: report, format: 'txt' });
  out['parse seed report, first run (ms)'] = round(performance.now() - t0);
  out['parse seed report, warm (ms, median of 15)'] = await timeMedian(() => ingest({ slug: 'r', file: 'source.txt', bytes: report, format: 'txt' }), 15, 3);
  out['parse seed article, warm (ms, median of 15)'] = await timeMedian(() => ingest({ slug: 'n', file: 'source.md', bytes: news, format: 'md' }), 15, 3);
  const big = Buffer.from(report.toString('utf8').repeat(Math.ceil((5 * 2 ** 20) / report.length)));
  out['parse 5 MB report (ms, median of 3)'] = await timeMedian(() => ingest({ slug: 'b', file: 'big.txt', bytes: big, format: 'txt' }), 3, 1);
  out['5 MB ÷ seed time ratio (size ratio ' + round(big.length / report.length, 0) + ')'] = round(
    out['parse 5 MB report (ms, median of 3)'] as number / (out['parse seed report, warm (ms, median of 15)'] as number),
    1,
  );
  return out;
}
