import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Brief } from '../../pipeline/model.js';
import { loadTemplates } from '../../pipeline/render/templates.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const templates = () => loadTemplates(root + 'templates');

export function fixture(name: 'report' | 'news'): { date: string; briefs: Brief[] } {
  return JSON.parse(readFileSync(`${root}tests/fixtures/render/${name}.json`, 'utf8'));
}

export const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

export function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}

/** Count /Type /Page objects (not /Pages). */
export function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/** The CJK faces the PDFs embed (npm package paths), regular and bold of SC and TC. */
export const CJK_FONT_FILES = [
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
];
/** The Latin fallback faces. */
export const LATIN_FONT_FILES = ['@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'];
