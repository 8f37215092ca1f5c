// What every XML reader (XLIFF, TBX) checks before the XML parser sees a file: no DTD internal subset,
// no entity declarations. Entities are how an XML file reads other files (external entities), grows
// without bound (nested or huge entities) or reaches into a parser's DTD handling; translation and
// terminology files never need them, so they are refused outright, located at the declaration. A
// DOCTYPE that only names a DTD (`<!DOCTYPE xliff PUBLIC "…" "xliff.dtd">`, as older CAT tools write)
// is harmless and accepted: nothing it names is ever fetched or read.
import { diagnostic, type Diagnostic } from './diagnostics.js';
import type { Place } from './model.js';

export interface DtdFinding {
  /** 'internal-subset': `<!DOCTYPE name [ … ]>`; 'entity': an `<!ENTITY` anywhere else. */
  kind: 'internal-subset' | 'entity';
  offset: number;
  place: Place;
}

function placeAt(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Whether the DOCTYPE starting at `at` has an internal subset: a `[` before its closing `>`, outside quotes. */
function hasInternalSubset(text: string, at: number): boolean {
  let quote = '';
  for (let i = at + 9; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') return true;
    else if (c === '>') return false;
  }
  return false;
}

/**
 * The first DTD internal subset or entity declaration in an XML text, outside comments, CDATA sections
 * and processing instructions; undefined when there is none. Linear in the text's length.
 */
export function findDtd(text: string): DtdFinding | undefined {
  let i = text.indexOf('<!');
  while (i >= 0) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined; // an unclosed comment: the XML validator reports it
      i = text.indexOf('<!', end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) return undefined;
      i = text.indexOf('<!', end + 3);
      continue;
    }
    const word = text.slice(i + 2, i + 9).toUpperCase();
    if (word === 'DOCTYPE' && hasInternalSubset(text, i)) return { kind: 'internal-subset', offset: i, place: placeAt(text, i) };
    if (word.startsWith('ENTITY')) return { kind: 'entity', offset: i, place: placeAt(text, i) };
    i = text.indexOf('<!', i + 2);
  }
  return undefined;
}

/**
 * A located error when the XML text declares a DTD internal subset or entities (see findDtd), else
 * undefined. `rule` names the reader's rule, e.g. 'localize:dtd-not-allowed'.
 */
export function dtdDiagnostic(text: string, file: string, rule: string): Diagnostic | undefined {
  const found = findDtd(text);
  if (!found) return undefined;
  const what = found.kind === 'internal-subset' ? 'this file declares a DTD (<!DOCTYPE … [ … ]>)' : 'this file declares an entity (<!ENTITY …>)';
  return diagnostic({
    rule,
    file,
    place: found.place,
    reason: `DTDs and entity declarations are not accepted in XML files: ${what}; remove it and write the characters themselves`,
  });
}
