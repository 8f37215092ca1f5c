// Before a build touches --out: it must be a folder of its own. A build writes and removes files there,
// so --out may not be (or contain, or lie inside) the sources, glossary or templates folder, nor a
// file system's root. And file-system failures while writing (a full disk, a read-only folder) are the
// user's to fix, not bugs: they become located errors.
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { UserError, diagnostic } from '../diagnostics.js';
import { isInside } from './sources.js';

/** The real path of `p`: its nearest existing ancestor resolved through symbolic links, plus the rest. */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(head), ...rest.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      rest.push(path.basename(head));
      head = parent;
    }
  }
}

/** Refuse an --out folder the build must not write to; nothing is touched before this passes. */
export function checkOutDir(ctx: Pick<Context, 'outDir' | 'sourcesDir' | 'glossaryDir' | 'templatesDir'>): void {
  const out = realPathOf(ctx.outDir);
  const refuse = (rule: string, reason: string): never => {
    throw new UserError(diagnostic({ rule, reason }));
  };
  if (path.parse(out).root === out) refuse('build:unsafe-out', `--out ${ctx.outDir} is the root of a file system; give the build a folder of its own, such as ./out`);
  if (existsSync(ctx.outDir) && !statSync(ctx.outDir).isDirectory())
    refuse('build:out-not-a-folder', `--out ${ctx.outDir} is a file, not a folder`);
  const others: [string, string][] = [
    ['--sources', ctx.sourcesDir],
    ['--glossary', ctx.glossaryDir],
    ['--templates', ctx.templatesDir],
  ];
  for (const [flag, dir] of others) {
    const other = realPathOf(dir);
    const how = out === other ? 'is' : isInside(other, out) ? 'lies inside' : isInside(out, other) ? 'contains' : undefined;
    if (how)
      refuse(
        'build:unsafe-out',
        `--out ${ctx.outDir} ${how} the ${flag.slice(2)} folder ${dir}: a build writes and deletes files in --out, so it must be a folder of its own (for example ./out beside ${path.basename(dir)}/)`,
      );
  }
}

const FS_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
};

/** A file-system error while writing, as the user's error to fix (exit 1); other errors pass through. */
export function writeError(err: unknown, file: string): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (!code || !(code in FS_REASONS)) return err;
  // a temporary's name (see atomic.ts) stands for the file it was to become
  const at = (err as NodeJS.ErrnoException).path;
  if (at) file = path.join(path.dirname(at), path.basename(at).replace(/^\.briefs-tmp-\d+-\d+-/, ''));
  return new UserError(
    diagnostic({
      rule: 'build:write-failed',
      file,
      reason: `cannot write ${file}: ${FS_REASONS[code]} (${code}); files already written and out/manifest.json are intact`,
    }),
  );
}
