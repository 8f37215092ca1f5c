// A Word file's title when no paragraph is styled Title or Heading: the cover's largest centred type.
// Standards, drafts and many reports set their title on a cover in a template's own style (封面标准名称,
// "Cover title"…), centred and large; mammoth knows a paragraph's style and alignment and a run's own
// size, and the sizes and alignment a style gives are read here from word/styles.xml (fast-xml-parser,
// bounded). Word's table-of-contents paragraphs (styles `toc 1`…`toc 9`, 目录 1…) are dropped: they are the
// contents page, not text.
import { XMLParser } from 'fast-xml-parser';
import { findDtd } from '../../xml.js';

/** Paragraphs looked at for a cover, at most (a cover is the document's first page). */
export const COVER_PARAGRAPHS = 80;
/** Largest styles.xml read (characters). */
const STYLES_MAX = 4_000_000;

export interface StyleInfo {
  /** Font size in points. */
  size?: number;
  bold?: boolean;
  alignment?: string;
}

export interface Styles {
  byId: Map<string, StyleInfo>;
  /** The size of text without a style (document defaults, then the Normal style). */
  defaultSize: number;
}

export type XmlNode = Record<string, unknown>;

export const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
export const attr = (n: unknown, name: string): string | undefined => {
  const v = n && typeof n === 'object' ? (n as XmlNode)[`@_${name}`] : undefined;
  return v === undefined ? undefined : String(v);
};
const onOff = (n: unknown): boolean | undefined => {
  if (n === undefined) return undefined;
  const v = attr(n, 'w:val');
  return v === undefined || !/^(0|false|off)$/i.test(v);
};

/** Sizes, weight and alignment each paragraph and character style gives (through basedOn), from styles.xml. */
export function readStyles(xml: string | undefined): Styles {
  const byId = new Map<string, StyleInfo>();
  let defaultSize = 10.5;
  if (!xml || xml.length > STYLES_MAX || findDtd(xml)) return { byId, defaultSize };
  let root: XmlNode;
  try {
    root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: false }).parse(xml) as XmlNode;
  } catch {
    return { byId, defaultSize };
  }
  const styles = (root['w:styles'] ?? {}) as XmlNode;
  const defSz = attr(((((styles['w:docDefaults'] as XmlNode)?.['w:rPrDefault'] as XmlNode)?.['w:rPr'] as XmlNode)?.['w:sz']), 'w:val');
  if (defSz && /^\d+$/.test(defSz)) defaultSize = Number(defSz) / 2;
  const raw = new Map<string, { based?: string; own: StyleInfo; isDefault: boolean; type?: string }>();
  for (const s of asArray(styles['w:style'] as XmlNode | XmlNode[])) {
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const rPr = s['w:rPr'] as XmlNode | undefined;
    const pPr = s['w:pPr'] as XmlNode | undefined;
    const sz = attr(rPr?.['w:sz'], 'w:val');
    raw.set(id, {
      based: attr(s['w:basedOn'], 'w:val'),
      isDefault: /^(1|true|on)$/i.test(attr(s, 'w:default') ?? ''),
      type: attr(s, 'w:type'),
      own: { size: sz && /^\d+$/.test(sz) ? Number(sz) / 2 : undefined, bold: onOff(rPr?.['w:b']), alignment: attr(pPr?.['w:jc'], 'w:val') },
    });
  }
  const resolve = (id: string, depth = 0): StyleInfo => {
    const r = raw.get(id);
    if (!r) return {};
    const base = r.based && depth < 20 ? resolve(r.based, depth + 1) : {};
    return { size: r.own.size ?? base.size, bold: r.own.bold ?? base.bold, alignment: r.own.alignment ?? base.alignment };
  };
  for (const id of raw.keys()) byId.set(id, resolve(id));
  const normal = [...raw.entries()].find(([, r]) => r.isDefault && r.type === 'paragraph');
  if (normal) defaultSize = byId.get(normal[0])?.size ?? defaultSize;
  return { byId, defaultSize };
}

/** The parts of mammoth's document tree read here and in docx-numbering.ts. */
export interface MNode {
  type: string;
  children?: MNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  alignment?: string | null;
  fontSize?: number | null;
  isBold?: boolean;
  numbering?: unknown;
}

