// Quicker ways to what pdfkit asks of a TrueType font through fontkit, with the same results. In a
// cold process each of these was paid once per font face, 5–20 ms each:
//  - the glyph index (`loca`) is decoded by restructure one number at a time, an object per call
//    (31,000 offsets in a CJK face): read it straight from the table bytes instead;
//  - a glyph's metrics read its outline header, only for the vertical bearing, even when the font
//    has vertical metrics (`vmtx`, as the CJK faces do) that give it without the outline;
//  - subsetting decodes every used glyph's whole outline only to learn whether it is composite:
//    the header's contour count says so, and only composite glyphs are decoded;
//  - a character's glyph is found by a binary search over the cmap's groups, each group decoded by
//    restructure as an object on first touch: the groups are read into one typed array instead;
//  - a glyph's advance and bearing are read by restructure from `hmtx`/`vmtx` as a struct per glyph
//    (four hidden properties defined on each): read the two numbers from the table bytes instead;
//  - a subset's file is encoded by restructure, a struct at a time: it is written directly;
//  - the `post` table is decoded whole, with a name for each of 30,000 glyphs, where pdfkit reads
//    two numbers of its header: the header is read at once, the rest only if something asks for it.
// Fonts with variations are left to fontkit (their outlines and metrics depend on the settings).
// tests/render/fontkit-shortcuts.test.ts compares each with fontkit's own result on every face we ship.
import { endianness } from 'node:os';
import { loadGlyphBytes, loadGlyphRanges } from './font-files.js';

