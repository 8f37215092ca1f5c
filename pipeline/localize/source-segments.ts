// Segments of a source, for the localize commands (xliff export/import, qa). Uses the build's
// loadSourceDoc (build/load-source.ts) + docSegments when it is present; until then a plain fallback:
// every non-empty line (Markdown markers stripped) split into sentences, with the ingest's ids and places.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { Segment, SourceDoc } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import { resolveSource, type SourceFiles } from '../build/sources.js';
import { docSegments } from '../ingest/walk.js';
import { Located, LineIndex } from '../ingest/located.js';
import { makeSegment, splitSentences } from '../ingest/segment.js';

export interface SourceSegments {
  files: SourceFiles;
  segments: Segment[];
  diagnostics: Diagnostic[];
}

type LoadSourceDoc = (ctx: Context, ref: string) => { files: SourceFiles; doc: SourceDoc; diagnostics: Diagnostic[] } | Promise<{ files: SourceFiles; doc: SourceDoc; diagnostics: Diagnostic[] }>;

async function buildLoader(): Promise<LoadSourceDoc | undefined> {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const candidate = path.join(here, '..', 'build', 'load-source.js');
  if (!existsSync(candidate)) return undefined;
  const spec = '../build/load-source.js';
  const mod = (await import(spec)) as { loadSourceDoc?: LoadSourceDoc };
  return mod.loadSourceDoc;
}

export async function loadSourceSegments(ctx: Context, ref: string): Promise<SourceSegments> {
  const load = await buildLoader();
  if (load) {
    const { files, doc, diagnostics } = await load(ctx, ref);
    return { files, segments: [...docSegments(doc)].map((v) => v.segment), diagnostics };
  }
  const files = resolveSource(ctx, ref);
  return { files, segments: fallbackSegments(readFileSync(files.sourcePath, 'utf8')), diagnostics: [] };
}

/** Plain segmentation: each non-empty line, Markdown block markers removed, split into sentences. */
export function fallbackSegments(raw: string): Segment[] {
  const text = raw.replace(/^\uFEFF/, '');
  const lines = new LineIndex(text);
  const out: Segment[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = /^(\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)?)(.*?)\s*\r?$/.exec(line)!;
    const body = m[2];
    if (body.trim()) {
      const loc = Located.from(body, offset + m[1].length);
      for (const s of splitSentences(loc)) out.push(makeSegment(s, lines));
    }
    offset += line.length + 1;
  }
  return out;
}
