// Fonts for the PDF: Noto Sans SC (zh-Hans and English) and Noto Sans TC (zh-Hant), TrueType from npm
// packages, embedded as subsets by pdfmake/pdfkit; Noto Sans for Latin letters the CJK fonts lack.
// The files are read once per process into pdfmake's virtual file system, without their outlines
// until a glyph needs them (font-files.ts; see font-sharing.ts for what else is done once).
import { readFontLazily } from './font-files.js';
import { createRequire } from 'node:module';
import type { Lang } from '../model.js';

const require = createRequire(import.meta.url);

export type FontFamily = 'NotoSansSC' | 'NotoSansTC' | 'NotoSans';

/** The Latin font for letters the CJK fonts lack (see pdf.ts leaves()). */
export const LATIN_FALLBACK: FontFamily = 'NotoSans';

const FILES: Record<FontFamily, { normal: string; bold: string }> = {
  NotoSansSC: {
    normal: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  NotoSansTC: {
    normal: '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
  },
  NotoSans: {
    normal: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
};

/** The npm packages the font files come from. */
export function fontPackages(): string[] {
  return [...new Set(Object.values(FILES).flatMap((f) => [f.normal, f.bold].map((file) => file.split('/').slice(0, 2).join('/'))))];
}

/** The font file of a family and weight, as a package path (for require.resolve). */
export function fontFile(family: FontFamily, weight: 'normal' | 'bold'): string {
  return FILES[family][weight];
}

export function familyFor(lang: Lang): FontFamily {
  return lang === 'zh-Hant' ? 'NotoSansTC' : 'NotoSansSC';
}

/** Virtual file name of a font in pdfmake's virtual file system. */
export function vfsName(family: FontFamily, weight: 'normal' | 'bold'): string {
  return `briefs-fonts/${family}-${weight}.ttf`;
}

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
  readFileSync(name: string): Buffer;
}

export interface PdfmakeLike {
  virtualfs: VirtualFs;
  setFonts(fonts: Record<string, unknown>): void;
}

/** Make sure the family's files are in pdfmake's virtual file system (read from disk once). */
export function ensureFonts(pdfmake: PdfmakeLike, family: FontFamily): void {
  for (const fam of family === LATIN_FALLBACK ? [family] : [family, LATIN_FALLBACK])
    for (const weight of ['normal', 'bold'] as const) {
      const name = vfsName(fam, weight);
      if (!pdfmake.virtualfs.existsSync(name)) {
        pdfmake.virtualfs.writeFileSync(name, readFontLazily(require.resolve(FILES[fam][weight])));
      }
    }
}

/** A fresh font table each time: pdfmake mutates the one it is given. */
export function fontTable(family: FontFamily): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
  const entry = (fam: FontFamily) => {
    const normal = vfsName(fam, 'normal');
    const bold = vfsName(fam, 'bold');
    return { normal, bold, italics: normal, bolditalics: bold };
  };
  return { [family]: entry(family), [LATIN_FALLBACK]: entry(LATIN_FALLBACK) };
}

/** The family of one of our virtual font files (see ensureFonts), or undefined for any other font. */
export function familyOfFile(name: string): FontFamily | undefined {
  const m = /^briefs-fonts\/(\w+)-(?:normal|bold)\.ttf$/.exec(name);
  return m && m[1] in FILES ? (m[1] as FontFamily) : undefined;
}
