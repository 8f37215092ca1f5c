// The characters each CJK family sets in the Latin fallback (dist/data/fallback-chars.json): those a
// face of the family lacks and Noto Sans has, read from the installed fonts (see
// pipeline/render/fallback-chars.ts), used only while those font packages are installed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');
const { fontFile } = await import(new URL('../dist/pipeline/render/fonts.js', import.meta.url).href);
const { fallbackRanges, installedFontPackages } = await import(new URL('../dist/pipeline/render/fallback-chars.js', import.meta.url).href);

const faces = (family) => ['normal', 'bold'].map((w) => fontkit.openSync(require.resolve(fontFile(family, w))));
const fallback = faces('NotoSans');
const families = {};
for (const family of ['NotoSansSC', 'NotoSansTC']) families[family] = fallbackRanges(faces(family), fallback);
const dir = new URL('../dist/data/', import.meta.url);
mkdirSync(dir, { recursive: true });
const tmp = new URL(`fallback-chars.json.${process.pid}.tmp`, dir);
writeFileSync(tmp, JSON.stringify({ packages: installedFontPackages(), families }));
renameSync(tmp, new URL('fallback-chars.json', dir));
