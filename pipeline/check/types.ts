// QA rules: each a pure function of one (Chinese segment, English translation) pair, like remark-lint rules.
import type { Segment, Term } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import type { TermFinder } from './matcher.js';

export interface QaPair {
  segment: Segment;
  /** The English translation. */
  target: string;
  /** The source file the segment comes from (diagnostics are located there). */
  source?: string;
}

export interface QaContext {
  terms: readonly Term[];
  matcher: TermFinder;
}

export interface QaRule {
  /** e.g. 'check:number-mismatch' */
  id: string;
  description: string;
  check(pair: QaPair, ctx: QaContext): Diagnostic[];
}
