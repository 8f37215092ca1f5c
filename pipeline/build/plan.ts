// Deciding what to rebuild: a source is rebuilt when any digest it depends on changed since the manifest,
// when a glossary entry it uses changed, or when a new or changed entry now occurs in its text.
import type { Manifest } from './manifest.js';

export interface SourceState {
  slug: string;
  /** Digests of the source's own inputs (source, meta, xliff). */
  inputs: Record<string, string>;
  /** The decoded source text, to see whether a new glossary entry occurs in it. */
  text: string;
}

export interface SharedState {
  /** Digests of inputs every source depends on (templates, labels, style, fonts, overrides, tool). */
  inputs: Record<string, string>;
  /** Digest of each glossary entry by id. */
  glossary: Record<string, string>;
  /** Chinese forms of each glossary entry (main forms and variants), to find new entries in texts. */
  forms: Record<string, string[]>;
}

export interface PlanItem {
  slug: string;
  build: boolean;
  reason: string;
}

export interface Plan {
  items: PlanItem[];
  /** Slugs in the manifest whose source is gone: their outputs are removed. */
  removed: string[];
}

export function planBuild(
  sources: SourceState[],
  shared: SharedState,
  manifest: Manifest,
  opts: { force?: boolean; damaged?: Set<string> } = {},
): Plan {
  const items = sources.map((src): PlanItem => {
    const rec = manifest.sources[src.slug];
    const why = (reason: string): PlanItem => ({ slug: src.slug, build: true, reason });
    if (opts.force) return why('--force');
    if (!rec) return why('new source');
    if (manifest.tool !== shared.inputs.tool) return why('tool version changed');
    if (rec.interrupted) return why('the last build was stopped while it replaced its outputs');
    if (rec.status === 'failed') return why('failed last time');
    if (opts.damaged?.has(src.slug)) return why('an output is missing or changed on disk');
    for (const k of Object.keys(src.inputs)) if (rec.inputs[k] !== src.inputs[k]) return why(`${k} changed`);
    for (const k of Object.keys(rec.inputs))
      if (!k.startsWith('shared:') && !(k in src.inputs)) return why(`${k} removed`);
    for (const k of Object.keys(shared.inputs))
      if (rec.inputs[`shared:${k}`] !== shared.inputs[k]) return why(`${k} changed`);
    const seen = manifest.glossaries[rec.glossary] ?? {};
    const used = new Set(rec.terms);
    for (const id of used) {
      if (!(id in shared.glossary)) return why(`glossary entry ${id} removed`);
      if (seen[id] !== shared.glossary[id]) return why(`glossary entry ${id} changed`);
    }
    for (const id of Object.keys(shared.glossary)) {
      if (seen[id] === shared.glossary[id]) continue;
      if (used.has(id)) continue;
      if ((shared.forms[id] ?? []).some((f) => f && src.text.includes(f))) return why(`glossary entry ${id} now occurs`);
    }
    return { slug: src.slug, build: false, reason: 'up to date' };
  });
  const present = new Set(sources.map((s) => s.slug));
  const removed = Object.keys(manifest.sources).filter((slug) => !present.has(slug)).sort();
  return { items, removed };
}
