// The texts the glossary tools mine and check: each source as a list of located pieces of text.
// The SourceDoc's segments (ingestion: page furniture removed, lines rejoined); the source file's
// lines as decoded when asked for (mode 'lines') or when ingestion fails on a source.
import type { Context } from '../context.js';
import { UserError } from '../diagnostics.js';
import type { SourceDoc } from '../model.js';
import { listSources, readBytes, resolveSource } from '../build/sources.js';
import { decode } from '../ingest/decode.js';
import { docSegments } from '../ingest/walk.js';

export interface Piece {
  text: string;
  line: number;
  column: number;
}

export interface SourceText {
  slug: string;
  file: string;
  pieces: Piece[];
}

/** Pieces of a SourceDoc: every segment in reading order, with its place. */
export function docPieces(doc: SourceDoc): Piece[] {
  const out: Piece[] = [];
  for (const v of docSegments(doc)) out.push({ text: v.segment.text, line: v.segment.place.line, column: v.segment.place.column });
  return out;
}

/** Pieces of a plain text: its non-blank lines. */
export function linePieces(text: string): Piece[] {
  const out: Piece[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim()) out.push({ text: line, line: i + 1, column: 1 });
  });
  return out;
}

export interface CorpusOptions {
  /** 'doc': segments of the ingested SourceDoc when possible (default); 'lines': the file's lines. */
  mode?: 'doc' | 'lines';
}

/** Read the named sources (every source when none is named), sorted by slug. */
export async function readCorpus(ctx: Context, refs: string[], opts: CorpusOptions = {}): Promise<SourceText[]> {
  const files = refs.length ? refs.map((r) => resolveSource(ctx, r)) : listSources(ctx.sourcesDir, { followSymlinks: ctx.followSymlinks }).filter((f) => !f.refused);
  const load = opts.mode === 'lines' ? null : (await import('../build/load-source.js')).loadSourceDoc;
  const out: SourceText[] = [];
  for (const f of files) {
    let pieces: Piece[] | undefined;
    if (load) {
      try {
        pieces = docPieces((await load(ctx, f.sourcePath)).doc);
      } catch (err) {
        if (err instanceof UserError) throw err;
        pieces = undefined; // the ingest stage failed on this source: fall back to its lines
      }
    }
    if (!pieces) pieces = linePieces(decode(readBytes(f.sourcePath), f.sourcePath));
    out.push({ slug: f.slug, file: f.sourcePath, pieces });
  }
  return out.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
