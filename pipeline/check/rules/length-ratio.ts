import type { QaRule } from '../types.js';
import { qaDiagnostic } from '../report.js';

/**
 * English characters per Chinese character outside which a translation is suspect: a truncated answer,
 * an engine's commentary, two sentences aligned to one. The seeds' reviewed English runs 1.6–6.0
 * (median 4.2, 36 units); the bounds leave room either side. Texts shorter than MIN_SOURCE_CHARS
 * (names, roles, headings) vary too much to judge.
 */
export const LENGTH_RATIO = { min: 1.0, max: 9.0 };
export const MIN_SOURCE_CHARS = 8;

/** Only for drafts (alignment, machine translation): a person's English is not second-guessed by length. */
export const lengthRatio: QaRule = {
  id: 'check:length-ratio',
  description: 'a draft translation must be of a plausible length for its Chinese',
  check(pair) {
    const zh = Array.from(pair.segment.text.replace(/\s+/g, '')).length;
    if (zh < MIN_SOURCE_CHARS) return [];
    const en = Array.from(pair.target.trim()).length;
    const ratio = en / zh;
    if (ratio >= LENGTH_RATIO.min && ratio <= LENGTH_RATIO.max) return [];
    return [
      qaDiagnostic(
        this.id,
        pair,
        `check:length-ratio: the English is ${en} characters for ${zh} Chinese ones (${ratio.toFixed(1)} per character; expected ${LENGTH_RATIO.min}–${LENGTH_RATIO.max})`,
        { data: { ratio: Math.round(ratio * 100) / 100 } },
      ),
    ];
  },
};
