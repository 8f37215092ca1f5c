// Plain-text reports (think-tank reports extracted from PDF) → SourceDoc.
// The steps: page furniture out (cover, TOC, page numbers, running heads, colophon), footnotes
// gathered from page bottoms, tables lifted out, lines and page-broken paragraphs rejoined, headings
// found, enumerations turned into lists, and every sentence a Segment with its line:column.
import type { Footnote, ListBlock, Place, Section, Segment, SourceDoc, Table } from '../../model.js';
import { diagnostic, type Diagnostic } from '../../diagnostics.js';
import { Located, LineIndex } from '../located.js';
import { makeSegment, splitSentences } from '../segment.js';
import { normalizeChinese, normalizeText } from '../normalize.js';
import { leadingMarker, splitEnumeration } from '../enumerations.js';
import { splitLines, endsSentence, visualWidth, type Line } from './lines.js';
import { findFurniture } from './furniture.js';
import { matchHeading, isTitleLine, REFERENCES_RE, type HeadingMatch } from './headings.js';
import { collectNotes, cleanNoteText, extractUrls, joinNoteLines, type RawNote } from './footnotes.js';
import { findTables, splitCells, stripHtml, cellItems, type RawTable } from './tables.js';
import { coverColumns, coverMeta, deliveryOf, findTitle } from './meta.js';
import { PieceBuilder, lineListRuns, lineLocated, wrapWidth } from './rejoin.js';
import { boldShare, cleanInline, type InlineContext, type Marker } from './inline.js';
import { isSalutation } from '../salutation.js';

export { splitLines } from './lines.js';
export { findFurniture, isPageNumber } from './furniture.js';
export { matchHeading } from './headings.js';

export interface ParseReportResult {
  doc: SourceDoc;
  diagnostics: Diagnostic[];
}

type Unit =
  | { type: 'heading'; match: HeadingMatch; line: Line; titleLoc: Located }
  | { type: 'table'; table: RawTable }
  | { type: 'para'; loc: Located; bullet: boolean; lastLine: Line; lines: number };

/** The title line of a box set apart from the text: 【专栏1】…, 专栏2 … */
const BOX_TITLE_RE = /^(?:【[^】]{1,12}】|专栏\s*[0-9一二三四五六七八九十]{1,3}[\s：:])/;
/** A keywords line: 关键词：A；B (or 关键字, 主题词, Keywords:). */
const KEYWORDS_RE = /^(?:【\s*(?:关键[词字]|主题词)\s*】|(?:关\s*键\s*[词字]|主\s*题\s*词|Key\s*words?)\s*[：:])\s*(.+)$/i;
/** A journal's fields about the article, not its content: 【基金项目】…, 【收稿日期】…, 【中图分类号】… */
const ARTICLE_FIELD_RE = /^【\s*(?:基金项目|收稿日期|修回日期|作者简介|通讯作者|中图分类号|文献标识码|文章编号|DOI)\s*】/i;
/** A bullet at a line start: -, •, ● …, or the dash a white paper's list items open with (——农村宽带…). */
const BULLET_RE = /^(?:(?:[-•·●▪◆■]|\*(?!\*))\s+|——(?!—)\s*)/;

function emptyDoc(slug: string): SourceDoc {
  return { slug, kind: 'report', meta: { authors: [] }, titleSegments: [], sections: [], footnotes: [], tables: [], quotes: [] };
}

export interface ParseReportOptions {
  /** Lines (0-based) that are headings by their layout (a PDF's larger or heading type), numbered or not. */
  headingLines?: readonly number[];
}

