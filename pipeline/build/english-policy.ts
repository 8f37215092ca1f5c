// Which English a build puts in a brief (`briefs build --english`):
//   reviewed  only reviewed and final translations (a person's);
//   draft     drafts (alignment, machine translation) fill what has no reviewed translation;
//   auto      as draft, but only when every text the brief needs then has English; otherwise as reviewed.
// A draft goes into a brief only if it passes every QA rule and the length-ratio check; one that fails
// becomes a warning on its segment and is kept out. The brief records the origins of the drafts it uses.
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { QaContext, QaPair } from '../check/types.js';
import { RULES, runQa } from '../check/index.js';
import { lengthRatio } from '../check/rules/length-ratio.js';
export { DRAFT_BANNER, describeOrigin } from '../localize/origin.js';
import { isDraft, type TranslationMemory } from '../localize/tm.js';

export type EnglishPolicy = 'reviewed' | 'draft' | 'auto';
export const ENGLISH_POLICIES: readonly EnglishPolicy[] = ['reviewed', 'draft', 'auto'];
export const DEFAULT_ENGLISH: EnglishPolicy = 'auto';

/** A draft checked for a brief: its English, or undefined when QA kept it out (see `diagnostics`). */
export interface DraftCheck {
  target?: string;
  origin: string;
  diagnostics: Diagnostic[];
}

/**
 * QA of one draft: every rule and the length ratio. Errors become warnings that say the draft was kept
 * out; a draft with only warnings is used, its warnings kept.
 */
export function checkDraft(pair: QaPair & { origin: string }, ctx: QaContext): DraftCheck {
  const found = runQa([pair], ctx, [...RULES, lengthRatio]);
  if (!found.some((d) => d.fatal === true)) return { target: pair.target, origin: pair.origin, diagnostics: found };
  const diagnostics = found.map((d) =>
    d.fatal !== true
      ? d
      : diagnostic({
          rule: 'localize:draft-rejected',
          severity: 'warning',
          file: pair.source,
          place: pair.segment.place,
          reason: `a draft (${pair.origin}) is kept out of the brief: ${d.reason}`,
          actual: pair.target,
          data: { segmentId: pair.segment.id, origin: pair.origin, rule: `${d.source}:${d.ruleId}` },
        }),
  );
  return { origin: pair.origin, diagnostics };
}

/** The draft unit for a segment id, when the TM has one (state translated, with an origin). */
export function draftOf(tm: TranslationMemory, id: string): { target: string; origin: string } | undefined {
  const u = tm.get(id);
  return u && isDraft(u) ? { target: u.target.trim(), origin: u.origin! } : undefined;
}
