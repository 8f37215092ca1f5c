// Files made at install time in dist/data/ (scripts/*-data.mjs, scripts/fallback-chars.mjs): where a
// build finds them, and the little-endian uint32 arrays some of them hold as base64 in JSON.
import { existsSync } from 'node:fs';
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

/** Little-endian uint32s from base64. */
export function uint32sOfBase64(base64: string): Uint32Array {
  const b = Buffer.from(base64, 'base64');
  const out = new Uint32Array(b.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(4 * i);
  return out;
}
