// How a file is named in diagnostics: relative to the working directory when inside it. A module of its
// own so the build's orchestration can use it without loading the ingest stage.
import path from 'node:path';
import type { Context } from '../context.js';

export function displayPath(ctx: Pick<Context, 'cwd'>, file: string): string {
  const rel = path.relative(ctx.cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