interface DecodeStreamLike {
  pos: number;
  buffer: Uint8Array;
  readBuffer(length: number): Uint8Array;
}
interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}
interface Metrics {
  advanceWidth: number;
  leftBearing: number;
}
interface FontkitTTF {
  hmtx?: MetricsTable;
  vmtx?: MetricsTable;
  stream: DecodeStreamLike;
  directory: { tables: Record<string, TableEntry | undefined> };
  head: { indexToLocFormat: number };
  loca: { version: number; offsets: ArrayLike<number> };
  _variationProcessor?: unknown;
  _decodeTable(table: TableEntry): unknown;
  _getTableStream(tag: string): DecodeStreamLike | null;
  getGlyph(id: number): GlyphLike;
  _cmapProcessor: CmapProcessorLike;
}
/** fontkit's hmtx/vmtx: metrics for the first glyphs, then bearings alone (restructure LazyArrays). */
interface MetricsTable {
  metrics: { length: number; get(i: number): { advance: number; bearing: number } | undefined };
  bearings: { length: number; get(i: number): number | undefined };
}
interface GlyphLike {
  _getTableMetrics(table: MetricsTable): { advance: number; bearing: number };
  id: number;
  _getCBox(internal?: boolean): unknown;
  advanceWidth: number;
  _font: FontkitTTF;
  _metrics?: Metrics;
  _getMetrics(): Metrics;
  _decode(): { numberOfContours: number; components: { glyphID: number; pos: number }[] } | null;
}
interface CmapGroups {
  stream?: { buffer: Uint8Array };
  base?: number;
  length: number;
}
interface CmapProcessorLike {
  encoding?: unknown;
  cmap?: { version: number; groups?: CmapGroups };
  lookup(codepoint: number, variationSelector?: number): number;
}
interface SubsetLike {
  font: FontkitTTF;
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version?: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** The decoded tables a subset copies (fontkit's definitions: tables/head.js, hhea.js, maxp.js, cvt.js, prep.js, fpgm.js). */
interface SubsetSourceTables {
  head: Record<string, number> & { created: number[]; modified: number[]; macStyle: Record<string, boolean> };
  hhea: Record<string, number>;
  maxp: Record<string, number>;
  'cvt '?: { controlValues: number[] } | null;
  prep?: { controlValueProgram: number[] } | null;
  fpgm?: { instructions: number[] } | null;
}

const MAC_STYLE = ['bold', 'italic', 'underline', 'outline', 'shadow', 'condensed', 'extended'];
const HHEA_INT16 = ['ascent', 'descent', 'lineGap'];
const MAXP_UINT16 = ['maxPoints', 'maxContours', 'maxComponentPoints', 'maxComponentContours', 'maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements', 'maxComponentDepth'];

/** Big-endian writes into a growing list of bytes, as restructure's EncodeStream writes them (DataView). */
class Bytes {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
    this.view = new DataView(bigger.buffer);
  }
  private put(n: number, write: (view: DataView, at: number) => void): void {
    this.room(n);
    write(this.view, this.length);
    this.length += n;
  }
  u8(v: number): void {
    this.put(1, (d, at) => d.setUint8(at, v));
  }
  u16(v: number): void {
    this.put(2, (d, at) => d.setUint16(at, v));
  }
  i16(v: number): void {
    this.put(2, (d, at) => d.setInt16(at, v));
  }
  u32(v: number): void {
    this.put(4, (d, at) => d.setUint32(at, v));
  }
  i32(v: number): void {
    this.put(4, (d, at) => d.setInt32(at, v));
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * A TrueType subset's file, byte for byte as fontkit's TTFSubset.encode writes it through restructure
 * (Directory.toBuffer): the tables head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm (those the
 * font has), a directory tagged 'true' with zero checksums, the tables after it in that order.
 */
export function encodeSubset(font: SubsetSourceTables, subset: Pick<SubsetLike, 'glyf' | 'loca' | 'hmtx'>): Uint8Array {
  const tables: [string, Uint8Array][] = [];
  const head = new Bytes();
  const h = font.head;
  head.i32(h.version);
  head.i32(h.revision);
  head.u32(h.checkSumAdjustment);
  head.u32(h.magicNumber);
  head.u16(h.flags);
  head.u16(h.unitsPerEm);
  for (const v of [...h.created, ...h.modified]) head.i32(v);
  for (const k of ['xMin', 'yMin', 'xMax', 'yMax']) head.i16(h[k]);
  let style = 0;
  MAC_STYLE.forEach((flag, i) => {
    if (h.macStyle?.[flag]) style |= 1 << i;
  });
  head.u16(style);
  head.u16(h.lowestRecPPEM);
  head.i16(h.fontDirectionHint);
  head.i16(subset.loca.version ?? 0);
  head.i16(h.glyphDataFormat);
  tables.push(['head', head.done()]);

  const hhea = new Bytes();
  const hh = font.hhea;
  hhea.i32(hh.version);
  for (const k of HHEA_INT16) hhea.i16(hh[k]);
  hhea.u16(hh.advanceWidthMax);
  for (const k of ['minLeftSideBearing', 'minRightSideBearing', 'xMaxExtent', 'caretSlopeRise', 'caretSlopeRun', 'caretOffset']) hhea.i16(hh[k]);
  for (let i = 0; i < 4; i++) hhea.i16(0); // reserved
  hhea.i16(hh.metricDataFormat);
  hhea.u16(subset.hmtx.metrics.length);
  tables.push(['hhea', hhea.done()]);

  const loca = new Bytes();
  for (const off of subset.loca.offsets) if (subset.loca.version === 0) loca.u16(off >>> 1);
  else loca.u32(off);
  tables.push(['loca', loca.done()]);

  const maxp = new Bytes();
  maxp.i32(font.maxp.version);
  maxp.u16(subset.glyf.length);
  for (const k of MAXP_UINT16) maxp.u16(font.maxp[k]);
  tables.push(['maxp', maxp.done()]);

  const cvt = font['cvt '];
  if (cvt) {
    const b = new Bytes();
    for (const v of cvt.controlValues) b.i16(v);
    tables.push(['cvt ', b.done()]);
  }
  if (font.prep) tables.push(['prep', Uint8Array.from(font.prep.controlValueProgram)]);
  const glyf = new Bytes();
  for (const g of subset.glyf) glyf.bytes(g);
  tables.push(['glyf', glyf.done()]);
  const hmtx = new Bytes();
  for (const m of subset.hmtx.metrics) {
    hmtx.u16(m.advance);
    hmtx.i16(m.bearing);
  }
  for (const b of subset.hmtx.bearings) hmtx.i16(b);
  tables.push(['hmtx', hmtx.done()]);
  if (font.fpgm) tables.push(['fpgm', Uint8Array.from(font.fpgm.instructions)]);

  // the directory, as Directory.preEncode computes it (its float arithmetic included)
  const out = new Bytes();
  const numTables = tables.length;
  const maxPowerOf2 = Math.pow(2, Math.floor(Math.log(numTables) / Math.LN2));
  for (const c of 'true') out.u8(c.charCodeAt(0));
  out.u16(numTables);
  out.u16(maxPowerOf2 * 16);
  out.u16(Math.log(maxPowerOf2) / Math.LN2);
  out.u16(numTables * 16 - maxPowerOf2 * 16);
  let offset = 12 + 16 * numTables;
  for (const [tag, bytes] of tables) {
    for (const c of tag) out.u8(c.charCodeAt(0));
    out.u32(0);
    out.u32(offset);
    out.u32(bytes.length);
    offset += bytes.length;
  }
  for (const [, bytes] of tables) out.bytes(bytes);
  return out.done();
}

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * The offsets of a `loca` table as fontkit's table definition decodes and then processes them
 * (numbers; long offsets in a Uint32Array, read by index as fontkit reads its array).
 */
export function readLoca(font: FontkitTTF, table: TableEntry): { version: number; offsets: ArrayLike<number> } {
  const version = font.head.indexToLocFormat;
  const { buffer } = font.stream;
  const size = version === 0 ? 2 : 4;
  // restructure reads entries while its position is inside the table
  const count = Math.ceil(table.length / size);
  if (version !== 0 && LITTLE_ENDIAN && table.offset + count * 4 <= buffer.byteLength) {
    // the big-endian words copied and byte-swapped natively: ~1 ms where a loop took 2–5 ms per face
    const words = new Uint8Array(count * 4);
    words.set(buffer.subarray(table.offset, table.offset + count * 4));
    Buffer.from(words.buffer).swap32();
    return { version, offsets: new Uint32Array(words.buffer) };
  }
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const offsets = new Array<number>(count);
  for (let i = 0, at = table.offset; i < count; i++, at += size) offsets[i] = version === 0 ? view.getUint16(at) << 1 : view.getUint32(at);
  // `_processed` as the table's process() leaves it: short offsets are stored halved and doubled once
  return version === 0 ? ({ version, offsets, _processed: true } as { version: number; offsets: number[] }) : { version, offsets };
}

/** A format 12 cmap's groups as [start, end, glyph, start, end, glyph, …], or null if not at hand. */
export function readCmapGroups(groups: CmapGroups | undefined): Uint32Array | null {
  if (!groups?.stream || groups.base === undefined || !LITTLE_ENDIAN) return null;
  const { buffer } = groups.stream;
  const bytes = groups.length * 12;
  if (groups.base + bytes > buffer.byteLength) return null;
  const words = new Uint8Array(bytes);
  words.set(buffer.subarray(groups.base, groups.base + bytes));
  Buffer.from(words.buffer).swap32();
  return new Uint32Array(words.buffer);
}

const cmapGroups = new WeakMap<object, Uint32Array | null>();

/** Fields of a `post` table after its 32-byte header (by version), decoded only when read. */
const POST_REST = ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map'];

/**
 * A `post` table as fontkit's definition decodes it: the header's fields at once (read as
 * restructure reads them: fixed32 = int32 / 65536), the rest from `decodeWhole` on first access.
 */
export function lazyPost(font: FontkitTTF, table: TableEntry, decodeWhole: () => Record<string, unknown>): Record<string, unknown> | undefined {
  const { buffer } = font.stream;
  if (table.length < 32 || table.offset + 32 > buffer.byteLength) return undefined;
  const view = new DataView(buffer.buffer, buffer.byteOffset + table.offset, 32);
  const post: Record<string, unknown> = {
    version: view.getInt32(0) / 65536,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  let whole: Record<string, unknown> | undefined;
  for (const key of POST_REST)
    Object.defineProperty(post, key, {
      get: () => (whole ??= decodeWhole())[key],
      enumerable: false,
      configurable: true,
    });
  return post;
}

const installed = new WeakSet<object>();

/**
 * Install the shortcuts into fontkit's classes for TrueType fonts, found through one font and one
 * subset of it (fontkit does not export them). Once per copy of fontkit; later calls do nothing.
 */
export function installFontkitShortcuts(font: FontkitTTF, subset: SubsetLike): void {
  const fontProto = Object.getPrototypeOf(font) as FontkitTTF;
  if (installed.has(fontProto) || !font.directory.tables.glyf) return;
  installed.add(fontProto);
  const glyphProto = Object.getPrototypeOf(font.getGlyph(0)) as GlyphLike;
  const baseGlyphProto = Object.getPrototypeOf(glyphProto) as GlyphLike;
  const subsetProto = Object.getPrototypeOf(subset) as SubsetLike;

  const decodeTable = fontProto._decodeTable;
  fontProto._decodeTable = function _decodeTable(this: FontkitTTF, table: TableEntry) {
    if (Object.getPrototypeOf(this) === fontProto) {
      if (table.tag === 'loca') return readLoca(this, table);
      if (table.tag === 'post') return lazyPost(this, table, () => decodeTable.call(this, table) as Record<string, unknown>) ?? decodeTable.call(this, table);
    }
    return decodeTable.call(this, table);
  };

  // outlines of fonts read with font-files.ts are read from the file when fontkit first reads them
  const loadGlyph = (glyph: GlyphLike) => {
    const f = glyph._font;
    const glyf = f.directory.tables.glyf;
    if (!glyf) return;
    const offsets = f.loca.offsets;
    // at least a glyph header (10 bytes): fontkit reads one even for an empty glyph (the next glyph's)
    loadGlyphBytes(f.stream.buffer, glyf.offset + offsets[glyph.id], Math.max(10, offsets[glyph.id + 1] - offsets[glyph.id]));
  };
  const decode = glyphProto._decode;
  glyphProto._decode = function _decode(this: GlyphLike) {
    loadGlyph(this);
    return decode.call(this);
  };
  const cbox = glyphProto._getCBox;
  glyphProto._getCBox = function _getCBox(this: GlyphLike, internal?: boolean) {
    loadGlyph(this);
    return cbox.call(this, internal);
  };

  // a glyph's entry in hmtx or vmtx, as fontkit's Glyph._getTableMetrics gives it, from the bytes
  const tableMetrics = baseGlyphProto._getTableMetrics;
  baseGlyphProto._getTableMetrics = function _getTableMetrics(this: GlyphLike, table: MetricsTable) {
    const f = this._font;
    const tag = table === f.hmtx ? 'hmtx' : table === f.vmtx ? 'vmtx' : undefined;
    const entry = tag && Object.getPrototypeOf(f) === fontProto ? f.directory.tables[tag] : undefined;
    const n = table.metrics.length;
    const bytes = f.stream.buffer;
    if (!entry || entry.offset + 4 * n + 2 * table.bearings.length > bytes.byteLength) return tableMetrics.call(this, table);
    const u16 = (at: number) => (bytes[at] << 8) | bytes[at + 1];
    const i16 = (at: number) => (u16(at) << 16) >> 16;
    if (this.id < n) return { advance: u16(entry.offset + 4 * this.id), bearing: i16(entry.offset + 4 * this.id + 2) };
    const k = this.id - n;
    return { advance: n > 0 ? u16(entry.offset + 4 * (n - 1)) : 0, bearing: k < table.bearings.length ? i16(entry.offset + 4 * n + 2 * k) || 0 : 0 };
  };

  const ttfMetrics = glyphProto._getMetrics;
  const baseMetrics = baseGlyphProto._getMetrics;
  glyphProto._getMetrics = function _getMetrics(this: GlyphLike) {
    // with vertical metrics, the base class takes no bounding box, so the outline header is not read
    if (this._metrics || this._font._variationProcessor || !this._font.directory.tables.vmtx) return ttfMetrics.call(this);
    return baseMetrics.call(this);
  };

  const cmapProto = Object.getPrototypeOf(font._cmapProcessor) as CmapProcessorLike;
  const lookup = cmapProto.lookup;
  cmapProto.lookup = function lookupInGroups(this: CmapProcessorLike, codepoint: number, variationSelector?: number) {
    const cmap = this.cmap;
    if (this.encoding || variationSelector || !cmap || cmap.version !== 12) return lookup.call(this, codepoint, variationSelector);
    let g = cmapGroups.get(cmap);
    if (g === undefined) cmapGroups.set(cmap, (g = readCmapGroups(cmap.groups)));
    if (!g) return lookup.call(this, codepoint, variationSelector);
    // as fontkit: the group holding the code point, by binary search
    let min = 0;
    let max = g.length / 3 - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (codepoint < g[mid * 3]) max = mid - 1;
      else if (codepoint > g[mid * 3 + 1]) min = mid + 1;
      else return g[mid * 3 + 2] + (codepoint - g[mid * 3]);
    }
    return 0;
  };

  // the subset's file written directly, as restructure would write it (encodeSubset)
  const encode = subsetProto.encode;
  subsetProto.encode = function encodeTtfSubset(this: SubsetLike) {
    const font = this.font;
    if (font._variationProcessor || Object.getPrototypeOf(font) !== fontProto) return encode.call(this);
    // as TTFSubset.encode: every glyph (its components join the list as it goes), then the tables
    this.glyf = [];
    this.offset = 0;
    this.loca = { offsets: [], version: font.loca.version };
    this.hmtx = { metrics: [], bearings: [] };
    // the outlines of the glyphs known so far, read together (at least a header each, as loadGlyph)
    const glyf = font.directory.tables.glyf;
    const offsets = font.loca.offsets;
    if (glyf) loadGlyphRanges(font.stream.buffer, this.glyphs.map((g) => [glyf.offset + offsets[g], Math.max(10, offsets[g + 1] - offsets[g])] as const));
    let i = 0;
    while (i < this.glyphs.length) this._addGlyph(this.glyphs[i++]);
    this.loca.offsets.push(this.offset);
    return encodeSubset(font as unknown as SubsetSourceTables, this);
  };

  const addGlyph = subsetProto._addGlyph;
  subsetProto._addGlyph = function _addGlyph(this: SubsetLike, gid: number) {
    const font = this.font;
    if (font._variationProcessor) return addGlyph.call(this, gid);
    const glyph = font.getGlyph(gid);
    const curOffset = font.loca.offsets[gid];
    const nextOffset = font.loca.offsets[gid + 1];
    loadGlyph(glyph);
    const stream = font._getTableStream('glyf')!;
    stream.pos += curOffset;
    let buffer = stream.readBuffer(nextOffset - curOffset);
    // numberOfContours, the header's first field: negative for a composite glyph
    const composite = buffer.length >= 2 && (buffer[0] & 0x80) !== 0;
    if (composite) {
      const glyf = glyph._decode()!;
      buffer = new Uint8Array(buffer);
      const view = new DataView(buffer.buffer);
      for (const component of glyf.components) {
        gid = this.includeGlyph(component.glyphID);
        view.setUint16(component.pos, gid);
      }
    }
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}
