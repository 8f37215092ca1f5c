import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { installFontkitShortcuts } from '../../pipeline/render/fontkit-shortcuts.js';
import { glyfFractionRead, readFontLazily } from '../../pipeline/render/font-files.js';
import { CJK_FONT_FILES, LATIN_FONT_FILES } from './helpers.js';

// The fontkit shortcuts (pipeline/render/fontkit-shortcuts.ts) must give what fontkit gives: the
// glyph index, each glyph's metrics and the bytes of a subset, for every face the PDFs use. fontkit's
// own results are taken first, on fresh font objects; then the shortcuts are installed and the same
// questions are asked of new font objects.
const require = createRequire(import.meta.url);
const FILES = [...CJK_FONT_FILES, ...LATIN_FONT_FILES];

interface Glyph {
  _getMetrics(): object;
  advanceWidth: number;
}
interface Subset {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
interface Font {
  numGlyphs: number;
  post: Record<string, unknown>;
  italicAngle: number;
  characterSet: number[];
  glyphForCodePoint(cp: number): { id: number };
  loca: { version: number; offsets: ArrayLike<number> };
  directory: { tables: Record<string, { offset: number; length: number }> };
  stream: { buffer: Uint8Array };
  getGlyph(id: number): Glyph;
  createSubset(): Subset;
}
const fontkit = require('fontkit') as { create(b: Buffer): Font };

/** Glyphs to ask about: composite glyphs (up to 60), and every 97th glyph. */
function sampleGlyphs(font: Font): number[] {
  const { offsets } = font.loca;
  const glyf = font.directory.tables.glyf.offset;
  const buf = font.stream.buffer;
  const composite: number[] = [];
  for (let id = 0; id < font.numGlyphs && composite.length < 60; id++) {
    if (offsets[id + 1] > offsets[id] && buf[glyf + offsets[id]] & 0x80) composite.push(id);
  }
  const every: number[] = [];
  for (let id = 0; id < font.numGlyphs; id += 97) every.push(id);
  return [...composite, ...every, font.numGlyphs - 1];
}

function answers(font: Font, ids: number[]) {
  const loca = { version: font.loca.version, offsets: Array.from(font.loca.offsets) };
  const metrics = ids.map((id) => ({ ...font.getGlyph(id)._getMetrics() }));
  const widths = ids.map((id) => font.getGlyph(id).advanceWidth);
  // every 5th character of the font, and code points it lacks (between and beyond its groups)
  const cps = [...font.characterSet.filter((_, i) => i % 5 === 0), 0x0, 0x1f, 0xe000, 0xfffe, 0x10ffff, ...font.characterSet.slice(0, 50).map((c) => c + 0x20000)];
  const glyphs = cps.map((cp) => font.glyphForCodePoint(cp).id);
  const subset = font.createSubset();
  for (const id of ids) subset.includeGlyph(id);
  // the post table's header, as pdfkit reads it, and then the rest of it (glyph names)
  const header = ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1'];
  const post = { header: Object.fromEntries(header.map((k) => [k, font.post[k]])), italicAngle: font.italicAngle };
  const rest = { numberOfGlyphs: font.post.numberOfGlyphs, glyphNameIndex: Array.from((font.post.glyphNameIndex as number[] | undefined) ?? []), names: font.post.names };
  return { loca, metrics, widths, glyphs, post, rest, subset: Buffer.from(subset.encode()).toString('base64') };
}

describe('fontkit shortcuts', () => {
  it('give the glyph index, metrics and subsets fontkit gives, for every face', () => {
    const buffers = FILES.map((f) => readFileSync(require.resolve(f)));
    const ids = buffers.map((b) => sampleGlyphs(fontkit.create(b)));
    expect(ids.some((list, i) => FILES[i].includes('noto-sans/') && list.length > 60)).toBe(true);
    const before = buffers.map((b, i) => answers(fontkit.create(b), ids[i]));
    const probe = fontkit.create(buffers[4]);
    installFontkitShortcuts(probe as never, probe.createSubset() as never);
    buffers.forEach((b, i) => {
      const after = answers(fontkit.create(b), ids[i]);
      expect(after.loca.version, FILES[i]).toBe(before[i].loca.version);
      expect(after.loca.offsets.length, FILES[i]).toBe(before[i].loca.offsets.length);
      expect(Array.from(after.loca.offsets), FILES[i]).toEqual(before[i].loca.offsets);
      expect(after.metrics, FILES[i]).toEqual(before[i].metrics);
      expect(after.widths, FILES[i]).toEqual(before[i].widths);
      expect(after.glyphs, FILES[i]).toEqual(before[i].glyphs);
      expect(after.post, FILES[i]).toEqual(before[i].post);
      expect(after.rest, FILES[i]).toEqual(before[i].rest);
      expect(after.glyphs.filter((g) => g !== 0).length, FILES[i]).toBeGreaterThan(500);
      expect(after.subset, FILES[i]).toBe(before[i].subset);
    });
  });

  it('give the same from a file read without its outlines, reading only the outlines asked for', () => {
    const buffers = FILES.map((f) => readFileSync(require.resolve(f)));
    const ids = buffers.map((b) => sampleGlyphs(fontkit.create(b)));
    const whole = buffers.map((b, i) => answers(fontkit.create(b), ids[i]));
    const probe = fontkit.create(buffers[4]);
    installFontkitShortcuts(probe as never, probe.createSubset() as never);
    FILES.forEach((file, i) => {
      const lazy = readFontLazily(require.resolve(file));
      expect(glyfFractionRead(lazy)).toBe(0);
      const font = fontkit.create(lazy);
      // outlines come in only as they are read: a subset of two glyphs reads little
      const small = font.createSubset();
      small.includeGlyph(ids[i][ids[i].length - 1]);
      small.encode();
      expect(glyfFractionRead(lazy)!).toBeLessThan(0.05);
      expect(answers(font, ids[i]), file).toEqual(whole[i]);
      expect(glyfFractionRead(lazy)!).toBeLessThan(1);
      // outlines and bounding boxes of glyphs nothing has read yet (composites included), from a fresh font
      type Outlines = { getGlyph(id: number): { path: { toSVG(): string }; cbox: object } };
      const full = fontkit.create(buffers[i]) as unknown as Outlines;
      const fresh = fontkit.create(readFontLazily(require.resolve(file))) as unknown as Outlines;
      const untouched = ids[i].slice(0, 80).map((id) => Math.min(id + 1, fontkit.create(buffers[i]).numGlyphs - 1));
      for (const id of untouched) {
        expect(fresh.getGlyph(id).path.toSVG(), `${file} #${id}`).toBe(full.getGlyph(id).path.toSVG());
        expect({ ...fresh.getGlyph(id).cbox }, `${file} #${id}`).toEqual({ ...full.getGlyph(id).cbox });
      }
    });
  });
});
