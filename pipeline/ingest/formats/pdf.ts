// A PDF (source.pdf) → the plain text the report parser reads. pdf.js (Mozilla's reader, pure
// JavaScript) gives each page's text runs with their position, size and font; pdf-layout.ts turns them
// into text by the layout. pdf.js runs in this thread (its "fake worker"): no worker thread, no
// network; the character maps CJK fonts need and the standard fonts come from the installed package.
import { createRequire } from 'node:module';
import path from 'node:path';
import { UserError, diagnostic, type Diagnostic } from '../../diagnostics.js';
import { layoutText, type PageText, type TextRun } from './pdf-layout.js';

/** Largest PDF read (bytes). */
export const PDF_MAX = 200 * 1024 * 1024;
/** Pages read at most: a longer document is read up to here (with a warning). */
export const PDF_MAX_PAGES = 2000;
/** Text runs read at most, over all pages. */
export const PDF_MAX_RUNS = 2_000_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | undefined;

/** pdf.js with its worker's code in this thread (set before the first document is opened). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** The installed pdf.js package's folder, with a trailing separator for pdf.js's data URLs. */
function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json')) + path.sep;
}

/**
 * Fake bold: a PDF draws the same glyphs again a fraction of a point to the right, and the copies need
 * not be cut into runs as the first drawing was ("莹" "莹莹" "莹" for 莹莹 drawn twice). A character drawn
 * where the same character already stands on the same baseline (within 15% of an em) is a
 * copy: a run of copies only is dropped, and copies at a run's start or end are cut off it.
 */
export class Overprint {
  /** character, baseline, size → the x of each drawing */
  private drawn = new Map<string, number[]>();

  keep(run: TextRun): TextRun | undefined {
    // spaces are not drawn twice to embolden them, and a line's trailing space shows where it ends
    if (!run.str.trim()) return run;
    const chars = [...run.str];
    const step = run.w / chars.length;
    const keyOf = (c: string) => `${c}\u0000${Math.round(run.y * 2)}\u0000${run.size.toFixed(1)}`;
    const copy = chars.map((c, i) => {
      if (!c.trim()) return false;
      const x = run.x + i * step;
      return this.drawn.get(keyOf(c))?.some((d) => Math.abs(x - d) < Math.max(0.5, 0.15 * run.size)) ?? false;
    });
    let a = 0;
    let b = chars.length;
    while (a < b && (copy[a] || !chars[a].trim())) a++;
    while (b > a && (copy[b - 1] || !chars[b - 1].trim())) b--;
    if (a >= b) return undefined;
    // spaces around the kept characters stay with them
    while (a > 0 && !chars[a - 1].trim() && !copy[a - 1]) a--;
    while (b < chars.length && !chars[b].trim()) b++;
    for (let i = a; i < b; i++) {
      if (!chars[i].trim()) continue;
      const k = keyOf(chars[i]);
      const xs = this.drawn.get(k);
      if (xs) xs.push(run.x + i * step);
      else this.drawn.set(k, [run.x + i * step]);
    }
    if (a === 0 && b === chars.length) return run;
    return { ...run, str: chars.slice(a, b).join(''), x: run.x + a * step, w: (b - a) * step };
  }
}

/** Fewest different characters a font must draw before its text can be told to be shifted Latin. */
const SHIFTED_MIN_DISTINCT = 10;
/** Share of a shifted font's characters that must read as lower-case letters once shifted back. */
const SHIFTED_MIN_LOWER = 0.5;
/** Share of a shifted font's characters that may be codes outside printable ASCII (read as nothing). */
const SHIFTED_MAX_ODD = 0.01;
/**
 * TeX's OT1 text encoding where it is not ASCII: the ligatures at 0x0B–0x0F, the dashes at 0x7B and 0x7C,
 * the double quotes at 0x5C and 0x22. A shifted font that draws a ligature is OT1, and these read so.
 */
const OT1: Record<number, string> = { 0x0b: 'ff', 0x0c: 'fi', 0x0d: 'fl', 0x0e: 'ffi', 0x0f: 'ffl', 0x7b: '–', 0x7c: '—', 0x5c: '“', 0x22: '”' };
const isLigature = (low: number) => low >= 0x0b && low <= 0x0f;

