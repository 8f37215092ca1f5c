// Bounded nesting for Markdown sources. Nesting 10,000 blockquotes or list items deep costs the Markdown
// parser seconds to minutes and overflows the stack of every recursive walker over the tree; no real
// article nests more than a few levels. So the text is scanned line by line before it is parsed (a cheap
// upper bound on each line's container depth), and the parsed tree is measured without recursion (for
// inline nesting: emphasis, links…); either past MAX_DEPTH is a located error, `ingest:too-deep`.
// Emphasis marks, whose matching costs the parser quadratic time, are bounded too (checkEmphasisMarks).
import type { Node, Parent } from 'mdast';
import { diagnostic, UserError } from '../diagnostics.js';

/** Deepest nesting accepted, in container levels (blockquotes, list items) or tree levels. */
export const MAX_DEPTH = 100;

/** Deepest syntax tree accepted: a list level is two tree levels (list, item), then paragraphs and inline markup. */
export const MAX_TREE_DEPTH = 2 * MAX_DEPTH + 50;

function tooDeep(file: string, line: number, column: number, what: string, limit = MAX_DEPTH): UserError {
  return new UserError(
    diagnostic({
      rule: 'ingest:too-deep',
      file,
      place: { line, column },
      reason: `${what} nested more than ${limit} levels deep: not read (no source needs that many; flatten the nesting)`,
    }),
  );
}

/**
 * An upper bound on the container depth of each line: its leading run of indentation, `>` and list
 * markers (`-`, `*`, `+`, `1.`, `1)` followed by a space) — a blockquote level takes at least one column
 * of it, a list level at least two. Throws `ingest:too-deep` at the first line (and column) past
 * MAX_DEPTH. Linear in the text's length.
 */
export function checkLineNesting(text: string, file: string): void {
  const limit = 2 * MAX_DEPTH; // in half levels
  let line = 1;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let half = 0;
    let col = 0; // visual column, for tabs
    let i = start;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x20) {
        half += 1;
        col += 1;
      } else if (c === 0x09) {
        const w = 4 - (col % 4);
        half += w;
        col += w;
      } else if (c === 0x3e /* > */) {
        half += 2;
        col += 1;
      } else if (c === 0x2d || c === 0x2a || c === 0x2b) {
        // - * + : a list marker only when a space, a tab or the line's end follows
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0x0a;
        if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) break;
        half += 1;
        col += 1;
      } else if (c >= 0x30 && c <= 0x39) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
        const d = j < n ? text.charCodeAt(j) : 0;
        const next = j + 1 < n ? text.charCodeAt(j + 1) : 0x0a;
        if ((d !== 0x2e && d !== 0x29) || (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d)) break;
        half += 1;
        col += j + 1 - i;
        i = j;
      } else break;
      if (half > limit) throw tooDeep(file, line, i - start + 1, 'quotes or lists');
    }
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    start = nl + 1;
    line++;
  }
}

/**
 * The parsed tree's depth, measured with an explicit stack: past MAX_TREE_DEPTH (inline nesting the line
 * scan does not see, e.g. emphasis inside emphasis), `ingest:too-deep` at the node that goes too deep.
 */
export function checkTreeDepth(tree: Node, file: string): void {
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) {
      const at = node.position?.start;
      throw tooDeep(file, at?.line ?? 1, at?.column ?? 1, 'markup (emphasis, links, quotes, lists)', MAX_TREE_DEPTH);
    }
    const kids = (node as Parent).children;
    if (Array.isArray(kids)) for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k], depth: depth + 1 });
  }
}

/** Emphasis and link marks accepted in one paragraph (runs of *, _ or ~; each [), and characters in one run. */
export const MAX_MARK_RUNS_PER_BLOCK = 200;
export const MAX_MARK_RUN = 200;

