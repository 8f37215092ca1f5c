// What a build job receives and returns. Plain data, so it crosses a worker-thread boundary.
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../model.js';
import type { OutputRecord, SourceFacts, SourceStatus } from './manifest.js';
import type { ThumbHints, ThumbnailPdf } from './thumbnails.js';
import type { SourceFiles } from './sources.js';
import type { EnglishPolicy } from './english-policy.js';
import type { OutputFormat } from './formats.js';

export interface JobTask {
  files: SourceFiles;
  strict: boolean;
  /** The formats to write (--formats); all of them when absent. */
  formats?: OutputFormat[];
  /**
   * Type scales the previous build fitted each language's PDF at without dropping anything
   * (manifest.json): where fitting starts. It still proves the size it settles on, so the result
   * is what a search from full size gives, with fewer layouts.
   */
  scaleHints?: Partial<Record<Lang, number>>;
  /** The previous build's thumbnails, reused where the PDF is unchanged (see build/thumbnails.ts). */
  thumbs?: ThumbHints;
  /** Which English goes into the brief (default auto; see build/english-policy.ts). */
  english?: EnglishPolicy;
  /**
   * The caller draws the thumbnails (a pool: one rasterizer for the build, not one per worker): the
   * job returns the PDFs to draw from in `toDraw` instead (see pool.ts).
   */
  drawLater?: boolean;
}

export interface JobFile {
  /** Relative to out/: <slug>/<slug>.<lang>.<ext> */
  path: string;
  data: string | Uint8Array;
  record: OutputRecord;
}

export interface JobResult {
  slug: string;
  status: SourceStatus;
  files: JobFile[];
  /** Glossary entry ids the source uses. */
  terms: string[];
  needsTranslation: number;
  dropped: string[];
  diagnostics: Diagnostic[];
  /** Title, date and publisher, once the source was read. */
  facts?: SourceFacts;
  /** The English brief uses drafts nobody reviewed, from these origins. */
  draft?: { origins: string[] };
  /** Romanizations made for this job (or another in the same process) since the last result: kept in out/. */
  romanized?: Record<string, string>;
  /** Word boundaries asked of ICU since the last result, likewise. */
  boundaries?: Record<string, 0 | 1>;
  /** With `drawLater`: the PDFs whose thumbnails are still to be added to `files` (build/thumbnails.ts addThumbnails). */
  toDraw?: ThumbnailPdf[];
}
