// The ingest stage: bytes of a source (and its optional meta.yaml) → SourceDoc. Pure: no file access.
//   decode → (Traditional → Simplified) → parseReport (plain text) or parseNews (Markdown) → meta.yaml overrides
import { markBoxes } from './boxes.js';
import type { SourceDoc, SourceKind } from '../model.js';
import { diagnostic, UserError, type Diagnostic } from '../diagnostics.js';
import { isTraditional, toSimplified } from './script.js';
import { decode } from './decode.js';
import { parseMeta, applyMeta, type MetaOverrides } from './meta.js';
import { parseNews } from './news/index.js';
import { parseReport } from './report/index.js';
import { readGenre } from './genre/index.js';
import { completeGenericTitle } from './generic-title.js';
import { titleWithWork } from './part-title.js';
import { titleWithoutDate } from './title-date.js';
import { datedFromText } from './cover-date.js';
import { titleWithoutFileName } from './file-name-title.js';

export interface SourceInput {
  slug: string;
  /** The source's path as it should appear in diagnostics. */
  file: string;
  bytes: Uint8Array;
  format: 'txt' | 'md';
  meta?: { file: string; text: string };
  /** Lines (0-based) a reader found to be headings by their layout (a PDF's): headings for the report parser. */
  headingLines?: readonly number[];
  /** The title as a reader found it by its layout (a PDF cover's largest type, all its lines). */
  layoutTitle?: string;
  /** The publisher's English, read for alignment (align/): not refused for having no Chinese. */
  english?: boolean;
}

export interface Ingested {
  doc: SourceDoc;
  diagnostics: Diagnostic[];
}

const HAN = /\p{Script=Han}/u;

/**
 * A source with text but not one Chinese character (an English report, say) would make an empty brief:
 * refused here, so parse and build agree. A blank source is left to the build's empty-source check, and
 * a Chinese source with English paragraphs reads as before.
 */
function refuseWithoutChinese(text: string, file: string): void {
  if (HAN.test(text)) return;
  const first = text.search(/\S/);
  if (first < 0) return;
  const before = text.slice(0, first);
  const line = before.split('\n').length;
  const column = first - (before.lastIndexOf('\n') + 1) + 1;
  throw new UserError(
    diagnostic({
      rule: 'ingest:no-chinese',
      file,
      place: { line, column },
      reason: 'nothing to brief: no Chinese text in the source (English-only sources are not supported as the main source; briefs are made from a Chinese text)',
    }),
  );
}

/**
 * A title the layout shows as one (a PDF cover's largest type) that the text parser split at its colon
 * into title and subtitle ("CLTC 2022" + "汉语学习者文本纠错技术评测及研究综述"): one title again, as printed.
 */
function wholeLayoutTitle(doc: SourceDoc, layoutTitle: string | undefined): SourceDoc {
  const { title, subtitle } = doc.meta;
  if (!layoutTitle || !title || !subtitle) return doc;
  const key = (t: string) => toSimplified(t.normalize('NFKC')).replace(/[\s\p{P}\p{S}]+/gu, '');
  const colon = /[：:]/.exec(layoutTitle);
  if (!colon || key(layoutTitle.slice(0, colon.index)) !== key(title) || key(layoutTitle.slice(colon.index + 1)) !== key(subtitle)) return doc;
  const whole = `${title}${colon[0] === '：' ? '：' : ': '}${subtitle}`;
  return applyMeta({ ...doc, meta: { ...doc.meta, subtitle: undefined } }, { title: whole });
}

/** meta.yaml's texts in Simplified characters (names, titles, the publisher, pinned texts; not dates or URLs). */
function simplifiedMeta(meta: MetaOverrides): MetaOverrides {
  const out: MetaOverrides = { ...meta };
  for (const k of ['title', 'subtitle', 'shortTitle', 'institution', 'outlet', 'series', 'issue'] as const) {
    const v = out[k];
    if (v !== undefined) out[k] = toSimplified(v);
  }
  // pinned and excluded texts are matched against the Simplified sentences (an id is left as it is)
  if (out.pin) out.pin = out.pin.map(toSimplified);
  if (out.exclude) out.exclude = out.exclude.map(toSimplified);
  if (out.authors) out.authors = out.authors.map((a) => (a.role !== undefined ? { name: toSimplified(a.name), role: toSimplified(a.role) } : { name: toSimplified(a.name) }));
  return out;
}

/**
 * Read a source. Throws UserError when the bytes are not text, the text has no Chinese, meta.yaml is
 * wrong or Markdown nests too deep (depth.ts); content problems come back as diagnostics. meta.yaml `kind` chooses the parser, otherwise the format does.
 */
export function ingest(input: SourceInput): Ingested {
  let meta = input.meta ? parseMeta(input.meta.text, input.meta.file) : undefined;
  let text = decode(input.bytes, input.file);
  if (!input.english) refuseWithoutChinese(text, input.file);
  const notes: Diagnostic[] = [];
  let traditional: SourceDoc['traditional'];
  if (isTraditional(text)) {
    // read as Simplified (see script.ts); offsets, lines and columns stay those of the file
    const original = text;
    text = toSimplified(text);
    traditional = { original, simplified: text };
    // what meta.yaml says of a Traditional source is read as Simplified too: the zh-Hans brief's title is
    // the converted title (the zh-Hant brief takes the source's own characters back, localize/source-hant.ts)
    if (meta) meta = simplifiedMeta(meta);
    notes.push(diagnostic({ rule: 'ingest:traditional', severity: 'info', file: input.file, reason: 'written in Traditional characters: read as Simplified for the zh-Hans brief' }));
  }
  const kind: SourceKind = meta?.kind ?? (input.format === 'md' ? 'news' : 'report');
  const parsed = kind === 'news' ? parseNews(text, input.file, input.slug) : parseReport(text, input.file, input.slug, { headingLines: input.headingLines });
  // a title that only names the kind of document (编制说明) is completed from where the document names itself
  // and a part's title (数据篇) carries the work it belongs to, where that is known
  // and a date leading the title (2023-06-16 中央社伦敦专访) is the document's date, and a title that is a
  // file's name (文档 ：某某行动计划.md) is that name (file-name-title.ts)
  const read = titleWithoutDate(titleWithWork(completeGenericTitle(titleWithoutFileName(wholeLayoutTitle(markBoxes(parsed.doc), input.layoutTitle))), input.english), meta?.date);
  // the genre is read from the parsed structure (whatever the format) and the title meta.yaml gives;
  // what meta.yaml says has the last word (a law's date found in its history only fills a date not given)
  // then, with no date given or found (a law's from its history), the cover's (a Word cover table's) or a
  // work report's titled year (cover-date.ts)
  const doc = datedFromText(readGenre(meta ? applyMeta(read, meta) : read, { kindGiven: meta?.kind !== undefined, titleGiven: meta?.title !== undefined, text, datelined: 'datelined' in parsed && parsed.datelined === true }));
  // not enumerable: `briefs parse --json` need not print the whole text twice
  if (traditional) Object.defineProperty(doc, 'traditional', { value: traditional, enumerable: false });
  return { doc, diagnostics: [...notes, ...parsed.diagnostics] };
}

export { decode } from './decode.js';
export { parseMeta, applyMeta } from './meta.js';
export { parseNews } from './news/index.js';
