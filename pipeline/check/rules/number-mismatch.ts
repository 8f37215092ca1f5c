import type { Diagnostic } from '../../diagnostics.js';
import type { QaRule } from '../types.js';
import { qaDiagnostic } from '../report.js';
import { zhQuantities, type Quantity } from '../numbers-zh.js';
import { enQuantities } from '../numbers-en.js';
import { zhDates } from '../dates.js';

/** 30600000000 → "30.6 billion"; small numbers as they are. */
export function humanNumber(v: number): string {
  const abs = Math.abs(v);
  for (const [n, w] of [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']] as const) {
    if (abs >= n) return `${+(v / n).toFixed(3)} ${w}`;
  }
  return String(+v.toFixed(6));
}

export function describe(q: Quantity): string {
  const v = `${+q.value.toFixed(9)}`;
  return q.percent ? `${v}%` : q.currency ? `${v} ${q.currency}` : v;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) || (a < 1 && b < 1 && Math.abs(a - b) < 0.0015);
}

export const numberMismatch: QaRule = {
  id: 'check:number-mismatch',
  description: 'numbers, percentages and sums of money in the Chinese appear in the English with the same value',
  check(pair) {
    if (!pair.target.trim()) return [];
    const zh = zhQuantities(pair.segment.text, zhDates(pair.segment.text));
    if (zh.length === 0) return [];
    const en = enQuantities(pair.target);
    const out: Diagnostic[] = [];
    for (const q of zh) {
      const ok = en.some((e) => same(e.value, q.value) && (!q.currency || !e.currency || e.currency === q.currency));
      if (ok) continue;
      const has = en.length ? en.map((e) => (e.currency ? `${humanNumber(e.value)} ${e.currency}` : e.percent ? `${humanNumber(e.value)}%` : humanNumber(e.value))).join(', ') : 'no numbers';
      out.push(
        qaDiagnostic(this.id, pair, `check:number-mismatch: ${q.raw} (${describe(q)}) not found in the English; it has ${has}`, {
          expected: [describe(q)],
          data: { value: q.value, percent: q.percent, currency: q.currency, found: en.map((e) => e.value) },
        }),
      );
    }
    return out;
  },
};
