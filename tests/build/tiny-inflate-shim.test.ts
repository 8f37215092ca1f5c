import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';

// The bundled CLI inflates with Node's zlib behind tiny-inflate's interface (scripts/shims/tiny-inflate.cjs):
// it must give what tiny-inflate gives, above all for the Unicode tables unicode-trie inflates at start-up.
const require = createRequire(import.meta.url);
const shim = require('../../scripts/shims/tiny-inflate.cjs') as (s: Uint8Array, d: Uint8Array) => Uint8Array;
const tiny = require('tiny-inflate') as (s: Uint8Array, d: Uint8Array) => Uint8Array;

/** unicode-trie's serialized tables (base64) in the packages the PDF code loads. */
function trieTables(): Buffer[] {
  const files = ['unicode-properties', 'linebreak', 'fontkit'];
  const out: Buffer[] = [];
  for (const f of files) {
    const src = readFileSync(require.resolve(f), 'utf8');
    for (const m of src.matchAll(/"([A-Za-z0-9+/]{200,}={0,2})"/g)) out.push(Buffer.from(m[1], 'base64'));
  }
  return out;
}

/** unicode-trie's way: 12 bytes of header, then the table deflated twice. */
function inflateTrie(data: Buffer, inflate: typeof tiny): Uint8Array {
  const length = data.readUInt32LE(8);
  let d: Uint8Array = data.subarray(12);
  d = inflate(d, new Uint8Array(length));
  return inflate(d, new Uint8Array(length));
}

describe('tiny-inflate on zlib', () => {
  it('inflates the Unicode tables of unicode-properties, linebreak and fontkit as tiny-inflate does', () => {
    const tables = trieTables();
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) expect(Buffer.from(inflateTrie(t, shim)).equals(Buffer.from(inflateTrie(t, tiny)))).toBe(true);
  });

  it('returns the filled part when the output is shorter than dest, and dest itself when it fills it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(50), (bytes, spare) => {
        const packed = deflateRawSync(bytes);
        const a = shim(packed, new Uint8Array(bytes.length + spare));
        const b = tiny(packed, new Uint8Array(bytes.length + spare));
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
        expect(a.length).toBe(bytes.length);
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('leaves what zlib refuses, or what would overflow dest, to tiny-inflate', () => {
    const packed = deflateRawSync(Buffer.from('abcdefghij'.repeat(20)));
    // too small a dest: tiny-inflate's own behaviour
    expect(Buffer.from(shim(packed, new Uint8Array(50)))).toEqual(Buffer.from(tiny(packed, new Uint8Array(50))));
    // not deflate at all: tiny-inflate's own error
    expect(() => shim(Uint8Array.from([0xff, 0xff, 0xff]), new Uint8Array(10))).toThrow();
  });
});
