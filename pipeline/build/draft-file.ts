// Drafts into sources/<slug>/en.xlf: read the file, merge (localize/tm.ts mergeDraftUnits: reviewed and
// final English is never replaced), write it back atomically. Read and write happen in one synchronous
// step, so two merges in one process never interleave; nothing is written when nothing changed. The file
// work lives here, with the build's other writes: localize/ stays pure (DESIGN.md, principle 1).
import { existsSync, readFileSync } from 'node:fs';
import { writeAtomicSync } from './atomic.js';
import { mergeDraftUnits, parseTm, writeTm, type DraftMerge, type TmUnit } from '../localize/tm.js';
import { displayPath } from '../localize/support.js';

export interface DraftFileMerge extends DraftMerge {
  written: boolean;
}

/**
 * Merge drafts (units with an origin, state translated) into an en.xlf file, creating it when absent.
 * `slug` names the XLIFF <file>. Throws the located UserError of a malformed en.xlf (nothing written).
 */
export function mergeDrafts(file: string, slug: string, drafts: Iterable<TmUnit>): DraftFileMerge {
  const existing = existsSync(file) ? [...parseTm(readFileSync(file, 'utf8'), displayPath(file)).units.values()] : [];
  const res = mergeDraftUnits(existing, drafts);
  const written = res.added.length + res.replaced.length > 0;
  if (written) writeAtomicSync(file, writeTm(slug, res.units));
  return { ...res, written };
}
