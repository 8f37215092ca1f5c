// Digests of everything a build depends on: each source's own files, and the inputs shared by all
// (glossary entries, templates, labels, style, fonts, the tool itself). Cheap: a no-op rebuild costs
// little more than hashing these.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Context } from '../context.js';
import type { Term } from '../model.js';
import { VERSION } from '../version.js';
import { digest, digestJson } from './digest.js';
import { decode } from '../ingest/decode.js';
import type { SharedState, SourceState } from './plan.js';
import type { SourceFiles } from './sources.js';
import { loadGlossary } from '../glossary/load.js';

/** What a worker needs to load the shared inputs itself (plain data). */
export interface SharedInputs {
  cwd: string;
  sourcesDir: string;
  glossaryDir: string;
  templatesDir: string;
  outDir: string;
}

export function readSourceState(files: SourceFiles): SourceState {
  const bytes = readFileSync(files.sourcePath);
  const inputs: Record<string, string> = { source: digest(bytes) };
  if (files.metaPath) inputs.meta = digest(readFileSync(files.metaPath));
  if (files.xliffPath) inputs.translations = digest(readFileSync(files.xliffPath));
  let text = '';
  try {
    text = decode(bytes, files.sourcePath);
  } catch {
    text = ''; // the job reports undecodable input; planning only needs the text to spot new terms
  }
  return { slug: files.slug, inputs, text };
}

export function termDigest(t: Term): string {
  const { origin: _origin, ...rest } = t;
  return digestJson(rest);
}

export function termForms(t: Term): string[] {
  const forms = new Set<string>([t['zh-Hans'], t['zh-Hant'], ...(t.variants['zh-Hans'] ?? []), ...(t.variants['zh-Hant'] ?? [])]);
  for (const f of t.forbidden['zh-Hans'] ?? []) forms.add(f.term);
  return [...forms].filter(Boolean).sort();
}

export function readSharedState(ctx: Context): { state: SharedState; inputs: SharedInputs; terms: Term[] } {
  const { terms } = loadGlossary(ctx.glossaryDir);
  const glossary: Record<string, string> = {};
  const forms: Record<string, string[]> = {};
  for (const t of terms) {
    glossary[t.id] = termDigest(t);
    forms[t.id] = termForms(t);
  }
  const inputs: Record<string, string> = {
    tool: toolDigest(),
    templates: dirDigest(ctx.templatesDir),
    fonts: fontsDigest(),
  };
  return {
    state: { inputs, glossary, forms },
    inputs: { cwd: ctx.cwd, sourcesDir: ctx.sourcesDir, glossaryDir: ctx.glossaryDir, templatesDir: ctx.templatesDir, outDir: ctx.outDir },
    terms,
  };
}

/** Digest of every file in a folder (names and contents), sorted. */
export function dirDigest(dir: string): string {
  if (!existsSync(dir)) return 'missing';
  const parts: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${rel}${name}/`);
      else parts.push(`${rel}${name}:${digest(readFileSync(full))}`);
    }
  };
  walk(dir, '');
  return digest(parts.join('\n'));
}

let toolDigestCache: string | undefined;
/** The tool's version plus a digest of its own code (so a code change rebuilds, even without a version bump). */
export function toolDigest(): string {
  if (toolDigestCache) return toolDigestCache;
  const pipelineDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  toolDigestCache = `${VERSION}+${dirDigest(pipelineDir).slice(0, 12)}`;
  return toolDigestCache;
}

/** Fonts come from npm packages: their name and version identify them. */
export function fontsDigest(): string {
  const require = createRequire(import.meta.url);
  const ids: string[] = [];
  for (const pkg of ['@expo-google-fonts/noto-sans-sc', '@expo-google-fonts/noto-sans-tc', 'pdfmake']) {
    try {
      const pj = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
      ids.push(`${pkg}@${pj.version}`);
    } catch {
      ids.push(`${pkg}@?`);
    }
  }
  return digest(ids.join('\n'));
}
