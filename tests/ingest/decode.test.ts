import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decode, decodeDetailed, firstInvalidUtf8 } from '../../pipeline/ingest/decode.js';
import { UserError } from '../../pipeline/diagnostics.js';

const dir = fileURLToPath(new URL('../fixtures/ingest/encodings/', import.meta.url));
const read = (f: string) => new Uint8Array(readFileSync(dir + f));
const expected = readFileSync(dir + 'expected.txt', 'utf8');

function refusal(bytes: Uint8Array, file = 'x.txt'): UserError {
  try {
    decode(bytes, file);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('decode', () => {
  it.each([
    ['utf8.txt', 'utf-8'],
    ['utf8-bom.txt', 'utf-8'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['gb18030.txt', 'gb18030'],
    ['gbk-crlf.txt', 'gb18030'],
    ['crlf.txt', 'utf-8'],
    ['cr.txt', 'utf-8'],
  ])('%s decodes to the same text (%s)', (file, encoding) => {
    const d = decodeDetailed(read(file), file);
    expect(d.text).toBe(expected);
    expect(d.encoding).toBe(encoding);
    expect(d.text).not.toMatch(/[\r\uFEFF]/);
  });

  it('accepts an empty file', () => {
    expect(decode(new Uint8Array(0), 'empty.txt')).toBe('');
  });

  it('refuses a binary file, naming the file and the offset', () => {
    const err = refusal(read('binary.bin'), 'pic.bin');
    expect(err.diagnostics[0].ruleId).toBe('binary');
    expect(err.message).toContain('pic.bin');
    expect(err.message).toMatch(/offset 8/);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming offset and line', () => {
    const err = refusal(read('latin1.txt'), 'latin1.txt');
    expect(err.diagnostics[0].ruleId).toBe('undecodable');
    expect(err.message).toContain('latin1.txt');
    expect(err.message).toMatch(/offset 5 \(line 1\)/);
    expect(err.diagnostics[0].line).toBe(1);
  });

  it('refuses text full of control characters but tolerates a stray one', () => {
    const many = new TextEncoder().encode('abc\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000fdef');
    expect(refusal(many).diagnostics[0].ruleId).toBe('binary');
    const stray = new TextEncoder().encode('第一行\n这是一段很长的正常文字'.repeat(20) + '\u0007结尾');
    expect(decode(stray, 'ok.txt')).toContain('结尾');
  });

  it('keeps form feeds (page breaks in extracted text)', () => {
    expect(decode(new TextEncoder().encode('一\f二'), 'f.txt')).toBe('一\f二');
  });

  it('refuses a UTF-16 file whose bytes break the encoding its BOM names', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x00, 0xd8, 0x41]);
    expect(refusal(bytes).diagnostics[0].ruleId).toBe('undecodable');
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('中文abc'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe4, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
});