/**
 * Latin text a PDF's font maps to ideographs: some TeX set-ups embed the Latin face with a character map
 * that adds a whole block to every code (Transformer → 坔坲坡坮坳坦坯坲坭坥坲, each letter U+5700 plus its
 * ASCII code), so the words come out as a string of unrelated characters. Such a font draws only
 * ideographs of one 256-code block whose low byte is always printable ASCII, and read back (the low
 * byte alone) most of it is lower-case letters, as Latin text is. A genuine Chinese font — a face split
 * into one font per block of 256 codes among them — draws codes of every low byte: never all printable
 * ASCII over ten different characters (a chance of (95/256)^10 ≈ 5e-5), let alone mostly lower-case.
 * Returns each such font's block base (what to subtract).
 */
export function shiftedLatinFonts(pages: PageText[]): Map<string, { base: number; ot1: boolean }> {
  const seen = new Map<string, { base: number; ok: boolean; ot1: boolean; distinct: Set<number>; lower: number; odd: number; total: number }>();
  for (const p of pages)
    for (const r of p.runs) {
      let f = seen.get(r.font);
      for (const ch of r.str) {
        const c = ch.codePointAt(0)!;
        if (c <= 0x20) continue;
        if (!f) seen.set(r.font, (f = { base: c & ~0xff, ok: true, ot1: false, distinct: new Set(), lower: 0, odd: 0, total: 0 }));
        if (!f.ok) break;
        const low = c & 0xff;
        // an ideograph (CJK unified, extension A) of the font's one block
        const ideograph = (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
        if (!ideograph || (c & ~0xff) !== f.base) {
          f.ok = false;
          break;
        }
        f.total++;
        // a code of the block that is not printable ASCII (a symbol of TeX's encoding at 0x00–0x1F): a
        // few are allowed, and read as nothing
        if ((low < 0x21 || low > 0x7e) && !isLigature(low)) {
          f.odd++;
          continue;
        }
        if (isLigature(low)) f.ot1 = true;
        f.distinct.add(c);
        if (low >= 0x61 && low <= 0x7a) f.lower++;
      }
    }
  const out = new Map<string, { base: number; ot1: boolean }>();
  for (const [font, f] of seen)
    if (f.ok && f.distinct.size >= SHIFTED_MIN_DISTINCT && f.lower >= f.total * SHIFTED_MIN_LOWER && f.odd <= f.total * SHIFTED_MAX_ODD) out.set(font, { base: f.base, ot1: f.ot1 });
  return out;
}

/** Shifted Latin (see shiftedLatinFonts) read back as the Latin it is, in place. */
export function unshiftLatin(pages: PageText[]): void {
  const fonts = shiftedLatinFonts(pages);
  if (!fonts.size) return;
  for (const p of pages) {
    for (const r of p.runs) {
      const font = fonts.get(r.font);
      if (!font) continue;
      let out = '';
      for (const ch of r.str) {
        const c = ch.codePointAt(0)!;
        const low = c - font.base;
        if (c <= 0x20) out += ch;
        else if (font.ot1 && OT1[low]) out += OT1[low];
        else if (low >= 0x21 && low <= 0x7e) out += String.fromCharCode(low);
      }
      r.str = out;
    }
    // a run of nothing but such codes is gone
    p.runs = p.runs.filter((r) => r.str);
  }
}

function unreadable(file: string, reason: string): UserError {
  return new UserError(diagnostic({ rule: 'ingest:unreadable-pdf', file, reason }));
}

export interface PdfText {
  text: string;
  /** 0-based indices of the lines that are headings by their type. */
  headingLines: number[];
  pages: number;
  diagnostics: Diagnostic[];
  /** The title as the layout found it (the largest type on the first page with text), if any. */
  title?: string;
}

/** Read a PDF's text runs, page by page. */
export async function readPdfPages(bytes: Uint8Array, file: string): Promise<{ pages: PageText[]; total: number; diagnostics: Diagnostic[]; infoTitle?: string }> {
  if (bytes.byteLength > PDF_MAX) throw new UserError(diagnostic({ rule: 'ingest:too-large', file, reason: `${file} is larger than ${PDF_MAX / 1024 / 1024} MB` }));
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw unreadable(file, `${file} is not a PDF file (no %PDF header)`);
  const lib = await pdfjs();
  const dir = packageDir();
  const task = lib.getDocument({
    // pdf.js may detach the buffer it is given: a copy
    data: new Uint8Array(bytes),
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    wasmUrl: path.join(dir, 'wasm') + path.sep,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const diagnostics: Diagnostic[] = [];
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'PasswordException') throw unreadable(file, `${file} is encrypted (password-protected): save it without a password first`);
      const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw unreadable(file, `${file} is not a PDF that can be read: ${msg}`);
    }
    const total = doc.numPages;
    let infoTitle: string | undefined;
    try {
      const t = ((await doc.getMetadata()).info as { Title?: unknown } | undefined)?.Title;
      if (typeof t === 'string' && t.trim()) infoTitle = t.trim().slice(0, 300);
    } catch {
      // properties that cannot be read: no title from them
    }
    const count = Math.min(total, PDF_MAX_PAGES);
    if (total > count)
      diagnostics.push(diagnostic({ rule: 'ingest:pdf-truncated', severity: 'warning', file, reason: `${file} has ${total} pages: only the first ${count} were read` }));
    const pages: PageText[] = [];
    let runs = 0;
    for (let n = 1; n <= count; n++) {
      let page;
      try {
        page = await doc.getPage(n);
      } catch (err) {
        diagnostics.push(diagnostic({ rule: 'ingest:pdf-page', severity: 'warning', file, reason: `page ${n} of ${file} could not be read: ${err instanceof Error ? err.message : String(err)}` }));
        continue;
      }
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const out: TextRun[] = [];
      const overprint = new Overprint();
      for (const item of content.items) {
        if (!('str' in item) || !item.str || runs >= PDF_MAX_RUNS) continue;
        // glyphs without a Unicode mapping come out as control characters (NUL for .notdef): not text
        const str = item.str.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        if (!str) continue;
        const style = content.styles[item.fontName];
        if (style?.vertical) continue;
        const m = lib.Util.transform(viewport.transform, item.transform);
        // horizontal text only (rotated runs are stamps and axis labels)
        if (Math.abs(m[1]) > Math.abs(m[0]) * 0.05 || m[0] <= 0) continue;
        const size = Math.hypot(m[2], m[3]);
        if (!(size > 0)) continue;
        // fake bold: the same glyphs drawn again a fraction of a point to the right (汉汉汉语语语); the
        // copies are not text
        const run = overprint.keep({ str, x: m[4], y: m[5], w: item.width * viewport.scale, size, font: item.fontName });
        if (!run) continue;
        out.push(run);
        runs++;
      }
      pages.push({ width: viewport.width, height: viewport.height, runs: out });
      page.cleanup();
    }
    unshiftLatin(pages);
    if (runs >= PDF_MAX_RUNS)
      diagnostics.push(diagnostic({ rule: 'ingest:pdf-truncated', severity: 'warning', file, reason: `${file} holds more than ${PDF_MAX_RUNS} runs of text: the rest was not read` }));
    return { pages, total, diagnostics, infoTitle };
  } finally {
    await task.destroy();
  }
}

