// Thumbnails are incremental: while a PDF is unchanged its thumbnails are taken from out/ as they are,
// without loading the rasterizer; a changed PDF, or a thumbnail changed on disk, is drawn again.
import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addThumbnails, thumbHints, thumbSource, pngSize } from '../../pipeline/build/thumbnails.js';
import { rasterizerLoaded, THUMB_WIDTH } from '../../pipeline/render/thumbnail.js';
import { digest } from '../../pipeline/build/digest.js';
import type { JobFile } from '../../pipeline/build/job-types.js';
import type { SourceRecord } from '../../pipeline/build/manifest.js';
import { halfBlackPdf } from '../render/pdf-fixture.js';

const SLUG = 'demo';

function pdfFile(pdf: Buffer): JobFile {
  const rel = `${SLUG}/${SLUG}.en.pdf`;
  return { path: rel, data: pdf, record: { path: rel, lang: 'en', format: 'pdf', digest: digest(pdf), bytes: pdf.byteLength } };
}

/** The PDFs among a job's files, as the job hands them to addThumbnails. */
function pdfsOf(files: JobFile[]) {
  return files.filter((f) => f.record.format === 'pdf').map((f) => ({ path: f.path, lang: f.record.lang, data: f.data as Uint8Array }));
}

/** A PNG header (signature and IHDR) of the given size, with `tag` after it: stands for a thumbnail drawn earlier. */
function fakePng(width: number, height: number, tag: string): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return Buffer.concat([b, Buffer.from(tag)]);
}

/** out/demo/ holding thumbnails recorded as drawn from `pdf`; returns out/ and the previous record. */
async function previous(pdf: Buffer): Promise<{ out: string; prev: SourceRecord; pngs: Buffer[] }> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'briefs-thumbs-'));
  mkdirSync(path.join(out, SLUG));
  const from = await thumbSource(digest(pdf));
  const pngs = [fakePng(THUMB_WIDTH, 425, 'small'), fakePng(THUMB_WIDTH * 2, 850, 'large')];
  const names = [`${SLUG}/${SLUG}.en.png`, `${SLUG}/${SLUG}.en@2x.png`];
  names.forEach((n, i) => writeFileSync(path.join(out, n), pngs[i]));
  const prev = {
    slug: SLUG,
    outputs: [pdfFile(pdf).record, ...names.map((n, i) => ({ path: n, lang: 'en' as const, format: 'png' as const, digest: digest(pngs[i]), bytes: pngs[i].byteLength, from }))],
  } as SourceRecord;
  return { out, prev, pngs };
}

describe('thumbnails in the build', () => {
  // first in this file: the rasterizer must not have been loaded by anything before
  it('reuses the recorded thumbnails of an unchanged PDF without loading the rasterizer', async () => {
    const pdf = await halfBlackPdf();
    const { out, prev, pngs } = await previous(pdf);
    const files = [pdfFile(pdf)];
    await addThumbnails(files, pdfsOf(files), SLUG, out, thumbHints(prev));
    expect(rasterizerLoaded()).toBe(false);
    expect(files.map((f) => f.path)).toEqual([`${SLUG}/${SLUG}.en.pdf`, `${SLUG}/${SLUG}.en.png`, `${SLUG}/${SLUG}.en@2x.png`]);
    expect(Buffer.from(files[1].data as Uint8Array).equals(pngs[0])).toBe(true);
    expect(files[2].record).toMatchObject({ format: 'png', width: THUMB_WIDTH * 2, height: 850, digest: digest(pngs[1]) });
  });

  it('draws again when the PDF changed', async () => {
    const { out, prev, pngs } = await previous(await halfBlackPdf());
    const changed = await halfBlackPdf('#336699');
    const files = [pdfFile(changed)];
    await addThumbnails(files, pdfsOf(files), SLUG, out, thumbHints(prev));
    const small = files.find((f) => f.path.endsWith('.en.png'))!;
    expect(Buffer.from(small.data as Uint8Array).equals(pngs[0])).toBe(false);
    expect(pngSize(small.data as Uint8Array).width).toBe(THUMB_WIDTH);
    expect(small.record.from).toBe(await thumbSource(digest(changed)));
  });

  it('draws again when a recorded thumbnail was changed on disk', async () => {
    const pdf = await halfBlackPdf();
    const { out, prev, pngs } = await previous(pdf);
    writeFileSync(path.join(out, SLUG, `${SLUG}.en@2x.png`), 'edited');
    const files = [pdfFile(pdf)];
    await addThumbnails(files, pdfsOf(files), SLUG, out, thumbHints(prev));
    expect(Buffer.from(files[1].data as Uint8Array).equals(pngs[0])).toBe(false);
    expect(pngSize(files[2].data as Uint8Array).width).toBe(THUMB_WIDTH * 2);
  });
});
