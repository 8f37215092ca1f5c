// One page, exactly. If a brief overflows, all type shrinks step by step down to the floor in
// style.yaml; if it still overflows, the lowest-ranked optional items are dropped — the same items
// (by slot and index) in every language, so the three briefs stay parallel. Nothing is dropped
// silently: what was dropped is returned, for the build to report.
import { diagnostic, UserError } from '../diagnostics.js';
import type { Brief, BriefSlot, Lang } from '../model.js';
import { renderMarkdown } from './markdown.js';
import { layoutPdf } from './pdf.js';
import { scaleStyle, shortMessage, tooLarge, type Templates } from './templates.js';

export interface DroppedItem {
  /** Slot name, or "terms" for a key term. */
  slot: string;
  /** 0-based index in the slot (or in Brief.terms) of the brief as given. */
  index: number;
}

export interface RenderBriefSetOptions {
  /** The source's date (ISO): front matter and PDF dates. */
  date?: string;
  /** Source description for the front matter (defaults to each brief's source line). */
  source?: string;
  /**
   * Type scales to start fitting at, by language (e.g. what the last build settled on). A hint
   * saves layouts, never changes the result: the size is still proved to be the largest that fits.
   */
  scaleHints?: Partial<Record<Lang, number>>;
}

export interface RenderedBrief {
  lang: Lang;
  markdown: string;
  pdf: Buffer;
  pages: number;
  /** What was left out to fit one page, as "slot #n: text" in this brief's language (n is 1-based). */
  dropped: string[];
  droppedItems: DroppedItem[];
  /** Factor applied to every type size (1 = as in style.yaml). */
  fontScale: number;
  /** How many times this language was laid out to find its size (and what to drop). */
  layouts: number;
}

/**
 * pdfmake failing on what a template made (it may put all its data in the message, megabytes):
 * one short diagnostic naming the template and the brief.
 */
function pdfFailed(e: unknown, b: Brief, t: Templates): UserError {
  if (e instanceof UserError) return e;
  return new UserError(
    diagnostic({
      rule: 'render:pdf-failed',
      reason: `pdfmake cannot typeset the ${b.lang} brief of ${b.slug} from this template's Markdown (and style.yaml): ${shortMessage(e, 160)}`,
      file: t.files[b.kind] ?? `${b.kind}.md.hbs`,
    }),
  );
}

/**
 * A brief as selected takes a page or two before fitting; a layout of more pages is a template
 * repeating itself, and fitting it would lay out documents of that size a dozen times.
 */
export const MAX_LAID_OUT_PAGES = 10;

/** Slots that must stay whole. */
const REQUIRED_SLOTS = new Set(['bottomLine']);
/** Slots whose top item must stay. */
const KEEP_TOP = new Set(['findings', 'keyPoints']);
/** Without scores, these go first (lower = dropped earlier). */
const SLOT_PRIORITY: Record<string, number> = { voices: 0, positions: 0, recommendations: 1, keyPoints: 2, findings: 2 };

function checkParallel(briefs: Brief[]): void {
  const [a] = briefs;
  const problems: string[] = [];
  for (const b of briefs.slice(1)) {
    if (b.slug !== a.slug) problems.push(`slug ${b.slug} ≠ ${a.slug}`);
    if (b.kind !== a.kind) problems.push(`${b.lang}: kind ${b.kind} ≠ ${a.kind}`);
    const shape = (x: Brief) => x.slots.map((s) => `${s.name}:${s.items.length}`).join(',') + `;terms:${x.terms.length}`;
    if (shape(b) !== shape(a)) problems.push(`${b.lang} has slots ${shape(b)}, ${a.lang} has ${shape(a)}`);
  }
  if (new Set(briefs.map((b) => b.lang)).size !== briefs.length) problems.push('a language appears twice');
  if (problems.length)
    throw new UserError(
      diagnostic({ rule: 'render:not-parallel', reason: `briefs of ${a.slug} are not parallel: ${problems.join('; ')}` }),
    );
}

