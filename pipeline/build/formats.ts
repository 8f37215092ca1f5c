// Which files a build writes for each brief: `--formats md,pdf,docx,png` (default: all). The brief is
// always laid out as a PDF (fitting it to one page decides what it holds, in every format); a format
// left out is not written, and its earlier files are removed (they are recorded, see owned.ts).
import { UsageError } from '../diagnostics.js';

export const ALL_FORMATS = ['md', 'pdf', 'docx', 'png'] as const;
export type OutputFormat = (typeof ALL_FORMATS)[number];

export const DEFAULT_FORMATS: ReadonlySet<OutputFormat> = new Set(ALL_FORMATS);

const isFormat = (s: string): s is OutputFormat => (ALL_FORMATS as readonly string[]).includes(s);

/** `md,pdf` → the set of formats; an unknown or empty list is wrong usage (exit 2). */
export function parseFormats(value: string): Set<OutputFormat> {
  const parts = value.split(',').map((s) => s.trim().toLowerCase());
  if (parts.some((p) => !p)) throw new UsageError(`--formats takes a comma-separated list of ${ALL_FORMATS.join(', ')}, not "${value}"`);
  const unknown = parts.filter((p) => !isFormat(p));
  if (unknown.length) throw new UsageError(`--formats: unknown format${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${ALL_FORMATS.join(', ')})`);
  return new Set(parts as OutputFormat[]);
}

/** The formats in their canonical order, as the manifest records them among a source's inputs. */
export function formatsKey(formats: ReadonlySet<OutputFormat>): string {
  return ALL_FORMATS.filter((f) => formats.has(f)).join(',');
}
