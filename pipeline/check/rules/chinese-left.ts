import type { QaRule } from '../types.js';
import { qaDiagnostic } from '../report.js';

const HAN = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]+/gu;

export const chineseLeft: QaRule = {
  id: 'check:chinese-left',
  description: 'no Chinese characters or full-width punctuation left in the English',
  check(pair) {
    const left = [...pair.target.matchAll(HAN)].map((m) => m[0]);
    if (left.length === 0) return [];
    return [
      qaDiagnostic(this.id, pair, `check:chinese-left: Chinese left in the English: ${left.map((s) => `“${s}”`).join(', ')}`, {
        expected: ['English only'],
        data: { left },
      }),
    ];
  },
};
