// Files made at install time in dist/data/ (scripts/*-data.mjs, scripts/fallback-chars.mjs): where a
// build finds them, and the little-endian uint32 arrays some of them hold as base64 in JSON.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/data/<name>, found from this module whether bundled or not; undefined if it is not there. */
export function installedDataFile(name: string): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const file = path.join(dir, 'dist', 'data', name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** base64 of little-endian uint32s. */
export function base64OfUint32s(values: readonly number[]): string {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32LE(v, 4 * i));
  return b.toString('base64');
}

// On a little-endian machine (every one Node runs on in practice) the decoded bytes already are the
// arrays: one copy into a buffer of their own (aligned, not shared with Buffer's pool) instead of a
// read per element. That loop ran cold in every process: the six faces' kerning tables (~40,000
// values, render/latin-shaping-table.ts) took 12–17 ms of CPU to decode, the copy ~1.5 ms.
const LITTLE_ENDIAN = os.endianness() === 'LE';

/** Little-endian uint32s from base64. */
export function uint32sOfBase64(base64: string): Uint32Array {
  const b = Buffer.from(base64, 'base64');
  const n = Math.floor(b.length / 4);
  if (LITTLE_ENDIAN) return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + 4 * n));
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = b.readUInt32LE(4 * i);
  return out;
}

/** The first n little-endian int16s of base64, widened to int32; a RangeError if it holds fewer. */
export function int16sOfBase64(base64: string, n: number): Int32Array {
  const b = Buffer.from(base64, 'base64');
  if (LITTLE_ENDIAN && b.length >= 2 * n) return Int32Array.from(new Int16Array(b.buffer.slice(b.byteOffset, b.byteOffset + 2 * n)));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = b.readInt16LE(2 * i);
  return out;
}
