// `briefs translate`: for each source, the texts its English brief needs (or, with all, every segment)
// that have no English yet go to the engine, a few at a time; answers land in the cache as they come
// and, per source, in sources/<slug>/en.xlf as drafts (origin mt:<engine>/<model>, state translated).
// A segment the engine failed is reported at its place in the source and stays untranslated.
import type { Context } from '../context.js';
import type { Segment } from '../model.js';
import { diagnostic, UserError, type Diagnostic } from '../diagnostics.js';
import type { TermFinder } from '../check/matcher.js';
import { listSources } from '../build/sources.js';
import { digestJson } from '../build/digest.js';
import { loadSourceSegments } from '../localize/source-segments.js';
import { loadGlossaryForCli, loadTm, displayPath } from '../localize/support.js';
import { USABLE_STATES, type TmUnit } from '../localize/tm.js';
import { mergeDrafts } from '../build/draft-file.js';
import { mtOrigin } from '../localize/origin.js';
import { TranslationCache } from './cache.js';
import { ensureDeeplGlossary } from './deepl-glossary.js';
import { DEFAULT_HTTP, EngineError, requestJson, type HttpOptions } from './http.js';
import { buildRequest, parseAnswer, type SegmentRequest, type TermHint } from './protocols.js';
import type { EngineSettings } from './settings.js';

