// A PDF's first page as PNG thumbnails for the preview page (out/index.html): ~300 px wide to scan, and
// twice that to read on click. Rasterized by MuPDF compiled to WebAssembly (the `mupdf` package, pinned
// to an exact version: its pixels are part of the output bytes). No browser, no system library.
// MuPDF costs close to a second to load, so it is loaded on the first thumbnail, never at start-up.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import zlib from 'node:zlib';

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

// V8 compiles WebAssembly functions with its baseline compiler (Liftoff) as they are first called, and
// recompiles those that run a while with its optimizing one (TurboFan). A build draws a dozen small
// pictures: MuPDF's busy functions (glyph rendering, deflate) were recompiled at great cost, for
// little use before the process ends. Raising the budget a function runs before it is recompiled keeps
// MuPDF on Liftoff code (cold seed build with thumbnails: ~0.2 s less CPU, the same pixels). The flag
// is raised only while MuPDF loads and draws and set back after: V8 takes the CLI's code cache
// (bin/load-bundle.cjs) only under the flags it was made with, and the cache is written at the end of
// a build. Only for V8 11 (Node 20), whose default budget this restores, and only if the user sets no
// budget of their own.
const TIERING_DEFAULT = 1_800_000;
const TIERING_RAISED = 1_000_000_000;
const tieringOurs =
  /^11\./.test(process.versions.v8) && ![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('wasm-tiering-budget'));

function tieringBudget(raised: boolean): void {
  if (tieringOurs) v8.setFlagsFromString(`--wasm-tiering-budget=${raised ? TIERING_RAISED : TIERING_DEFAULT}`);
}

function loadMupdf(): Promise<Mupdf> {
  // mupdf is an ES module with top-level await. In the CommonJS bundle (scripts/bundle.mjs) import()
  // becomes require(), which cannot load it: the bundle ships a one-line helper beside itself
  // (import-esm.cjs) that makes the real import(). Run from the modules, import() is import().
  loading ??= (async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const helper = path.join(here, 'import-esm.cjs');
    tieringBudget(true);
    try {
      if (existsSync(helper)) return await (createRequire(import.meta.url)(helper) as (s: string) => Promise<Mupdf>)('mupdf');
      return await import('mupdf');
    } finally {
      tieringBudget(false);
    }
  })();
  return loading;
}

/** Start loading MuPDF, for a build that will draw: its WebAssembly compiles while other work runs. */
export function preloadRasterizer(): void {
  loadMupdf().catch(() => undefined); // a failure is met again, and reported, by the first drawing
}

/**
 * The first page of a PDF drawn at each of these widths in pixels (height in proportion), opaque RGBA,
 * as PNG. The same PDF gives the same bytes: MuPDF draws and zlib compresses deterministically (see the tests).
 */
export async function pdfThumbnails(pdf: Uint8Array, widths: number[]): Promise<Thumbnail[]> {
  const mupdf = await loadMupdf();
  tieringBudget(true); // drawing is synchronous: the flag is set back before anything else runs
  try {
    return drawFirstPage(mupdf, zlib, pdf, widths);
  } finally {
    tieringBudget(false);
  }
}

/**
 * How a thumbnail's PNG is written: part of what a thumbnail is made from (build/thumbnails.ts
 * thumbSource), so thumbnails written another way are redrawn. Node's zlib is named with its version:
 * another zlib may compress the same pixels into other bytes.
 */
export const PNG_WRITER = `png rgba8 deflate-4 zlib@${process.versions.zlib ?? '?'}`;

