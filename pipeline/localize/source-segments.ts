// Segments of a source, for the localize commands (xliff export/import, qa). Uses the build's
// loadSourceDoc (build/load-source.ts) + docSegments when it is present; until then a plain fallback:
// every non-empty line (Markdown markers stripped) split into sentences, with the ingest's ids and places.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import type { Segment, SourceDoc, Term } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import { resolveSource, type SourceFiles } from '../build/sources.js';
import { docSegments } from '../ingest/walk.js';
import { Located, LineIndex } from '../ingest/located.js';
import { makeSegment, splitSentences } from '../ingest/segment.js';
import { selectBrief } from '../select/index.js';
import { localizeBrief } from './brief.js';

export interface SourceSegments {
  files: SourceFiles;
  /** The document's segments and (when the glossary was given) the texts its brief needs, in source order. */
  segments: Segment[];
  /** The texts the English brief needs, each under the id the build asks for (when the glossary was given). */
  needed?: Segment[];
  diagnostics: Diagnostic[];
}

export interface BriefSegments {
  /** The document's segments, with each text the brief derives from them (a quote cut out of a sentence,
   *  a speaker's role, a trimmed sentence, the title) placed after the segment it comes from. */
  segments: Segment[];
  /** What the English brief needs, in the brief's order: the build's XLIFF units. */
  needed: Segment[];
}

/**
 * The segments a translation may be keyed by: the document's, and the texts the current brief needs
 * (ids `segmentId(text)`, as the build exports them). Used by xliff import and export and by qa, so a
 * unit the build asked for is never refused as "no segment with this id".
 */
export function briefSegments(doc: SourceDoc, terms: Term[]): BriefSegments {
  const docSegs = [...docSegments(doc)].map((v) => v.segment);
  const byId = new Map(docSegs.map((s) => [s.id, s]));
  const { brief } = selectBrief(doc, terms);
  const { missing } = localizeBrief(brief, 'en', { translate: () => undefined, toHant: (s) => s, terms, meta: doc.meta });
  const after = new Map<number, Segment[]>();
  const needed: Segment[] = [];
  for (const m of missing) {
    const known = byId.get(m.id);
    if (known) {
      needed.push(known);
      continue;
    }
    // the place of the document segment it comes from: the first one holding its opening characters
    const probe = m.text.slice(0, 12);
    const at = probe ? docSegs.findIndex((s) => s.text.includes(probe)) : -1;
    const seg: Segment = { id: m.id, text: m.text, place: at >= 0 ? docSegs[at].place : { line: 1, column: 1 }, footnoteRefs: [] };
    byId.set(m.id, seg);
    needed.push(seg);
    after.set(at, [...(after.get(at) ?? []), seg]);
  }
  const segments: Segment[] = [...(after.get(-1) ?? [])];
  docSegs.forEach((s, k) => segments.push(s, ...(after.get(k) ?? [])));
  return { segments, needed };
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

/** A source's segments; with the glossary's `terms`, also the texts its brief needs (see briefSegments). */
export async function loadSourceSegments(ctx: Context, ref: string, terms?: Term[]): Promise<SourceSegments> {
  const load = await buildLoader();
  if (load) {
    const { files, doc, diagnostics } = await load(ctx, ref);
    if (terms) return { files, ...briefSegments(doc, terms), diagnostics };
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
