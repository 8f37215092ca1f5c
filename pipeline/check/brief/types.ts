// Brief checks: QA rules over a whole brief (zh-Hans) and the SourceDoc it was selected from, one rule per
// module, each a pure function (brief, doc, ctx) → diagnostics located at the item's source line.
import { diagnostic, type Diagnostic, type Severity } from '../../diagnostics.js';
import type { Brief, BriefItem, Place, Segment, SourceDoc, Term } from '../../model.js';
import { docSegments } from '../../ingest/walk.js';

export interface BriefCheckContext {
  /** The source file the doc was read from (diagnostics are located there). */
  file?: string;
  /** The glossary (the key-terms rules look terms up in it). */
  terms?: readonly Term[];
}

export interface BriefRule {
  /** e.g. 'brief:duplicate' */
  id: string;
  description: string;
  /** Errors fail the source; warnings are reported. */
  severity: Severity;
  check(brief: Brief, doc: SourceDoc, ctx: BriefCheckContext): Diagnostic[];
}

export interface LocatedItem {
  slot: string;
  /** 0-based index within its slot. */
  index: number;
  item: BriefItem;
  /** The item's segments found in the doc, in the item's order. */
  segments: Segment[];
  /** Where the item's first segment stands in the source (line 1 when none is found). */
  place: Place;
}

const segIndex = new WeakMap<SourceDoc, Map<string, Segment>>();

/** The doc's segments by id (first occurrence), cached per doc. */
export function segmentsOf(doc: SourceDoc): Map<string, Segment> {
  let m = segIndex.get(doc);
  if (!m) {
    m = new Map();
    for (const v of docSegments(doc)) if (!m.has(v.segment.id)) m.set(v.segment.id, v.segment);
    segIndex.set(doc, m);
  }
  return m;
}

/** Every item of the brief, slot by slot, with its segments and place. */
export function locatedItems(brief: Brief, doc: SourceDoc): LocatedItem[] {
  const byId = segmentsOf(doc);
  const out: LocatedItem[] = [];
  for (const slot of brief.slots)
    slot.items.forEach((item, index) => {
      const segments = item.segmentIds.map((id) => byId.get(id)).filter((s): s is Segment => !!s);
      out.push({ slot: slot.name, index, item, segments, place: segments[0]?.place ?? { line: 1, column: 1 } });
    });
  return out;
}

/** Text compared without its whitespace (the source's line breaks and spaces are not the brief's). */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

/** A diagnostic of a brief rule at an item: rule, slot and item number and segment id in `data`. */
export function itemDiagnostic(rule: BriefRule, ctx: BriefCheckContext, at: LocatedItem, reason: string, extra: { actual?: string; expected?: string[]; data?: Record<string, unknown> } = {}): Diagnostic {
  return diagnostic({
    rule: rule.id,
    severity: rule.severity,
    file: ctx.file,
    place: at.place,
    reason: `${rule.id}: ${reason} (${at.slot} item ${at.index + 1})`,
    actual: extra.actual ?? at.item.text,
    expected: extra.expected,
    data: { rule: rule.id, slot: at.slot, item: at.index + 1, segmentId: at.item.segmentIds[0], ...(extra.data ?? {}) },
  });
}

/** A diagnostic of a brief rule that is not about one item (the title, a key term). */
export function briefDiagnostic(rule: BriefRule, ctx: BriefCheckContext, place: Place | undefined, reason: string, extra: { actual?: string; expected?: string[]; data?: Record<string, unknown> } = {}): Diagnostic {
  return diagnostic({
    rule: rule.id,
    severity: rule.severity,
    file: ctx.file,
    place: place ?? { line: 1, column: 1 },
    reason: `${rule.id}: ${reason}`,
    actual: extra.actual,
    expected: extra.expected,
    data: { rule: rule.id, ...(extra.data ?? {}) },
  });
}

/** Short quotation of a text for a reason. */
export function quote(text: string, max = 40): string {
  const chars = [...text];
  return `“${chars.length > max ? chars.slice(0, max).join('') + '…' : text}”`;
}
