// Shared by the scripts that measure the shipped documents (formulaic-data.mjs, common-words-data.mjs,
// concept-df-data.mjs).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every segment text of a parsed SourceDoc (`briefs parse --json`: headings, paragraphs, lists, quotes, titles). */
export function texts(node, out = []) {
  if (Array.isArray(node)) for (const x of node) texts(x, out);
  else if (node && typeof node === 'object') {
    if (typeof node.text === 'string' && typeof node.id === 'string' && node.place) out.push(node.text);
    for (const v of Object.values(node)) if (v && typeof v === 'object') texts(v, out);
  }
  return out;
}

/**
 * The segment texts of every document the project ships (corpus/ and sources/), read through the
 * project's own ingestion (`briefs parse --json`, after `npm run build`), in folder and slug order; a
 * source ingest refuses is left out.
 */
export function* shippedDocuments(root, folders = ['corpus', 'sources']) {
  for (const folder of folders) {
    const slugs = readdirSync(join(root, folder), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
    for (const slug of slugs) {
      let json;
      try {
        json = execFileSync(process.execPath, ['bin/briefs.js', 'parse', slug, '--sources', folder, '--json'], { cwd: root, maxBuffer: 256 << 20, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        continue;
      }
      yield { folder, slug, texts: texts(JSON.parse(json), []) };
    }
  }
}