/**
 * The drawing itself, given MuPDF and Node's zlib. Self-contained (it refers to its parameters only):
 * the thumbnail thread runs this very function, from its source text (see thumbnailThread). The page
 * is interpreted once, into a display list (with its annotations and widgets, as the page's own
 * drawing has them), and each width is drawn from the list.
 *
 * Each width is drawn into an opaque white RGBA pixmap — the very pixels MuPDF's own drawing of the
 * page gives (its RGB pixmap is cleared to white the same way; tests/render/thumbnail.test.ts compares
 * every pixel) — and written as PNG here, with Node's native zlib, instead of by MuPDF's encoder
 * (zlib compiled to WebAssembly, ~half of a thumbnail's CPU). Why RGBA: Node's zlib (Chromium's) finds
 * matches of four bytes or more, so the three-byte pixels of an RGB image compressed ~20 % worse than
 * MuPDF's zlib did; with four bytes a pixel they compress as well (±1 %), at level 4 (the knee:
 * levels 5–7 took 20–60 % longer for < 0.1 % fewer bytes; bench/README.md, Session 13). Every row
 * unfiltered (filter 0): Sub, Up, Paeth and a per-row choice all came out larger on these pages.
 * The pixmap's box is MuPDF's own rounding of the page's box at that scale (fz_round_rect of
 * fz_transform_rect, in single precision as MuPDF computes it), so the size is the one toPixmap gave.
 * Every MuPDF object is destroyed as soon as it is done with: MuPDF's WebAssembly memory never
 * shrinks, and stayed at 22 MB over 480 drawings of 80 different PDFs.
 */
function drawFirstPage(mupdf: Mupdf, zlib: typeof import('node:zlib'), pdf: Uint8Array, widths: number[]): Thumbnail[] {
  const f32 = Math.fround;
  /** The PNG of opaque RGBA rows (`stride` bytes apart): signature, IHDR, pHYs (96 dpi, as MuPDF wrote), IDAT, IEND. */
  const png = (samples: Uint8Array, width: number, height: number, stride: number): Uint8Array => {
    const row = width * 4;
    const raw = new Uint8Array(height * (row + 1)); // each row: filter type 0, then its pixels
    for (let y = 0; y < height; y++) raw.set(samples.subarray(y * stride, y * stride + row), y * (row + 1) + 1);
    const idat = zlib.deflateSync(raw, { level: 4 });
    const out = new Uint8Array(8 + (12 + 13) + (12 + 9) + (12 + idat.byteLength) + 12);
    const view = new DataView(out.buffer);
    out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    let at = 8;
    const crcTable: number[] = [];
    const crc32 = (bytes: Uint8Array): number => {
      if (typeof zlib.crc32 === 'function') return zlib.crc32(bytes); // Node 20.15 and later
      if (!crcTable.length)
        for (let n = 0; n < 256; n++) {
          let c = n;
          for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
          crcTable.push(c >>> 0);
        }
      let c = 0xffffffff;
      for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type: string, fill: (data: DataView) => void, length: number, data?: Uint8Array) => {
      view.setUint32(at, length);
      for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
      if (data) out.set(data, at + 8);
      else fill(new DataView(out.buffer, at + 8, length));
      view.setUint32(at + 8 + length, crc32(out.subarray(at + 4, at + 8 + length)));
      at += 12 + length;
    };
    chunk('IHDR', (d) => {
      d.setUint32(0, width);
      d.setUint32(4, height);
      d.setUint8(8, 8); // bits per sample
      d.setUint8(9, 6); // colour type: RGB and alpha
    }, 13);
    chunk('pHYs', (d) => {
      d.setUint32(0, 3780); // 96 dpi in pixels per metre
      d.setUint32(4, 3780);
      d.setUint8(8, 1);
    }, 9);
    chunk('IDAT', () => undefined, idat.byteLength, idat);
    chunk('IEND', () => undefined, 0);
    return out;
  };
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const page = doc.loadPage(0);
    let list: InstanceType<Mupdf['DisplayList']>;
    let x0: number, x1: number;
    try {
      [x0, , x1] = page.getBounds();
      list = page.toDisplayList(true);
    } finally {
      page.destroy();
    }
    try {
      const [bx0, by0, bx1, by1] = list.getBounds();
      return widths.map((width) => {
        const scale = width / (x1 - x0);
        const s = f32(scale); // the matrix as MuPDF holds it
        const eps = f32(0.001);
        const box = [
          Math.floor(f32(f32(bx0 * s) + eps)),
          Math.floor(f32(f32(by0 * s) + eps)),
          Math.ceil(f32(f32(bx1 * s) - eps)),
          Math.ceil(f32(f32(by1 * s) - eps)),
        ] as [number, number, number, number];
        const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, box, true);
        try {
          pix.clear(255);
          const device = new mupdf.DrawDevice(mupdf.Matrix.identity, pix);
          try {
            list.run(device, mupdf.Matrix.scale(scale, scale));
            device.close();
          } finally {
            device.destroy();
          }
          const samples = pix.getPixels();
          const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
          return { png: png(bytes, pix.getWidth(), pix.getHeight(), pix.getStride()), width: pix.getWidth(), height: pix.getHeight() };
        } finally {
          pix.destroy();
        }
      });
    } finally {
      list.destroy();
    }
  } finally {
    doc.destroy();
  }
}

