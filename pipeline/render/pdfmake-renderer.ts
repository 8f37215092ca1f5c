// Patches to pdfmake's renderer (installed once per process): fewer, longer text runs per line
// (mergeInlines), and drawing deferred for documents that fitting only lays out (deferDrawing).
import RendererModule from 'pdfmake/js/Renderer.js';
import { pdfmakeClass } from './pdfmake-interop.js';

interface InlineLike {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color: unknown;
  opacity?: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  decoration?: unknown;
  background?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  sup?: boolean;
  sub?: boolean;
  _pageNodeRef?: unknown;
  trailingCut?: number;
}

function plain(i: InlineLike): boolean {
  return !i.fontFeatures && !i.decoration && !i.background && !i.link && !i.linkToPage && !i.linkToDestination && !i.sup && !i.sub && !i._pageNodeRef;
}

/**
 * Adjacent words of one line in the same style, placed edge to edge (left-aligned text), are
 * drawn as one run: pdfmake draws each word on its own, and with CJK every character is a word.
 */
export function mergeInlines<T extends InlineLike>(inlines: T[]): T[] {
  if (inlines.length < 2) return inlines;
  const out: T[] = [];
  let cur: T | undefined;
  let curPlain = false;
  // pdfmake's inlines are left as they are; a run is copied only when a second inline joins it
  let owned = false;
  for (const inl of inlines) {
    if (
      cur &&
      curPlain &&
      plain(inl) &&
      cur.font === inl.font &&
      cur.fontSize === inl.fontSize &&
      cur.color === inl.color &&
      (cur.opacity ?? 1) === (inl.opacity ?? 1) &&
      (cur.characterSpacing ?? 0) === (inl.characterSpacing ?? 0) &&
      Math.abs(inl.x - (cur.x + cur.width)) < 1e-6
    ) {
      if (!owned) {
        cur = { ...cur };
        out[out.length - 1] = cur;
        owned = true;
      }
      cur.text += inl.text;
      cur.width += inl.width;
      cur.trailingCut = inl.trailingCut;
      continue;
    }
    cur = inl;
    curPlain = plain(inl);
    owned = false;
    out.push(inl);
  }
  return out;
}

let rendererPatched = false;

/** Marks a document whose layout is done now and drawing later. */
const DEFERRED = Symbol('briefs.deferredRender');

export interface DeferredRender {
  /** Draw the laid-out pages into the document (set once pdfmake has laid it out). */
  draw?: () => void;
  /** The laid-out pages, as pdfmake made them (read-only). */
  pages?: unknown[];
}

/**
 * An (empty) image table for a document definition that pdfmake lays out but does not draw:
 * drawing (pdfkit text runs, glyph encoding) is left to `holder.draw`, so fitting can probe sizes
 * and draw only the one it keeps. pdfmake hands the definition's image table to its PDFDocument as
 * is, which is how the renderer finds the holder.
 */
export function deferDrawing(holder: DeferredRender): Record<string, never> {
  const images = {};
  Object.defineProperty(images, DEFERRED, { value: holder, enumerable: false });
  return images;
}

/** Draw lines through mergeInlines, and honour deferDrawing (installed once per process). */
export function installRunMerging(): void {
  if (rendererPatched) return;
  rendererPatched = true;
  const proto = pdfmakeClass(RendererModule).prototype;
  type RendererLike = { pdfDocument: { images?: Record<symbol, unknown> } };
  const renderPages = proto.renderPages as (this: RendererLike, pages: unknown[]) => void;
  proto.renderPages = function deferredRenderPages(this: RendererLike, pages: unknown[]) {
    const holder = this.pdfDocument.images?.[DEFERRED] as DeferredRender | undefined;
    if (!holder) return renderPages.call(this, pages);
    holder.pages = pages;
    holder.draw = () => renderPages.call(this, pages);
  };
  const original = proto.renderLine as (this: unknown, line: { inlines: InlineLike[] }, x: number, y: number) => void;
  proto.renderLine = function renderLine(this: unknown, line: { inlines: InlineLike[] }, x: number, y: number) {
    if (process.env.BRIEFS_NO_RUN_MERGE) return original.call(this, line, x, y);
    const merged = Object.assign(Object.create(Object.getPrototypeOf(line) as object) as object, line, {
      inlines: mergeInlines(line.inlines),
    }) as { inlines: InlineLike[] };
    return original.call(this, merged, x, y);
  };
}