/** Optional items, the first to drop first. Ranks come from the scores, averaged over the languages. */
export function dropOrder(briefs: Brief[]): DroppedItem[] {
  const [a] = briefs;
  const cands: { item: DroppedItem; score: number; slotNo: number; prio: number }[] = [];
  a.slots.forEach((slot, slotNo) => {
    if (REQUIRED_SLOTS.has(slot.name)) return;
    const scores = slot.items.map((_, i) => {
      const xs = briefs.map((b) => b.slots[slotNo].items[i].score).filter((x): x is number => typeof x === 'number');
      return xs.length ? xs.reduce((p, q) => p + q, 0) / xs.length : -Infinity;
    });
    let top = -1;
    if (KEEP_TOP.has(slot.name) && slot.items.length) {
      top = 0;
      scores.forEach((s, i) => {
        if (s > scores[top]) top = i;
      });
    }
    slot.items.forEach((_, index) => {
      if (index === top) return;
      cands.push({ item: { slot: slot.name, index }, score: scores[index], slotNo, prio: SLOT_PRIORITY[slot.name] ?? 1 });
    });
  });
  cands.sort((x, y) => x.score - y.score || x.prio - y.prio || y.item.index - x.item.index || y.slotNo - x.slotNo);
  // Key terms last, from the end of the table.
  const terms = a.terms.map((_, index) => ({ slot: 'terms', index })).reverse();
  return [...cands.map((c) => c.item), ...terms];
}

function without(brief: Brief, drop: DroppedItem[]): Brief {
  if (!drop.length) return brief;
  const gone = new Set(drop.map((d) => `${d.slot}#${d.index}`));
  return {
    ...brief,
    slots: brief.slots.map((s): BriefSlot => ({ ...s, items: s.items.filter((_, i) => !gone.has(`${s.name}#${i}`)) })),
    terms: brief.terms.filter((_, i) => !gone.has(`terms#${i}`)),
  };
}

function describe(brief: Brief, d: DroppedItem): string {
  const text = d.slot === 'terms' ? brief.terms[d.index]?.text : brief.slots.find((s) => s.name === d.slot)?.items[d.index]?.text;
  const short = text && text.length > 40 ? text.slice(0, 40) + '…' : text ?? '';
  return `${d.slot} #${d.index + 1}: ${short}`;
}

/** Scales to try, largest first: 1, 1 − step, … down to the floor (minBodySize / body). */
export function scaleSteps(t: Templates): number[] {
  const floor = t.style.fit.minBodySize / t.style.sizes.body;
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const s = Math.round((1 - k * t.style.fit.step) * 1e6) / 1e6;
    if (s <= floor + 1e-9) break;
    out.push(s);
  }
  out.push(Math.round(floor * 1e6) / 1e6);
  return out;
}

