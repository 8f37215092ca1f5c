// Headings that Word numbers itself: a paragraph style with an outline level (one of Word's heading levels)
// tied to a multilevel list — a standard's clause headings (章标题, 一级条标题… of the standards template:
// 1 范围, 3.1, 5.2.1), a report's 一、（一）. mammoth reads such paragraphs as one-item numbered lists and
// the numbers are lost (every clause came out as `1.`, its level gone). Here they become headings of their
// outline level, numbered as Word shows them (each level's w:lvlText, %1.%2, with each level's count in its
// w:numFmt). A numbered clause without a title (a term's number, 3.1, above the term) stays a paragraph:
// its number. Read from word/styles.xml and word/numbering.xml (fast-xml-parser, bounded).
import { XMLParser } from 'fast-xml-parser';
import { findDtd } from '../../xml.js';
import { asArray, attr, type MNode, type XmlNode } from './docx-cover.js';

/** Largest styles.xml or numbering.xml read (characters). */
const XML_MAX = 4_000_000;


function parse(xml: string | undefined): XmlNode | undefined {
  if (!xml || xml.length > XML_MAX || findDtd(xml)) return undefined;
  try {
    return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: false }).parse(xml) as XmlNode;
  } catch {
    return undefined;
  }
}

interface Level {
  fmt: string;
  text: string;
  start: number;
}

/** A paragraph style that is a numbered heading: its outline level (0 = Word's Heading 1) and list place. */
interface NumberedHeading {
  outline: number;
  numId: string;
  ilvl: number;
}

export interface HeadingNumbering {
  styles: Map<string, NumberedHeading>;
  /** numId → level → its format. */
  levels: Map<string, Map<number, Level>>;
}

/** The numbered heading styles and the lists they number, from styles.xml and numbering.xml. */
export function readHeadingNumbering(stylesXml: string | undefined, numberingXml: string | undefined): HeadingNumbering {
  const out: HeadingNumbering = { styles: new Map(), levels: new Map() };
  const st = parse(stylesXml);
  const nu = parse(numberingXml);
  if (!st || !nu) return out;
  const raw = new Map<string, { based?: string; outline?: number; numId?: string; ilvl?: number }>();
  for (const s of asArray(((st['w:styles'] ?? {}) as XmlNode)['w:style'] as XmlNode | XmlNode[])) {
    const id = attr(s, 'w:styleId');
    if (!id || attr(s, 'w:type') !== 'paragraph') continue;
    const pPr = s['w:pPr'] as XmlNode | undefined;
    const numPr = pPr?.['w:numPr'] as XmlNode | undefined;
    const outline = attr(pPr?.['w:outlineLvl'], 'w:val');
    const ilvl = attr(numPr?.['w:ilvl'], 'w:val');
    raw.set(id, {
      based: attr(s['w:basedOn'], 'w:val'),
      outline: outline && /^\d$/.test(outline) ? Number(outline) : undefined,
      numId: attr(numPr?.['w:numId'], 'w:val'),
      ilvl: ilvl && /^\d$/.test(ilvl) ? Number(ilvl) : undefined,
    });
  }
  const inherit = <K extends 'outline' | 'numId' | 'ilvl'>(id: string, key: K) => {
    let r = raw.get(id);
    for (let depth = 0; r && depth < 20; depth++) {
      if (r[key] !== undefined) return r[key];
      r = r.based ? raw.get(r.based) : undefined;
    }
    return undefined;
  };
  for (const id of raw.keys()) {
    const outline = inherit(id, 'outline');
    const numId = inherit(id, 'numId');
    // outline level 9 is body text
    if (outline === undefined || outline > 8 || !numId || numId === '0') continue;
    out.styles.set(id, { outline, numId, ilvl: inherit(id, 'ilvl') ?? 0 });
  }
  const numbering = (nu['w:numbering'] ?? {}) as XmlNode;
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of asArray(numbering['w:abstractNum'] as XmlNode | XmlNode[])) {
    const levels = new Map<number, Level>();
    for (const l of asArray(a['w:lvl'] as XmlNode | XmlNode[])) {
      const ilvl = Number(attr(l, 'w:ilvl') ?? '0');
      const start = Number(attr(l['w:start'], 'w:val') ?? '1');
      levels.set(ilvl, { fmt: attr(l['w:numFmt'], 'w:val') ?? 'decimal', text: attr(l['w:lvlText'], 'w:val') ?? '', start: Number.isFinite(start) ? start : 1 });
    }
    const id = attr(a, 'w:abstractNumId');
    if (id !== undefined) abstract.set(id, levels);
  }
  for (const n of asArray(numbering['w:num'] as XmlNode | XmlNode[])) {
    const id = attr(n, 'w:numId');
    const a = attr(n['w:abstractNumId'], 'w:val');
    if (id && a !== undefined && abstract.has(a)) out.levels.set(id, abstract.get(a)!);
  }
  return out;
}

