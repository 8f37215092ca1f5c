// The build's use of alignment: when a source has the publisher's English, its kept pairs join the
// source's translation memory as drafts, in memory only (en.xlf is written by `briefs align`, never by a
// build). mergeDraftUnits lets no draft replace reviewed or final English, nor a translator's.
import type { Context } from '../context.js';
import type { SourceDoc } from '../model.js';
import type { SourceFiles } from '../build/sources.js';
import type { TermMatcher } from '../glossary/match.js';
import { TranslationMemory, mergeDraftUnits } from '../localize/tm.js';
import { alignLoadedSource } from './source.js';
import { alignmentDrafts } from './index.js';

export async function withAlignedDrafts(ctx: Context, files: SourceFiles, doc: SourceDoc, tm: TranslationMemory, matcher: TermMatcher): Promise<TranslationMemory> {
  const { alignment } = await alignLoadedSource(ctx, files, doc, { matcher });
  if (!alignment || alignment.kept.length === 0) return tm;
  const { units } = mergeDraftUnits(tm.units.values(), alignmentDrafts(alignment));
  return new TranslationMemory(units, { accept: [...tm.accept], threshold: tm.threshold });
}
