// The types that pass between stages. Stages are pure functions from one of these to the next;
// reading and writing files happens in build/ and the CLI only.

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';
export const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/** A place in the original source file: 1-based line and column (columns count UTF-16 code units + 1). */
export interface Place {
  line: number;
  column: number;
}

export interface Person {
  name: string;
  role?: string;
  /** Institution the person belongs to, when the source says (an author bio). */
  affiliation?: string;
}

/** One sentence (or heading, caption, cell) of source text; the unit of translation. */
export interface Segment {
  /** Stable id: digest of the normalized text (see ingest/segment-id.ts). */
  id: string;
  text: string;
  place: Place;
  /** The whole segment was emphasized (bold) in the source. */
  emphasis?: boolean;
  /** Ids of the footnotes whose markers stood in this segment (markers are removed from `text`). */
  footnoteRefs: string[];
  /** Who said it, when the segment is (or contains) a direct quote, or is an interviewee's answer. */
  speaker?: Person;
  /** An interviewer's question: context for the answers, not content of its own. */
  asked?: boolean;
  /**
   * The language or dialect a tag before the line names (（台语）…, （客语）…): words quoted in another
   * tongue (a slogan, a song), not a statement of the text's findings (ingest/genre/language-tags.ts).
   */
  language?: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  segments: Segment[];
  /** A law's article whose number the source wrote as a list item's number (`* 1 …`, `1. …`): that number (ingest/genre/law.ts). */
  article?: string;
  /** The title of the box set apart from the text (专栏1 …) that holds this block, or that this block is (ingest/boxes.ts). */
  box?: string;
}

export interface ListItem {
  /** The enumeration marker as written: 一是, 第一, 首先, 1., -, … */
  marker: string;
  segments: Segment[];
}

export interface ListBlock {
  type: 'list';
  /** How the items were enumerated: 'yishi' (一是), 'diyi' (第一), 'shouxian' (首先…), 'numbered', 'bullet'. */
  style: string;
  /** Text before the first item in the same paragraph (the lead-in), if any. */
  lead: Segment[];
  items: ListItem[];
  /** The title of the box set apart from the text (专栏2 …) that holds this list (ingest/boxes.ts). */
  box?: string;
}

export interface QuoteBlock {
  type: 'quote';
  segments: Segment[];
  speaker?: Person;
}

export interface TableRefBlock {
  type: 'table';
  /** Id of a Table in SourceDoc.tables. */
  ref: string;
}

export interface ImageBlock {
  type: 'image';
  url: string;
  caption: Segment[];
}

export type Block = ParagraphBlock | ListBlock | QuoteBlock | TableRefBlock | ImageBlock;

export type SectionKind =
  | 'abstract'
  | 'acknowledgements'
  | 'chapter'
  | 'section'
  | 'subsection'
  | 'preface'
  | 'conclusion'
  /** Back matter that explains rather than argues: 名词解释, 附录, 参考文献. */
  | 'notes'
  | 'other';

export interface Section {
  id: string;
  level: number;
  kind: SectionKind;
  /** Number as written (第一章, 一, （一）→ "一"), when the heading has one. */
  number?: string;
  heading: string;
  headingSegment?: Segment;
  place: Place;
  blocks: Block[];
  children: Section[];
}

export interface Footnote {
  /** The footnote's number or symbol as a string: "1", "21", "①". */
  id: string;
  text: string;
  urls: string[];
  place: Place;
  /** Where its markers stand in the body. */
  refs: Place[];
}

export interface TableCell {
  text: string;
  /** List items inside the cell (<ol>/<li>, or numbered lines). */
  items: string[];
}

export interface TableRow {
  label: string;
  cells: TableCell[];
}

export interface Table {
  id: string;
  /** Label as written: 表 1, 表1, Table 1. */
  label?: string;
  caption?: string;
  /** Column headings, including the (often empty) first column over the row labels. */
  header: string[];
  rows: TableRow[];
  place: Place;
}

export interface Quote {
  text: string;
  speaker?: Person;
  /** The segment the quote opens in. */
  segmentId: string;
  /** Every segment the quote spans, when it runs past the one it opens in (a quote that goes on after “：”). */
  segmentIds?: string[];
  place: Place;
}

