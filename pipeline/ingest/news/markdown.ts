// Markdown → mdast (remark with GFM), in pieces for a very long source.
//
// micromark keeps every event of the document until the end of the parse: a 20 MB article holds
// ~850 MB at once and spends as long in the garbage collector as in parsing. A source longer than
// MARKDOWN_CHUNKS.above is therefore parsed in pieces of about MARKDOWN_CHUNKS.size characters, cut
// only where the cut cannot change the tree: after a blank line, before a line that can only open a
// new top-level block (Han text, **bold**, an image, an ATX heading), and only in a text without the
// constructs that reach past a blank line or across the document (fenced code, HTML blocks of kinds
// 1–5, link reference and footnote definitions). The pieces' positions are moved to the whole text's;
// the tree is the one a whole parse gives (tests/ingest/markdown-chunks.test.ts).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

export const MARKDOWN_CHUNKS = {
  /** Sources up to this many characters are parsed whole. */
  above: 1_000_000,
  /** Characters per piece (a piece ends at the first safe cut after this many). */
  size: 200_000,
};

const UNSAFE = /^ {0,3}(?:`{3,}|~{3,})|^ {0,3}\[[^\]\n]+\]:|<!--|<\?|<![A-Za-z[]|<(?:script|pre|style|textarea)[\s>]/im;

/** One or more blank lines, then a line that can only open a new top-level block. */
const CUT = /\n(?:[ \t]*\r?\n)+(?=\p{Script=Han}|\*\*[^*\s]|!\[|#{1,6} )/gu;

function processor() {
  // front matter is found and blanked out before (see findFrontMatter in index.ts)
  return unified().use(remarkParse).use(remarkGfm);
}

interface Positioned {
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
  children?: Positioned[];
}

function shift(node: Positioned, lines: number, offset: number): void {
  const stack: Positioned[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    const p = n.position;
    if (p) {
      p.start.line += lines;
      p.end.line += lines;
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
    }
    if (n.children) for (const c of n.children) stack.push(c);
  }
}

/** Where a text is cut for parsing: its pieces in order (one piece when it is parsed whole). */
export function markdownPieces(text: string, chunks = MARKDOWN_CHUNKS): string[] {
  if (text.length <= chunks.above || UNSAFE.test(text)) return [text];
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    CUT.lastIndex = at + chunks.size;
    const m = at + chunks.size < text.length ? CUT.exec(text) : null;
    const end = m ? m.index + m[0].length : text.length;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

export function parseMarkdown(text: string, chunks = MARKDOWN_CHUNKS): Root {
  const pieces = markdownPieces(text, chunks);
  const p = processor();
  if (pieces.length === 1) return p.parse(text) as Root;
  const root: Root = { type: 'root', children: [] };
  let at = 0;
  let lines = 0;
  let last: Root | undefined;
  for (const piece of pieces) {
    const tree = p.parse(piece) as Root;
    shift(tree as Positioned, lines, at);
    for (const c of tree.children) root.children.push(c);
    last = tree;
    for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) === 10) lines++;
    at += piece.length;
  }
  if (last?.position) root.position = { start: { line: 1, column: 1, offset: 0 }, end: last.position.end };
  return root;
}
