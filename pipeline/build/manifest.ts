// out/manifest.json: for each source, the digests of everything its outputs depend on, and for each output
// its own digest. The three languages of a source are one unit: one-page fitting drops the same items in
// every language, so a change that affects one language's length can change the others.
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../model.js';
import { sanitizeRecord } from './owned.js';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_VERSION = 1;
/** The only files a manifest may record at the top of out/ (everything else lives in out/<slug>/). */
export const PAGE_NAMES = ['index.html'];

export type SourceStatus = 'built' | 'needs-translation' | 'failed';

export interface OutputRecord {
  /** Path relative to out/, with forward slashes. */
  path: string;
  lang: Lang;
  format: 'md' | 'pdf' | 'docx' | 'png' | 'xlf';
  digest: string;
  bytes: number;
  /** PDFs: the factor the type was scaled by to fit one page (a hint for the next build's fitting). */
  scale?: number;
  /** Thumbnails (png): what they were drawn from (the PDF, the rasterizer, the width; see build/thumbnails.ts). */
  from?: string;
  /** Thumbnails: size in pixels (for the preview page's <img>). */
  width?: number;
  height?: number;
}

/** What the preview page (out/index.html) shows of a source besides its files. */
export interface SourceFacts {
  title?: string;
  date?: string;
  /** The institution (report) or outlet (news). */
  publisher?: string;
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
  /** Title, date and publisher as read from the source (for the preview page). */
  facts?: SourceFacts;
  /** Diagnostics of the last build of the source, by severity (QA and checks). */
  qa?: { errors: number; warnings: number };
  /** Why the source failed: its first error, as the build reported it. */
  failure?: string;
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
  /** Files the build writes at the top of out/ (index.html), with the digest of what it wrote last. */
  pages?: Record<string, string>;
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
    const pages = m.pages && typeof m.pages === 'object' ? Object.fromEntries(Object.entries(m.pages).filter(([k, v]) => PAGE_NAMES.includes(k) && typeof v === 'string')) : undefined;
    return { version: m.version, tool: String(m.tool), glossaries, sources, ...(pages ? { pages } : {}) };
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
  const pages = m.pages ? { pages: Object.fromEntries(Object.keys(m.pages).sort().map((k) => [k, m.pages![k]])) } : {};
  return JSON.stringify({ version: m.version, tool: m.tool, glossaries, sources, ...pages }, null, 2) + '\n';
}

/**
 * The manifest of an out/ that other builds (shards) may write at the same time. `update` applies a
 * change to the manifest as it is on disk, under the manifest lock: if another build wrote it since
 * this one last read or wrote it, it is read again first, so every build's records are kept.
 */
export class ManifestStore {
  private seen: string | undefined;
  private written: string | undefined;

  constructor(
    readonly outDir: string,
    public manifest: Manifest,
    seen: string | undefined,
  ) {
    this.seen = seen;
  }

  /** Read out/manifest.json (stat first: a write after the stat makes the next update read it again). */
  static open(outDir: string, tool: string): ManifestStore {
    const seen = statKey(path.join(outDir, MANIFEST_NAME));
    return new ManifestStore(outDir, readManifest(outDir, tool), seen);
  }

  /**
   * `change` and `write` are synchronous: between taking the lock and letting it go nothing else of
   * the build runs (a long job on this thread would keep the lock from being refreshed, and make it stale).
   */
  async update(change: (m: Manifest) => void, write: (file: string, text: string) => void): Promise<void> {
    const { withManifestLock } = await import('./lock.js');
    await withManifestLock(this.outDir, () => {
      const file = path.join(this.outDir, MANIFEST_NAME);
      const now = statKey(file);
      if (now !== this.seen) {
        this.manifest = readManifest(this.outDir, this.manifest.tool);
        this.written = undefined;
      }
      change(this.manifest);
      const text = serializeManifest(this.manifest);
      if (now === undefined || text !== (this.written ?? readText(file))) write(file, text);
      this.written = text;
      this.seen = statKey(file);
    });
  }
}

/** What identifies one version of a file (inode, size, change time), or undefined if it is missing. */
function statKey(file: string): string | undefined {
  try {
    const st = statSync(file, { bigint: true });
    return `${st.ino}:${st.size}:${st.ctimeNs}:${st.mtimeNs}`;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
