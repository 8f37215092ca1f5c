// One source's build job: ingest → select → localize (zh-Hant, en) → QA → render (md + one-page PDF).
// Returns the files to write (the caller writes them atomically) and what the manifest records.
// The English brief is rendered only when every segment it needs has an accepted translation that
// passes QA; otherwise out/<slug>/<slug>.en.xlf lists exactly what the translator must do. Drafts
// (alignment, machine translation) fill in as the English policy says (build/english-policy.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { UserError, diagnostic, toPlain, type Diagnostic } from '../diagnostics.js';
import type { Brief, Lang, Segment, SourceDoc, Term } from '../model.js';
import { loadFiles, displayPath } from './load-source.js';
import { loadGlossary } from '../glossary/load.js';
import { createMatcher, rememberBoundaries, takeNewBoundaries, type TermMatcher } from '../glossary/match.js';
import { documentScope } from '../glossary/scope.js';
import { selectBrief } from '../select/index.js';
import { localizeBrief } from '../localize/brief.js';
import { createHantConverter } from '../localize/hant.js';
import { sourceHantConverter } from '../localize/source-hant.js';
import { rememberRomanizations, takeNewRomanizations } from '../localize/romanize.js';
import { parseTm, emptyTm, type TranslationMemory } from '../localize/tm.js';
import { exportXliff } from '../localize/roundtrip.js';
import { DEFAULT_ENGLISH, checkDraft, draftOf, type DraftCheck } from './english-policy.js';
import { runQa } from '../check/index.js';
import { checkBrief } from '../check/brief/index.js';
import { loadTemplates, templatesFromData, type Templates } from '../render/templates.js';
import { renderBriefSet } from '../render/fit.js';
import { scaleStyle } from '../render/templates.js';
import { ALL_FORMATS } from './formats.js';
import { docSegments } from '../ingest/walk.js';
import { digest } from './digest.js';
import type { SharedInputs } from './inputs.js';
import type { JobFile, JobResult, JobTask } from './job-types.js';
import type { SourceFacts } from './manifest.js';
import { addThumbnails } from './thumbnails.js';
import type { WireResult } from './pool.js';
import type { ThumbnailDrawer } from '../render/thumbnail.js';

export interface JobContext {
  ctx: Context;
  terms: Term[];
  matcher: TermMatcher;
  templates: Templates;
  toHant: (s: string) => string;
  /** Who draws thumbnails (default: the job's own thread; see render/thumbnail.ts). */
  drawer?: ThumbnailDrawer;
}

export async function createJobContext(shared: SharedInputs): Promise<JobContext> {
  const ctx: Context = {
    cwd: shared.cwd,
    sourcesDir: shared.sourcesDir,
    glossaryDir: shared.glossaryDir,
    templatesDir: shared.templatesDir,
    outDir: shared.outDir,
    json: false,
    quiet: true,
  };
  const terms = shared.terms ?? loadGlossary(shared.glossaryDir).terms;
  rememberRomanizations(shared.romanized);
  rememberBoundaries(shared.boundaries);
  return {
    ctx,
    terms,
    matcher: createMatcher(terms),
    templates: shared.templates ? templatesFromData(shared.templates) : loadTemplates(shared.templatesDir),
    toHant: createHantConverter({ terms }),
  };
}

export async function runJobWire(task: JobTask, jc: JobContext): Promise<WireResult> {
  const r = await runJob(task, jc);
  return { ...r, diagnostics: r.diagnostics.map(toPlain) };
}

export async function runJob(task: JobTask, jc: JobContext): Promise<JobResult> {
  const result = await buildSource(task, jc);
  const romanized = takeNewRomanizations();
  const boundaries = takeNewBoundaries();
  return {
    ...result,
    ...(Object.keys(romanized).length ? { romanized } : {}),
    ...(Object.keys(boundaries).length ? { boundaries } : {}),
  };
}

