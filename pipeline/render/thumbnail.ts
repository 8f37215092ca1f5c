// A PDF's first page as PNG thumbnails for the preview page (out/index.html): ~300 px wide to scan, and
// twice that to read on click. Rasterized by MuPDF compiled to WebAssembly (the `mupdf` package, pinned
// to an exact version: its pixels are part of the output bytes). No browser, no system library.
// MuPDF costs close to a second to load, so it is loaded on the first thumbnail, never at start-up.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The rasterizer and its version: part of what a thumbnail is made from (a new MuPDF may draw other pixels). */
export const RASTERIZER = 'mupdf@1.28.1';
/** Width of the thumbnail a person scans, in pixels; the one shown on click is twice as wide. */
export const THUMB_WIDTH = 300;

export interface Thumbnail {
  png: Uint8Array;
  width: number;
  height: number;
}

type Mupdf = typeof import('mupdf');
let loading: Promise<Mupdf> | undefined;

/** Whether MuPDF has been loaded in this process (the start-up cost is paid only by builds that draw). */
export function rasterizerLoaded(): boolean {
  return loading !== undefined;
}

function loadMupdf(): Promise<Mupdf> {
  // mupdf is an ES module with top-level await. In the CommonJS bundle (scripts/bundle.mjs) import()
  // becomes require(), which cannot load it: the bundle ships a one-line helper beside itself
  // (import-esm.cjs) that makes the real import(). Run from the modules, import() is import().
  loading ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const helper = path.join(here, 'import-esm.cjs');
    if (existsSync(helper)) return (createRequire(import.meta.url)(helper) as (s: string) => Promise<Mupdf>)('mupdf');
    return import('mupdf');
  })();
  return loading;
}

/**
 * The first page of a PDF drawn at each of these widths in pixels (height in proportion), opaque RGB,
 * as PNG. The same PDF gives the same bytes: MuPDF draws and encodes deterministically (see the tests).
 */
export async function pdfThumbnails(pdf: Uint8Array, widths: number[]): Promise<Thumbnail[]> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const page = doc.loadPage(0);
    try {
      const [x0, , x1] = page.getBounds();
      return widths.map((width) => {
        const scale = width / (x1 - x0);
        const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
        try {
          return { png: pix.asPNG().slice(), width: pix.getWidth(), height: pix.getHeight() };
        } finally {
          pix.destroy();
        }
      });
    } finally {
      page.destroy();
    }
  } finally {
    doc.destroy();
  }
}
