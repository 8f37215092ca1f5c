import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.js';
import type { QaPair } from './types.js';

/** A located QA diagnostic: at the segment's place in the source file, with the segment id and rule. */
export function qaDiagnostic(
  rule: string,
  pair: QaPair,
  reason: string,
  extra: { expected?: string[]; actual?: string; severity?: Severity; data?: Record<string, unknown> } = {},
): Diagnostic {
  return diagnostic({
    rule,
    reason,
    file: pair.source,
    place: pair.segment.place,
    severity: extra.severity ?? 'error',
    expected: extra.expected,
    actual: extra.actual ?? pair.target,
    data: { segmentId: pair.segment.id, rule, ...(extra.data ?? {}) },
  });
}