async function buildSource(task: JobTask, jc: JobContext): Promise<JobResult> {
  const { files } = task;
  const slug = files.slug;
  const failed = (diagnostics: Diagnostic[], terms: string[] = []): JobResult => ({
    slug,
    status: 'failed',
    files: [],
    terms,
    needsTranslation: 0,
    dropped: [],
    diagnostics,
  });
  // A source with no thumbnails from an earlier build will draw some: MuPDF starts loading now, and
  // compiles its WebAssembly in the background while the briefs are made
  if (!task.thumbs && !task.drawLater && (task.formats ?? ALL_FORMATS).includes('png')) {
    if (jc.drawer) jc.drawer.preload();
    else void import('../render/thumbnail.js').then((m) => m.preloadRasterizer());
  }
  let doc: SourceDoc;
  const diagnostics: Diagnostic[] = [];
  try {
    const loaded = await loadFiles(jc.ctx, files);
    doc = loaded.doc;
    diagnostics.push(...loaded.diagnostics);
  } catch (err) {
    if (err instanceof UserError) return failed(err.diagnostics);
    throw err;
  }
  // a brief of nothing is no brief: say so, rather than write a page with an empty title
  if (![...docSegments(doc)].some((v) => v.role !== 'title'))
    return failed([
      ...diagnostics,
      diagnostic({ rule: 'build:empty-source', file: displayPath(jc.ctx, files.sourcePath), reason: 'nothing to brief: the source has no text besides its title' }),
    ]);
  // the glossary entries the briefs can depend on, as selection found them (no second scan of the text)
  // the glossary as this document's scope has it (names inside longer names, short names, subjects)
  const matcher = documentScope(jc.matcher, [...docSegments(doc)].map((v) => v.segment.text)).matcher;
  // the publisher's English (source.en.*, or a bilingual source's own), aligned once: selection prefers
  // sentences it gives English for, and the English policy may use its pairs as drafts
  const alignment = await (await import('../align/build-drafts.js')).alignForBuild(jc.ctx, files, doc, matcher);
  const hasEnglish = alignment ? (await import('../align/index.js')).keptEnglish(alignment) : undefined;
  const { brief: hans, termIds: usedTerms } = selectBrief(doc, jc.terms, { findTerms: (t) => matcher.find(t, 'zh-Hans'), hasEnglish });
  // a brief is never published without a title: say where one could come from
  if (!hans.title.trim())
    return failed(
      [
        ...diagnostics,
        diagnostic({
          rule: 'build:no-title',
          file: displayPath(jc.ctx, files.sourcePath),
          place: { line: 1, column: 1 },
          reason: `no title found in the source: give one in ${displayPath(jc.ctx, path.join(files.dir, 'meta.yaml'))} (title: …)`,
        }),
      ],
      usedTerms,
    );
  // the brief checks (check/brief/): an error there is a misquote or residue, and fails the source
  diagnostics.push(...checkBrief(hans, doc, { file: displayPath(jc.ctx, files.sourcePath), terms: jc.terms }));
  // a source written in Traditional characters is quoted in its own characters (see source-hant.ts)
  const toHant = doc.traditional
    ? sourceHantConverter({ original: doc.traditional.original, simplified: doc.traditional.simplified, convert: jc.toHant, terms: jc.terms })
    : jc.toHant;
  const hant = localizeBrief(hans, 'zh-Hant', { toHant, translate: () => undefined, terms: jc.terms, meta: doc.meta }).brief;

  // English from the translators' file; every translation used is checked before it reaches a brief.
  let tm: TranslationMemory = emptyTm();
  const xlfFile = files.xliffPath ? displayPath(jc.ctx, files.xliffPath) : undefined;
  if (files.xliffPath) {
    try {
      tm = parseTm(readFileSync(files.xliffPath, 'utf8'), xlfFile);
    } catch (err) {
      if (err instanceof UserError) return failed([...diagnostics, ...err.diagnostics], usedTerms);
      // whatever went wrong reading it, it is the translators' file that is at fault, not the source
      return failed([...diagnostics, diagnostic({ rule: 'localize:unreadable-xliff', file: xlfFile, reason: `cannot read ${xlfFile}: ${err instanceof Error ? err.message : String(err)}` })], usedTerms);
    }
  }
  const bySegId = segmentsById(doc);
  const sourceFile = displayPath(jc.ctx, files.sourcePath);
  const policy = task.english ?? DEFAULT_ENGLISH;
  // the publisher's English: aligned pairs join the TM as drafts
  if (policy !== 'reviewed' && alignment) tm = (await import('../align/build-drafts.js')).withAlignedDrafts(tm, alignment);
  // drafts are checked once each (every QA rule and the length ratio); one that fails is a warning, kept out
  const draftChecks = new Map<string, DraftCheck>();
  const checkedDraft = (id: string, text: string): DraftCheck | undefined => {
    if (draftChecks.has(id)) return draftChecks.get(id);
    const d = draftOf(tm, id);
    if (!d) return undefined;
    const c = checkDraft({ segment: bySegId.get(id) ?? synthetic(id, text, doc), target: d.target, source: sourceFile, origin: d.origin }, { terms: jc.terms, matcher });
    draftChecks.set(id, c);
    return c;
  };
  const english = (useDrafts: boolean) => {
    const used: { id: string; text: string; target: string }[] = [];
    const origins = new Set<string>();
    const en = localizeBrief(hans, 'en', {
      toHant: jc.toHant,
      terms: jc.terms,
      meta: doc.meta,
      translate: (id, text) => {
        const r = tm.lookup({ id, text });
        if (r.status === 'exact') {
          used.push({ id, text, target: r.target });
          return r.target;
        }
        if (!useDrafts) return undefined;
        const c = checkedDraft(id, text);
        if (c?.target === undefined) return undefined;
        origins.add(c.origin);
        return c.target;
      },
    });
    return { en, used, origins: [...origins].sort() };
  };
  // auto: drafts only when they complete the brief; otherwise the reviewed English alone, as before
  let chosen = english(policy !== 'reviewed');
  if (policy === 'auto' && chosen.en.missing.length && chosen.origins.length) chosen = english(false);
  for (const c of draftChecks.values()) diagnostics.push(...c.diagnostics);
  const { en, used, origins } = chosen;
  const qa = runQa(
    used.map((u) => ({ segment: bySegId.get(u.id) ?? synthetic(u.id, u.text, doc), target: u.target, source: sourceFile })),
    { terms: jc.terms, matcher },
  );
  diagnostics.push(...qa);
  const qaErrors = qa.some((d) => d.fatal === true);

  const out: JobFile[] = [];
  const formats = new Set(task.formats ?? ALL_FORMATS);
  const add = (lang: Lang, ext: JobFile['record']['format'], data: string | Uint8Array, scale?: number) => {
    const rel = `${slug}/${slug}.${lang}.${ext}`;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    const record: JobFile['record'] = { path: rel, lang, format: ext, digest: digest(data), bytes };
    if (scale !== undefined) record.scale = scale;
    out.push({ path: rel, data, record });
  };

  const needs = en.missing;
  if (needs.length) {
    const segs = needs.map((m) => bySegId.get(m.id) ?? synthetic(m.id, m.text, doc));
    add('en', 'xlf', exportXliff(slug, segs, { terms: jc.terms, tm, matcher, sourceFile }));
    diagnostics.push(
      diagnostic({
        rule: 'build:needs-translation',
        severity: task.strict ? 'error' : 'warning',
        file: sourceFile,
        reason: `${needs.length} segment(s) of the English brief need a translation: see ${displayPath(jc.ctx, path.join(jc.ctx.outDir, slug, `${slug}.en.xlf`))}, then \`briefs xliff import\``,
      }),
    );
  }
  const briefs: Brief[] = [hans, hant];
  const draft = !needs.length && !qaErrors && origins.length ? { origins } : undefined;
  if (!needs.length && !qaErrors) briefs.push(draft ? { ...en.brief, draft } : en.brief);

  let rendered;
  try {
    rendered = await renderBriefSet(briefs, jc.templates, { date: doc.meta.date, scaleHints: task.scaleHints });
  } catch (err) {
    if (err instanceof UserError) return failed([...diagnostics, ...err.diagnostics], usedTerms);
    throw err;
  }
  for (const r of rendered) {
    if (r.pages !== 1)
      diagnostics.push(
        diagnostic({ rule: 'render:overflow', file: sourceFile, reason: `the ${r.lang} brief takes ${r.pages} pages even with every optional item dropped` }),
      );
    if (formats.has('md')) add(r.lang, 'md', r.markdown);
    if (formats.has('pdf')) add(r.lang, 'pdf', r.pdf, r.fontScale);
    if (formats.has('docx')) {
      const b = briefs.find((x) => x.lang === r.lang)!;
      const { renderDocx } = await import('../render/docx.js');
      add(
        r.lang,
        'docx',
        await renderDocx(r.markdown, {
          lang: r.lang,
          style: scaleStyle(jc.templates.style, r.fontScale),
          date: doc.meta.date,
          footer: b.sourceLine,
          pageLabel: jc.templates.labels[r.lang].page,
          meta: { title: b.title, subject: b.sourceLine, keywords: b.terms.map((x) => x.text).join(', ') },
        }),
      );
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const dropped = rendered[0]?.dropped ?? [];
  const hasErrors = diagnostics.some((d) => d.fatal === true);
  // thumbnails of the PDFs as laid out (written or not: --formats png without pdf still gets them)
  const toDraw = !hasErrors && formats.has('png') ? rendered.map((r) => ({ path: `${slug}/${slug}.${r.lang}.pdf`, lang: r.lang, data: r.pdf })) : undefined;
  if (toDraw && !task.drawLater) await addThumbnails(out, toDraw, slug, jc.ctx.outDir, task.thumbs, jc.drawer);
  return {
    ...(toDraw && task.drawLater ? { toDraw } : {}),
    slug,
    status: hasErrors ? 'failed' : needs.length ? 'needs-translation' : 'built',
    files: hasErrors ? [] : out,
    terms: usedTerms,
    needsTranslation: needs.length,
    dropped,
    diagnostics,
    facts: factsOf(doc),
    ...(draft ? { draft } : {}),
  };
}

/** Title, date and publisher as the preview page shows them. */
function factsOf(doc: SourceDoc): SourceFacts {
  const m = doc.meta;
  const facts: SourceFacts = {};
  const title = m.title ?? m.shortTitle;
  if (title) facts.title = title;
  if (m.date) facts.date = m.date;
  const publisher = m.institution ?? m.outlet;
  if (publisher) facts.publisher = publisher;
  return facts;
}

function segmentsById(doc: SourceDoc): Map<string, Segment> {
  const m = new Map<string, Segment>();
  for (const v of docSegments(doc)) if (!m.has(v.segment.id)) m.set(v.segment.id, v.segment);
  return m;
}

/** A brief text that is not a whole source segment (a trimmed sentence, the title): placed where it starts. */
function synthetic(id: string, text: string, doc: SourceDoc): Segment {
  const probe = text.slice(0, 12);
  for (const v of docSegments(doc)) if (probe && v.segment.text.includes(probe)) return { id, text, place: v.segment.place, footnoteRefs: [] };
  return { id, text, place: { line: 1, column: 1 }, footnoteRefs: [] };
}


