// Render benchmarks: median milliseconds of several runs. Called by the main bench runner.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { round, timeMedian } from './util.js';
import type { Brief } from '../pipeline/model.js';
import { loadTemplates } from '../pipeline/render/templates.js';
import { renderMarkdown } from '../pipeline/render/markdown.js';
import { renderPdf } from '../pipeline/render/pdf.js';
import { renderBriefSet } from '../pipeline/render/fit.js';
import { pdfThumbnails, rasterizerLoaded, THUMB_WIDTH } from '../pipeline/render/thumbnail.js';

/** The project root (works from bench/ under tsx and from dist/bench/ compiled). */
function projectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [process.cwd(), path.resolve(here, '..'), path.resolve(here, '..', '..')]) {
    if (existsSync(path.join(dir, 'templates', 'report.md.hbs'))) return dir + path.sep;
  }
  return process.cwd() + path.sep;
}

export async function benchRender(): Promise<Record<string, number>> {
  const root = projectRoot();
  const t = loadTemplates(root + 'templates');
  const fx = JSON.parse(readFileSync(root + 'tests/fixtures/render/report.json', 'utf8')) as { date: string; briefs: Brief[] };
  const result: Record<string, number> = {};
  const opts = (b: Brief) => ({ lang: b.lang, style: t.style, date: fx.date, footer: b.sourceLine, pageLabel: t.labels[b.lang].page });
  const mds = fx.briefs.map((b) => renderMarkdown(b, t, { date: fx.date }));

  // First PDF in this process: reads and parses the fonts (cold). Only meaningful as the first render.
  {
    const t0 = performance.now();
    await renderPdf(mds[0], opts(fx.briefs[0]));
    result['render.pdf.cold-first.ms'] = round(performance.now() - t0);
  }
  result['render.markdown.ms'] = await timeMedian(() => renderMarkdown(fx.briefs[0], t, { date: fx.date }), 15, 3);
  for (let i = 0; i < fx.briefs.length; i++) {
    const b = fx.briefs[i];
    result[`render.pdf.warm.${b.lang}.ms`] = await timeMedian(() => renderPdf(mds[i], opts(b)), 11, 2);
  }
  result['render.fit.set-of-3.ms'] = await timeMedian(() => renderBriefSet(fx.briefs, t, { date: fx.date }), 3, 1);

  // The rasterizer (MuPDF, WebAssembly): a PDF's first page drawn as the build draws it for the preview
  // page, at 300 and 600 px wide. The first page of a process also loads MuPDF (unless a stage before
  // this one did: key …first-page.loaded.ms); then the warm cost per page (both widths, median of 11)
  // for the PDF of each language, and of the 300 px one alone.
  const pdfs = await Promise.all(fx.briefs.map(async (b, i) => (await renderPdf(mds[i], opts(b))).pdf));
  const widths = [THUMB_WIDTH, THUMB_WIDTH * 2];
  {
    const cold = !rasterizerLoaded();
    const t0 = performance.now();
    await pdfThumbnails(pdfs[0], widths);
    result[cold ? 'render.thumbnail.first-page.ms' : 'render.thumbnail.first-page.loaded.ms'] = round(performance.now() - t0);
  }
  for (let i = 0; i < fx.briefs.length; i++) result[`render.thumbnail.warm.${fx.briefs[i].lang}.ms`] = await timeMedian(() => pdfThumbnails(pdfs[i], widths), 11, 2);
  result[`render.thumbnail.warm.${THUMB_WIDTH}px.ms`] = await timeMedian(() => pdfThumbnails(pdfs[0], [THUMB_WIDTH]), 11, 2);
  return result;
}
