// Reading one source from disk and ingesting it: the file-access half of the ingest stage.
import path from 'node:path';
import type { Context } from '../context.js';
import type { SourceDoc } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import { readBytes, resolveSource, type SourceFiles } from './sources.js';
import { decode } from '../ingest/decode.js';
import { ingest } from '../ingest/index.js';

/** How a file is named in diagnostics: relative to the working directory when inside it. */
export function displayPath(ctx: Context, file: string): string {
  const rel = path.relative(ctx.cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Ingest already-resolved source files. */
export function loadFiles(ctx: Context, files: SourceFiles): { files: SourceFiles; doc: SourceDoc; diagnostics: Diagnostic[] } {
  const file = displayPath(ctx, files.sourcePath);
  let meta: { file: string; text: string } | undefined;
  if (files.metaPath) {
    const metaFile = displayPath(ctx, files.metaPath);
    meta = { file: metaFile, text: decode(readBytes(files.metaPath), metaFile) };
  }
  const { doc, diagnostics } = ingest({ slug: files.slug, file, bytes: readBytes(files.sourcePath), format: files.format, meta });
  return { files, doc, diagnostics };
}

/** Resolve what the user named (slug, slug folder or file) and ingest it. */
export function loadSourceDoc(ctx: Context, ref: string): { files: SourceFiles; doc: SourceDoc; diagnostics: Diagnostic[] } {
  return loadFiles(ctx, resolveSource(ctx, ref));
}
