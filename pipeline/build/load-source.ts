// Reading one source from disk and ingesting it: the file-access half of the ingest stage.
import path from 'node:path';
import type { Context } from '../context.js';
import type { SourceDoc } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import { readBytes, resolveSource, type SourceFiles } from './sources.js';
import { decode } from '../ingest/decode.js';
import { ingest } from '../ingest/index.js';
import { toReadable } from '../ingest/formats/index.js';

export { displayPath } from './display-path.js';
import { displayPath } from './display-path.js';

/**
 * Does meta.yaml give the title? A top-level `title:` key with a value: only to word the reader's summary
 * line, so a look at the text, not a second parse (meta.yaml is parsed, checked and reported by ingest;
 * parsing it here first met a hostile, deeply nested meta.yaml before ingest's depth check could).
 */
function givesTitle(meta: { file: string; text: string }): boolean {
  return /^title[ \t]*:[ \t]*[^\s#]/m.test(meta.text);
}

/** Ingest already-resolved source files (`english`: the publisher's English, read for alignment). */
export async function loadFiles(ctx: Context, files: SourceFiles, opts: { english?: boolean } = {}): Promise<{ files: SourceFiles; doc: SourceDoc; diagnostics: Diagnostic[] }> {
  const file = displayPath(ctx, files.sourcePath);
  let meta: { file: string; text: string } | undefined;
  if (files.metaPath) {
    const metaFile = displayPath(ctx, files.metaPath);
    meta = { file: metaFile, text: decode(readBytes(files.metaPath), metaFile) };
  }
  const readable = await toReadable(readBytes(files.sourcePath), files.format, file, { titleGiven: meta !== undefined && givesTitle(meta) });
  const { doc, diagnostics } = ingest({
    slug: files.slug,
    file,
    bytes: readable.bytes,
    format: readable.format,
    meta,
    headingLines: readable.headingLines,
    ...(readable.title ? { layoutTitle: readable.title } : {}),
    ...(opts.english ? { english: true } : {}),
  });
  return { files, doc, diagnostics: [...readable.diagnostics, ...diagnostics] };
}

/** Resolve what the user named (slug, slug folder or file) and ingest it. */
export async function loadSourceDoc(ctx: Context, ref: string): Promise<{ files: SourceFiles; doc: SourceDoc; diagnostics: Diagnostic[] }> {
  return loadFiles(ctx, resolveSource(ctx, ref));
}

/** loadSourceDoc for a text or Markdown source, synchronously (benches and tests of the seeds). */
export function loadTextSourceDoc(ctx: Context, ref: string): { files: SourceFiles; doc: SourceDoc; diagnostics: Diagnostic[] } {
  const files = resolveSource(ctx, ref);
  if (files.format !== 'txt' && files.format !== 'md') throw new Error(`${ref} is a .${files.format} source: use loadSourceDoc`);
  const file = displayPath(ctx, files.sourcePath);
  const meta = files.metaPath ? { file: displayPath(ctx, files.metaPath), text: decode(readBytes(files.metaPath), files.metaPath) } : undefined;
  const { doc, diagnostics } = ingest({ slug: files.slug, file, bytes: readBytes(files.sourcePath), format: files.format, meta });
  return { files, doc, diagnostics };
}
