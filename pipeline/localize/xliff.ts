// XLIFF in and out: parse XLIFF 2.0 and 1.2 (as CAT tools write them) into plain units; write XLIFF 2.0.
//
// Reading keeps the text content of inline codes and drops their markup:
//   2.0: <pc>, <mrk> keep their content; <ph/>, <sc/>, <ec/>, <sm/>, <em/> are empty; <cp hex/> is a character.
//   1.2: <g>, <mrk> keep their content; <x/>, <bx/>, <ex/> are empty; <bpt>, <ept>, <ph>, <it> hold *native
//        code* (e.g. "&lt;b&gt;"), not text, and are dropped with their content.
// Malformed XML is a located error (file:line:column) and nothing is returned. Character references
// (&#x4E2D; &#20013;) are decoded, in one pass with the five XML entities (so &amp;#x4E2D; stays text).
//
// Drafts (a translation no person has reviewed: the publisher's English aligned, or a machine's) are
// units in state `translated` whose unit carries XLIFF 2.0 metadata (mda module):
//   <mda:metadata><mda:metaGroup category="briefs"><mda:meta type="origin">mt:openai/qwen2.5</mda:meta>
//   <mda:meta type="score">0.93</mda:meta></mda:metaGroup></mda:metadata>
// origin is `alignment` or `mt:<engine>/<model>`; score is optional.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagnostic, UserError, type Diagnostic } from '../diagnostics.js';
import type { Place } from '../model.js';
import { dtdDiagnostic } from '../xml.js';

export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const GLOSSARY_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';
export const METADATA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
/** The <mda:metaGroup category> under which briefs keeps a unit's origin and score. */
export const META_CATEGORY = 'briefs';

/** XLIFF 2.0 segment states, in order of progress. */
export type XliffState = 'initial' | 'translated' | 'reviewed' | 'final';
export const XLIFF_STATES: readonly XliffState[] = ['initial', 'translated', 'reviewed', 'final'];

export interface XliffUnit {
  id: string;
  source: string;
  /** Undefined when the unit has no <target>. */
  target?: string;
  state: XliffState;
  notes: string[];
  /** Where the translation came from when no person wrote it: `alignment` or `mt:<engine>/<model>`. */
  origin?: string;
  /** The aligner's or engine's confidence, when it gave one. */
  score?: number;
  /** Where the unit starts in the XLIFF file. */
  place?: Place;
}

export interface XliffFile {
  id: string;
  original?: string;
  units: XliffUnit[];
}

export interface XliffDoc {
  version: '1.2' | '2.0';
  srcLang?: string;
  trgLang?: string;
  files: XliffFile[];
  /** Non-fatal findings (unknown states…). */
  diagnostics: Diagnostic[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' };

/** A code point XML 1.0 allows as a character (§2.2): a reference to anything else stays as written. */
function xmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * XML's references in one pass: the five predefined entities and character references (&#x4E2D;
 * &#20013;). One pass, so "&amp;#x4E2D;" is the text "&#x4E2D;". Other names (&nbsp;) are not XML and
 * stay as written (DTDs, the only way to declare more, are refused before parsing).
 */
export function decodeXmlReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|apos|quot);/g, (all, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITIES[ref];
    const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return xmlChar(cp) ? String.fromCodePoint(cp) : all;
  });
}

type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  entityDecoder: {
    decode: decodeXmlReferences,
    setExternalEntities: () => undefined,
    addInputEntities: () => undefined,
    reset: () => undefined,
    setXmlVersion: () => undefined,
  },
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