export interface TranslateOptions {
  slugs: string[];
  all?: boolean;
  settings: EngineSettings;
  http?: Partial<HttpOptions>;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Called as segments finish (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Called once the number of segments to translate is known. */
  onStart?: (total: number) => void;
}

export interface SourceOutcome {
  slug: string;
  file: string;
  /** Segments sent or found in the cache. */
  asked: number;
  fromCache: number;
  translated: string[];
  failed: string[];
  written: boolean;
}

export interface TranslateSummary {
  origin: string;
  sources: SourceOutcome[];
  diagnostics: Diagnostic[];
}

/** The glossary terms in a Chinese text, with their required English and forbidden variants. */
export function termHints(text: string, matcher: TermFinder): TermHint[] {
  const seen = new Set<string>();
  const out: TermHint[] = [];
  for (const m of matcher.find(text, 'zh-Hans')) {
    if (m.kind === 'forbidden' || seen.has(m.term.id)) continue;
    seen.add(m.term.id);
    out.push({ zh: m.form, en: m.term.en, forbidden: (m.term.forbidden.en ?? []).map((f) => f.term) });
  }
  return out;
}

/** One neighbour on each side, skipping texts the brief derived from the same sentence. */
function neighbours(all: readonly Segment[], k: number): { before: string[]; after: string[] } {
  const me = all[k].text;
  const related = (t: string) => t === me || t.includes(me) || me.includes(t);
  let i = k - 1;
  while (i >= 0 && related(all[i].text)) i--;
  let j = k + 1;
  while (j < all.length && related(all[j].text)) j++;
  return { before: i >= 0 ? [all[i].text] : [], after: j < all.length ? [all[j].text] : [] };
}

/** Run `fn` over items with at most `limit` at once; results in item order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

interface Job {
  slug: string;
  sourceFile: string;
  seg: Segment;
  req: SegmentRequest;
  glossary: string;
}

export async function translateSources(ctx: Context, opts: TranslateOptions): Promise<TranslateSummary> {
  const s = opts.settings;
  const origin = mtOrigin(s.engine, s.model);
  const http: HttpOptions = { ...DEFAULT_HTTP, ...opts.http, ...(s.apiKey ? { secret: s.apiKey } : {}) };
  const glossary = await loadGlossaryForCli(ctx);
  const diagnostics: Diagnostic[] = [...glossary.diagnostics];
  const refs = opts.slugs.length ? opts.slugs : listSources(ctx.sourcesDir, { followSymlinks: ctx.followSymlinks }).map((x) => x.slug);
  const cache = TranslationCache.inOut(ctx.outDir);

  // what each source needs: segments with no English at all (a draft, a translator's or reviewed English is kept)
  const perSource: { slug: string; dir: string; tmFile: string; jobs: Job[] }[] = [];
  for (const ref of refs) {
    const src = await loadSourceSegments(ctx, ref, glossary.terms);
    diagnostics.push(...src.diagnostics);
    const { tm, file: tmFile } = loadTm(src.files.dir);
    const wanted = opts.all ? src.segments : (src.needed ?? src.segments);
    const sourceFile = displayPath(src.files.sourcePath);
    const index = new Map(src.segments.map((x, k) => [x.id, k]));
    const jobs: Job[] = [];
    const seen = new Set<string>();
    for (const seg of wanted) {
      if (seen.has(seg.id)) continue;
      seen.add(seg.id);
      const u = tm.get(seg.id);
      if (u && u.target.trim() !== '' && USABLE_STATES.includes(u.state)) continue;
      if (!/\p{Script=Han}/u.test(seg.text)) continue; // nothing Chinese to translate
      const terms = termHints(seg.text, glossary.matcher);
      const k = index.get(seg.id);
      const ctxText = k === undefined ? { before: [], after: [] } : neighbours(src.segments, k);
      jobs.push({ slug: src.files.slug, sourceFile, seg, glossary: digestJson(terms), req: { id: seg.id, text: seg.text, terms, ...ctxText } });
    }
    perSource.push({ slug: src.files.slug, dir: src.files.dir, tmFile, jobs });
  }

  const all = perSource.flatMap((p) => p.jobs);
  opts.onStart?.(all.length);
  // DeepL: one glossary for every term this run sends, made once (or found again by its digest name)
  let glossaryId: string | undefined;
  if (s.engine === 'deepl' && all.some((j) => j.req.terms.length)) {
    try {
      glossaryId = await ensureDeeplGlossary(s, all.flatMap((j) => j.req.terms), http);
    } catch (err) {
      throw new UserError(diagnostic({ rule: 'translate:engine-failed', reason: `DeepL glossary: ${(err as Error).message}` }));
    }
  }

  let done = 0;
  const results = await mapLimit(all, Math.max(1, opts.concurrency ?? 4), async (job) => {
    const key = { id: job.seg.id, text: job.seg.text, engine: s.engine, model: s.model, glossary: job.glossary };
    const cached = cache.get(key);
    let out: { job: Job; target?: string; cached?: boolean; error?: string };
    if (cached !== undefined) out = { job, target: cached, cached: true };
    else {
      try {
        const r = buildRequest(s, job.req, { glossaryId });
        const answer = parseAnswer(s, await requestJson(r.url, r.headers, r.body, http));
        if (answer instanceof Error) throw new EngineError(answer.message);
        cache.set(key, answer);
        out = { job, target: answer };
      } catch (err) {
        out = { job, error: err instanceof Error ? err.message : String(err) };
      }
    }
    opts.onProgress?.(++done, all.length);
    return out;
  });

  const sources: SourceOutcome[] = [];
  for (const p of perSource) {
    const mine = results.filter((r) => r.job.slug === p.slug);
    const drafts: TmUnit[] = [];
    const failed: string[] = [];
    for (const r of mine) {
      if (r.target !== undefined) drafts.push({ id: r.job.seg.id, source: r.job.seg.text, target: r.target, state: 'translated', origin });
      else {
        failed.push(r.job.seg.id);
        diagnostics.push(
          diagnostic({
            rule: 'translate:segment-failed',
            file: r.job.sourceFile,
            place: r.job.seg.place,
            reason: `segment ${r.job.seg.id} was not translated by ${s.engine}: ${r.error}; it is left untranslated`,
            data: { segmentId: r.job.seg.id },
          }),
        );
      }
    }
    const merged = drafts.length ? mergeDrafts(p.tmFile, p.slug, drafts) : undefined;
    sources.push({
      slug: p.slug,
      file: p.tmFile,
      asked: mine.length,
      fromCache: mine.filter((r) => r.cached).length,
      translated: drafts.map((d) => d.id),
      failed,
      written: merged?.written ?? false,
    });
  }
  return { origin, sources, diagnostics };
}

