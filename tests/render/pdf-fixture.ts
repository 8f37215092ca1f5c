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

/**
 * A page of text, rules and a half-transparent colour field, of any size (pdfkit's names or
 * [width, height] in points): anti-aliased edges and blended pixels, for comparing drawings pixel by pixel.
 */
export function textPagePdf(size: string | [number, number] = 'A4'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size, margin: 36, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(22).fillColor('#1f4e79').text('A heading in colour');
    doc.moveTo(36, 70).lineTo(doc.page.width - 36, 70).lineWidth(0.7).stroke('#888888');
    doc.fontSize(9).fillColor('#222222');
    for (let i = 0; i < 12; i++) doc.text(`Line ${i + 1}: the quick brown fox jumps over the lazy dog, 0123456789 — ${'xo'.repeat(i)}`);
    doc.save().fillOpacity(0.4).rect(40, 300, doc.page.width / 3, 80).fill('#cc3300').restore();
    doc.end();
  });
}
