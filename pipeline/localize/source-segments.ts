// Segments of a source, for the localize commands (xliff export/import, qa): the source as the build
// reads it (build/load-source.ts), its segments, and the texts its English brief needs.
import type { Context } from '../context.js';
import type { Segment, SourceDoc, Term } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFiles } from '../build/sources.js';
import { docSegments } from '../ingest/walk.js';
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
 * (ids `segmentId(text)`, as the build exports them; `hasEnglish` as the build gives selection). Used by xliff import and export and by qa, so a
 * unit the build asked for is never refused as "no segment with this id".
 */
export function briefSegments(doc: SourceDoc, terms: Term[], hasEnglish?: (segmentId: string) => boolean): BriefSegments {
  const docSegs = [...docSegments(doc)].map((v) => v.segment);
  const byId = new Map(docSegs.map((s) => [s.id, s]));
  const { brief } = selectBrief(doc, terms, hasEnglish ? { hasEnglish } : {});
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

/** A source's segments; with the glossary's `terms`, also the texts its brief needs (see briefSegments). */
export async function loadSourceSegments(ctx: Context, ref: string, terms?: Term[]): Promise<SourceSegments> {
  const { loadSourceDoc } = await import('../build/load-source.js');
  const { files, doc, diagnostics } = await loadSourceDoc(ctx, ref);
  if (terms) {
    // the brief the build makes: with the publisher's English, selection prefers sentences it gives English for
    const { englishPreference } = await import('../align/build-drafts.js');
    return { files, ...briefSegments(doc, terms, await englishPreference(ctx, files, doc, terms)), diagnostics };
  }
  return { files, segments: [...docSegments(doc)].map((v) => v.segment), diagnostics };
}