/**
 * The Markdown parser matches emphasis marks and link brackets in time quadratic in their number within
 * a paragraph: a paragraph of 10,000 nested `*a _b …` took minutes, 10,000 nested links 17 s. Real articles have a few per paragraph (a blank
 * line, a list item or a heading starts a new one; a lone `*` starting a list item is no mark); past these
 * bounds (marks per paragraph, characters per run of marks) the source is refused, located at
 * the mark that crosses the bound (rule `ingest:too-much-markup`). Linear in the text's length.
 */
export function checkEmphasisMarks(text: string, file: string): void {
  let line = 1;
  let lineStart = 0;
  let inBlock = 0;
  let blank = true; // the current line has no text so far
  let prefix = true; // only indentation and quote marks so far: a lone `*` here is a list marker
  const fail = (i: number, reason: string): never => {
    throw new UserError(diagnostic({ rule: 'ingest:too-much-markup', file, place: { line, column: i - lineStart + 1 }, reason }));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (blank) inBlock = 0; // a blank line ends the paragraph
      line++;
      lineStart = i + 1;
      blank = true;
      prefix = true;
      continue;
    }
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) blank = false;
    if (c === 0x5b /* [ */) {
      // each [ opens a link label the parser matches against every ] after it
      prefix = false;
      if (++inBlock > MAX_MARK_RUNS_PER_BLOCK) fail(i, `more than ${MAX_MARK_RUNS_PER_BLOCK} emphasis or link marks (*, _, ~, [) in one paragraph: not read`);
      continue;
    }
    if (c !== 0x2a && c !== 0x5f && c !== 0x7e) {
      // a table row: each cell's inline content is parsed apart from the others
      if (prefix && c === 0x7c /* | */) inBlock = 0;
      if (prefix && (c === 0x2d || c === 0x2b || (c >= 0x30 && c <= 0x39) || c === 0x23)) {
        // a list item (- + 1.) or a heading (#) starts a paragraph of its own
        if (c === 0x23 || /^(?:[-+]|\d{1,9}[.)])[ \t]/.test(text.slice(i, i + 11))) inBlock = 0;
      }
      if (c !== 0x20 && c !== 0x09 && c !== 0x3e) prefix = false;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) === c) j++;
    const after = j < text.length ? text.charCodeAt(j) : 0x0a;
    if (prefix && c === 0x2a && j === i + 1 && (after === 0x20 || after === 0x09)) {
      inBlock = 0; // a list item's marker, not emphasis: the item is a paragraph of its own
      i = j - 1;
      continue;
    }
    prefix = false;
    if (j - i > MAX_MARK_RUN) fail(i, `a run of ${j - i} “${text[i]}” marks (more than ${MAX_MARK_RUN}): not read`);
    if (++inBlock > MAX_MARK_RUNS_PER_BLOCK) fail(i, `more than ${MAX_MARK_RUNS_PER_BLOCK} emphasis or link marks (*, _, ~, [) in one paragraph: not read`);
    i = j - 1;
  }
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'option']);

/**
 * How deep a piece of markup nests its elements, by a linear scan of its tags (void elements and the ones
 * HTML closes by itself — p, li — do not count): HTML parsers and tree converters recurse per level.
 * Returns the offset where MAX_TREE_DEPTH is crossed, or -1.
 */
export function htmlTooDeepAt(html: string, max = MAX_TREE_DEPTH): number {
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;
  let depth = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2].toLowerCase();
    if (VOID_TAGS.has(name) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) return m.index;
  }
  return -1;
}

/** Refuse markup nested past the bound, located at the element that crosses it. */
export function checkHtmlNesting(html: string, file: string, offset = 0, lineOf?: (off: number) => { line: number; column: number }): void {
  const at = htmlTooDeepAt(html);
  if (at < 0) return;
  const place = lineOf ? lineOf(offset + at) : lineColumn(html, at);
  throw tooDeep(file, place.line, place.column, 'HTML elements', MAX_TREE_DEPTH);
}

function lineColumn(text: string, off: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < off; i++) if (text.charCodeAt(i) === 10) {
    line++;
    last = i;
  }
  return { line, column: off - last };
}
