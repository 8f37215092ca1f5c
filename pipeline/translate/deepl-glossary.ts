// DeepL's glossaries: one per set of glossary entries, named by their digest ("briefs-<digest>"), so a
// run with the same entries reuses the glossary made before (GET /v2/glossaries) instead of making more.
import { digestJson } from '../build/digest.js';
import { requestJson, type HttpOptions } from './http.js';
import type { TermHint } from './protocols.js';
import type { EngineSettings } from './settings.js';

/** Entries as DeepL takes them (TSV, one source once); forms with a tab or line break cannot be sent. */
export function glossaryEntries(terms: readonly TermHint[]): [string, string][] {
  const seen = new Map<string, string>();
  for (const t of terms) if (!/[\t\r\n]/.test(t.zh + t.en) && t.zh.trim() && t.en.trim() && !seen.has(t.zh)) seen.set(t.zh, t.en);
  return [...seen].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function glossaryName(entries: readonly [string, string][]): string {
  return `briefs-${digestJson(entries).slice(0, 16)}`;
}

/** The id of the DeepL glossary holding these entries, made if need be; undefined for no entries. */
export async function ensureDeeplGlossary(s: EngineSettings, terms: readonly TermHint[], http: HttpOptions): Promise<string | undefined> {
  const entries = glossaryEntries(terms);
  if (!entries.length) return undefined;
  const name = glossaryName(entries);
  const headers = { accept: 'application/json', 'content-type': 'application/json', ...(s.apiKey ? { authorization: `DeepL-Auth-Key ${s.apiKey}` } : {}) };
  const list = (await requestJson(`${s.endpoint}/v2/glossaries`, headers, undefined, { ...http, method: 'GET' })) as { glossaries?: { glossary_id?: string; name?: string; ready?: boolean }[] };
  const found = list.glossaries?.find((g) => g.name === name && typeof g.glossary_id === 'string');
  if (found) return found.glossary_id;
  const made = (await requestJson(
    `${s.endpoint}/v2/glossaries`,
    headers,
    { name, source_lang: 'zh', target_lang: 'en', entries: entries.map(([zh, en]) => `${zh}\t${en}`).join('\n'), entries_format: 'tsv' },
    http,
  )) as { glossary_id?: string };
  if (typeof made.glossary_id !== 'string') throw new Error('DeepL made no glossary (no glossary_id in its answer)');
  return made.glossary_id;
}
