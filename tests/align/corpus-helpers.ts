// The bilingual corpus documents as the alignment reads them (ingested like the build ingests them).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../../pipeline/ingest/index.js';
import { loadGlossary } from '../../pipeline/glossary/load.js';
import { createMatcher } from '../../pipeline/glossary/match.js';
import { alignDocument, type DocAlignment } from '../../pipeline/align/index.js';
import type { SourceDoc, Term } from '../../pipeline/model.js';

export const repo = path.resolve(__dirname, '../..');
/** The corpus documents that come with the publisher's English. */
export const ALIGNED_CORPUS = ['law-constitution-bilingual', 'kys-2024-open-source-ai', 'kys-2024-commercialization-interviews', 'kys-2024-questionnaire'];

export function corpusDoc(slug: string, file = 'source.md'): SourceDoc {
  const p = path.join(repo, 'corpus', slug, file);
  return ingest({ slug, file: p, bytes: readFileSync(p), format: 'md', english: file !== 'source.md' }).doc;
}

let glossary: { terms: Term[]; matcher: ReturnType<typeof createMatcher> } | undefined;
export function repoGlossary() {
  if (!glossary) {
    const { terms } = loadGlossary(path.join(repo, 'glossary'));
    glossary = { terms, matcher: createMatcher(terms) };
  }
  return glossary;
}

export function alignCorpus(slug: string, threshold?: number): { doc: SourceDoc; english?: SourceDoc; alignment: DocAlignment } {
  const doc = corpusDoc(slug);
  const english = existsSync(path.join(repo, 'corpus', slug, 'source.en.md')) ? corpusDoc(slug, 'source.en.md') : undefined;
  const alignment = alignDocument(doc, { englishDoc: english, matcher: repoGlossary().matcher, threshold });
  if (!alignment) throw new Error(`${slug}: nothing to align`);
  return { doc, english, alignment };
}
