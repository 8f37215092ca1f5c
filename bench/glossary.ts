// Glossary benchmark: matching the seed report (≈90k characters) against a 1,000-term glossary
// (the shipped entries plus generated ones), as medians of several runs. Called by bench/index.ts.
import { readFileSync } from 'node:fs';
import { createHantConverter } from '../pipeline/localize/hant.js';
import { loadGlossary, termFromEntry } from '../pipeline/glossary/load.js';
import { createMatcher } from '../pipeline/glossary/match.js';
import type { Term } from '../pipeline/model.js';
import { round, timeMedian } from './util.js';

const SEED = 'sources/siis-2025-common-security/source.txt';

/** A deterministic glossary of `n` terms: the shipped entries, then generated ones (n-grams of the seed and invented forms). */
export function generatedGlossary(n: number, seedText: string): Term[] {
  const toHant = createHantConverter({ quotes: false });
  const terms: Term[] = [...loadGlossary('glossary', { toHant }).terms];
  const have = new Set(terms.map((t) => t['zh-Hans']));
  let state = 42;
  const rand = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const runs = seedText.match(/\p{Script=Han}{4,}/gu) ?? [];
  let k = 0;
  while (terms.length < n) {
    let zh: string;
    if (k % 2 === 0 && runs.length) {
      const run = runs[Math.floor(rand() * runs.length)];
      const len = 2 + Math.floor(rand() * Math.min(5, run.length - 1));
      const at = Math.floor(rand() * (run.length - len + 1));
      zh = run.slice(at, at + len);
    } else {
      zh = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000))).join('');
    }
    k++;
    if (have.has(zh)) continue;
    have.add(zh);
    const en = `generated term ${k}`;
    terms.push(termFromEntry({ 'zh-Hans': zh, en, category: 'concept', variants: { en: [`gen term ${k}`] } }, toHant));
  }
  return terms;
}

export async function benchGlossary(): Promise<Record<string, number>> {
  const text = readFileSync(SEED, 'utf8');
  const terms = generatedGlossary(1000, text);
  const hant = createHantConverter({ quotes: false })(text);
  let matches = 0;
  const build = await timeMedian(() => createMatcher(terms), 5, 1);
  const matcher = createMatcher(terms);
  const zhHans = await timeMedian(() => {
    matches = matcher.find(text, 'zh-Hans').length;
  }, 9, 2);
  const zhHant = await timeMedian(() => matcher.find(hant, 'zh-Hant').length, 9, 2);
  const english = text.match(/[A-Za-z][A-Za-z ,.'’-]{20,}/g)?.join(' ') ?? '';
  const en = await timeMedian(() => matcher.find(english, 'en').length, 9, 2);
  return {
    'terms': terms.length,
    'seed chars': text.length,
    'matches in seed (zh-Hans)': matches,
    'compile 1,000 terms, ms': round(build),
    'match seed zh-Hans, ms (median)': round(zhHans),
    'match seed zh-Hant, ms (median)': round(zhHant),
    [`match English ${english.length} chars, ms (median)`]: round(en),
  };
}
