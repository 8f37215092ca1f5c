// Bounds for the YAML files people edit (glossary term files, meta.yaml). The `yaml` package reports
// a document nested too deep for its recursive composer as "Maximum call stack size exceeded" with no
// place, and one it could compose may still be too deep for what walks it next (toJS, the schema
// validator, our own readers). So: its stack overflow becomes a located "nested too deep", and a
// composed document is measured without recursion against a depth no term file or meta.yaml comes near.
import { isAlias, isMap, isPair, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Place } from './model.js';

/** Deepest YAML accepted: a glossary entry is 5 levels (list, entry, forbidden, language, list). */
export const MAX_YAML_DEPTH = 32;

export interface YamlLimitProblem {
  place: Place;
  reason: string;
}

const tooDeep = (max: number) => `YAML nested more than ${max} levels deep: not read (no term file or meta.yaml needs that many)`;

/** Where a text first nests past `max` by its brackets or indentation (only to place the parser's own failure). */
function deepPlace(text: string, lc: LineCounter, max: number): Place {
  let flow = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++flow > max) return lcPlace(lc, i);
    } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    else if (c === '\n') lineStart = i + 1;
    else if (i - lineStart > 2 * max && /^[\s-]*$/.test(text.slice(lineStart, i))) return lcPlace(lc, i);
  }
  return { line: 1, column: 1 };
}

function lcPlace(lc: LineCounter, offset: number): Place {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/** The place of a YAML error (the package gives offsets; its linePos is only set with prettyErrors). */
export function errorPlace(e: { pos: [number, number]; linePos?: [{ line: number; col: number }] | [{ line: number; col: number }, { line: number; col: number }] }, lc: LineCounter): Place {
  const lp = e.linePos?.[0];
  return lp ? { line: lp.line, column: lp.col } : lcPlace(lc, e.pos[0]);
}

/** Whether the parser gave up for lack of stack (a document nested far too deep). */
export function isStackOverflow(e: { message: string }): boolean {
  return /Maximum call stack size exceeded|too much recursion/i.test(e.message);
}

/**
 * A located problem when the parsed document nests deeper than `max` (measured with an explicit stack),
 * or when the parser ran out of stack composing it; undefined otherwise.
 */
export function yamlDepthProblem(doc: Document, text: string, lc: LineCounter, max = MAX_YAML_DEPTH): YamlLimitProblem | undefined {
  if (doc.errors.some(isStackOverflow)) return { place: deepPlace(text, lc, max), reason: tooDeep(max) };
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth > max) {
      // a pair has no range of its own: its key's (or value's)
      const at = isPair(node) ? ((node.key ?? node.value) as Node | null) : (node as Node);
      const range = at?.range;
      return { place: range ? lcPlace(lc, range[0]) : { line: 1, column: 1 }, reason: tooDeep(max) };
    }
    if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    else if (isPair(node)) {
      stack.push({ node: node.key, depth });
      stack.push({ node: node.value, depth });
    }
  }
  return undefined;
}

/** The first alias (`*name`) of a document, in document order: where an alias bomb is reported. */
export function firstAliasPlace(doc: Document, lc: LineCounter): Place | undefined {
  let best: number | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (isAlias(node)) {
      const at = node.range?.[0];
      if (at !== undefined && (best === undefined || at < best)) best = at;
    } else if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isPair(node)) stack.push(node.key, node.value);
  }
  return best === undefined ? undefined : lcPlace(lc, best);
}
