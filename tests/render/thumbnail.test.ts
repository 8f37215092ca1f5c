// The thumbnails' rasterizer: MuPDF (WASM) draws a PDF's first page at the width asked, the same
// bytes every time, and the pinned version is the one installed (its pixels are output bytes).
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pdfThumbnails, thumbnailThread, RASTERIZER, THUMB_WIDTH } from '../../pipeline/render/thumbnail.js';
import { pngSize } from '../../pipeline/build/thumbnails.js';
import { halfBlackPdf, textPagePdf } from './pdf-fixture.js';

/** RGB of the pixel at (x, y) of a PNG, decoded by MuPDF. */
async function pixel(png: Uint8Array, x: number, y: number): Promise<number[]> {
  const mupdf = await import('mupdf');
  const pix = new mupdf.Image(png).toPixmap();
  const n = pix.getNumberOfComponents(); // alpha included
  const at = (y * pix.getWidth() + x) * n;
  return [...pix.getPixels().slice(at, at + 3)];
}

describe('PDF thumbnails (mupdf)', () => {
  it('draws the first page at the width asked, height in proportion, and the page as it is', async () => {
    const pdf = await halfBlackPdf();
    const [small, large] = await pdfThumbnails(pdf, [THUMB_WIDTH, THUMB_WIDTH * 2]);
    expect(small.width).toBe(THUMB_WIDTH);
    expect(large.width).toBe(THUMB_WIDTH * 2);
    // A4 is 595.28 × 841.89 pt (MuPDF rounds the pixel box outwards)
    expect(Math.abs(small.height - (THUMB_WIDTH * 841.89) / 595.28)).toBeLessThanOrEqual(1);
    expect(Math.abs(large.height - (2 * THUMB_WIDTH * 841.89) / 595.28)).toBeLessThanOrEqual(1);
    expect(pngSize(small.png)).toEqual({ width: small.width, height: small.height });
    expect(pngSize(large.png)).toEqual({ width: large.width, height: large.height });
    // left half black, right half white: the first page, not the all-black second one
    expect(await pixel(small.png, 20, 100)).toEqual([0, 0, 0]);
    expect(await pixel(small.png, THUMB_WIDTH - 20, 100)).toEqual([255, 255, 255]);
  });

  it('gives the same bytes for the same PDF', async () => {
    for (const pdf of [await halfBlackPdf(), await textPagePdf()]) {
      const a = await pdfThumbnails(pdf, [THUMB_WIDTH, THUMB_WIDTH * 2]);
      const b = await pdfThumbnails(pdf, [THUMB_WIDTH, THUMB_WIDTH * 2]);
      for (const i of [0, 1]) expect(Buffer.from(a[i].png).equals(Buffer.from(b[i].png))).toBe(true);
    }
  });

  it("draws every width with the pixels, and the size, of MuPDF's drawing of the page itself at that width", async () => {
    // the widths are drawn from one interpretation of the page (a display list), into a white RGBA
    // pixmap whose box the code works out itself: the pixels and the size must be those MuPDF gives
    // drawing the page at each scale, as thumbnails drawn before were (odd widths and page sizes
    // try the box's rounding)
    const mupdf = await import('mupdf');
    const pdfs = [await halfBlackPdf(), await halfBlackPdf('#336699'), await textPagePdf(), await textPagePdf('LETTER'), await textPagePdf('A5'), await textPagePdf([431.7, 613.3])];
    const widths = [THUMB_WIDTH * 2, 137, THUMB_WIDTH, 301, 599, 1001];
    for (const [k, pdf] of pdfs.entries()) {
      const drawn = await pdfThumbnails(pdf, widths);
      const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
      const page = doc.loadPage(0);
      const [x0, , x1] = page.getBounds();
      for (const [i, width] of widths.entries()) {
        const s = width / (x1 - x0);
        const want = page.toPixmap(mupdf.Matrix.scale(s, s), mupdf.ColorSpace.DeviceRGB, false, true);
        const got = new mupdf.Image(drawn[i].png).toPixmap();
        try {
          const what = `pdf ${k}, width ${width}`;
          expect([got.getWidth(), got.getHeight()], what).toEqual([want.getWidth(), want.getHeight()]);
          expect([drawn[i].width, drawn[i].height], what).toEqual([want.getWidth(), want.getHeight()]);
          expect(got.getNumberOfComponents(), what).toBe(4);
          const [a, b] = [want.getPixels(), got.getPixels()];
          let rgbDiffers = 0;
          let notOpaque = 0;
          for (let p = 0; p < want.getWidth() * want.getHeight(); p++) {
            if (a[3 * p] !== b[4 * p] || a[3 * p + 1] !== b[4 * p + 1] || a[3 * p + 2] !== b[4 * p + 2]) rgbDiffers++;
            if (b[4 * p + 3] !== 255) notOpaque++;
          }
          expect({ rgbDiffers, notOpaque }, what).toEqual({ rgbDiffers: 0, notOpaque: 0 });
        } finally {
          want.destroy();
          got.destroy();
        }
      }
      page.destroy();
      doc.destroy();
    }
  });

  it('writes a PNG whose chunks carry their CRCs, the same bytes without Node\'s own crc32', async () => {
    const zlib = (await import('node:zlib')).default as { crc32?: unknown };
    const pdf = await textPagePdf();
    const [t] = await pdfThumbnails(pdf, [THUMB_WIDTH]);
    const png = Buffer.from(t.png);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const types: string[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      types.push(png.toString('latin1', at + 4, at + 8));
      const crc = (await import('node:zlib')).crc32(png.subarray(at + 4, at + 8 + length));
      expect(png.readUInt32BE(at + 8 + length), types.at(-1)).toBe(crc);
      at += 12 + length;
    }
    expect(types).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    // Node before 20.15 has no zlib.crc32: the table's CRCs give the same file
    const own = zlib.crc32;
    if (typeof own === 'function') {
      delete zlib.crc32;
      try {
        expect(typeof (await import('node:zlib')).default.crc32).toBe('undefined');
        const [again] = await pdfThumbnails(pdf, [THUMB_WIDTH]);
        expect(Buffer.from(again.png).equals(png)).toBe(true);
      } finally {
        zlib.crc32 = own;
      }
    }
  });

  it('is the mupdf version pinned in package.json and named in the thumbnails\' records', () => {
    const installed = JSON.parse(readFileSync(new URL('../../node_modules/mupdf/package.json', import.meta.url), 'utf8')).version;
    const pinned = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies.mupdf;
    expect(pinned, 'pin mupdf to an exact version: its pixels are part of the outputs').toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed, `mupdf ${installed} is installed, ${pinned} pinned: reinstall (npm ci)`).toBe(pinned);
    expect(RASTERIZER, 'render/thumbnail.ts RASTERIZER must name the installed mupdf: thumbnails are redrawn when it changes').toBe(`mupdf@${installed}`);
  });
});

