// What the localize and QA commands share: the glossary (when there is one) and a source's TM on disk.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { Term } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import type { TermFinder } from '../check/matcher.js';
import { parseTm, emptyTm, type TranslationMemory, type TmOptions } from './tm.js';

export interface GlossaryForCli {
  terms: Term[];
  matcher: TermFinder;
  diagnostics: Diagnostic[];
}

/** The glossary's terms and matcher; an absent glossary folder is an empty glossary. */
export async function loadGlossaryForCli(ctx: Context): Promise<GlossaryForCli> {
  if (!existsSync(ctx.glossaryDir)) {
    const { simpleMatcher } = await import('../check/matcher.js');
    return { terms: [], matcher: simpleMatcher([]), diagnostics: [] };
  }
  const { loadGlossary } = await import('../glossary/load.js');
  const { createMatcher } = await import('../glossary/match.js');
  const { terms, diagnostics } = loadGlossary(ctx.glossaryDir);
  return { terms, matcher: createMatcher(terms), diagnostics };
}

/** sources/<slug>/en.xlf as a TM (empty when the file does not exist yet). */
export function loadTm(dir: string, opts: TmOptions = {}): { tm: TranslationMemory; file: string; exists: boolean; text?: string } {
  const file = path.join(dir, 'en.xlf');
  if (!existsSync(file)) return { tm: emptyTm(opts), file, exists: false };
  const text = readFileSync(file, 'utf8');
  return { tm: parseTm(text, displayPath(file), opts), file, exists: true, text };
}

/** A path relative to the current directory when it is inside it (for messages). */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
