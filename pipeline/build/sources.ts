// Finding and reading sources on disk: sources/<slug>/source.{txt,md}, meta.yaml, en.xlf.
// (File access lives here and in the CLI; the ingest stage itself is a pure function of bytes.)
import { readdirSync, readFileSync, statSync, existsSync, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError, UsageError, diagnostic } from '../diagnostics.js';
import type { Context } from '../context.js';

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface SourceFiles {
  slug: string;
  dir: string;
  sourcePath: string;
  format: SourceFormat;
  metaPath?: string;
  xliffPath?: string;
  /** The publisher's English, when the folder has one: source.en.<txt|md|html|docx|pdf> (see englishIn). */
  englishPath?: string;
  englishFormat?: SourceFormat;
  /**
   * Why the source may not be read: one of its files (or its folder) is a symbolic link that leads
   * outside the sources folder, and --follow-symlinks was not given. The build reports it, reads nothing.
   */
  refused?: string;
}

const SOURCE_NAMES: [string, SourceFormat][] = [
  ['source.txt', 'txt'],
  ['source.md', 'md'],
  ['source.markdown', 'md'],
  ['source.html', 'html'],
  ['source.htm', 'html'],
  ['source.docx', 'docx'],
  ['source.pdf', 'pdf'],
];

/** A parallel English file in a source folder: source.en.txt, .md, .html, .docx or .pdf (first found). */
export function englishIn(dir: string): { englishPath: string; englishFormat: SourceFormat } | undefined {
  for (const [name, format] of SOURCE_NAMES) {
    const p = path.join(dir, name.replace(/^source\./, 'source.en.'));
    if (existsSync(p)) return { englishPath: p, englishFormat: format };
  }
  return undefined;
}

/**
 * A slug is a source folder's name: any single path segment that is not hidden or special (letters of
 * any script and spaces are fine). Slugs read back from out/manifest.json are checked by the same rule,
 * so no slug can lead a build outside --out.
 */
export function isValidSlug(slug: unknown): slug is string {
  return (
    typeof slug === 'string' &&
    slug.length > 0 &&
    slug.length <= 200 &&
    slug.trim() === slug &&
    !slug.startsWith('.') &&
    !/[\/\\\u0000-\u001f\u007f]/.test(slug)
  );
}

export interface SourceListOptions {
  /** Read sources through symbolic links that lead outside the sources folder (default: refuse them). */
  followSymlinks?: boolean;
}

function formatOf(file: string): SourceFormat {
  return /\.(md|markdown)$/i.test(file) ? 'md' : /\.x?html?$/i.test(file) ? 'html' : /\.docx$/i.test(file) ? 'docx' : /\.pdf$/i.test(file) ? 'pdf' : 'txt';
}

/** The source files in a slug folder, or undefined when it holds no source.* file. */
export function sourceInDir(dir: string, opts: SourceListOptions & { root?: string } = {}): SourceFiles | undefined {
  for (const [name, format] of SOURCE_NAMES) {
    const p = path.join(dir, name);
    if (existsSync(p)) {
      const meta = path.join(dir, 'meta.yaml');
      const xlf = path.join(dir, 'en.xlf');
      const files: SourceFiles = {
        slug: path.basename(dir),
        dir,
        sourcePath: p,
        format,
        metaPath: existsSync(meta) ? meta : undefined,
        xliffPath: existsSync(xlf) ? xlf : undefined,
        ...englishIn(dir),
      };
      if (!opts.followSymlinks) {
        const outside = linkOutside(opts.root ?? path.dirname(dir), [dir, files.sourcePath, files.metaPath, files.xliffPath]);
        if (outside)
          files.refused = `${outside === dir ? 'this source folder' : path.basename(outside)} is a symbolic link to ${realpathOr(outside)}, outside the sources folder: not read (pass --follow-symlinks to allow it)`;
      }
      return files;
    }
  }
  return undefined;
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return '(missing)';
  }
}

/** The first of these paths that is a symbolic link whose target lies outside `root`, if any. */
function linkOutside(root: string, paths: (string | undefined)[]): string | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  for (const p of paths) {
    if (!p) continue;
    let isLink = false;
    try {
      isLink = lstatSync(p).isSymbolicLink();
    } catch {
      continue;
    }
    if (!isLink) continue;
    const target = realpathOr(p);
    if (!isInside(realRoot, target)) return p;
  }
  return undefined;
}

/** Whether `child` is `parent` or lies under it (both absolute, resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Every source under the sources folder, sorted by slug (deterministic). */
export function listSources(sourcesDir: string, opts: SourceListOptions = {}): SourceFiles[] {
  if (!existsSync(sourcesDir)) {
    throw new UserError(diagnostic({ rule: 'build:no-sources', reason: `sources folder not found: ${sourcesDir}` }));
  }
  if (!statSync(sourcesDir).isDirectory()) {
    throw new UserError(diagnostic({ rule: 'build:no-sources', reason: `the sources folder is not a folder: ${sourcesDir}` }));
  }
  return readdirSync(sourcesDir, { withFileTypes: true })
    .filter((e) => (e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(sourcesDir, e.name)))) && isValidSlug(e.name))
    .map((e) => sourceInDir(path.join(sourcesDir, e.name), { ...opts, root: sourcesDir }))
    .filter((s): s is SourceFiles => Boolean(s))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
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
      if (!s) throw new UserError(diagnostic({ rule: 'build:no-source', reason: `no source.txt, .md, .html or .docx in ${ref}` }));
      return s;
    }
    const dir = path.dirname(asPath);
    const base = path.basename(asPath);
    const inSlugDir = /^source\.(txt|md|markdown|html?|docx|pdf)$/i.test(base);
    const slug = inSlugDir ? path.basename(dir) : base.replace(/\.[^.]+$/, '');
    const meta = path.join(dir, 'meta.yaml');
    return {
      slug: slug.replace(/[\/\\\u0000-\u001f\u007f]+/g, '-').trim().replace(/^\.+/, '') || 'source',
      dir,
      sourcePath: asPath,
      format: formatOf(base),
      metaPath: inSlugDir && existsSync(meta) ? meta : undefined,
      xliffPath: inSlugDir && existsSync(path.join(dir, 'en.xlf')) ? path.join(dir, 'en.xlf') : undefined,
      ...(inSlugDir ? englishIn(dir) : undefined),
    };
  }
  if (!isValidSlug(ref)) throw new UsageError(`not a source slug or an existing file: ${ref}`);
  const s = sourceInDir(path.join(ctx.sourcesDir, ref), { root: ctx.sourcesDir, followSymlinks: ctx.followSymlinks });
  if (s?.refused) throw new UserError(diagnostic({ rule: 'build:symlink-refused', reason: s.refused }));
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
