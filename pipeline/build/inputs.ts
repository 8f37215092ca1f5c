// Digests of everything a build depends on: each source's own files, and the inputs shared by all
// (glossary entries, templates, labels, style, fonts, the tool itself). Cheap: a no-op rebuild costs
// little more than hashing these.
import { readFileSync, readdirSync, existsSync, statSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Context } from '../context.js';
import type { Term } from '../model.js';
import { VERSION } from '../version.js';
import { digest, digestJson } from './digest.js';
import { bundleDir } from './code-location.js';
import { tempNameFor } from './atomic.js';
import { decode } from '../ingest/decode.js';
import { fontPackages } from '../render/fonts.js';
import { packageVersion } from '../packages.js';
import type { SharedState, SourceState } from './plan.js';
import type { SourceFiles } from './sources.js';
import type { RawTermEntry } from '../glossary/load.js';
import type { TemplatesData } from '../render/templates.js';

/** What a worker needs to load the shared inputs itself (plain data). */
export interface SharedInputs {
  cwd: string;
  sourcesDir: string;
  glossaryDir: string;
  templatesDir: string;
  outDir: string;
  /** The glossary as loaded (from the cache in out/ when the term files are unchanged), so jobs need not parse it again. */
  terms?: Term[];
  /** Digests of the shared inputs (tool, templates, fonts, converter), as planning computed them. */
  digests?: Record<string, string>;
  /** The templates: sources (each process compiles them), labels and style validated (from out/ when unchanged): see keptTemplates. */
  templates?: TemplatesData;
  /** Romanizations of earlier builds (see localize/romanize.ts and keptRomanizations). */
  romanized?: Record<string, string>;
  /** Word boundaries earlier builds asked ICU for (see glossary/match.ts and keptBoundaries). */
  boundaries?: Record<string, 0 | 1>;
}

