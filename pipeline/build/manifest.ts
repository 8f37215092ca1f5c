// out/manifest.json: for each source, the digests of everything its outputs depend on, and for each output
// its own digest. The three languages of a source are one unit: one-page fitting drops the same items in
// every language, so a change that affects one language's length can change the others.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../model.js';
import { sanitizeRecord } from './owned.js';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_VERSION = 1;

export type SourceStatus = 'built' | 'needs-translation' | 'failed';

export interface OutputRecord {
  /** Path relative to out/, with forward slashes. */
  path: string;
  lang: Lang;
  format: 'md' | 'pdf' | 'xlf';
  digest: string;
  bytes: number;
  /** PDFs: the factor the type was scaled by to fit one page (a hint for the next build's fitting). */
  scale?: number;
}

export interface SourceRecord {
  slug: string;
  status: SourceStatus;
  /** Digests of this source's inputs: source, meta, translations, and every shared input it used. */
  inputs: Record<string, string>;
  /** Glossary entries the source uses (ids), so a changed entry rebuilds exactly these sources. */
  terms: string[];
  /** Key of the glossary snapshot (in Manifest.glossaries) the source was built with. */
  glossary: string;
  /** Segments the English brief still needs from a translator. */
  needsTranslation: number;
  /** Items dropped to fit one page (same in every language). */
  dropped: string[];
  /** The English brief uses draft translations (not reviewed), from these origins. Absent otherwise. */
  draft?: { origins: string[] };
  outputs: OutputRecord[];
  /** A build was killed while it replaced these outputs (see owned.ts): rebuild. */
  interrupted?: boolean;
}

export interface Manifest {
  version: number;
  tool: string;
  /**
   * Glossary snapshots (digest of each entry by id), keyed by the snapshot's own digest. Sources built at
   * different times (a partial or sharded build) each point at the snapshot they saw; unused ones are dropped.
   */
  glossaries: Record<string, Record<string, string>>;
  sources: Record<string, SourceRecord>;
}

export function emptyManifest(tool: string): Manifest {
  return { version: MANIFEST_VERSION, tool, glossaries: {}, sources: {} };
}

/**
 * Read out/manifest.json; a missing, unreadable or foreign manifest means "build everything". Every
 * record is checked like new input: a slug or output path that could lead outside out/<slug>/ is
 * dropped (and so is never deleted or written).
 */
export function readManifest(outDir: string, tool: string): Manifest {
  const file = path.join(outDir, MANIFEST_NAME);
  if (!existsSync(file)) return emptyManifest(tool);
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (m.version !== MANIFEST_VERSION || typeof m.sources !== 'object' || !m.sources) return emptyManifest(tool);
    const sources: Record<string, SourceRecord> = {};
    for (const [key, rec] of Object.entries(m.sources)) {
      const ok = sanitizeRecord(key, rec);
      if (ok) sources[key] = ok;
    }
    const glossaries = m.glossaries && typeof m.glossaries === 'object' ? m.glossaries : {};
    return { version: m.version, tool: String(m.tool), glossaries, sources };
  } catch {
    return emptyManifest(tool);
  }
}

/** Canonical serialization: sorted keys, two-space indent, trailing newline (byte-identical across builds). */
export function serializeManifest(m: Manifest): string {
  const sources: Record<string, SourceRecord> = {};
  for (const slug of Object.keys(m.sources).sort()) {
    const s = m.sources[slug];
    sources[slug] = {
      ...s,
      inputs: Object.fromEntries(Object.keys(s.inputs).sort().map((k) => [k, s.inputs[k]])),
      terms: [...s.terms].sort(),
      outputs: [...s.outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    };
  }
  const used = new Set(Object.values(sources).map((s) => s.glossary));
  const glossaries: Manifest['glossaries'] = {};
  for (const key of Object.keys(m.glossaries).sort()) {
    if (!used.has(key)) continue;
    const g = m.glossaries[key];
    glossaries[key] = Object.fromEntries(Object.keys(g).sort().map((k) => [k, g[k]]));
  }
  return JSON.stringify({ version: m.version, tool: m.tool, glossaries, sources }, null, 2) + '\n';
}
