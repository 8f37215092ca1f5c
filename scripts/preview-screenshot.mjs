// The README's picture of the preview page (docs/preview-page.png): out/index.html drawn by MuPDF's own
// HTML engine (the mupdf package the thumbnails use), with its thumbnails. No browser is involved, so it
// is MuPDF's rendering of the page: MuPDF lays out no flexbox, so each source's languages stand one under
// another here, where a browser sets them side by side. Usage: node scripts/preview-screenshot.mjs [out] [png]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.argv[2] ?? 'out';
const file = process.argv[3] ?? 'docs/preview-page.png';
const mupdf = await import('mupdf');
// MuPDF's HTML engine reads no files: the page's thumbnails go in as data: URLs
const html = readFileSync(path.join(out, 'index.html'), 'utf8').replace(
  /src="([^"]+)"/g,
  (_, src) => `src="data:image/png;base64,${readFileSync(path.join(out, decodeURIComponent(src))).toString('base64')}"`,
);
const doc = mupdf.Document.openDocument(Buffer.from(html), 'text/html');
doc.layout(1000, 1720, 11);
const pix = doc.loadPage(0).toPixmap(mupdf.Matrix.scale(0.7, 0.7), mupdf.ColorSpace.DeviceRGB, false, true);
writeFileSync(file, pix.asPNG());
process.stdout.write(`${file}: ${pix.getWidth()}×${pix.getHeight()}\n`);
