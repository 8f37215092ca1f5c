// Markdown inline content (mdast phrasing nodes) → Located text: what a reader sees, each character
// keeping its offset in the decoded source. Emphasis marks, link syntax and raw HTML never reach the text.
import type { Nodes, PhrasingContent, Image, Link } from 'mdast';
import { Located } from '../located.js';

export interface InlineResult {
  text: Located;
  /** Every non-blank piece of text stood inside strong emphasis. */
  allStrong: boolean;
  /** Every non-blank piece stood inside emphasis (italic). */
  allEmphasis: boolean;
  images: Image[];
  links: Link[];
  /** Footnote markers: label and source offset. */
  footnoteRefs: { id: string; offset: number }[];
  /** The text's lines as written (before soft breaks were joined), trimmed, blank ones dropped. */
  lines: Located[];
  /**
   * Characters (of `text`) of a bold run-in heading: a strong run that opens the text, set off from what
   * follows by a space or a line break, with no sentence end or colon of its own ("**疾病诊断**⏎空间智能技术能…",
   * "**某某宣布回归** 某某在离开…"). Ingestion makes it a sentence of its own.
   */
  leadStrong?: number;
}

function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

/**
 * Offsets for a text node's value. When the source slice reads the same, characters map one to one;
 * otherwise (escapes, entities) each character is matched forward in the source where possible.
 */
function locateValue(value: string, node: Nodes, source: string, cursor: number): Located {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined) {
    // nodes made by transforms (GFM autolink literals split text nodes) carry no position: find the
    // value in the source after what was read before
    const k = source.indexOf(value, cursor);
    return Located.from(value, k >= 0 && k - cursor < 200 ? k : cursor);
  }
  const raw = source.slice(s, e);
  if (raw === value) return Located.from(value, s);
  const offs = new Int32Array(value.length);
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const k = raw.indexOf(value[i], j);
    if (k >= 0 && k - j < 12) {
      offs[i] = s + k;
      j = k + 1;
    } else offs[i] = s + Math.min(j, Math.max(0, raw.length - 1));
  }
  return new Located(value, offs);
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F“”‘’]/;

/** Soft line breaks inside a paragraph: dropped between Chinese characters, a space elsewhere. */
export function joinLines(loc: Located): Located {
  if (!loc.text.includes('\n')) return loc;
  return loc.replace(/[ \t]*\n[ \t]*/g, (m) => {
    const i = m.index;
    const before = loc.text[i - 1];
    const after = loc.text[i + m[0].length];
    return before === undefined || after === undefined || CJK.test(before) || CJK.test(after) ? '' : ' ';
  });
}

/** Literal emphasis marks the parser left (CommonMark's flanking rules fail next to CJK punctuation). */
const STRAY_MARKS = /\*{2,}|(?<![A-Za-z0-9])_{2,}(?![A-Za-z0-9])/g;

/** The length of a bold run-in heading at the start of `text` (see InlineResult.leadStrong), if there is one. */
function runInLead(parts: Located[], strong: boolean[], text: string): number | undefined {
  let k = 0;
  while (k < parts.length && !parts[k].text.trim()) k++;
  if (k >= parts.length || !strong[k]) return undefined;
  let lead = '';
  for (; k < parts.length && strong[k]; k++) lead += parts[k].text;
  if (k >= parts.length) return undefined;
  const head = lead.trim();
  const setOff = /\s$/.test(lead) || /^\s/.test(parts[k].text);
  if (!setOff || !head || [...head].length > 40 || /[。！？!?；;：:，,、]$/.test(head) || /[。！？!?]/.test(head)) return undefined;
  if (!text.startsWith(head) || !text.slice(head.length).trim()) return undefined;
  return head.length;
}

export function inlineText(nodes: PhrasingContent[], source: string, start?: number): InlineResult {
  const parts: Located[] = [];
  const images: Image[] = [];
  const links: Link[] = [];
  const footnoteRefs: { id: string; offset: number }[] = [];
  let textual = 0;
  let strongText = 0;
  let emText = 0;
  let cursor = 0;
  const kinds: boolean[] = [];
  const push = (loc: Located, strong: boolean, em: boolean) => {
    parts.push(loc);
    kinds.push(strong);
    if (loc.length) cursor = Math.max(cursor, loc.offs[loc.length - 1] + 1);
    const n = loc.text.replace(/\s+/g, '').length;
    textual += n;
    if (strong) strongText += n;
    if (em) emText += n;
  };
  const walk = (list: PhrasingContent[], strong: boolean, em: boolean) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          push(locateValue(node.value, node, source, cursor), strong, em);
          break;
        case 'inlineCode':
          push(locateValue(node.value, node, source, cursor), strong, em);
          break;
        case 'strong':
          walk(node.children, true, em);
          break;
        case 'emphasis':
          walk(node.children, strong, true);
          break;
        case 'delete':
          walk(node.children, strong, em);
          break;
        case 'link':
          links.push(node);
          walk(node.children, strong, em);
          break;
        case 'linkReference':
          walk(node.children, strong, em);
          break;
        case 'image':
        case 'imageReference':
          if (node.type === 'image') images.push(node);
          break;
        case 'break':
          push(new Located('\n', new Int32Array([startOf(node)])), strong, em);
          break;
        case 'footnoteReference':
          footnoteRefs.push({ id: node.label ?? node.identifier, offset: startOf(node) });
          break;
        case 'html':
          // raw HTML never passes through; a <br> is a line break
          if (/^<br\s*\/?>$/i.test(node.value.trim())) push(new Located('\n', new Int32Array([startOf(node)])), strong, em);
          break;
        default:
          break;
      }
    }
  };
  cursor = start ?? (nodes[0] as Nodes | undefined)?.position?.start.offset ?? 0;
  walk(nodes, false, false);
  let text = Located.concat(parts);
  let literalStrong = false;
  const t = text.text.trim();
  if (/^\*\*[^*]+\*\*$/.test(t) || /^__[^_]+__$/.test(t)) literalStrong = true;
  text = text.replace(STRAY_MARKS, '');
  const lines = text.nonBlankLines();
  text = joinLines(text).trim();
  const leadStrong = runInLead(parts, kinds, text.text);
  return {
    ...(leadStrong ? { leadStrong } : {}),
    text,
    allStrong: literalStrong || (textual > 0 && strongText === textual),
    allEmphasis: textual > 0 && emText === textual,
    images,
    links,
    footnoteRefs,
    lines,
  };
}
