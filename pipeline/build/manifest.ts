// out/manifest.json: for each source, the digests of everything its outputs depend on, and for each output
// its own digest. The three languages of a source are one unit: one-page fitting drops the same items in
// every language, so a change that affects one language's length can change the others.
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../model.js';
import { sanitizeRecord } from './owned.js';
import { foldRecordLog, recordLogs } from './record-log.js';

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
 * Read out/manifest.json and the record logs of shards (see record-log.ts); a missing, unreadable or
 * foreign manifest means "build everything". Every record is checked like new input: a slug or output path that could lead outside out/<slug>/ is
 * dropped (and so is never deleted or written).
 */
export function readManifest(outDir: string, tool: string): Manifest {
  const m = readManifestFile(outDir, tool);
  // what shards recorded in their logs and have not folded in yet (see record-log.ts)
  for (const log of recordLogs(outDir)) foldRecordLog(m, outDir, log.name, sanitizeRecord);
  return m;
}

/** out/manifest.json alone (see readManifest). */
function readManifestFile(outDir: string, tool: string): Manifest {
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

/**
 * Canonical serialization: sorted keys, two-space indent, trailing newline (byte-identical across builds):
 * what `JSON.stringify(canonical(m), null, 2)` gives, put together from pieces. A build writes the
 * manifest after every source, so each record's bytes are made once and kept (`PIECES`, keyed by the
 * record object) and a write copies the pieces into one buffer: serializing the whole manifest at every
 * source made a build of N sources O(N²) in JavaScript (the records of 500 sources, 3 MB, at every
 * source; 8 MB at 2,000), and so did encoding one long string of them. A record in a manifest is
 * therefore replaced, never changed in place.
 */
export function manifestBytes(m: Manifest): Buffer {
  return Buffer.concat(manifestParts(m));
}

/**
 * The manifest's bytes in pieces (concatenated, they are manifestBytes): a build writes these as they
 * are. Joining them made a buffer the size of the manifest at every source (12 MB at 2,000 sources), and
 * buffers that size, made and dropped one after another, kept the allocator's memory growing.
 */
export function manifestParts(m: Manifest): Buffer[] {
  const slugs = objectOrder(Object.keys(m.sources).sort());
  const used = new Set(slugs.map((slug) => m.sources[slug].glossary));
  const glossaries = objectOrder(Object.keys(m.glossaries).sort())
    .filter((key) => used.has(key))
    .map((key) => piece(m.glossaries[key], key, canonicalGlossary));
  const sources = slugs.map((slug) => piece(m.sources[slug], slug, canonicalRecord));
  const pages = m.pages ? `,\n  "pages": ${indent(JSON.stringify(sortedObject(m.pages), null, 2), 2)}` : '';
  return [
    Buffer.from(`{\n  "version": ${JSON.stringify(m.version)},\n  "tool": ${JSON.stringify(m.tool)},\n  "glossaries": `),
    ...members(glossaries),
    Buffer.from(',\n  "sources": '),
    ...members(sources),
    Buffer.from(`${pages}\n}\n`),
  ];
}

/** The manifest's text (see manifestBytes). */
export function serializeManifest(m: Manifest): string {
  return manifestBytes(m).toString('utf8');
}

/** A record as the manifest writes it: inputs and terms sorted, outputs by path. */
export function canonicalRecord(s: SourceRecord): SourceRecord {
  return {
    ...s,
    inputs: sortedObject(s.inputs),
    terms: [...s.terms].sort(),
    outputs: [...s.outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

function canonicalGlossary(g: Record<string, string>): Record<string, string> {
  return sortedObject(g);
}

function sortedObject<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/**
 * Keys in the order an object made from them keeps them: integer-like keys ("2024") first, by value,
 * then the others as given (what the plain serialization of a sorted object printed).
 */
function objectOrder(sorted: string[]): string[] {
  const index = (k: string) => /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 2 ** 32 - 1;
  const ints = sorted.filter(index).sort((a, b) => Number(a) - Number(b));
  return ints.length ? [...ints, ...sorted.filter((k) => !index(k))] : sorted;
}

/** The bytes of `"key": value` as a member of an object at depth 1 (4 spaces in), per value object and key. */
const PIECES = new WeakMap<object, { key: string; bytes: Buffer }>();

function piece<T extends object>(value: T, key: string, canonical: (v: T) => unknown): Buffer {
  const hit = PIECES.get(value);
  if (hit && hit.key === key) return hit.bytes;
  const bytes = Buffer.from(`    ${JSON.stringify(key)}: ${indent(JSON.stringify(canonical(value), null, 2), 4)}`);
  PIECES.set(value, { key, bytes });
  return bytes;
}

const OPEN = Buffer.from('{\n');
const COMMA = Buffer.from(',\n');
const CLOSE = Buffer.from('\n  }');
const EMPTY = Buffer.from('{}');

/** The members of an object at depth 1, as JSON.stringify(…, null, 2) prints them (`{}` if none). */
function members(pieces: Buffer[]): Buffer[] {
  if (!pieces.length) return [EMPTY];
  const parts: Buffer[] = [OPEN];
  pieces.forEach((p, i) => {
    if (i) parts.push(COMMA);
    parts.push(p);
  });
  parts.push(CLOSE);
  return parts;
}

function indent(json: string, spaces: number): string {
  return json.replace(/\n/g, '\n' + ' '.repeat(spaces));
}

/**
 * The manifest of an out/ that other builds (shards) may write at the same time. `update` applies a
 * change to the manifest as it is on disk, under the manifest lock: if another build wrote it since
 * this one last read or wrote it, it is read again first, so every build's records are kept.
 */
export class ManifestStore {
  private seen: string | undefined;
  /** What this store last wrote (or found written), in pieces: an unchanged manifest is not written again. */
  private written: Buffer[] | undefined;

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
   * `written` runs last, still under the lock, once the manifest on disk holds the change.
   */
  async update(change: (m: Manifest) => void, write: (file: string, data: Buffer[]) => void, written?: () => void): Promise<void> {
    const { withManifestLock } = await import('./lock.js');
    await withManifestLock(this.outDir, () => {
      const file = path.join(this.outDir, MANIFEST_NAME);
      const now = statKey(file);
      if (now !== this.seen) {
        this.manifest = readManifest(this.outDir, this.manifest.tool);
        this.written = undefined;
      }
      change(this.manifest);
      const data = manifestParts(this.manifest);
      const before = now === undefined ? undefined : this.written ?? readBytes(file);
      if (!before || !sameBytes(data, before)) write(file, data);
      this.written = data;
      this.seen = statKey(file);
      written?.();
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

/** Whether two lists of pieces hold the same bytes (pieces of unchanged records are the same objects). */
function sameBytes(a: Buffer[], b: Buffer[]): boolean {
  if (a.length === b.length && a.every((p, i) => p.equals(b[i]))) return true;
  // (a list read from disk is one piece)
  if (b.length !== 1) return false;
  let at = 0;
  for (const p of a) {
    if (at + p.length > b[0].length || !p.equals(b[0].subarray(at, at + p.length))) return false;
    at += p.length;
  }
  return at === b[0].length;
}

function readBytes(file: string): Buffer[] | undefined {
  try {
    return [readFileSync(file)];
  } catch {
    return undefined;
  }
}