export function parseReport(text: string, file: string, slug: string, opts: ParseReportOptions = {}): ParseReportResult {
  const diagnostics: Diagnostic[] = [];
  if (!text.trim()) return { doc: emptyDoc(slug), diagnostics };
  const index = new LineIndex(text);
  const lines = splitLines(text);
  const layoutHeadings = new Set(opts.headingLines ?? []);
  const furn = findFurniture(lines, layoutHeadings);
  const { bodyStart, bodyEnd } = furn;
  const inBody = (i: number) => i >= bodyStart && i < bodyEnd && !furn.mask[i];

  // footnotes at page bottoms (a reference list, "[1] 作者. 题名", is not notes: it is back matter)
  const refsAt = lines.findIndex((l, i) => i >= bodyStart && i < bodyEnd && REFERENCES_RE.test(l.text));
  const notesMayBe = (i: number) => inBody(i) && (refsAt < 0 || i < refsAt);
  const { notes: rawNotes, mask: noteMask } = collectNotes(lines, bodyStart, bodyEnd, notesMayBe);
  const notBodyText = (i: number) => !inBody(i) || noteMask[i] === 1;
  // tables
  const rawTables = findTables(lines, bodyStart, bodyEnd, notBodyText);
  const tableAt = new Map<number, RawTable>();
  const tableMask = new Uint8Array(lines.length);
  for (const t of rawTables) {
    tableAt.set(t.from, t);
    for (let i = t.from; i < t.to; i++) tableMask[i] = 1;
  }
  const usable = (i: number) => !notBodyText(i) && !tableMask[i];

  const units = buildUnits(lines, bodyStart, bodyEnd, usable, tableAt, layoutHeadings);

  // footnote ids and which of them plain digits may stand for
  const footnotes = buildFootnotes(rawNotes, index);
  const noteIds = new Set(footnotes.map((f) => baseId(f.id)));
  const supRefs = new Set<string>();
  for (let i = bodyStart; i < bodyEnd; i++) {
    if (!usable(i) && !tableMask[i]) continue;
    const sup = lines[i].text.match(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]|[①-⑳]/g);
    if (sup) for (const s of sup) supRefs.add(s.startsWith('[') ? s.slice(1, -1) : /[①-⑳]/.test(s) ? s : supToId(s));
  }
  const plainIds = new Set(rawNotes.filter((n) => n.form === 'plain' && !supRefs.has(n.id)).map((n) => n.id));
  const ctx: InlineContext = { boldAt: new Uint8Array(text.length + 1), noteIds, plainIds };
  const allMarkers: Marker[] = [];
  const segMarkers: { segment: Segment; markers: Marker[] }[] = [];

  const seg = (loc: Located, markers: Marker[], extra: { forceEmphasis?: boolean } = {}): Segment[] => {
    const out: Segment[] = [];
    const sentences = splitSentences(loc);
    let mi = 0;
    const sorted = markers.slice().sort((a, b) => a.off - b.off);
    for (let s = 0; s < sentences.length; s++) {
      const sent = sentences[s];
      const nextStart = s + 1 < sentences.length ? sentences[s + 1].start : Infinity;
      const mine: Marker[] = [];
      while (mi < sorted.length && sorted[mi].off < nextStart) mine.push(sorted[mi++]);
      const emphasis = extra.forceEmphasis || boldShare(sent, ctx.boldAt) >= 0.8;
      const segment = makeSegment(sent, index, { emphasis });
      out.push(segment);
      segMarkers.push({ segment, markers: mine });
    }
    // markers after the last sentence (or in an empty text) go to the last segment
    if (out.length) while (mi < sorted.length) segMarkers[segMarkers.length - 1].markers.push(sorted[mi++]);
    allMarkers.push(...markers);
    return out;
  };
  const clean = (loc: Located) => cleanInline(loc, ctx);

  // tables
  const tables: Table[] = [];
  const tableIds = new Map<RawTable, string>();
  for (const rt of rawTables) {
    const t = buildTable(rt, tables.length + 1, index);
    tables.push(t);
    tableIds.set(rt, t.id);
  }

  // sections
  // levels by rank among the numbered heading types the document uses: 第一章 > 一、 > （一）
  const present = new Set(units.flatMap((u) => (u.type === 'heading' ? [u.match.type] : [])));
  const rank = ['chapter', 'numeral', 'paren', 'decimal'].filter((t) => present.has(t as HeadingMatch['type']));
  const levelOf = (m: HeadingMatch): number => (m.type === 'named' || m.type === 'layout' ? 1 : rank.indexOf(m.type) + 1);
  const keywords: string[] = [];
  const sections: Section[] = [];
  const stack: Section[] = [];
  let current: Section | undefined;
  let openList: { block: ListBlock; style: string; last: number } | undefined;
  const ensureSection = (): Section => {
    if (current) return current;
    current = { id: 'sec-1', level: 1, kind: 'other', heading: '', place: index.place(lines[bodyStart]?.textStart ?? 0), blocks: [], children: [] };
    sections.push(current);
    stack.push(current);
    return current;
  };

  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (unit.type === 'heading') {
      openList = undefined;
      const level = levelOf(unit.match);
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      const siblings = parent ? parent.children : sections;
      const headingLoc = normalizeChinese(unit.titleLoc.replace(/\*+/g, '')).trim();
      let kind = unit.match.kind;
      if (unit.match.type === 'numeral' && level > 1) kind = 'section';
      if (unit.match.type === 'paren' || unit.match.type === 'decimal') kind = level === 1 ? 'chapter' : level === 2 ? 'section' : 'subsection';
      const section: Section = {
        id: parent ? `${parent.id}-${siblings.length + 1}` : `sec-${siblings.length + 1}`,
        level,
        kind,
        heading: headingLoc.text,
        place: index.place(unit.line.textStart),
        blocks: [],
        children: [],
      };
      if (unit.match.number) section.number = unit.match.number;
      if (headingLoc.length) section.headingSegment = makeSegment(headingLoc, index);
      siblings.push(section);
      stack.push(section);
      current = section;
      continue;
    }
    const sec = ensureSection();
    if (unit.type === 'table') {
      openList = undefined;
      sec.blocks.push({ type: 'table', ref: tableIds.get(unit.table)! });
      continue;
    }
    const { loc, markers } = clean(unit.loc);
    if (!loc.length) continue;
    const kw = KEYWORDS_RE.exec(loc.text);
    if (kw) {
      // "关键词：A；B；C" under an abstract: the report's keywords, not a sentence of it
      keywords.push(...splitKeywords(kw[1]));
      continue;
    }
    const next = units[u + 1];
    const nextLead = next && next.type === 'para' && !next.bullet ? leadingMarker(stripForMarker(next.loc.text)) : undefined;
    const lm = leadingMarker(loc.text);

    if (unit.bullet) {
      const style = lm ? lm.style : 'bullet';
      const item = { marker: lm ? lm.marker : '-', segments: seg(loc.slice(lm ? lm.end : 0).trim(), markers) };
      if (openList && openList.style === style && (style === 'bullet' || lm?.value === openList.last + 1)) {
        openList.block.items.push(item);
        openList.last = lm ? lm.value : openList.last + 1;
      } else {
        const block: ListBlock = { type: 'list', style, lead: [], items: [item] };
        sec.blocks.push(block);
        openList = { block, style, last: lm ? lm.value : 1 };
      }
      continue;
    }
    if (lm && openList && openList.style === lm.style && follows(lm.style, openList.last, lm.value)) {
      openList.block.items.push({ marker: lm.marker, segments: seg(loc.slice(lm.end).trim(), markers) });
      openList.last = lm.value;
      continue;
    }
    openList = undefined;
    const startsRun = (style: string, value: number) => nextLead !== undefined && nextLead.style === style && follows(style, value, nextLead.value);
    if (lm && lm.value === 1 && startsRun(lm.style, 1)) {
      const block: ListBlock = { type: 'list', style: lm.style, lead: [], items: [{ marker: lm.marker, segments: seg(loc.slice(lm.end).trim(), markers) }] };
      sec.blocks.push(block);
      openList = { block, style: lm.style, last: 1 };
      continue;
    }
    const en = splitEnumeration(loc, { tail: true }) ?? (() => {
      const one = splitEnumeration(loc, { minItems: 1 });
      return one && startsRun(one.style, one.items.length) ? one : undefined;
    })();
    if (en) {
      const block: ListBlock = {
        type: 'list',
        style: en.style,
        lead: en.lead.length ? seg(en.lead, markersIn(markers, en.lead, en.items[0].body)) : [],
        items: en.items.map((it, k) => ({
          marker: it.marker,
          segments: seg(it.body, markersIn(markers, it.body, en.items[k + 1]?.body ?? (en.tail.length ? en.tail : undefined))),
        })),
      };
      sec.blocks.push(block);
      if (en.tail.length) {
        // the paragraph goes on after its list
        sec.blocks.push({ type: 'paragraph', segments: seg(en.tail, markersIn(markers, en.tail)) });
        openList = undefined;
        continue;
      }
      const lastMarker = en.items[en.items.length - 1].marker;
      openList = { block, style: en.style, last: leadingMarker(lastMarker + '　x')?.value ?? en.items.length };
      continue;
    }
    sec.blocks.push({ type: 'paragraph', segments: seg(loc, markers) });
  }

  // footnote refs and diagnostics
  linkFootnotes(footnotes, allMarkers, index, file, diagnostics);
  for (const { segment, markers } of segMarkers) segment.footnoteRefs = [...new Set(markers.map((m) => m.id))];

  const cover = coverColumns(furn.cover);
  const meta = coverMeta(cover, furn.colophon);
  if (keywords.length) meta.keywords = [...new Set(keywords)];
  const titleSegments: Segment[] = [];
  const tt = findTitle(cover);
  if (tt.title) {
    const tl = coverText(lineLocated(tt.title).slice(0, tt.titleEnd), tt.titleMore);
    if (tl.length) {
      meta.title = tl.text;
      titleSegments.push(makeSegment(tl, index));
    }
    if (tt.subtitle) {
      const sl = coverText(lineLocated(tt.subtitle).slice(tt.subtitleAt), tt.subtitleMore);
      // a delivery line (——2024年3月5日在…会议上 国务院总理 李强) is when and by whom: metadata, not the title
      const delivered = sl.length ? deliveryOf(sl.text) : undefined;
      if (delivered) {
        meta.date ??= delivered.date;
        if (delivered.speaker && !meta.authors.some((a) => a.name === delivered.speaker!.name)) meta.authors.push(delivered.speaker);
        meta.extra = Object.fromEntries(Object.entries({ ...meta.extra, occasion: delivered.occasion }).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
      } else if (sl.length) {
        meta.subtitle = sl.text;
        titleSegments.push(makeSegment(sl, index));
      }
    }
  }
  const doc: SourceDoc = { slug, kind: 'report', meta, titleSegments, sections, footnotes, tables, quotes: [] };
  return { doc, diagnostics };
}

