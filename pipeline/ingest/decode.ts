// Bytes → text. Sources arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK
// (common for Chinese files). Detection order: BOM → strict UTF-8 → strict GB18030 that looks like
// Chinese or ASCII text → refuse. Line endings become LF. Binary files (NUL bytes, many control
// characters) and undecodable bytes are refused with a UserError naming the file and the first bad byte.
import { UserError, diagnostic } from '../diagnostics.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

/** Decode a source file's bytes to text with LF line endings, or throw a UserError. */
export function decode(bytes: Uint8Array, file: string): string {
  return decodeDetailed(bytes, file).text;
}

/** Like decode, also telling which encoding was detected. */
export function decodeDetailed(bytes: Uint8Array, file: string): Decoded {
  let encoding: Encoding;
  let bom = false;
  let text: string;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    bom = true;
    text = strict('utf-8', bytes.subarray(3), file, 3);
    refuseBinaryBytes(bytes, 3, file);
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    bom = true;
    text = strict('utf-16le', bytes.subarray(2), file, 2);
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    bom = true;
    text = strict('utf-16be', bytes.subarray(2), file, 2);
  } else {
    refuseBinaryBytes(bytes, 0, file);
    const bad = firstInvalidUtf8(bytes);
    if (bad < 0) {
      encoding = 'utf-8';
      text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    } else {
      const gb = tryGb18030(bytes);
      if (gb === undefined) {
        const { line, column } = byteLineColumn(bytes, bad);
        throw new UserError(
          diagnostic({
            rule: 'ingest:undecodable',
            file,
            place: { line, column },
            reason: `${file}: cannot decode the file: byte 0x${hex(bytes[bad])} at offset ${bad} (line ${line}) is not valid UTF-8, and the file is not GB18030/GBK Chinese text either; save it as UTF-8`,
            expected: ['UTF-8', 'UTF-8 with BOM', 'UTF-16 with BOM', 'GB18030/GBK'],
          }),
        );
      }
      encoding = 'gb18030';
      text = gb;
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  refuseControlChars(text, file);
  return { text, encoding, bom };
}

function hex(b: number | undefined): string {
  return (b ?? 0).toString(16).padStart(2, '0').toUpperCase();
}

function strict(enc: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, file: string, base: number): string {
  try {
    return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    let offset = base;
    if (enc === 'utf-8') offset = base + Math.max(0, firstInvalidUtf8(bytes));
    else if (bytes.length % 2 === 1) offset = base + bytes.length - 1;
    else offset = base + firstInvalidUtf16(bytes, enc === 'utf-16le');
    throw new UserError(
      diagnostic({
        rule: 'ingest:undecodable',
        file,
        reason: `${file}: cannot decode the file as ${enc.toUpperCase()} (its byte order mark says so): invalid bytes at offset ${offset}`,
      }),
    );
  }
}

function firstInvalidUtf16(bytes: Uint8Array, le: boolean): number {
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    if (u >= 0xd800 && u <= 0xdbff) {
      const j = i + 2;
      if (j + 1 >= bytes.length) return i;
      const v = le ? bytes[j] | (bytes[j + 1] << 8) : (bytes[j] << 8) | bytes[j + 1];
      if (v < 0xdc00 || v > 0xdfff) return i;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return 0;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid UTF-8. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const t = b[i + k];
      if (t === undefined || (t & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (t & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** NUL bytes never occur in 8-bit text encodings: the file is binary (or UTF-16 without a BOM). */
function refuseBinaryBytes(bytes: Uint8Array, from: number, file: string): void {
  const i = bytes.indexOf(0, from);
  if (i < 0) return;
  const { line, column } = byteLineColumn(bytes, i);
  throw new UserError(
    diagnostic({
      rule: 'ingest:binary',
      file,
      place: { line, column },
      reason: `${file}: this looks like a binary file, not text: NUL byte at offset ${i} (line ${line}); sources must be plain text or Markdown (UTF-16 files need a byte order mark)`,
    }),
  );
}

// C0 controls other than tab, LF, CR, vertical tab and form feed (page breaks in pdftotext output), and DEL.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * A stray control character in a text file is tolerated; more than a handful (or a NUL in UTF-16) means
 * the file is not text.
 */
function refuseControlChars(text: string, file: string): void {
  CONTROL.lastIndex = 0;
  let count = 0;
  let first = -1;
  let nul = false;
  for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
    if (first < 0) first = m.index;
    if (m[0] === '\u0000') nul = true;
    count++;
  }
  if (count === 0) return;
  if (!nul && (count <= 8 || count * 200 <= text.length)) return;
  const before = text.slice(0, first);
  const line = before.split('\n').length;
  const column = first - before.lastIndexOf('\n');
  throw new UserError(
    diagnostic({
      rule: 'ingest:binary',
      file,
      place: { line, column },
      reason: `${file}: this looks like a binary file, not text: ${count} control character(s), the first (U+${text
        .charCodeAt(first)
        .toString(16)
        .padStart(4, '0')
        .toUpperCase()}) at line ${line}, column ${column}`,
    }),
  );
}

/**
 * Strict GB18030, accepted only when the result reads like Chinese text: almost every character is
 * ASCII, CJK, CJK/full-width punctuation or another common script, and none falls in the private-use
 * area (which GB18030 uses for its user-defined byte ranges — a sign of binary or misdetected input).
 */
function tryGb18030(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
  let plausible = 0;
  let cjk = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total++;
    if (c >= 0xe000 && c <= 0xf8ff) return undefined;
    if (c >= 0xf0000) return undefined;
    if (c < 0x80) plausible++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
      plausible++;
      cjk++;
    } else if (
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x206f) || // general punctuation
      (c >= 0x2460 && c <= 0x24ff) || // enclosed numbers ①
      (c >= 0x2e80 && c <= 0x2fdf) || // radicals
      (c >= 0x3040 && c <= 0x30ff) || // kana
      (c >= 0x0391 && c <= 0x03c9) || // Greek
      (c >= 0x0410 && c <= 0x044f) || // Cyrillic
      (c >= 0x00a0 && c <= 0x00ff) ||
      (c >= 0x2100 && c <= 0x23ff) || // letterlike, arrows, math
      (c >= 0x2500 && c <= 0x26ff) // box drawing, shapes
    )
      plausible++;
  }
  if (total === 0) return text;
  if (cjk === 0) return undefined; // bytes ≥ 0x80 that form no Chinese at all: not GBK text
  return plausible / total >= 0.97 ? text : undefined;
}
