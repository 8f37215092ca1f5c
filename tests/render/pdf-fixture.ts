// A small PDF made on the spot (pdfkit, pdfmake's writer): an A4 page black on its left half, white on
// its right, then an all-black second page. For the thumbnail tests.
import { createRequire } from 'node:module';

// pdfkit has no type declarations
const PDFDocument = createRequire(import.meta.url)('pdfkit');

export function halfBlackPdf(fill = '#000000'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.rect(0, 0, doc.page.width / 2, doc.page.height).fill(fill);
    doc.addPage();
    doc.rect(0, 0, doc.page.width, doc.page.height).fill('#000000');
    doc.end();
  });
}
