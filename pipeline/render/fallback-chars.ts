// Which characters are set in the Latin fallback (Noto Sans) instead of a CJK face: those the face
// lacks and Noto Sans has — Latin Extended letters (ş ı ł ő ř in names), but also currency signs (₽ ₹ ₺),
// superscripts and subscripts, Greek and Cyrillic beyond the basic letters, IPA. Computed from the
// fonts at install time (scripts/fallback-chars.mjs → dist/data/fallback-chars.json) for each CJK
// family; without that file (or for fonts other than those it was made from), Latin Extended only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { installedDataFile } from '../data-files.js';
import { packageVersion } from '../packages.js';
import { fontPackages } from './fonts.js';
import { LATIN_EXTENDED_RANGES } from './latin-shaping-table.js';

/** What the install-time file holds: code point ranges per CJK family, and the font packages they were read from. */
export interface FallbackChars {
  packages: Record<string, string>;
  families: Record<string, [number, number][]>;
}

/**
 * Latin Extended-A, -B and Additional (LATIN_EXTENDED_RANGES) go to the fallback whole, even the
 * letters a CJK face has (ā é ę): a name such as Wałęsa stays in one design instead of switching fonts
 * inside a word. Without the install-time file, only these.
 */

/**
 * Characters considered: everything below the CJK blocks but controls, and the Latin and Cyrillic
 * blocks above them (Cyrillic Extended-B, Latin Extended-D and -E, Latin ligatures such as ﬁ).
 */
const CONSIDERED: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x2e7f],
  [0xa640, 0xa69f],
  [0xa720, 0xa7ff],
  [0xab30, 0xab6f],
  [0xfb00, 0xfb4f],
];

/** Characters fontkit draws as nothing (default-ignorable): left where they are, whatever the font. */
function defaultIgnorable(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x34f ||
    c === 0x61c ||
    (c >= 0x17b4 && c <= 0x17b5) ||
    (c >= 0x180b && c <= 0x180e) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f)
  );
}

interface Face {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** The ranges of characters that some face of a family lacks and every fallback face has. */
export function fallbackRanges(familyFaces: Face[], fallbackFaces: Face[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of CONSIDERED)
    for (let c = a; c <= b; c++) {
      if (defaultIgnorable(c) || !familyFaces.some((f) => !f.hasGlyphForCodePoint(c)) || !fallbackFaces.every((f) => f.hasGlyphForCodePoint(c))) continue;
      const last = out[out.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else out.push([c, c]);
    }
  return out;
}

/** The font packages whose faces decide the ranges, with their installed versions. */
export function installedFontPackages(): Record<string, string> {
  const require = createRequire(import.meta.url);
  return Object.fromEntries(fontPackages().map((pkg) => [pkg, packageVersion(require, pkg) ?? 'unknown']));
}

/** Ranges sorted and joined where they touch or overlap. */
export function merged(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** A global regex of runs of the characters in some ranges. */
export function rangesPattern(ranges: readonly [number, number][]): RegExp {
  const hex = (c: number) => `\\u{${c.toString(16)}}`;
  return new RegExp(`[${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]+`, 'gu');
}

let data: FallbackChars | null | undefined;

/** dist/data/fallback-chars.json, if it is there and was made from the installed fonts. */
function readData(): FallbackChars | null {
  const file = installedDataFile('fallback-chars.json');
  if (!file) return null;
  try {
    const d = JSON.parse(readFileSync(file, 'utf8')) as FallbackChars;
    const now = installedFontPackages();
    return Object.keys(now).every((k) => d.packages?.[k] === now[k]) && d.families ? d : null;
  } catch {
    return null;
  }
}

/** The ranges a family's text sets in the Latin fallback: Latin Extended, and what the install found the family lacks. */
export function fallbackRangesOf(family: string): [number, number][] {
  if (data === undefined) data = readData();
  return merged([...LATIN_EXTENDED_RANGES, ...(data?.families[family] ?? [])]);
}

const patterns = new Map<string, RegExp>();

/** Runs of characters a family's text sets in the Latin fallback (a global regex; reset lastIndex before use). */
export function fallbackPattern(family: string): RegExp {
  let re = patterns.get(family);
  if (!re) {
    re = rangesPattern(fallbackRangesOf(family));
    patterns.set(family, re);
  }
  return re;
}