/** Contents styles: Word's `toc 1`…, 目录 1…, WPS's `WPSOffice手动目录 1`. */
const TOC_STYLE = /(?:^|[^a-z])(?:toc|目录)\s*\d$/i;
const TITLE_STYLE = /^(title|标题)$/i;
const HEADING_1 = /^(heading\s*1|标题\s*1)$/i;
const CENTRED = new Set(['center', 'distribute']);

function textOf(n: MNode): string {
  if (n.type === 'text') return n.value ?? '';
  if (n.type === 'tab') return ' ';
  return (n.children ?? []).map(textOf).join('');
}

function runsOf(n: MNode, out: MNode[] = []): MNode[] {
  if (n.type === 'run') out.push(n);
  else for (const c of n.children ?? []) runsOf(c, out);
  return out;
}

/** Paragraphs in document order (tables and text boxes included), up to `max`. */
function paragraphs(root: MNode, max: number): MNode[] {
  const out: MNode[] = [];
  const stack: MNode[] = [root];
  while (stack.length && out.length < max) {
    const n = stack.pop()!;
    if (n.type === 'paragraph') {
      out.push(n);
      continue;
    }
    const kids = n.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** Remove Word's table-of-contents paragraphs from the tree, in place. */
function dropContents(root: MNode): void {
  const stack: MNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (!n.children) continue;
    n.children = n.children.filter((c) => !(c.type === 'paragraph' && c.styleName && TOC_STYLE.test(c.styleName.trim())));
    for (const c of n.children) stack.push(c);
  }
}

/**
 * mammoth's transformDocument: when no paragraph is styled as a title, the cover's largest centred
 * paragraphs (consecutive, of one size, larger than the body's type) become one paragraph styled
 * Title at the document's start, which mammoth's style map turns into the Markdown's # heading.
 */
export function coverTitleTransform(styles: Styles): (doc: MNode) => MNode {
  return (doc) => {
    dropContents(doc);
    const paras = paragraphs(doc, COVER_PARAGRAPHS);
    // a Title style, or a first heading before any text, is the title already
    if (paras.some((p) => p.styleName && TITLE_STYLE.test(p.styleName.trim()))) return doc;
    const first = paras.find((p) => textOf(p).trim());
    if (first?.styleName && HEADING_1.test(first.styleName.trim())) return doc;
    const sizeOf = (p: MNode): number => {
      const ps = (p.styleId && styles.byId.get(p.styleId)) || {};
      let best = 0;
      for (const r of runsOf(p)) {
        if (!textOf(r).trim()) continue;
        const rs = (r.styleId && styles.byId.get(r.styleId)) || {};
        best = Math.max(best, r.fontSize ?? rs.size ?? ps.size ?? styles.defaultSize);
      }
      return best;
    };
    const cand = paras.map((p, i) => {
      const text = textOf(p).replace(/\s+/g, ' ').trim();
      const align = p.alignment ?? ((p.styleId && styles.byId.get(p.styleId)?.alignment) || undefined);
      // a title has words (not a logo's two letters or a date), is centred, and has no sentence end
      const ok = [...text.replace(/[^\p{L}]/gu, '')].length >= 4 && !!align && CENTRED.has(align) && !/[。；;]$/.test(text) && text.length <= 120;
      return { p, i, text, size: ok ? sizeOf(p) : 0 };
    });
    const max = Math.max(0, ...cand.map((c) => c.size));
    if (max < styles.defaultSize * 1.15) return doc;
    const start = cand.findIndex((c) => c.size === max);
    const run = [cand[start]];
    for (let k = start + 1; k < cand.length && cand[k].size === max && cand[k].p !== undefined; k++) run.push(cand[k]);
    const title = run.map((c) => c.text).join(' ');
    // the title paragraphs leave their place; one paragraph styled Title opens the document
    const gone = new Set(run.map((c) => c.p));
    const stack: MNode[] = [doc];
    while (stack.length) {
      const n = stack.pop()!;
      if (!n.children) continue;
      n.children = n.children.filter((c) => !gone.has(c));
      for (const c of n.children) stack.push(c);
    }
    const firstRun = runsOf(run[0].p)[0];
    const heading: MNode = { ...run[0].p, styleId: null, styleName: 'Title', children: [{ ...firstRun, children: [{ type: 'text', value: title }] }] };
    doc.children = [heading, ...(doc.children ?? [])];
    return doc;
  };
}
