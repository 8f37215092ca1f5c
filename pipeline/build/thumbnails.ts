// The thumbnails of a source's PDFs (out/<slug>/<slug>.<lang>.png and its 2× <slug>.<lang>@2x.png),
// made in the build job beside the PDFs. A thumbnail records what it was drawn from (the PDF's digest,
// the rasterizer and the width): while that is unchanged the previous files are reused as they are,
// so the rasterizer is neither loaded nor run for a PDF that did not change.
import { readFileSync } from 'node:fs';
import type { Lang } from '../model.js';
import { digest } from './digest.js';
import { outputFile } from './owned.js';
import type { SourceRecord } from './manifest.js';
import type { JobFile, JobTask } from './job-types.js';
import type { ThumbnailDrawer } from '../render/thumbnail.js';

export type ThumbHints = Partial<Record<Lang, { from: string; files: { path: string; digest: string }[] }>>;

/** What a thumbnail of this PDF is made from: its digest, the rasterizer, the width, how the PNG is written. */
export async function thumbSource(pdfDigest: string): Promise<string> {
  const { RASTERIZER, THUMB_WIDTH, PNG_WRITER } = await import('../render/thumbnail.js');
  return digest(`${RASTERIZER} ${THUMB_WIDTH} ${pdfDigest} ${PNG_WRITER}`);
}

/** The previous build's thumbnails of a source, by language (manifest.json): reused if their PDF is unchanged. */
export function thumbHints(prev: SourceRecord | undefined): JobTask['thumbs'] {
  const hints: ThumbHints = {};
  for (const o of prev?.outputs ?? []) {
    if (o.format !== 'png' || !o.from) continue;
    const h = (hints[o.lang] ??= { from: o.from, files: [] });
    if (h.from === o.from) h.files.push({ path: o.path, digest: o.digest });
  }
  return Object.keys(hints).length ? hints : undefined;
}

/** The file of a thumbnail: the PDF's name with .png, or @2x.png for the one twice as wide. */
export function thumbPath(pdfPath: string, twice: boolean): string {
  return pdfPath.replace(/\.pdf$/, twice ? '@2x.png' : '.png');
}

/** A PDF of a source's, to draw thumbnails of (it need not be among the files written: --formats png). */
export interface ThumbnailPdf {
  path: string;
  lang: Lang;
  data: Uint8Array;
}

/** Add to `files` a thumbnail and its 2× of each PDF (reused from out/ where the PDF is unchanged), drawn by `drawer` (default: on this thread). */
export async function addThumbnails(
  files: JobFile[],
  pdfs: ThumbnailPdf[],
  slug: string,
  outDir: string,
  hints: ThumbHints | undefined,
  drawer?: ThumbnailDrawer,
): Promise<void> {
  for (const pdf of pdfs) {
    const lang = pdf.lang;
    const from = await thumbSource(digest(pdf.data));
    const paths = [thumbPath(pdf.path, false), thumbPath(pdf.path, true)];
    const kept = hints?.[lang]?.from === from ? reuse(outDir, slug, paths, hints[lang]!.files, lang, from) : undefined;
    if (kept) {
      files.push(...kept);
      continue;
    }
    const { drawHere, THUMB_WIDTH } = await import('../render/thumbnail.js');
    const drawn = await (drawer ?? drawHere).draw(pdf.data, [THUMB_WIDTH, THUMB_WIDTH * 2]);
    drawn.forEach((t, i) =>
      files.push({
        path: paths[i],
        data: t.png,
        record: { path: paths[i], lang, format: 'png', digest: digest(t.png), bytes: t.png.byteLength, from, width: t.width, height: t.height },
      }),
    );
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The previous thumbnails at these paths, if each is on disk with the content recorded; else undefined. */
function reuse(outDir: string, slug: string, paths: string[], recorded: { path: string; digest: string }[], lang: Lang, from: string): JobFile[] | undefined {
  const out: JobFile[] = [];
  for (const rel of paths) {
    const rec = recorded.find((r) => r.path === rel);
    const full = rec && outputFile(outDir, slug, rel);
    if (!rec || !full) return undefined;
    let data: Buffer;
    try {
      data = readFileSync(full);
    } catch {
      return undefined;
    }
    if (digest(data) !== rec.digest) return undefined;
    const { width, height } = pngSize(data);
    out.push({ path: rel, data, record: { path: rel, lang, format: 'png', digest: rec.digest, bytes: data.byteLength, from, width, height } });
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}