/** Who draws a build's thumbnails: this thread (pdfThumbnails), or a thread of their own. */
export interface ThumbnailDrawer {
  /** Start loading MuPDF, for a build that will draw. */
  preload(): void;
  draw(pdf: Uint8Array, widths: number[]): Promise<Thumbnail[]>;
  /** Let go of what drawing holds (the thread). */
  close(): Promise<void>;
}

/** Drawing on the calling thread (a pool worker draws its own sources' thumbnails). */
export const drawHere: ThumbnailDrawer = { preload: preloadRasterizer, draw: pdfThumbnails, close: async () => {} };

/**
 * Drawing on a thread of its own, started (and MuPDF loaded there) at the first preload or draw: a
 * build in this process makes the briefs on the main thread meanwhile, and on two cores MuPDF's load
 * and drawing overlap with the next source (the seed build's twelve thumbnails were ~1 s of CPU on the
 * main thread, after each source's PDFs). The thread runs drawFirstPage from its source text, imports
 * the installed mupdf by its file URL, and raises the same V8 flag around loading and drawing; the
 * thread ends at close(), before the build ends (and the CLI writes its code cache).
 */
export function thumbnailThread(): ThumbnailDrawer {
  let worker: import('node:worker_threads').Worker | undefined;
  let failed: Error | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (t: Thumbnail[]) => void; reject: (e: Error) => void }>();
  const settleAll = (err: Error) => {
    failed ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const start = (): import('node:worker_threads').Worker => {
    if (worker) return worker;
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    const mupdfUrl = pathToFileURL(createRequire(import.meta.url).resolve('mupdf')).href;
    const w = new Worker(THREAD_CODE(drawFirstPage.toString()), {
      eval: true,
      workerData: { mupdfUrl, tiering: tieringOurs ? [TIERING_DEFAULT, TIERING_RAISED] : null },
    });
    w.on('message', (m: { id: number; thumbs?: Thumbnail[]; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.thumbs) p.resolve(m.thumbs.map((t) => ({ ...t, png: new Uint8Array(t.png.buffer, t.png.byteOffset, t.png.byteLength) })));
      else p.reject(new Error(`drawing a thumbnail failed: ${m.error}`));
      if (!pending.size) w.unref();
    });
    w.on('error', (err) => settleAll(err));
    w.on('exit', (code) => settleAll(new Error(`the thumbnail thread ended (exit ${code})`)));
    w.unref(); // an idle thread does not keep the process alive
    worker = w;
    return w;
  };
  return {
    preload: () => void start(),
    draw: (pdf, widths) => {
      if (failed) return Promise.reject(failed);
      const w = start();
      const id = next++;
      return new Promise<Thumbnail[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref(); // a drawing is awaited: the process waits for it
        w.postMessage({ id, pdf, widths });
      });
    },
    close: async () => {
      const w = worker;
      worker = undefined;
      failed ??= new Error('the thumbnail thread was closed');
      if (w) await w.terminate();
    },
  };
}

/** The thumbnail thread's code (CommonJS, run with eval): drawing requests in, PNGs out. */
const THREAD_CODE = (draw: string) => `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const v8 = require('node:v8');
const zlib = require('node:zlib');
const drawFirstPage = (${draw});
const tiering = (raised) => { if (workerData.tiering) v8.setFlagsFromString('--wasm-tiering-budget=' + workerData.tiering[raised ? 1 : 0]); };
tiering(true);
const loading = import(workerData.mupdfUrl).finally(() => tiering(false));
loading.catch(() => undefined);
parentPort.on('message', async ({ id, pdf, widths }) => {
  try {
    const mupdf = await loading;
    tiering(true);
    let thumbs;
    try {
      thumbs = drawFirstPage(mupdf, zlib, pdf, widths);
    } finally {
      tiering(false);
    }
    parentPort.postMessage({ id, thumbs }, thumbs.map((t) => t.png.buffer));
  } catch (err) {
    parentPort.postMessage({ id, error: err && err.message ? err.message : String(err) });
  }
});
`;