const CHINESE = '〇一二三四五六七八九';
function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CHINESE[n];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CHINESE[tens] : ''}十${n % 10 ? CHINESE[n % 10] : ''}`;
}
function letters(n: number): string {
  // Word repeats the letter past Z: AA, BBB
  const k = (n - 1) % 26;
  return String.fromCharCode(65 + k).repeat(Math.floor((n - 1) / 26) + 1);
}
function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

/** A count in a level's number format (the formats headings use; others as decimals). */
export function formatCount(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chinese(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    default:
      return String(n);
  }
}

/** A plain run (mammoth's documents.Run with no formatting) holding a heading's number. */
const numberRun = (value: string): MNode =>
  ({
    type: 'run',
    children: [{ type: 'text', value }],
    styleId: null,
    styleName: null,
    isBold: false,
    isUnderline: false,
    isItalic: false,
    isStrikethrough: false,
    isAllCaps: false,
    isSmallCaps: false,
    verticalAlignment: 'baseline',
    font: null,
    fontSize: null,
    highlight: null,
  }) as MNode;

const textOf = (n: MNode): string => (n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map(textOf).join(''));

/** Turns numbered heading paragraphs into headings with their numbers (mammoth's transformDocument). */
export function numberedHeadingsTransform(numbering: HeadingNumbering): (doc: MNode) => MNode {
  return (doc) => {
    if (!numbering.styles.size) return doc;
    const counts = new Map<string, number[]>();
    const stack: MNode[] = [doc];
    // document order: children pushed in reverse
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'paragraph') {
        const h = n.styleId ? numbering.styles.get(n.styleId) : undefined;
        const levels = h && numbering.levels.get(h.numId);
        if (!h || !levels) continue;
        const c = counts.get(h.numId) ?? [];
        for (let k = 0; k < h.ilvl; k++) if (c[k] === undefined) c[k] = levels.get(k)?.start ?? 1;
        c[h.ilvl] = c[h.ilvl] === undefined ? (levels.get(h.ilvl)?.start ?? 1) : c[h.ilvl] + 1;
        c.length = h.ilvl + 1;
        counts.set(h.numId, c);
        const lvl = levels.get(h.ilvl);
        const number = (lvl?.text ?? '').replace(/%([1-9])/g, (_, d: string) => {
          const k = Number(d) - 1;
          return c[k] === undefined ? '' : formatCount(c[k], levels.get(k)?.fmt ?? 'decimal');
        }).trim();
        n.numbering = null;
        if (textOf(n).trim()) {
          n.styleName = `标题 ${Math.min(6, Math.max(2, h.outline + 1))}`;
          n.styleId = null;
        } else {
          n.styleName = null;
          n.styleId = null;
        }
        if (number) n.children = [numberRun(textOf(n).trim() ? `${number} ` : number), ...(n.children ?? [])];
        continue;
      }
      const kids = n.children ?? [];
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
    }
    return doc;
  };
}
