// The build's use of alignment. When a source has the publisher's English it is aligned once, before
// selection: selection prefers sentences whose English was kept (select/english-preference.ts), whatever
// the English policy, so the Chinese brief does not depend on --english; and unless the policy is
// `reviewed`, the kept pairs join the source's translation memory as drafts, in memory only (en.xlf is
// written by `briefs align`, never by a build). mergeDraftUnits lets no draft replace reviewed or final
// English, nor a translator's.
import type { Context } from '../context.js';
import type { SourceDoc, Term } from '../model.js';
import type { SourceFiles } from '../build/sources.js';
import { createMatcher, type TermMatcher } from '../glossary/match.js';
import { documentScope } from '../glossary/scope.js';
import { docSegments } from '../ingest/walk.js';
import { TranslationMemory, mergeDraftUnits } from '../localize/tm.js';
import { alignLoadedSource } from './source.js';
import { alignmentDrafts, keptEnglish, type DocAlignment } from './index.js';

/**
 * What selection prefers for a loaded source, as the build computes it (the same matcher, the same
 * alignment): for the commands that select a source's brief outside a build (xliff, qa, translate,
 * build --explain), so they see the brief the build makes. Undefined when the source has no English.
 */
export async function englishPreference(ctx: Context, files: SourceFiles, doc: SourceDoc, terms: Term[]): Promise<((segmentId: string) => boolean) | undefined> {
  const matcher = documentScope(createMatcher(terms), [...docSegments(doc)].map((v) => v.segment.text)).matcher;
  const alignment = await alignForBuild(ctx, files, doc, matcher);
  return alignment ? keptEnglish(alignment) : undefined;
}

/** The source aligned with its publisher's English; undefined when it has none. */
export async function alignForBuild(ctx: Context, files: SourceFiles, doc: SourceDoc, matcher: TermMatcher): Promise<DocAlignment | undefined> {
  return (await alignLoadedSource(ctx, files, doc, { matcher })).alignment;
}

/** The translation memory with the alignment's kept pairs (and the parts they give) as drafts. */
export function withAlignedDrafts(tm: TranslationMemory, alignment: DocAlignment | undefined): TranslationMemory {
  if (!alignment || alignment.kept.length === 0) return tm;
  const { units } = mergeDraftUnits(tm.units.values(), alignmentDrafts(alignment));
  return new TranslationMemory(units, { accept: [...tm.accept], threshold: tm.threshold });
}
