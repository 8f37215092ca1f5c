// Shared by the scripts that measure the shipped documents (formulaic-data.mjs, common-words-data.mjs).

/** Every segment text of a parsed SourceDoc (`briefs parse --json`: headings, paragraphs, lists, quotes, titles). */
export function texts(node, out = []) {
  if (Array.isArray(node)) for (const x of node) texts(x, out);
  else if (node && typeof node === 'object') {
    if (typeof node.text === 'string' && typeof node.id === 'string' && node.place) out.push(node.text);
    for (const v of Object.values(node)) if (v && typeof v === 'object') texts(v, out);
  }
  return out;
}
