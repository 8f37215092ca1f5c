// Font files read for fontkit without their outlines. A CJK face is ~10 MB, nine tenths of it the
// `glyf` table, of which a brief uses a few hundred glyphs; reading four faces whole took ~35 ms of a
// cold build. Here every table but `glyf` is read at once, the `glyf` bytes stay zero until
// loadGlyphBytes reads the ones a glyph needs (fontkit-shortcuts.ts calls it wherever fontkit reads an
// outline: subsetting, decoding, bounding boxes). tests/render/fontkit-shortcuts.test.ts compares
// subsets, outlines and metrics from such a buffer with those from the whole file.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

interface Lazy {
  file: string;
  /** The glyf table's place in the file. */
  start: number;
  end: number;
  /** Pages (PAGE bytes) of the glyf table already read. */
  loaded: Uint8Array;
  /** The file, opened on the first read of an outline and kept open: a brief reads hundreds. */
  fd?: number;
}
const PAGE = 4096;
const lazy = new WeakMap<Uint8Array, Lazy>();

function readInto(fd: number, buf: Buffer, from: number, to: number): void {
  let at = from;
  while (at < to) {
    const n = readSync(fd, buf, at, to - at, at);
    if (n <= 0) throw new Error(`unexpected end of font file at byte ${at}`);
    at += n;
  }
}

/**
 * A TrueType file as fontkit reads it, all tables but `glyf` in place, `glyf` zero-filled until
 * asked for. Any other file (or one without a glyf table) is read whole.
 */
export function readFontLazily(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(size);
    readInto(fd, buf, 0, Math.min(size, 12));
    const version = buf.readUInt32BE(0);
    if (size < 12 || (version !== 0x00010000 && version !== 0x74727565)) {
      readInto(fd, buf, 0, size);
      return buf;
    }
    const numTables = buf.readUInt16BE(4);
    readInto(fd, buf, 12, Math.min(size, 12 + numTables * 16));
    let glyf: { start: number; end: number } | undefined;
    const tables: { start: number; end: number }[] = [];
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      const tag = buf.toString('latin1', rec, rec + 4);
      const start = buf.readUInt32BE(rec + 8);
      const end = Math.min(size, start + buf.readUInt32BE(rec + 12));
      if (tag === 'glyf') glyf = { start, end };
      else tables.push({ start, end });
    }
    if (!glyf) {
      readInto(fd, buf, 0, size);
      return buf;
    }
    // everything outside the glyf table (other tables, padding between them)
    if (glyf.start > 0) readInto(fd, buf, 0, glyf.start);
    if (glyf.end < size) readInto(fd, buf, glyf.end, size);
    // a table overlapping glyf (not in well-formed files) is read as it is
    for (const t of tables) if (t.start < glyf.end && t.end > glyf.start) readInto(fd, buf, Math.max(t.start, glyf.start), Math.min(t.end, glyf.end));
    lazy.set(buf, { file, start: glyf.start, end: glyf.end, loaded: new Uint8Array(Math.ceil((glyf.end - glyf.start) / PAGE)) });
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** Make sure bytes [from, from + length) of a buffer from readFontLazily are read (any other buffer: nothing to do). */
export function loadGlyphBytes(buffer: Uint8Array, from: number, length: number): void {
  const l = lazy.get(buffer);
  if (!l || length <= 0) return;
  const a = Math.max(from, l.start);
  const b = Math.min(from + length, l.end);
  if (a >= b) return;
  let first = Math.floor((a - l.start) / PAGE);
  const last = Math.floor((b - 1 - l.start) / PAGE);
  while (first <= last && l.loaded[first]) first++;
  if (first > last) return;
  let lastToRead = last;
  while (lastToRead > first && l.loaded[lastToRead]) lastToRead--;
  l.fd ??= openSync(l.file, 'r');
  readInto(l.fd, buffer as Buffer, l.start + first * PAGE, Math.min(l.end, l.start + (lastToRead + 1) * PAGE));
  l.loaded.fill(1, first, lastToRead + 1);
}

/** Pages read at once when they are at most this many apart (one read instead of several). */
const GAP = 2;

/**
 * Make sure the bytes of many glyphs are read ([offset, length] ranges of a buffer from
 * readFontLazily), with one read for each run of pages close together: a subset's glyphs, known
 * before its outlines are copied, cost a few dozen reads instead of hundreds.
 */
export function loadGlyphRanges(buffer: Uint8Array, ranges: readonly (readonly [number, number])[]): void {
  const l = lazy.get(buffer);
  if (!l) return;
  const pages: number[] = [];
  for (const [from, length] of ranges) {
    const a = Math.max(from, l.start);
    const b = Math.min(from + length, l.end);
    if (a >= b) continue;
    for (let p = Math.floor((a - l.start) / PAGE), last = Math.floor((b - 1 - l.start) / PAGE); p <= last; p++) if (!l.loaded[p]) pages.push(p);
  }
  if (!pages.length) return;
  pages.sort((x, y) => x - y);
  l.fd ??= openSync(l.file, 'r');
  let first = pages[0];
  let last = first;
  const flush = () => {
    readInto(l.fd!, buffer as Buffer, l.start + first * PAGE, Math.min(l.end, l.start + (last + 1) * PAGE));
    l.loaded.fill(1, first, last + 1);
  };
  for (const p of pages.slice(1)) {
    if (p - last <= GAP) last = p;
    else {
      flush();
      first = last = p;
    }
  }
  flush();
}

/** How much of a lazily read font's glyf table has been read, as a fraction (for tests). */
export function glyfFractionRead(buffer: Uint8Array): number | undefined {
  const l = lazy.get(buffer);
  if (!l) return undefined;
  let n = 0;
  for (const x of l.loaded) n += x;
  return l.loaded.length ? n / l.loaded.length : 1;
}
