// Finding and reading sources on disk: sources/<slug>/source.{txt,md}, meta.yaml, en.xlf.
// (File access lives here and in the CLI; the ingest stage itself is a pure function of bytes.)
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { UserError, UsageError, diagnostic } from '../diagnostics.js';
import type { Context } from '../context.js';

export type SourceFormat = 'txt' | 'md';

export interface SourceFiles {
  slug: string;
  dir: string;
  sourcePath: string;
  format: SourceFormat;
  metaPath?: string;
  xliffPath?: string;
}

const SOURCE_NAMES: [string, SourceFormat][] = [
  ['source.txt', 'txt'],
  ['source.md', 'md'],
  ['source.markdown', 'md'],
];

export const SLUG_RE = /^[a-z0-9][a-z0-9._-]*$/i;

function formatOf(file: string): SourceFormat {
  return /\.(md|markdown)$/i.test(file) ? 'md' : 'txt';
}

/** The source files in a slug folder, or undefined when it holds no source.* file. */
export function sourceInDir(dir: string): SourceFiles | undefined {
  for (const [name, format] of SOURCE_NAMES) {
    const p = path.join(dir, name);
    if (existsSync(p)) {
      const meta = path.join(dir, 'meta.yaml');
      const xlf = path.join(dir, 'en.xlf');
      return {
        slug: path.basename(dir),
        dir,
        sourcePath: p,
        format,
        metaPath: existsSync(meta) ? meta : undefined,
        xliffPath: existsSync(xlf) ? xlf : undefined,
      };
    }
  }
  return undefined;
}

/** Every source under the sources folder, sorted by slug (deterministic). */
export function listSources(sourcesDir: string): SourceFiles[] {
  if (!existsSync(sourcesDir)) {
    throw new UserError(diagnostic({ rule: 'build:no-sources', reason: `sources folder not found: ${sourcesDir}` }));
  }
  return readdirSync(sourcesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => sourceInDir(path.join(sourcesDir, e.name)))
    .filter((s): s is SourceFiles => Boolean(s))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/**
 * Resolve what the user named: a slug under the sources folder, a slug folder, or any text/Markdown file
 * (its slug is then the file name without extension).
 */
export function resolveSource(ctx: Context, ref: string): SourceFiles {
  const asPath = path.resolve(ctx.cwd, ref);
  if (existsSync(asPath)) {
    const st = statSync(asPath);
    if (st.isDirectory()) {
      const s = sourceInDir(asPath);
      if (!s) throw new UserError(diagnostic({ rule: 'build:no-source', reason: `no source.txt or source.md in ${ref}` }));
      return s;
    }
    const dir = path.dirname(asPath);
    const base = path.basename(asPath);
    const inSlugDir = /^source\.(txt|md|markdown)$/i.test(base);
    const slug = inSlugDir ? path.basename(dir) : base.replace(/\.[^.]+$/, '');
    const meta = path.join(dir, 'meta.yaml');
    return {
      slug: slug.replace(/[^a-z0-9._-]+/gi, '-') || 'source',
      dir,
      sourcePath: asPath,
      format: formatOf(base),
      metaPath: inSlugDir && existsSync(meta) ? meta : undefined,
      xliffPath: inSlugDir && existsSync(path.join(dir, 'en.xlf')) ? path.join(dir, 'en.xlf') : undefined,
    };
  }
  if (!SLUG_RE.test(ref)) throw new UsageError(`not a source slug or an existing file: ${ref}`);
  const s = sourceInDir(path.join(ctx.sourcesDir, ref));
  if (!s) {
    const known = existsSync(ctx.sourcesDir) ? listSources(ctx.sourcesDir).map((x) => x.slug) : [];
    throw new UserError(
      diagnostic({
        rule: 'build:unknown-source',
        reason: `no source named "${ref}" in ${ctx.sourcesDir}${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      }),
    );
  }
  return s;
}

export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new UserError(
      diagnostic({ rule: 'build:unreadable', reason: `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }),
    );
  }
}
