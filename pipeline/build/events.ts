// What a build reports as it goes: one event per step. The CLI turns them into a progress bar,
// JSON lines (--json) or nothing (--quiet); tests collect them.
import type { Diagnostic } from '../diagnostics.js';
import type { SourceStatus } from './manifest.js';

export type BuildEvent =
  | { type: 'plan'; total: number; toBuild: number; skipped: number; removed: number }
  | { type: 'skip'; slug: string; reason: string }
  | { type: 'start'; slug: string; reason: string }
  | {
      type: 'done';
      slug: string;
      status: SourceStatus;
      outputs: string[];
      needsTranslation: number;
      dropped: string[];
      diagnostics: Diagnostic[];
      /** The English brief uses drafts (not reviewed) from these origins. */
      draft?: { origins: string[] };
      ms: number;
    }
  /** A vanished source's outputs were deleted, except `kept`: files changed since the build wrote them. */
  | { type: 'removed'; slug: string; kept: string[] }
  | { type: 'summary'; built: number; needsTranslation: number; failed: number; skipped: number; removed: number; ms: number };

export type EventSink = (e: BuildEvent) => void;