export interface SourceMeta {
  title?: string;
  subtitle?: string;
  authors: Person[];
  /** Report: the publishing institution. */
  institution?: string;
  /** News: the outlet. */
  outlet?: string;
  /** ISO 8601 to the precision known: 2025, 2025-07, 2025-07-16, or with time. */
  date?: string;
  series?: string;
  issue?: string;
  url?: string;
  image?: { url: string; caption?: string };
  /** The report's own keywords (a "关键词：" line), kept but not content. */
  keywords?: string[];
  /** Other facts the page furniture states (editor, address, copyright…), kept but not content. */
  extra?: Record<string, string>;
  /** Short headline for the brief, from meta.yaml. */
  shortTitle?: string;
  /** Selection controls from meta.yaml (segment ids or text fragments). */
  pin?: string[];
  exclude?: string[];
  /** A law's history (adopted, promulgated, amended, in force): metadata, never body text (ingest/genre/law.ts). */
  enactment?: Enactment[];
}

/** One line of a law's history: 2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过. */
export interface Enactment {
  /** ISO date. */
  date: string;
  /** What was done: 通过, 公布, 修正, 修订, 施行… */
  action: string;
  /** Who did it (the adopting body), when the line says. */
  body?: string;
  /** The line as written. */
  text: string;
}

/** A genre recognised from the document's structure, which selection follows (select/genre/). */
export type Genre = 'law' | 'official' | 'standard' | 'speech' | 'transcript';

export type SourceKind = 'report' | 'news';

export interface SourceDoc {
  slug: string;
  kind: SourceKind;
  /** The genre, when the structure shows one (a law's articles…); selection then follows it. */
  genre?: Genre;
  meta: SourceMeta;
  /** Segments of the title/subtitle, so the brief's title is translatable like any other text. */
  titleSegments: Segment[];
  sections: Section[];
  footnotes: Footnote[];
  tables: Table[];
  quotes: Quote[];
  /**
   * A source written in Traditional characters: the text as written and as read (Simplified, the same
   * length), so the zh-Hant brief can quote the source's own characters.
   */
  traditional?: { original: string; simplified: string };
}

// ---- Glossary ----

export type TermCategory =
  | 'concept'
  | 'person'
  | 'place'
  | 'organisation'
  | 'document'
  | 'event'
  | 'other';

export interface ForbiddenVariant {
  term: string;
  /** The preferred form to use instead (defaults to the entry's main form in that language). */
  use?: string;
}

export interface Term {
  id: string;
  'zh-Hans': string;
  'zh-Hant': string;
  en: string;
  variants: Partial<Record<Lang, string[]>>;
  forbidden: Partial<Record<Lang, ForbiddenVariant[]>>;
  category: TermCategory;
  note?: string;
  sources?: string[];
  /** zh-Hant intentionally differs from the conversion of zh-Hans. */
  hantIntended?: boolean;
  /** Where the entry was defined: file and line, for diagnostics. */
  origin?: { file: string; line: number; column: number };
}

// ---- Brief ----

export interface BriefItem {
  text: string;
  /** Segment ids the item came from, in order. */
  segmentIds: string[];
  /** Speaker for voices. */
  speaker?: Person;
  score?: number;
  /**
   * Id of the item's own text when it is not the plain text of its segments (a sentence trimmed at a
   * clause boundary, a quote cut out of a sentence): translations of the item are keyed by it.
   * Equal to segmentId(text).
   */
  textId?: string;
}

/**
 * Slot names by kind (templates refer to them):
 *   report: bottomLine, findings, positions, recommendations
 *   news:   bottomLine, keyPoints, voices
 * Key terms travel in Brief.terms.
 */
export interface BriefSlot {
  name: string;
  items: BriefItem[];
}

export interface BriefTerm {
  termId: string;
  text: string;
  en: string;
}

export interface Brief {
  slug: string;
  lang: Lang;
  kind: SourceKind;
  /** The genre selection followed, when it is more than the kind: law, interview, work report, speech (select/genre/index.ts). */
  genre?: string;
  title: string;
  sourceLine: string;
  slots: BriefSlot[];
  terms: BriefTerm[];
  /** Set when some English is a draft nobody reviewed: where it came from (`alignment`, `mt:<engine>/<model>`). */
  draft?: { origins: string[] };
}