/** A PDF → text for the report parser; a PDF without a text layer is an error (it needs OCR). */
export async function pdfToText(bytes: Uint8Array, file: string, opts: { titleGiven?: boolean } = {}): Promise<PdfText> {
  const { pages, diagnostics, infoTitle } = await readPdfPages(bytes, file);
  const r = layoutText(pages, { infoTitle });
  if (r.chars < Math.max(1, pages.length * 5))
    throw new UserError(
      diagnostic({
        rule: 'ingest:no-text',
        file,
        reason: `${file} has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images, a scan?): it needs OCR first (e.g. ocrmypdf), then save it as source.pdf again`,
      }),
    );
  const summary =
    `read as a PDF: ${pages.length} page${pages.length === 1 ? '' : 's'}` +
    (r.contentsPages.length ? `, contents pages ${r.contentsPages.join(', ')} dropped` : '') +
    `, ${r.headingLines.length} heading${r.headingLines.length === 1 ? '' : 's'} by type` +
    (opts.titleGiven ? ', title from meta.yaml' : r.title ? `, title from the ${r.titleFrom}` : ', no title found (give one in meta.yaml)');
  diagnostics.push(diagnostic({ rule: 'ingest:read', severity: 'info', file, reason: summary }));
  return { text: r.text, headingLines: r.headingLines, pages: pages.length, diagnostics, ...(r.title ? { title: r.title } : {}) };
}