describe('the thumbnail thread (a build in one process draws beside the briefs)', () => {
  it('draws the bytes this thread draws, for several PDFs asked at once', async () => {
    const pdfs = [await halfBlackPdf(), await halfBlackPdf('#336699')];
    const thread = thumbnailThread();
    try {
      thread.preload();
      const drawn = await Promise.all(pdfs.map((p) => thread.draw(p, [THUMB_WIDTH, THUMB_WIDTH * 2])));
      for (const [i, pdf] of pdfs.entries()) {
        const here = await pdfThumbnails(pdf, [THUMB_WIDTH, THUMB_WIDTH * 2]);
        expect(drawn[i].map((t) => [t.width, t.height])).toEqual(here.map((t) => [t.width, t.height]));
        for (const [k, t] of drawn[i].entries()) expect(Buffer.from(t.png).equals(Buffer.from(here[k].png))).toBe(true);
      }
      expect(Buffer.from(drawn[0][0].png).equals(Buffer.from(drawn[1][0].png))).toBe(false);
    } finally {
      await thread.close();
    }
  });

  it('rejects what is not a PDF with a message, keeps drawing after it, and refuses to draw once closed', async () => {
    const thread = thumbnailThread();
    await expect(thread.draw(new TextEncoder().encode('not a pdf'), [THUMB_WIDTH])).rejects.toThrow(/drawing a thumbnail failed/);
    const [t] = await thread.draw(await halfBlackPdf(), [THUMB_WIDTH]);
    expect(pngSize(t.png).width).toBe(THUMB_WIDTH);
    await thread.close();
    await expect(thread.draw(await halfBlackPdf(), [THUMB_WIDTH])).rejects.toThrow(/closed/);
  });
});

describe('the rasterizer and V8 flags', () => {
  it('sets back the V8 flag it raises while drawing, so a code cache made at the end of a build is taken', async () => {
    // V8 takes cached code only under the flags it was made with, and checks that only in a new process
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-flags-'));
    try {
      writeFileSync(path.join(dir, 'page.pdf'), await halfBlackPdf());
      const thumbnail = pathToFileURL(fileURLToPath(new URL('../../dist/pipeline/render/thumbnail.js', import.meta.url))).href;
      const probe = `const vm = await import('node:vm'); const fs = await import('node:fs'); const src = '(function probe(x) { return x * 2 + 1; })';`;
      const draw = `${probe} const { pdfThumbnails } = await import(${JSON.stringify(thumbnail)});
        await pdfThumbnails(fs.readFileSync(${JSON.stringify(path.join(dir, 'page.pdf'))}), [300]);
        const s = new vm.Script(src, { filename: 'probe.js' }); s.runInThisContext()(1);
        fs.writeFileSync(${JSON.stringify(path.join(dir, 'probe.cache'))}, s.createCachedData());`;
      const take = `${probe} const s = new vm.Script(src, { filename: 'probe.js', cachedData: fs.readFileSync(${JSON.stringify(path.join(dir, 'probe.cache'))}) });
        process.stdout.write(String(s.cachedDataRejected));`;
      const env = { ...process.env };
      delete env.NODE_OPTIONS; // vitest's own options would change V8's flags
      execFileSync(process.execPath, ['--input-type=module', '-e', draw], { env });
      expect(execFileSync(process.execPath, ['--input-type=module', '-e', take], { env, encoding: 'utf8' })).toBe('false');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