/**
 * A title or subtitle of the cover as text: with the line it goes on to (joined as the report's other
 * broken lines are, Chinese without a space), without emphasis marks, and not spaced out for display
 * ("政 府 工 作 报 告": no spaces between Chinese characters).
 */
function coverText(first: Located, more?: Line): Located {
  const whole = more ? Located.concat([first.trim(), lineLocated(more).trim()]) : first;
  return normalizeChinese(whole.replace(/\*+/g, ''))
    .replace(/(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '')
    .trim();
}

function follows(style: string, last: number, value: number): boolean {
  return value === last + 1 || (style === 'shouxian' && value === 9 && last >= 2);
}

/** The start of a paragraph as enumeration detection sees it: bullets, emphasis and tags off. */
function stripForMarker(text: string): string {
  return text.replace(/^\s*(?:<[^>]+>\s*)*/, '').replace(/\*\*/g, '');
}

function markersIn(markers: Marker[], from: Located, until?: Located): Marker[] {
  const a = from.start;
  const b = until ? until.start : Infinity;
  return markers.filter((m) => m.off >= a && m.off < b);
}

/**
 * A keywords line's keywords: apart by semicolons, commas or enumeration commas; by spaces only when
 * there are none and the words are not Latin (学习者文本 语法纠错) — English keywords are words apart by
 * spaces (Keywords: Multidimensional Text Correction is one keyword).
 */
export function splitKeywords(text: string): string[] {
  const t = text.replace(/\t/g, ' ').trim();
  if (/[；;，,、]/.test(t)) return t.split(/\s*[；;，,、]\s*/).map((k) => k.trim()).filter(Boolean);
  if (/^[\p{Script=Latin}\d\s\-'’/&()]+$/u.test(t)) return t ? [t.replace(/\s+/g, ' ')] : [];
  return t.split(/[\s\u3000]+/).filter(Boolean);
}

function supToId(s: string): string {
  const map: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  let out = '';
  for (const ch of s) out += map[ch] ?? '';
  return out;
}

/** Lines → headings, tables and paragraphs (rejoined across line and page breaks). */
function buildUnits(lines: Line[], from: number, to: number, usable: (i: number) => boolean, tableAt: Map<number, RawTable>, layoutHeadings: ReadonlySet<number>): Unit[] {
  const units: Unit[] = [];
  const listRun = lineListRuns(lines, from, to, usable);
  const width = wrapWidth(lines, from, to, usable);
  let para: { parts: PieceBuilder; bullet: boolean; lastLine: Line; lines: number; standalone: boolean } | undefined;
  const close = () => {
    if (para) units.push({ type: 'para', loc: para.parts.build(), bullet: para.bullet, lastLine: para.lastLine, lines: para.lines });
    para = undefined;
  };
  for (let i = from; i < to; i++) {
    const table = tableAt.get(i);
    if (table) {
      close();
      units.push({ type: 'table', table });
      i = table.to - 1;
      continue;
    }
    if (!usable(i)) continue;
    const l = lines[i];
    if (!l.text) continue;
    const h = l.raw.includes('\t') ? undefined : matchHeading(l.text);
    if (!h && layoutHeadings.has(l.idx) && l.text.length <= 60 && !l.raw.includes('\t')) {
      // a heading by its type only (no number, no name): a section of the first level
      close();
      units.push({ type: 'heading', match: { type: 'layout', kind: 'chapter', title: l.text, titleAt: 0 }, line: l, titleLoc: lineLocated(l).trim() });
      continue;
    }
    if (h) {
      close();
      let titleLoc = lineLocated(l).slice(h.titleAt);
      if (h.type === 'named') titleLoc = lineLocated(l).replace(/[\s\u3000]+|[：:]$/g, '');
      if (h.type === 'chapter' && !h.title) {
        // the chapter title stands on the next line
        let k = i + 1;
        while (k < to && (!usable(k) || !lines[k].text)) k++;
        if (k < to && isTitleLine(lines[k].text) && !lines[k].raw.includes('\t')) {
          titleLoc = lineLocated(lines[k]);
          i = k;
        }
      }
      if (h.bodyAt !== undefined) {
        // a run-in heading: its first sentence (or its label) is the heading, the rest of the line starts the body
        const head = h.type === 'named' ? lineLocated(l).slice(0, h.bodyAt).replace(/[\s\u3000：:【】]+/g, '') : lineLocated(l).slice(h.titleAt, h.titleAt + h.title.length);
        units.push({ type: 'heading', match: h, line: l, titleLoc: head });
        para = { parts: new PieceBuilder(lineLocated(l).slice(h.bodyAt).trim()), bullet: false, lastLine: l, lines: 1, standalone: false };
        continue;
      }
      units.push({ type: 'heading', match: h, line: l, titleLoc });
      continue;
    }
    // a journal's field about the article (with the lines it wraps onto) is not content
    if (ARTICLE_FIELD_RE.test(l.text)) {
      close();
      while (i + 1 < to && usable(i + 1) && lines[i + 1].text && !/^【/.test(lines[i + 1].text) && !matchHeading(lines[i + 1].text) && !endsSentence(lines[i].text)) i++;
      continue;
    }
    // a keywords line, a box's title, or a speech's salutation (no sentence mark at its end) is a line of
    // its own, whatever the lines around it
    if (KEYWORDS_RE.test(l.text) || BOX_TITLE_RE.test(l.text) || isSalutation(l.text)) {
      close();
      units.push({ type: 'para', loc: lineLocated(l), bullet: false, lastLine: l, lines: 1 });
      continue;
    }
    const bulletM = BULLET_RE.exec(l.text);
    let loc = lineLocated(l);
    if (bulletM) loc = loc.slice(bulletM[0].length);
    const standalone = listRun[i] === 1;
    if (bulletM || standalone) {
      close();
      para = { parts: new PieceBuilder(loc), bullet: !!bulletM || (standalone && units.length > 0 && lastIsBulletRun(units, listRun, i)), lastLine: l, lines: 1, standalone };
      continue;
    }
    if (para && shouldJoin(para.lastLine, l, width) && !para.standalone) {
      para.parts.add(loc);
      para.lastLine = l;
      para.lines++;
      continue;
    }
    close();
    para = { parts: new PieceBuilder(loc), bullet: false, lastLine: l, lines: 1, standalone: false };
  }
  close();
  return units;
}

/** A standalone line in a run that started with a bullet continues that bullet list. */
function lastIsBulletRun(units: Unit[], listRun: Uint8Array, i: number): boolean {
  const last = units[units.length - 1];
  return last.type === 'para' && last.bullet && listRun[last.lastLine.idx] === 1 && last.lastLine.idx === i - 1;
}

function shouldJoin(prev: Line, cur: Line, width: number): boolean {
  if (!endsSentence(prev.text)) return true;
  // hard-wrapped text: a full-width line ending a sentence may still go on, unless the next is indented
  if (width && cur.idx === prev.idx + 1 && visualWidth(prev.text) >= width * 0.9 && !/^[\s\u3000]{1,}/.test(cur.raw)) return true;
  return false;
}

function baseId(id: string): string {
  return id.replace(/\.\d+$/, '');
}

function buildFootnotes(raw: RawNote[], index: LineIndex): Footnote[] {
  const seen = new Map<string, number>();
  return raw.map((n) => {
    const k = (seen.get(n.id) ?? 0) + 1;
    seen.set(n.id, k);
    const parts = [n.lines[0].text.slice(n.textAt), ...n.lines.slice(1).map((l) => l.text)];
    const joined = joinNoteLines(parts);
    return {
      id: k === 1 ? n.id : `${n.id}.${k}`,
      text: normalizeText(cleanNoteText(joined)),
      urls: extractUrls(joined),
      place: index.place(n.lines[0].textStart),
      refs: [] as Place[],
    };
  });
}

/** Each marker links to the first note with its id after it (the note at the bottom of its page). */
function linkFootnotes(footnotes: Footnote[], markers: Marker[], index: LineIndex, file: string, diagnostics: Diagnostic[]): void {
  const byBase = new Map<string, { note: Footnote; off: number }[]>();
  for (const f of footnotes) {
    const list = byBase.get(baseId(f.id)) ?? [];
    list.push({ note: f, off: placeKey(f.place) });
    byBase.set(baseId(f.id), list);
  }
  const sorted = markers.slice().sort((a, b) => a.off - b.off);
  for (const m of sorted) {
    const list = byBase.get(m.id);
    const place = index.place(m.off);
    if (!list) {
      diagnostics.push(
        diagnostic({ rule: 'ingest:footnote-unlinked', severity: 'warning', file, place, reason: `Footnote marker ${m.id} has no note`, data: { id: m.id } }),
      );
      continue;
    }
    const key = placeKey(place);
    const target = list.find((x) => x.off > key) ?? list[list.length - 1];
    target.note.refs.push(place);
    m.id = target.note.id;
  }
  for (const f of footnotes) {
    if (f.refs.length) continue;
    diagnostics.push(
      diagnostic({ rule: 'ingest:footnote-unlinked', severity: 'warning', file, place: f.place, reason: `Footnote ${f.id} has no marker in the text`, data: { id: f.id } }),
    );
  }
}

function placeKey(p: Place): number {
  return p.line * 1e6 + p.column;
}

function buildTable(rt: RawTable, n: number, index: LineIndex): Table {
  const rows = rt.grid ?? rt.rows.map((l) => splitCells(l.raw, rt.sep === 'lines' ? 'tab' : rt.sep));
  const header = (rows[0] ?? []).map((c) => normalizeText(stripHtml(c)));
  const body = rows.slice(1).map((cells) => ({
    label: normalizeText(stripHtml(cells[0] ?? '')),
    cells: cells.slice(1).map((c) => ({ text: normalizeText(stripHtml(c)), items: cellItems(c).map(normalizeText) })),
  }));
  const width = header.length - 1;
  for (const r of body) while (r.cells.length < width) r.cells.push({ text: '', items: [] });
  const labelNum = rt.label ? /(\d[\d.-]*)$/.exec(rt.label)?.[1] : undefined;
  const table: Table = {
    id: labelNum ? `table-${labelNum}` : `table-${n}`,
    header,
    rows: body,
    place: index.place((rt.captionLine ?? rt.rows[0]).textStart),
  };
  if (rt.label) table.label = normalizeText(rt.label);
  if (rt.caption) table.caption = normalizeText(stripHtml(rt.caption));
  return table;
}