export function readSourceState(files: SourceFiles): SourceState {
  const bytes = readFileSync(files.sourcePath);
  const inputs: Record<string, string> = { source: digest(bytes) };
  if (files.metaPath) inputs.meta = digest(readFileSync(files.metaPath));
  if (files.xliffPath) inputs.translations = digest(readFileSync(files.xliffPath));
  if (files.englishPath) inputs.english = digest(readFileSync(files.englishPath));
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

/**
 * Digests of the shared inputs, for planning. Glossary entries are digested as written (the converter's
 * version is a shared input of its own), with their Chinese forms (zh-Hant derived) to spot new entries
 * in texts. Both are kept in out/ keyed by the digest of the term files and the tool, so a no-op rebuild
 * reads the term files only to hash them: no YAML parsing, no schema, no OpenCC.
 */
export async function readSharedState(ctx: Context): Promise<{ state: SharedState; inputs: SharedInputs }> {
  const inputs: Record<string, string> = {
    tool: toolDigest(),
    templates: dirDigest(ctx.templatesDir),
    fonts: fontsDigest(),
    converter: packagesDigest(['opencc-js']),
  };
  const { glossary, forms, terms } = await glossaryDigests(ctx, inputs);
  return {
    state: { inputs, glossary, forms },
    inputs: {
      cwd: ctx.cwd,
      sourcesDir: ctx.sourcesDir,
      glossaryDir: ctx.glossaryDir,
      templatesDir: ctx.templatesDir,
      outDir: ctx.outDir,
      terms,
      digests: inputs,
    },
  };
}

export const GLOSSARY_CACHE = '.briefs-glossary-cache.json';
export const TEMPLATES_CACHE = '.briefs-templates-cache.json';
export const ROMANIZED_CACHE = '.briefs-romanized-cache.json';
export const BOUNDARIES_CACHE = '.briefs-boundaries-cache.json';

/** The value kept in a cache file for this key, if there is one (a cache that cannot be read is none). */
function readKeptFile<T>(file: string, key: string): T | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { key: string; value: T };
    return cached.key === key ? cached.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Caches made at install time by the seed build scripts/compile-cache.mjs runs, kept in
 * dist/compile-cache/out-caches/: a build with a fresh out/ (a first `npm start`) reads them there when
 * out/ has none. The glossary and the templates as loaded (no YAML parsing, no schema to compile), under
 * the same keys (the tool's digest and every input file's), so they serve only while the term files and
 * templates are as installed; and the romanized names and word boundaries that build asked pinyin-pro
 * and ICU for (answers by name and text, under the tool's digest and the library's version), which
 * spare loading pinyin-pro only where a build meets the same names. Data only, never code.
 */
const INSTALLED_CACHES: ReadonlySet<string> = new Set([GLOSSARY_CACHE, TEMPLATES_CACHE, ROMANIZED_CACHE, BOUNDARIES_CACHE]);

function installedCacheFile(name: string): string | undefined {
  if (!INSTALLED_CACHES.has(name)) return undefined;
  const bundled = bundleDir(import.meta.url);
  return bundled ? path.join(path.dirname(bundled), 'compile-cache', 'out-caches', name) : undefined;
}

/** The value kept in out/<name> for this key, else in the install-time copy (see INSTALLED_CACHES). */
function readKept<T>(outDir: string, name: string, key: string): T | undefined {
  const kept = readKeptFile<T>(path.join(outDir, name), key);
  if (kept !== undefined) return kept;
  const installed = installedCacheFile(name);
  return installed ? readKeptFile<T>(installed, key) : undefined;
}

/** Keep a value in out/<name> under a key (atomically); a cache is an optimisation: never fail a build over it. */
function writeKept(outDir: string, name: string, key: string, value: unknown): void {
  const file = path.join(outDir, name);
  try {
    // a temporary named as build/atomic names them: swept by the next build if this one is killed here
    const tmp = tempNameFor(file);
    writeFileSync(tmp, JSON.stringify({ key, value }));
    renameSync(tmp, file);
  } catch {
    rmSync(file, { force: true });
  }
}

/**
 * A value kept in out/<name> with the key it was made for: read back while the key is the same,
 * else computed (errors propagate) and kept.
 */
async function keptInOut<T>(ctx: { outDir: string }, name: string, key: string, compute: () => Promise<T>): Promise<T> {
  const kept = readKept<T>(ctx.outDir, name, key);
  if (kept !== undefined) return kept;
  const value = await compute();
  writeKept(ctx.outDir, name, key, value);
  return value;
}

/** What romanizations are kept under: the code and pinyin-pro. */
function romanizedKey(tool: string): string {
  return digest([tool, packagesDigest(['pinyin-pro'])].join('\n'));
}

/** At most this many romanizations are kept (names and publishers: a few per source). */
const ROMANIZED_MAX = 20_000;

/** The romanizations earlier builds kept in out/ (for the jobs), if the code and pinyin-pro are the same. */
export function keptRomanizations(shared: SharedInputs): Record<string, string> | undefined {
  return shared.digests ? readKept<Record<string, string>>(shared.outDir, ROMANIZED_CACHE, romanizedKey(shared.digests.tool)) : undefined;
}

/**
 * Add a build's new entries to a map kept in out/<name> under `key`, keys sorted (the same entries,
 * the same file); past `max` entries nothing more is kept.
 */
function keepMore<V>(outDir: string, name: string, key: string, made: Record<string, V>, max: number): void {
  const own = readKeptFile<Record<string, V>>(path.join(outDir, name), key);
  // nothing new, and out/ has its own copy: nothing to write; out/ without one gets what the install kept
  const installed = own === undefined ? readKept<Record<string, V>>(outDir, name, key) : undefined;
  if (!Object.keys(made).length && (own !== undefined || installed === undefined)) return;
  const all = { ...(own ?? installed ?? {}), ...made };
  const keys = Object.keys(all).sort();
  if (keys.length > max) return;
  writeKept(outDir, name, key, Object.fromEntries(keys.map((k) => [k, all[k]])));
}

/** Add a build's new romanizations to those kept in out/. */
export function keepRomanizations(outDir: string, tool: string, made: Record<string, string>): void {
  keepMore(outDir, ROMANIZED_CACHE, romanizedKey(tool), made, ROMANIZED_MAX);
}

/** What kept word boundaries are valid for: the code, and ICU's version and Unicode data. */
function boundariesKey(tool: string): string {
  return digest([tool, `icu ${process.versions.icu ?? '?'} unicode ${process.versions.unicode ?? '?'}`].join('\n'));
}

/**
 * At most this many word boundaries are kept (a few thousand per source; as many as a process holds,
 * see glossary/match.ts): reading more back would cost what it saves.
 */
const BOUNDARIES_MAX = 50_000;

/** The word boundaries earlier builds kept in out/ (for the jobs), if the code and ICU are the same. */
export function keptBoundaries(shared: SharedInputs): Record<string, 0 | 1> | undefined {
  return shared.digests ? readKept<Record<string, 0 | 1>>(shared.outDir, BOUNDARIES_CACHE, boundariesKey(shared.digests.tool)) : undefined;
}

/** Add a build's new word boundaries to those kept in out/. */
export function keepBoundaries(outDir: string, tool: string, made: Record<string, 0 | 1>): void {
  keepMore(outDir, BOUNDARIES_CACHE, boundariesKey(tool), made, BOUNDARIES_MAX);
}

/**
 * The templates as the jobs use them: the template sources, read and compiled here (their located
 * errors stop the build before any job), with labels and style validated. Only data is kept in out/:
 * labels and style as validated, while the template files and the tool are unchanged, so a build
 * need not parse their YAML again; what is read back is checked for the shape validation gives, and
 * nothing read from out/ is ever run (every process compiles the templates from their sources).
 */
export async function keptTemplates(shared: SharedInputs): Promise<TemplatesData> {
  const { templatesData, isKeptTemplateData } = await import('../render/templates.js');
  if (!shared.digests) return templatesData(shared.templatesDir);
  const key = digest([shared.digests.tool, shared.digests.templates, shared.templatesDir, packagesDigest(['handlebars', 'yaml'])].join('\n'));
  const kept = readKept<unknown>(shared.outDir, TEMPLATES_CACHE, key);
  // anything else in the file (an older cache's precompiled templates, say) is ignored, never run
  const reuse = isKeptTemplateData(kept) ? { labels: kept.labels, style: kept.style } : undefined;
  const data = templatesData(shared.templatesDir, reuse);
  if (!reuse) writeKept(shared.outDir, TEMPLATES_CACHE, key, { labels: data.labels, style: data.style });
  return data;
}

interface GlossaryDigests {
  glossary: Record<string, string>;
  forms: Record<string, string[]>;
  /** The loaded terms (zh-Hant derived), for the jobs. */
  terms?: Term[];
}

/** The term files of a folder as loadGlossary lists them (*.yaml, *.yml, not hidden, by name); undefined if no folder. */
function termFiles(dir: string): string[] | undefined {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.'))
    .sort();
}

async function glossaryDigests(ctx: Context, shared: Record<string, string>): Promise<GlossaryDigests> {
  const names = termFiles(ctx.glossaryDir);
  const compute = async (): Promise<GlossaryDigests> => {
    const { loadGlossary } = await import('../glossary/load.js');
    // throws the located errors (no folder, syntax, schema); the terms go to the jobs and the cache,
    // the entries as written to the digests
    const { terms, raw } = loadGlossary(ctx.glossaryDir);
    return { ...digestEntries(raw, (e) => termForms(e.term)), terms };
  };
  if (!names) return compute();
  const parts = [shared.tool, shared.converter, packagesDigest(['yaml', 'ajv'])];
  for (const name of names) parts.push(`${name}:${digest(readFileSync(path.join(ctx.glossaryDir, name)))}`);
  return keptInOut(ctx, GLOSSARY_CACHE, digest(parts.join('\n')), compute);
}

/** Digest and forms of each entry by id (entries sharing an id are digested together). */
export function digestEntries(raw: RawTermEntry[], formsOf: (e: RawTermEntry) => string[]): GlossaryDigests {
  const byId = new Map<string, RawTermEntry[]>();
  for (const e of raw) {
    const list = byId.get(e.id);
    if (list) list.push(e);
    else byId.set(e.id, [e]);
  }
  const glossary: Record<string, string> = {};
  const forms: Record<string, string[]> = {};
  for (const id of [...byId.keys()].sort()) {
    const group = byId.get(id)!;
    // digested as written: where an entry sits in its file does not matter
    const entries = group.map((e) => e.entry);
    glossary[id] = digestJson(entries.length === 1 ? entries[0] : entries.map((e) => digestJson(e)).sort());
    forms[id] = [...new Set(group.flatMap(formsOf))].sort();
  }
  return { glossary, forms };
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

/** Digest of the running code: the bundle's, written when it was built (scripts/bundle.mjs), or the compiled modules'. */
function codeDigest(): string {
  const bundled = bundleDir(import.meta.url);
  if (bundled) {
    try {
      return readFileSync(path.join(bundled, 'code-digest.txt'), 'utf8').trim();
    } catch {
      return dirDigest(bundled);
    }
  }
  return dirDigest(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
}

let toolDigestCache: string | undefined;
/** The tool's version plus a digest of its own code (so a code change rebuilds, even without a version bump). */
export function toolDigest(): string {
  if (toolDigestCache) return toolDigestCache;
  toolDigestCache = `${VERSION}+${codeDigest().slice(0, 12)}`;
  return toolDigestCache;
}

/** Fonts come from npm packages: their name and version identify them. */
export function fontsDigest(): string {
  return packagesDigest([...fontPackages(), 'pdfmake']);
}

/** Digest of npm packages' names and versions. */
export function packagesDigest(pkgs: string[]): string {
  const require = createRequire(import.meta.url);
  const ids: string[] = [];
  for (const pkg of pkgs) {
    ids.push(`${pkg}@${packageVersion(require, pkg) ?? '?'}`);
  }
  return digest(ids.join('\n'));
}

