// Diagnostics are vfile messages: a rule id (`source:ruleId`), a place, a reason, and expected/actual
// where they apply. UserError carries them to the CLI, which prints them without a stack trace.
import { VFileMessage } from 'vfile-message';
import type { Place } from './model.js';

export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticInit {
  /** e.g. 'ingest:undecodable', 'glossary:duplicate-term', 'check:forbidden-term' */
  rule: string;
  reason: string;
  file?: string;
  place?: Place;
  severity?: Severity;
  expected?: string[];
  actual?: string;
  /** Extra machine-readable facts (segment id, term id…). */
  data?: Record<string, unknown>;
}

export type Diagnostic = VFileMessage;

/** No message a user sees is longer than this: a library that dumps its data into an error is cut. */
export const MAX_REASON = 2000;

/** Cut a text to `max` characters (whole code points), saying how much was left out. */
export function capText(text: string, max = MAX_REASON): string {
  if (text.length <= max) return text;
  const cut = Array.from(text.slice(0, max)).slice(0, -1).join('');
  return `${cut}… (${text.length - cut.length} more characters)`;
}

export function diagnostic(init: DiagnosticInit): Diagnostic {
  const [source, ruleId] = init.rule.includes(':') ? init.rule.split(':', 2) : ['briefs', init.rule];
  const msg = new VFileMessage(capText(init.reason), {
    place: init.place ? { line: init.place.line, column: init.place.column } : undefined,
    ruleId,
    source,
  });
  msg.file = init.file ?? '';
  const severity = init.severity ?? 'error';
  msg.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  if (init.expected) msg.expected = init.expected.slice(0, 20).map((e) => capText(e, 500));
  if (init.actual !== undefined) msg.actual = capText(init.actual, 500);
  if (init.data) (msg as VFileMessage & { data?: unknown }).data = init.data;
  return msg;
}

export function isError(d: Diagnostic): boolean {
  return d.fatal === true;
}

/** A mistake in the user's input or invocation: reported plainly, exit code 1 (or 2 for usage). */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;
  constructor(diagnostics: Diagnostic[] | Diagnostic | string, exitCode = 1) {
    const list =
      typeof diagnostics === 'string'
        ? [diagnostic({ rule: 'briefs:error', reason: diagnostics })]
        : Array.isArray(diagnostics)
          ? diagnostics
          : [diagnostics];
    super(list.map((d) => d.reason).join('\n'));
    this.name = 'UserError';
    this.diagnostics = list;
    this.exitCode = exitCode;
  }
}

/** Usage mistakes (unknown slug form, missing argument…): exit code 2. */
export class UsageError extends UserError {
  constructor(reason: string) {
    super(diagnostic({ rule: 'briefs:usage', reason }), 2);
    this.name = 'UsageError';
  }
}

/** file:line:column  severity  reason  rule — one line per message, for people. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file || '', d.line ? `${d.line}:${d.column ?? 1}` : ''].filter(Boolean).join(':');
  const sev = d.fatal === true ? 'error' : d.fatal === false ? 'warning' : 'info';
  const rule = d.source && d.ruleId ? `${d.source}:${d.ruleId}` : d.ruleId ?? '';
  let line = `${where ? where + ': ' : ''}${sev}: ${d.reason}${rule ? `  [${rule}]` : ''}`;
  if (d.expected && d.expected.length) line += `\n    expected: ${d.expected.join(' | ')}`;
  if (d.actual !== undefined && d.actual !== null) line += `\n    actual:   ${d.actual}`;
  return line;
}

export function diagnosticToJson(d: Diagnostic): Record<string, unknown> {
  return {
    file: d.file || undefined,
    line: d.line ?? undefined,
    column: d.column ?? undefined,
    severity: d.fatal === true ? 'error' : d.fatal === false ? 'warning' : 'info',
    rule: d.source && d.ruleId ? `${d.source}:${d.ruleId}` : d.ruleId,
    reason: d.reason,
    expected: d.expected ?? undefined,
    actual: d.actual ?? undefined,
    data: (d as Diagnostic & { data?: unknown }).data,
  };
}

/** Plain data for a diagnostic (crosses worker threads and JSON); `revive` turns it back. */
export interface PlainDiagnostic {
  rule: string;
  reason: string;
  file?: string;
  line?: number;
  column?: number;
  severity: Severity;
  expected?: string[];
  actual?: string;
  data?: Record<string, unknown>;
}

export function toPlain(d: Diagnostic): PlainDiagnostic {
  return {
    rule: d.source && d.ruleId ? `${d.source}:${d.ruleId}` : d.ruleId ?? 'briefs:error',
    reason: d.reason,
    file: d.file || undefined,
    line: d.line ?? undefined,
    column: d.column ?? undefined,
    severity: d.fatal === true ? 'error' : d.fatal === false ? 'warning' : 'info',
    expected: d.expected ?? undefined,
    actual: d.actual ?? undefined,
    data: (d as Diagnostic & { data?: Record<string, unknown> }).data,
  };
}

export function revive(p: PlainDiagnostic): Diagnostic {
  return diagnostic({
    rule: p.rule,
    reason: p.reason,
    file: p.file,
    place: p.line ? { line: p.line, column: p.column ?? 1 } : undefined,
    severity: p.severity,
    expected: p.expected,
    actual: p.actual,
    data: p.data,
  });
}