function tagOf(n: XNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return undefined;
}
function localName(tag: string): string {
  const i = tag.indexOf(':');
  return i < 0 ? tag : tag.slice(i + 1);
}
function childrenOf(n: XNode): XNode[] {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attrs(n: XNode): Record<string, string> {
  return n[':@'] ?? {};
}
function elements(nodes: XNode[], name: string): XNode[] {
  return nodes.filter((n) => {
    const t = tagOf(n);
    return t !== undefined && t !== '#text' && t !== '#comment' && localName(t) === name;
  });
}

const DROP_WITH_CONTENT = new Set(['bpt', 'ept', 'it', 'sub', 'originalData']);

/** The text of a <source>/<target>: inline markup dropped, text of <pc>/<g>/<mrk> kept. */
function inlineText(nodes: XNode[], version: '1.2' | '2.0'): string {
  let out = '';
  for (const n of nodes) {
    const t = tagOf(n);
    if (!t || t === '#comment') continue;
    if (t === '#text') {
      out += String(n[t] ?? '');
      continue;
    }
    const name = localName(t);
    if (name === 'cp') {
      const hex = attrs(n).hex;
      if (hex && /^[0-9a-f]+$/i.test(hex)) out += String.fromCodePoint(parseInt(hex, 16));
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) continue;
    if (version === '1.2' && name === 'ph') continue;
    out += inlineText(childrenOf(n), version);
  }
  return out;
}

/** The unit's origin and score from its <mda:metadata> (category "briefs"); other groups are ignored. */
function readMeta(kids: XNode[], out: XliffUnit, warn: (reason: string) => void): void {
  for (const md of elements(kids, 'metadata')) {
    for (const g of elements(childrenOf(md), 'metaGroup')) {
      if (attrs(g).category !== META_CATEGORY) continue;
      for (const m of elements(childrenOf(g), 'meta')) {
        const type = attrs(m).type;
        const value = inlineText(childrenOf(m), '2.0').trim();
        if (type === 'origin' && value) out.origin = value;
        else if (type === 'score') {
          const n = Number(value);
          if (value !== '' && Number.isFinite(n)) out.score = n;
          else warn(`score "${value}" is not a number; ignored`);
        }
      }
    }
  }
}

/** Line/column of every unit start tag (<unit …> or <trans-unit …>), in document order. */
function unitPlaces(text: string, tag: 'unit' | 'trans-unit'): Place[] {
  const re = tag === 'unit' ? /<(?:[\w.-]+:)?unit[\s>/]/g : /<(?:[\w.-]+:)?trans-unit[\s>/]/g;
  const places: Place[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = scanned; i < m.index; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = m.index;
    places.push({ line, column: m.index - lineStart + 1 });
  }
  return places;
}

function stateFrom12(target: XNode | undefined, unit: XNode, hasText: boolean): XliffState {
  const approved = attrs(unit).approved === 'yes';
  const s = target ? attrs(target).state : undefined;
  if (s === 'final' || s === 'signed-off') return 'final';
  if (approved) return 'reviewed';
  if (s === 'new' || s === 'needs-translation' || s === 'needs-adaptation' || s === 'needs-l10n') return 'initial';
  if (s === 'translated' || (s && s.startsWith('needs-review'))) return 'translated';
  return hasText ? 'translated' : 'initial';
}

/**
 * Parse an XLIFF 2.0 or 1.2 document (with or without a BOM). Throws a UserError located at the
 * problem for a DTD or entity declaration (refused, never read), malformed XML, a root that is not <xliff>, an unsupported version, or units without ids.
 */
export function parseXliff(input: string, file = '<xliff>'): XliffDoc {
  const text = input.replace(/^\uFEFF/, '');
  const fail = (reason: string, place?: Place, rule = 'localize:malformed-xliff'): never => {
    throw new UserError(diagnostic({ rule, reason, file, place }));
  };
  // before any parser sees it: no DTD, no entities (they read files or grow without bound; see xml.ts)
  const dtd = dtdDiagnostic(text, file, 'localize:dtd-not-allowed');
  if (dtd) throw new UserError(dtd);
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail(`malformed XML: ${valid.err.msg}`, { line: valid.err.line, column: valid.err.col });

  const tree = parser.parse(text) as XNode[];
  const root = tree.find((n) => {
    const t = tagOf(n);
    return t !== undefined && !t.startsWith('#') && !t.startsWith('?');
  });
  if (!root || localName(tagOf(root)!) !== 'xliff') fail('not an XLIFF document: the root element must be <xliff>', { line: 1, column: 1 });
  const ra = attrs(root!);
  const v = ra.version ?? '';
  const version: '1.2' | '2.0' | undefined = /^2\.\d+$/.test(v) ? '2.0' : v === '1.2' || v === '1.1' ? '1.2' : undefined;
  if (!version) fail(`unsupported XLIFF version "${v}" (2.0 and 1.2 are read)`, { line: 1, column: 1 });

  const diagnostics: Diagnostic[] = [];
  const places = unitPlaces(text, version === '2.0' ? 'unit' : 'trans-unit');
  let unitIndex = 0;
  const files: XliffFile[] = [];
  let srcLang = version === '2.0' ? ra.srcLang : undefined;
  let trgLang = version === '2.0' ? ra.trgLang : undefined;

  for (const f of elements(childrenOf(root!), 'file')) {
    const fa = attrs(f);
    if (version === '1.2') {
      srcLang ??= fa['source-language'];
      trgLang ??= fa['target-language'];
    }
    const units: XliffUnit[] = [];
    const visit = (nodes: XNode[]): void => {
      for (const n of nodes) {
        const t = tagOf(n);
        if (!t || t.startsWith('#')) continue;
        const name = localName(t);
        if (version === '2.0' && name === 'unit') units.push(unit20(n));
        else if (version === '1.2' && name === 'trans-unit') units.push(unit12(n));
        else if (name === 'group' || name === 'body') visit(childrenOf(n));
      }
    };
    const unit20 = (u: XNode): XliffUnit => {
      const place = places[unitIndex++];
      const id = attrs(u).id;
      if (!id) fail('<unit> without an id', place);
      const kids = childrenOf(u);
      const segs = elements(kids, 'segment');
      let source = '';
      let target: string | undefined;
      let state: XliffState = 'initial';
      for (const s of segs) {
        const sk = childrenOf(s);
        const src = elements(sk, 'source')[0];
        const trg = elements(sk, 'target')[0];
        source += src ? inlineText(childrenOf(src), '2.0') : '';
        if (trg) target = (target ?? '') + inlineText(childrenOf(trg), '2.0');
        const st = attrs(s).state;
        if (st && !XLIFF_STATES.includes(st as XliffState)) fail(`unknown segment state "${st}" in unit ${id}`, place);
        state = (st as XliffState | undefined) ?? 'initial';
      }
      if (segs.length === 0) fail(`<unit id="${id}"> has no <segment>`, place);
      const notes: string[] = [];
      for (const ns of elements(kids, 'notes')) for (const nn of elements(childrenOf(ns), 'note')) notes.push(inlineText(childrenOf(nn), '2.0'));
      // a target written by a tool that does not set states counts as translated
      if (state === 'initial' && target !== undefined && target.trim() !== '') state = 'translated';
      const out: XliffUnit = { id: id!, source, target, state, notes, place };
      readMeta(kids, out, (reason) => diagnostics.push(diagnostic({ rule: 'localize:bad-metadata', reason: `unit ${id}: ${reason}`, file, place, severity: 'warning' })));
      return out;
    };
    const unit12 = (u: XNode): XliffUnit => {
      const place = places[unitIndex++];
      const id = attrs(u).id;
      if (!id) fail('<trans-unit> without an id', place);
      const kids = childrenOf(u);
      const src = elements(kids, 'source')[0];
      const trg = elements(kids, 'target')[0];
      if (!src) fail(`<trans-unit id="${id}"> has no <source>`, place);
      const source = inlineText(childrenOf(src!), '1.2');
      const target = trg ? inlineText(childrenOf(trg), '1.2') : undefined;
      const notes = elements(kids, 'note').map((nn) => inlineText(childrenOf(nn), '1.2'));
      return { id: id!, source, target, state: stateFrom12(trg, u, Boolean(target && target.trim())), notes, place };
    };
    visit(childrenOf(f));
    files.push({ id: fa.id ?? fa.original ?? '', original: fa.original, units });
  }
  if (files.length === 0) fail('the XLIFF document has no <file>', { line: 1, column: 1 });
  return { version: version!, srcLang, trgLang, files, diagnostics };
}

// ---- writing ----

function hasMeta(u: UnitOut): boolean {
  return Boolean(u.origin) || (u.score !== undefined && Number.isFinite(u.score));
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export interface GlossEntry {
  term: string;
  translation: string;
  definition?: string;
}

export interface UnitOut {
  id: string;
  source: string;
  target?: string;
  state: XliffState;
  notes?: { category?: string; text: string }[];
  glossary?: GlossEntry[];
  /** A draft's origin (written as XLIFF 2.0 metadata; see the top of this file). */
  origin?: string;
  score?: number;
}

/**
 * An XLIFF 2.0 document with one <file>. Module elements come first in a unit (gls:glossary), then
 * <notes>, then the <segment> (XLIFF 2.0 §4.2.2.2 unit content order).
 */
export function writeXliff20(fileId: string, units: readonly UnitOut[], opts: { original?: string } = {}): string {
  const useGls = units.some((u) => u.glossary && u.glossary.length);
  const useMda = units.some(hasMeta);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<xliff version="2.0" xmlns="${XLIFF20_NS}"${useGls ? ` xmlns:gls="${GLOSSARY_NS}"` : ''}${useMda ? ` xmlns:mda="${METADATA_NS}"` : ''} srcLang="zh-Hans" trgLang="en">`,
  );
  out.push(`  <file id="${escapeXml(fileId)}"${opts.original ? ` original="${escapeXml(opts.original)}"` : ''}>`);
  for (const u of units) {
    out.push(`    <unit id="${escapeXml(u.id)}">`);
    if (hasMeta(u)) {
      out.push('      <mda:metadata>');
      out.push(`        <mda:metaGroup category="${META_CATEGORY}">`);
      if (u.origin) out.push(`          <mda:meta type="origin">${escapeXml(u.origin)}</mda:meta>`);
      if (u.score !== undefined && Number.isFinite(u.score)) out.push(`          <mda:meta type="score">${String(u.score)}</mda:meta>`);
      out.push('        </mda:metaGroup>');
      out.push('      </mda:metadata>');
    }
    if (u.glossary && u.glossary.length) {
      out.push('      <gls:glossary>');
      for (const g of u.glossary) {
        out.push('        <gls:glossEntry>');
        out.push(`          <gls:term source="glossary">${escapeXml(g.term)}</gls:term>`);
        out.push(`          <gls:translation source="glossary">${escapeXml(g.translation)}</gls:translation>`);
        if (g.definition) out.push(`          <gls:definition source="glossary">${escapeXml(g.definition)}</gls:definition>`);
        out.push('        </gls:glossEntry>');
      }
      out.push('      </gls:glossary>');
    }
    if (u.notes && u.notes.length) {
      out.push('      <notes>');
      for (const n of u.notes) out.push(`        <note${n.category ? ` category="${escapeXml(n.category)}"` : ''}>${escapeXml(n.text)}</note>`);
      out.push('      </notes>');
    }
    out.push(`      <segment state="${u.state}">`);
    out.push(`        <source>${escapeXml(u.source)}</source>`);
    if (u.target !== undefined) out.push(`        <target>${escapeXml(u.target)}</target>`);
    out.push('      </segment>');
    out.push('    </unit>');
  }
  out.push('  </file>');
  out.push('</xliff>');
  return out.join('\n') + '\n';
}
