// Latin shaping tables of the faces we ship (dist/data/latin-shaping-<face>.json): each character's glyph
// and the kerning of every pair, made by fontkit's own code and checked against its layout, so a build
// shapes Latin runs without fontkit's OpenType shaper (see pipeline/render/latin-shaping.ts). Made from
// the installed fontkit and fonts, and used only with them. A face whose table cannot be made (its
// lookups do what a table cannot hold) gets none: its runs go to the shaper, only slower.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');
const { fontFile } = await import(new URL('../dist/pipeline/render/fonts.js', import.meta.url).href);
const { latinShapingFile } = await import(new URL('../dist/pipeline/render/latin-shaping-table.js', import.meta.url).href);
const { fallbackCandidates, makeLatinShapingData, NoTableError } = await import(new URL('../dist/pipeline/render/latin-shaping-make.js', import.meta.url).href);

const { fallbackRangesOf } = await import(new URL('../dist/pipeline/render/fallback-chars.js', import.meta.url).href);

const open = (family, weight) => fontkit.openSync(require.resolve(fontFile(family, weight)));
// what pdf.ts sends to the Latin fallback (dist/data/fallback-chars.json, made just before)
const fallbackChars = fallbackCandidates(['NotoSansSC', 'NotoSansTC'].map(fallbackRangesOf));

const dir = new URL('../dist/data/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const family of ['NotoSansSC', 'NotoSansTC', 'NotoSans'])
  for (const weight of ['normal', 'bold']) {
    const font = open(family, weight);
    const file = new URL(latinShapingFile(font.postscriptName), dir);
    try {
      const data = makeLatinShapingData(font, family === 'NotoSans' ? { candidates: fallbackChars } : {});
      const tmp = new URL(`${latinShapingFile(font.postscriptName)}.${process.pid}.tmp`, dir);
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, file);
    } catch (e) {
      if (!(e instanceof NoTableError)) throw e;
      rmSync(file, { force: true });
      process.stderr.write(`briefs: no Latin shaping table for ${font.postscriptName} (its Latin runs go to fontkit's shaper): ${e.message}\n`);
    }
  }
