import type { QaRule } from '../types.js';
import { qaDiagnostic } from '../report.js';

export const emptyTarget: QaRule = {
  id: 'check:empty-target',
  description: 'a translation must not be empty',
  check(pair) {
    if (pair.target.trim() !== '') return [];
    return [qaDiagnostic(this.id, pair, `check:empty-target: the English of this segment is empty`, { actual: '' })];
  },
};
