// The same bytes from build to build for a Word file: the docx package writes the clock into
// docProps/core.xml (created, modified) and into every zip entry's date. The core properties are
// given here with the brief's own date, and the zip entries' dates are set to the earliest a zip can
// hold (1980-01-01 00:00), as reproducible-build tools do.

const xmlText = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // characters XML 1.0 cannot hold at all
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

export interface CoreProperties {
  title: string;
  subject?: string;
  keywords?: string;
  creator: string;
  /** The fixed date of the document (the source's date, see pdf.ts pdfDate). */
  date: Date;
}

/** docProps/core.xml with fixed dates. */
export function corePropertiesXml(p: CoreProperties): string {
  const when = p.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const el = (name: string, v: string | undefined) => (v ? `<${name}>${xmlText(v)}</${name}>` : '');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', p.title) +
    el('dc:subject', p.subject) +
    el('dc:creator', p.creator) +
    el('cp:keywords', p.keywords) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** MS-DOS date of 1980-01-01 (day 1, month 1, year 0 = 1980); the time 00:00:00 is 0. */
const DOS_DATE = (1 << 5) | 1;

/**
 * Set the modification date and time of every entry of a zip file (local headers and central
 * directory) to 1980-01-01 00:00, in place. Throws if the bytes are not a zip as the docx package writes
 * it (no comment, no zip64), so a change in how it writes them cannot go unnoticed.
 */
export function fixZipDates(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.byteLength - 22;
  if (eocd < 0 || view.getUint32(eocd, true) !== END_OF_CENTRAL_DIRECTORY) throw new Error('docx: not a zip file without comment (end of central directory not found)');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`docx: zip central directory entry ${i} not found`);
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`docx: zip local header of entry ${i} not found`);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
