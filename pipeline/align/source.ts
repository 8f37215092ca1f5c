// Aligning one source on disk: the source as the build reads it, its English (sources/<slug>/source.en.*
// read by the same format readers, or the source's own English paragraphs), the glossary's matcher.
import type { Context } from '../context.js';
import type { SourceDoc } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFiles } from '../build/sources.js';
import type { TermMatcher } from '../glossary/match.js';
import { alignDocument, type DocAlignment } from './index.js';

/** The parallel English document of a source, ingested like a source (undefined when there is none). */
export async function loadEnglishDoc(ctx: Context, files: SourceFiles): Promise<{ doc: SourceDoc; diagnostics: Diagnostic[] } | undefined> {
  if (!files.englishPath || !files.englishFormat) return undefined;
  const { loadFiles } = await import('../build/load-source.js');
  // the ingest's findings on it are about Chinese structure (titles, enumerations): not the English's concern;
  // a file that cannot be read at all is still a located error
  const { doc } = await loadFiles(ctx, { slug: files.slug, dir: files.dir, sourcePath: files.englishPath, format: files.englishFormat }, { english: true });
  return { doc, diagnostics: [] };
}

export interface SourceAlignment {
  alignment?: DocAlignment;
  /** The English file as shown in messages, or the source's when the English is its own. */
  englishFile?: string;
  diagnostics: Diagnostic[];
}

/** Align a loaded source with its English; no alignment when there is none. */
export async function alignLoadedSource(
  ctx: Context,
  files: SourceFiles,
  doc: SourceDoc,
  opts: { matcher?: TermMatcher; threshold?: number } = {},
): Promise<SourceAlignment> {
  const { displayPath } = await import('../build/display-path.js');
  const english = await loadEnglishDoc(ctx, files);
  const alignment = alignDocument(doc, { englishDoc: english?.doc, matcher: opts.matcher, threshold: opts.threshold });
  const englishFile = files.englishPath ? displayPath(ctx, files.englishPath) : alignment ? displayPath(ctx, files.sourcePath) : undefined;
  return { alignment, englishFile, diagnostics: english?.diagnostics ?? [] };
}
