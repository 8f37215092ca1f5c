import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64OfUint32s, int16sOfBase64, uint32sOfBase64 } from '../pipeline/data-files.js';

// what the decoders did before they copied whole buffers: one read per element
const u32Reference = (base64: string) => {
  const b = Buffer.from(base64, 'base64');
  const out = new Uint32Array(Math.floor(b.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(4 * i);
  return out;
};
const i16Reference = (base64: string, n: number) => {
  const b = Buffer.from(base64, 'base64');
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = b.readInt16LE(2 * i);
  return out;
};

describe('uint32sOfBase64', () => {
  it('reads back what base64OfUint32s wrote', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }), (values) => {
        expect([...uint32sOfBase64(base64OfUint32s(values))]).toEqual(values);
      }),
    );
  });

  it('reads any bytes as the per-element reads do, a trailing partial value dropped', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 203 }), (bytes) => {
        const base64 = Buffer.from(bytes).toString('base64');
        expect(uint32sOfBase64(base64)).toEqual(u32Reference(base64));
      }),
    );
  });

  it('returns an array of its own, not a view of Buffer\u2019s shared pool', () => {
    // small Buffers come out of one pool at any offset: the array must neither be misaligned nor see other data
    const a = uint32sOfBase64(base64OfUint32s([1, 2, 3]));
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBe(12);
    const b = uint32sOfBase64(base64OfUint32s([4, 5]));
    expect([...a, ...b]).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('int16sOfBase64', () => {
  it('reads signed little-endian pairs of bytes as the per-element reads do', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 300 }), fc.nat(3), (values, spare) => {
        const b = Buffer.alloc(2 * values.length + spare);
        values.forEach((v, i) => b.writeInt16LE(v, 2 * i));
        const base64 = b.toString('base64');
        const got = int16sOfBase64(base64, values.length);
        expect(got).toEqual(i16Reference(base64, values.length));
        expect([...got]).toEqual(values);
        expect(got.buffer.byteLength).toBe(4 * values.length);
      }),
    );
  });

  it('throws where the data holds fewer values than asked for, as the reads did', () => {
    const base64 = Buffer.from([1, 0, 2]).toString('base64');
    expect(() => i16Reference(base64, 2)).toThrow(RangeError);
    expect(() => int16sOfBase64(base64, 2)).toThrow(RangeError);
    expect([...int16sOfBase64(base64, 1)]).toEqual([1]);
  });
});
