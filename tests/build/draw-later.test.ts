// A pool build draws its thumbnails on one thread of the main process (build/pool.ts): the job, told
// `drawLater`, returns the PDFs to draw instead of drawing them, and the caller adds the thumbnails.
// What reaches out/ must be what a job that draws its own thumbnails returns, file for file.
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJobContext, runJob } from '../../pipeline/build/job.js';
import { listSources } from '../../pipeline/build/sources.js';
import { addThumbnails } from '../../pipeline/build/thumbnails.js';
import type { JobFile } from '../../pipeline/build/job-types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A job context on the repository's glossary and templates, a fresh out/, and a seed source's files. */
async function seedJob() {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'briefs-draw-later-'));
  const jc = await createJobContext({
    cwd: root,
    sourcesDir: path.join(root, 'sources'),
    glossaryDir: path.join(root, 'glossary'),
    templatesDir: path.join(root, 'templates'),
    outDir,
  });
  const files = listSources(path.join(root, 'sources')).find((s) => s.slug === 'thepaper-2023-xiangshan-forum')!;
  return { outDir, jc, files };
}

const summary = (files: JobFile[]) => files.map((f) => ({ path: f.path, record: f.record }));

describe('thumbnails drawn by the caller', () => {
  it('a job told to draw later returns its PDFs and no PNG; drawing them gives the files a drawing job returns', async () => {
    const { outDir, jc, files } = await seedJob();
    const drawn = await runJob({ files, strict: false }, jc);
    const later = await runJob({ files, strict: false, drawLater: true }, jc);

    expect(later.files.filter((f) => f.record.format === 'png')).toEqual([]);
    const pdfs = drawn.files.filter((f) => f.record.format === 'pdf');
    expect(pdfs.length).toBeGreaterThan(0);
    expect(later.toDraw?.map((p) => p.path).sort()).toEqual(pdfs.map((f) => f.path));

    await addThumbnails(later.files, later.toDraw!, later.slug, outDir, undefined);
    expect(summary(later.files)).toEqual(summary(drawn.files));
    expect(drawn.toDraw).toBeUndefined();
  }, 300_000);

  it('a job that writes no thumbnails has nothing to draw', async () => {
    const { jc, files } = await seedJob();
    const r = await runJob({ files, strict: false, drawLater: true, formats: ['md', 'pdf'] }, jc);
    expect(r.toDraw).toBeUndefined();
    expect(r.files.some((f) => f.record.format === 'pdf')).toBe(true);
  }, 300_000);
});