/** Smallest index i in [lo, hi) with pred(i) true, assuming pred is monotonic; hi if none. */
async function firstTrue(lo: number, hi: number, pred: (i: number) => Promise<boolean>): Promise<number> {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (await pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the largest scale at most `scale` (steps are largest first); the floor if none. */
function stepAtMost(steps: number[], scale: number): number {
  const i = steps.findIndex((s) => s <= scale + 1e-9);
  return i < 0 ? steps.length - 1 : i;
}

/**
 * Index of the largest scale (steps are largest first) at which `probe` lays out on one page;
 * steps.length if none. Full size is tried first (or `hint`): most briefs fit as they are. An overflow's content
 * height predicts the scale that fits (height grows about with the square of the type scale), and
 * the neighbours of the prediction settle it — usually one or two more layouts, where a binary
 * search over the sizes always takes three. Assumes, as any search here, that what fits at a size
 * fits at smaller ones.
 */
export async function largestFitting(
  steps: number[],
  probe: (i: number) => Promise<{ pages: number; fill: number }>,
  /** Where to start instead of full size, e.g. the size another language of the same brief took. */
  hint = 0,
): Promise<number> {
  let fitsAt = steps.length; // smallest index known to fit
  let failsAt = -1; // largest index known to overflow
  let guess = Math.min(Math.max(hint, 0), steps.length - 1);
  while (failsAt + 1 < fitsAt) {
    const i = Math.min(Math.max(guess, failsAt + 1), fitsAt - 1);
    const r = await probe(i);
    if (r.pages <= 1) {
      fitsAt = i;
      guess = i - 1;
    } else {
      failsAt = i;
      guess = Math.max(stepAtMost(steps, steps[i] / Math.sqrt(Math.max(r.fill, 1))), i + 1);
    }
  }
  return fitsAt;
}

/**
 * Render one brief in every language to Markdown and a one-page PDF. `briefs` hold the same
 * slug in each language, parallel (same slots, same item counts).
 */
export async function renderBriefSet(briefs: Brief[], t: Templates, opts: RenderBriefSetOptions = {}): Promise<RenderedBrief[]> {
  if (!briefs.length) return [];
  checkParallel(briefs);
  const steps = scaleSteps(t);
  const floorIdx = steps.length - 1;
  const order = dropOrder(briefs);

  const mdCache = new Map<string, string>();
  const markdownFor = (b: Brief, k: number): string => {
    const key = `${b.lang}|${k}`;
    let md = mdCache.get(key);
    if (md === undefined) {
      md = renderMarkdown(without(b, order.slice(0, k)), t, { date: opts.date, source: opts.source });
      mdCache.set(key, md);
    }
    return md;
  };
  const pdfOpts = (b: Brief, scaleIdx: number) => ({
    lang: b.lang,
    style: scaleStyle(t.style, steps[scaleIdx]),
    date: opts.date,
    footer: b.sourceLine,
    pageLabel: t.labels[b.lang].page,
    meta: { title: b.title, author: b.sourceLine, subject: b.sourceLine, keywords: b.terms.map((x) => x.text).join(', ') },
  });
  // A probe lays a document out without finishing it; the probe that decides a language's size is
  // finished into the PDF itself (same definition, same bytes), so the chosen layout is never redone.
  const probes = new Map<string, { pages: number; fill: number; finish: () => Promise<Buffer> }>();
  const layouts = new Map<Lang, number>();
  const probe = async (b: Brief, k: number, scaleIdx: number) => {
    const key = `${b.lang}|${k}|${scaleIdx}`;
    let p = probes.get(key);
    if (!p) {
      const md = markdownFor(b, k);
      try {
        p = await layoutPdf(md, pdfOpts(b, scaleIdx));
      } catch (e) {
        throw pdfFailed(e, b, t);
      }
      if (p.pages > MAX_LAID_OUT_PAGES)
        throw tooLarge(
          t.files[b.kind] ?? `${b.kind}.md.hbs`,
          `the ${b.lang} brief of ${b.slug} takes ${p.pages} pages as the template renders it: a one-page brief is not fitted from more than ${MAX_LAID_OUT_PAGES}`,
        );
      probes.set(key, p);
      layouts.set(b.lang, (layouts.get(b.lang) ?? 0) + 1);
    }
    return p;
  };
  const fits = async (b: Brief, k: number, scaleIdx: number) => (await probe(b, k, scaleIdx)).pages <= 1;
  // zh-Hant is zh-Hans converted, character for character: it nearly always takes the same size,
  // so its search starts there (the result is the same, with a layout less). A size given for the
  // language (opts.scaleHints) comes first; hints hold for the brief without drops.
  const hans = briefs.findIndex((x) => x.lang === 'zh-Hans');
  const given = (lang: Lang) => {
    const scale = opts.scaleHints?.[lang];
    const i = scale === undefined ? -1 : steps.findIndex((s) => Math.abs(s - scale) < 1e-9);
    return i >= 0 ? i : undefined;
  };
  const largest = (b: Brief, k: number, sizes: number[]) => {
    const hint = (k === 0 ? given(b.lang) : undefined) ?? (b.lang === 'zh-Hant' && hans >= 0 && sizes[hans] !== undefined ? sizes[hans] : 0);
    return largestFitting(steps, (i) => probe(b, k, i), hint);
  };

  // Largest type at which each language fits as it is: the common case needs no drops, and the
  // floor is probed only when every larger size overflows.
  let k = 0;
  let sizes: number[] = [];
  for (const b of briefs) sizes.push(await largest(b, 0, sizes));
  if (sizes.some((i) => i >= steps.length)) {
    // Fewest drops with which every language fits at the floor size.
    const allAt = async (kk: number) => {
      for (const b of briefs) if (!(await fits(b, kk, floorIdx))) return false;
      return true;
    };
    k = await firstTrue(1, order.length + 1, allAt);
    if (k > order.length) k = order.length; // even the required parts overflow: reported through `pages`
    sizes = [];
    for (const b of briefs) sizes.push(await largest(b, k, sizes));
  }
  const drop = order.slice(0, k);

  const out: RenderedBrief[] = [];
  for (const [n, b] of briefs.entries()) {
    const idx = Math.min(sizes[n], floorIdx);
    const markdown = markdownFor(b, k);
    const chosen = await probe(b, k, idx);
    // Probes not chosen are dropped unfinished; only the chosen one is written out.
    for (const key of probes.keys()) if (key.startsWith(`${b.lang}|`) && key !== `${b.lang}|${k}|${idx}`) probes.delete(key);
    let pdf: Buffer;
    try {
      pdf = await chosen.finish();
    } catch (e) {
      throw pdfFailed(e, b, t);
    }
    out.push({
      lang: b.lang,
      markdown,
      pdf,
      pages: chosen.pages,
      dropped: drop.map((d) => describe(b, d)),
      droppedItems: drop.map((d) => ({ ...d })),
      fontScale: steps[idx],
      layouts: layouts.get(b.lang) ?? 0,
    });
  }
  return out;
}
