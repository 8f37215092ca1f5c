// Options shared by every command, resolved to absolute folders. Defaults follow the project layout,
// relative to the current directory, so `briefs build` in a checkout works with no flags.
import path from 'node:path';

export interface GlobalOptions {
  sources?: string;
  glossary?: string;
  templates?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
  followSymlinks?: boolean;
}

export interface Context {
  cwd: string;
  sourcesDir: string;
  glossaryDir: string;
  templatesDir: string;
  outDir: string;
  json: boolean;
  quiet: boolean;
  /** Read sources through symbolic links that lead outside the sources folder (default: refuse). */
  followSymlinks?: boolean;
}

export function resolveContext(opts: GlobalOptions, cwd = process.cwd()): Context {
  const abs = (p: string | undefined, dflt: string) => path.resolve(cwd, p ?? dflt);
  return {
    cwd,
    sourcesDir: abs(opts.sources ?? process.env.BRIEFS_SOURCES, 'sources'),
    glossaryDir: abs(opts.glossary ?? process.env.BRIEFS_GLOSSARY, 'glossary'),
    templatesDir: abs(opts.templates ?? process.env.BRIEFS_TEMPLATES, 'templates'),
    outDir: abs(opts.out ?? process.env.BRIEFS_OUT, 'out'),
    json: Boolean(opts.json),
    quiet: Boolean(opts.quiet),
    followSymlinks: Boolean(opts.followSymlinks),
  };
}
