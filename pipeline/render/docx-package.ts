import zlib from 'node:zlib';
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

/** CRC-32 of bytes (the zip's and PNG's): Node's own where it has one (20.15 and later), else a table's. */
let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(bytes);
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Deflated {
  crc: number;
  size: number;
  data: Uint8Array;
}

/**
 * Parts deflated already, by path and text: most of a Word file's parts are the same text from brief
 * to brief (theme, styles, numbering, settings, font table, content types, relationships), and are
 * deflated once. At most DEFLATED_KEPT are kept (~20 parts a file).
 */
const deflatedParts = new Map<string, Deflated>();
const DEFLATED_KEPT = 96;

function deflatePart(path: string, data: string | Uint8Array): Deflated {
  const key = typeof data === 'string' ? `${path}\n${data}` : undefined;
  const hit = key === undefined ? undefined : deflatedParts.get(key);
  if (hit) return hit;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const made = { crc: crc32(bytes), size: bytes.byteLength, data: zlib.deflateRawSync(bytes, { level: 6 }) };
  if (key !== undefined) {
    deflatedParts.set(key, made);
    if (deflatedParts.size > DEFLATED_KEPT) deflatedParts.delete(deflatedParts.keys().next().value as string);
  }
  return made;
}

/**
 * The zip of a Word file's parts, in the order given: every entry deflated (Node's zlib, level 6),
 * dated 1980-01-01 00:00 (the earliest a zip can hold, as reproducible-build tools do), no comment, no
 * extra fields. The same parts give the same bytes.
 */
export function zipParts(parts: Iterable<[string, string | Uint8Array]>): Buffer {
  const entries = [...parts].map(([path, data]) => ({ name: Buffer.from(path, 'utf8'), ...deflatePart(path, data) }));
  let local = 0;
  let central = 0;
  for (const e of entries) {
    local += 30 + e.name.byteLength + e.data.byteLength;
    central += 46 + e.name.byteLength;
  }
  const out = Buffer.alloc(local + central + 22);
  let at = 0;
  const offsets: number[] = [];
  const head = (sig: number, e: (typeof entries)[number], centralEntry: boolean, offset = 0) => {
    out.writeUInt32LE(sig, at);
    at += 4;
    if (centralEntry) {
      out.writeUInt16LE(20, at); // made by: zip 2.0
      at += 2;
    }
    out.writeUInt16LE(20, at); // needed to extract: 2.0 (deflate)
    out.writeUInt16LE(e.name.some((b) => b > 0x7f) ? 0x800 : 0, at + 2); // names in UTF-8
    out.writeUInt16LE(8, at + 4); // deflate
    out.writeUInt16LE(0, at + 6); // 00:00
    out.writeUInt16LE(DOS_DATE, at + 8);
    out.writeUInt32LE(e.crc, at + 10);
    out.writeUInt32LE(e.data.byteLength, at + 14);
    out.writeUInt32LE(e.size, at + 18);
    out.writeUInt16LE(e.name.byteLength, at + 22);
    out.writeUInt16LE(0, at + 24); // no extra field
    at += 26;
    if (centralEntry) {
      out.fill(0, at, at + 10); // comment length, disk, internal and external attributes
      out.writeUInt32LE(offset, at + 10);
      at += 14;
    }
    e.name.copy(out, at);
    at += e.name.byteLength;
  };
  for (const e of entries) {
    offsets.push(at);
    head(LOCAL_HEADER, e, false);
    out.set(e.data, at);
    at += e.data.byteLength;
  }
  const centralStart = at;
  entries.forEach((e, i) => head(CENTRAL_HEADER, e, true, offsets[i]));
  out.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, at);
  out.writeUInt16LE(0, at + 4);
  out.writeUInt16LE(0, at + 6);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - centralStart, at + 12);
  out.writeUInt32LE(centralStart, at + 16);
  out.writeUInt16LE(0, at + 20);
  return out;
}
