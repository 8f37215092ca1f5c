// Localize bench: zh-Hant conversion of the seed report (warm, median of several runs) and converter
// creation (cold: the OpenCC tables loaded in a fresh process would cost this once).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import OpenCC from 'opencc-js/cn2t';
import { createHantConverter } from '../pipeline/localize/hant.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function seedReport(): string {
  for (const dir of [process.cwd(), path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')]) {
    const p = path.join(dir, 'sources/siis-2025-common-security/source.txt');
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  throw new Error('seed report not found (sources/siis-2025-common-security/source.txt)');
}

export async function benchLocalize(): Promise<Record<string, number>> {
  const text = seedReport();
  // cold: building an OpenCC converter (what createHantConverter pays once per variant per process)
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    OpenCC.Converter({ from: 'cn', to: 'tw' });
    cold.push(performance.now() - t0);
  }
  const conv = createHantConverter();
  conv(text);
  conv(text);
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    conv(text);
    warm.push(performance.now() - t0);
  }
  return {
    'localize.hant.chars': text.length,
    'localize.hant.warm.ms': Math.round(median(warm) * 100) / 100,
    'localize.hant.create.cold.ms': Math.round(median(cold) * 100) / 100,
  };
}
