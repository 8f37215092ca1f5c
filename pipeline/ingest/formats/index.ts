// Sources as people have them: a saved web page (source.html) and a Word file (source.docx) are turned
// into Markdown first, then read like any Markdown source; a PDF (source.pdf) into the plain text of a
// report, read by the report parser (its layout decides what pdftotext would leave to guessing, see
// pdf-layout.ts). Text (source.txt) and Markdown pass through.
// Lines and columns of what is read from HTML or Word refer to that Markdown (`briefs parse --markdown`).
import { decode } from '../decode.js';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface Readable {
  /** Bytes in a format the readers take (UTF-8 for converted ones). */
  bytes: Uint8Array;
  format: 'txt' | 'md';
  diagnostics: Diagnostic[];
  /** Lines (0-based) the layout shows as headings (a PDF's larger or heading type): the report parser takes them as headings. */
  headingLines?: number[];
  /** The title the layout shows (a PDF cover's largest type). */
  title?: string;
}

export interface ReadOptions {
  /** meta.yaml gives the title: the reader need not find one. */
  titleGiven?: boolean;
}

export async function toReadable(bytes: Uint8Array, format: SourceFormat, file: string, opts: ReadOptions = {}): Promise<Readable> {
  if (format === 'txt' || format === 'md') return { bytes, format, diagnostics: [] };
  if (format === 'html') {
    const { htmlToMarkdown } = await import('./html.js');
    const html = decode(bytes, file);
    // the DOM and the tree converters recurse per level: refuse absurd nesting first, located
    const { checkHtmlNesting } = await import('../depth.js');
    checkHtmlNesting(html, file);
    const r = htmlToMarkdown(html);
    const notes: Diagnostic[] = [];
    if (r.wholeBody)
      notes.push(diagnostic({ rule: 'ingest:no-article', severity: 'warning', file, reason: 'no main article found in the page: its whole body was read (navigation and scripts removed)' }));
    return { bytes: Buffer.from(r.markdown, 'utf8'), format: 'md', diagnostics: notes };
  }
  if (format === 'pdf') {
    const { pdfToText } = await import('./pdf.js');
    const r = await pdfToText(bytes, file, opts);
    return { bytes: Buffer.from(r.text, 'utf8'), format: 'txt', diagnostics: r.diagnostics, headingLines: r.headingLines, ...(r.title ? { title: r.title } : {}) };
  }
  const { docxToMarkdown } = await import('./docx.js');
  const r = await docxToMarkdown(bytes, file);
  return { bytes: Buffer.from(r.markdown, 'utf8'), format: 'md', diagnostics: [] };
}
