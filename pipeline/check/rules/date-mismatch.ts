import type { Diagnostic } from '../../diagnostics.js';
import type { QaRule } from '../types.js';
import { qaDiagnostic } from '../report.js';
import { zhDates, enDates, dateMatches, formatDate } from '../dates.js';

export const dateMismatch: QaRule = {
  id: 'check:date-mismatch',
  description: 'dates (year, month, day as far as the Chinese states them) agree',
  check(pair) {
    if (!pair.target.trim()) return [];
    const zh = zhDates(pair.segment.text);
    if (zh.length === 0) return [];
    const en = enDates(pair.target);
    const out: Diagnostic[] = [];
    for (const d of zh) {
      if (en.some((e) => dateMatches(d, e))) continue;
      out.push(
        qaDiagnostic(this.id, pair, `check:date-mismatch: ${d.raw} (${formatDate(d)}) not found in the English; it has ${en.length ? en.map(formatDate).join(', ') : 'no dates'}`, {
          expected: [formatDate(d)],
          data: { year: d.year, month: d.month, day: d.day, found: en.map(formatDate) },
        }),
      );
    }
    return out;
  },
};
