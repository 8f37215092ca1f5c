// `briefs build --english reviewed|draft|auto` on a seed source whose English is turned into drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBuild } from '../../pipeline/build/run.js';
import { makeRunner } from '../../pipeline/build/pool.js';
import { makeReporter } from '../../pipeline/build/report.js';
import type { BuildEvent } from '../../pipeline/build/events.js';
import type { EnglishPolicy } from '../../pipeline/build/english-policy.js';
import { parseTm, writeTm, type TmUnit } from '../../pipeline/localize/tm.js';
import { qaSources } from '../../pipeline/localize/qa-run.js';
import { pdfToText } from '../../pipeline/ingest/formats/pdf.js';
import { lengthRatio, MIN_SOURCE_CHARS } from '../../pipeline/check/rules/length-ratio.js';
import { project, SEED } from './helpers.js';

const ORIGIN = 'mt:openai/qwen2.5';
let p: ReturnType<typeof project>;
let reviewed: TmUnit[];

beforeAll(() => {
  p = project({ withEnglish: true });
  reviewed = [...parseTm(readFileSync(p.xlf, 'utf8')).units.values()];
});
afterAll(() => p.cleanup());

/** en.xlf with the units chosen by `how`: kept reviewed, made drafts, dropped, or given another English. */
function english(how: (u: TmUnit, i: number) => 'reviewed' | 'draft' | 'drop' | { draft: string }): void {
  const units: TmUnit[] = [];
  reviewed.forEach((u, i) => {
    const h = how(u, i);
    if (h === 'drop') return;
    if (h === 'reviewed') units.push(u);
    else units.push({ ...u, target: h === 'draft' ? u.target : h.draft, state: 'translated', origin: ORIGIN, score: 0.9 });
  });
  writeFileSync(p.xlf, writeTm(SEED, units));
}

async function build(policy?: EnglishPolicy) {
  const events: BuildEvent[] = [];
  rmSync(p.ctx.outDir, { recursive: true, force: true });
  await runBuild(p.ctx, { force: true, workers: 0, onEvent: (e) => events.push(e), ...(policy ? { english: policy } : {}) }, makeRunner);
  const done = events.find((e) => e.type === 'done') as Extract<BuildEvent, { type: 'done' }>;
  const out = (lang: string, ext: string) => path.join(p.ctx.outDir, SEED, `${SEED}.${lang}.${ext}`);
  const manifest = JSON.parse(readFileSync(path.join(p.ctx.outDir, 'manifest.json'), 'utf8'));
  return { done, out, record: manifest.sources[SEED], events };
}


describe('--english', () => {
  it('auto with drafts for everything: a draft brief, marked in front matter, banner (md and pdf), manifest and events', async () => {
    english(() => 'draft');
    const { done, out, record } = await build();
    expect(done.status).toBe('built');
    expect(done.draft).toEqual({ origins: [ORIGIN] });
    expect(record.draft).toEqual({ origins: [ORIGIN] });
    const md = readFileSync(out('en', 'md'), 'utf8');
    const fm = md.split('\n---\n')[0];
    expect(fm).toMatch(/^draft: true$/m);
    expect(fm).toMatch(/^origins:\n {2}- mt:openai\/qwen2\.5$/m);
    // the banner is the first thing after the front matter
    const body = md.slice(md.indexOf('\n---\n') + 5).trimStart();
    expect(body.split('\n')[0]).toBe('> **Draft translation — not reviewed:** machine translation (openai, qwen2.5).');
    const pdf = await pdfToText(readFileSync(out('en', 'pdf')), 'en.pdf');
    const top = pdf.text.trim().split('\n').slice(0, 3).join(' ');
    expect(top).toMatch(/Draft translation — not reviewed/);
    expect(top).toMatch(/machine translation \(openai, qwen2\.5\)/);
    // the Chinese briefs are nobody's draft
    expect(readFileSync(out('zh-Hans', 'md'), 'utf8')).not.toMatch(/draft|Draft/);
  });

  it('reviewed: drafts are not used; the brief waits for a translator', async () => {
    english(() => 'draft');
    const { done, out, record } = await build('reviewed');
    expect(done.status).toBe('needs-translation');
    // as many as with no English at all
    english(() => 'drop');
    const none = await build('reviewed');
    expect(none.done.needsTranslation).toBeGreaterThan(0);
    expect(done.needsTranslation).toBe(none.done.needsTranslation);
    expect(existsSync(out('en', 'md'))).toBe(false);
    expect(record.draft).toBeUndefined();
    expect(record.inputs.english).toBe('reviewed');
  });

  it('reviewed English where there is some, drafts for the rest: origins of the drafts only', async () => {
    english((_u, i) => (i % 2 ? 'draft' : 'reviewed'));
    const { done, out } = await build('auto');
    expect(done.status).toBe('built');
    expect(done.draft).toEqual({ origins: [ORIGIN] });
    const md = readFileSync(out('en', 'md'), 'utf8');
    // every reviewed unit the brief uses (en.xlf may hold units of sentences the brief no longer shows)
    const zh = readFileSync(out('zh-Hans', 'md'), 'utf8');
    const used = reviewed.filter((u, i) => i % 2 === 0 && zh.includes(u.source.replace(/……$/, '').slice(0, 20)));
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) expect(md.replace(/\\/g, '')).toContain(u.target.slice(0, 20));
  });

  it('auto uses no draft unless the drafts complete the brief; draft fills what it can', async () => {
    english((_u, i) => (i === 0 ? 'drop' : i % 2 ? 'draft' : 'reviewed'));
    const drafts = reviewed.filter((_u, i) => i % 2).length;
    const auto = await build('auto');
    expect(auto.done.status).toBe('needs-translation');
    // as with reviewed: everything not reviewed is still to do
    expect(auto.done.needsTranslation).toBe(1 + drafts);
    expect(auto.done.draft).toBeUndefined();
    const draft = await build('draft');
    expect(draft.done.status).toBe('needs-translation');
    expect(draft.done.needsTranslation).toBe(1);
    expect(existsSync(draft.out('en', 'md'))).toBe(false);
  });

  it('a draft that fails QA is a warning on its segment and is kept out of the brief', async () => {
    // one draft loses its figures and terms: a truncated engine answer
    english((_u, i) => (i === 1 ? { draft: 'Yes.' } : 'draft'));
    const auto = await build('auto');
    const rejected = auto.done.diagnostics.filter((d) => d.source === 'localize' && d.ruleId === 'draft-rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((d) => d.fatal === false)).toBe(true);
    expect(rejected.every((d) => d.reason.startsWith('a draft (mt:openai/qwen2.5) is kept out of the brief: check:'))).toBe(true);
    expect(rejected.some((d) => /check:length-ratio: the English is 4 characters for \d+ Chinese ones/.test(d.reason))).toBe(true);
    expect(rejected[0].line).toBeGreaterThan(0);
    expect(auto.done.status).toBe('needs-translation');
    const draft = await build('draft');
    expect(draft.done.needsTranslation).toBe(1);
  });

  it('briefs qa checks the length of drafts, not of a person’s English', async () => {
    const long = reviewed.findIndex((u) => u.source.length >= 20);
    english((_u, i) => (i === long ? { draft: 'Yes.' } : 'reviewed'));
    const asDraft = await qaSources(p.ctx, [SEED]);
    const flagged = asDraft.diagnostics.filter((d) => d.ruleId === 'length-ratio');
    expect(flagged.map((d) => (d as { data?: { segmentId?: string } }).data?.segmentId)).toEqual([reviewed[long].id]);
    english((_u, i) => (i === long ? 'drop' : 'reviewed'));
    const units = [...parseTm(readFileSync(p.xlf, 'utf8')).units.values(), { ...reviewed[long], target: 'Yes.' }];
    writeFileSync(p.xlf, writeTm(SEED, units));
    const asReviewed = await qaSources(p.ctx, [SEED]);
    expect(asReviewed.diagnostics.filter((d) => d.ruleId === 'length-ratio')).toEqual([]);
  });

  it('changing the policy rebuilds; the same policy again does not', async () => {
    english(() => 'draft');
    rmSync(p.ctx.outDir, { recursive: true, force: true });
    const run = async (english?: EnglishPolicy) => {
      const events: BuildEvent[] = [];
      await runBuild(p.ctx, { workers: 0, onEvent: (e) => events.push(e), ...(english ? { english } : {}) }, makeRunner);
      return events.filter((e) => e.type === 'start' || e.type === 'skip').map((e) => ('reason' in e ? e.type : ''));
    };
    expect(await run()).toEqual(['start']);
    expect(await run('auto')).toEqual(['skip']);
    expect(await run('reviewed')).toEqual(['start']);
    expect(await run('reviewed')).toEqual(['skip']);
    expect(await run()).toEqual(['start']);
  });

  it('the build table says a brief is a draft', () => {
    const lines: string[] = [];
    const sink = { write: (s: string) => lines.push(s), isTTY: false } as unknown as NodeJS.WriteStream;
    const r = makeReporter({ ...p.ctx, quiet: false, json: false }, sink, sink);
    r.onEvent({ type: 'done', slug: 'a', status: 'built', outputs: ['x', 'y'], needsTranslation: 0, dropped: [], diagnostics: [], draft: { origins: [ORIGIN] }, ms: 1 });
    r.onEvent({ type: 'done', slug: 'b', status: 'built', outputs: ['x'], needsTranslation: 0, dropped: [], diagnostics: [], ms: 1 });
    r.finish({ built: 2, needsTranslation: 0, failed: 0, skipped: 0, removed: 0, results: [] });
    const table = lines.join('');
    expect(table).toMatch(/^a\s+built, draft English \(2 files\)\s+English is a draft, not reviewed \(mt:openai\/qwen2\.5\)$/m);
    expect(table).toMatch(/^b\s+built \(1 files\)\s*$/m);
  });
});

describe('length ratio of a draft', () => {
  const pair = (zh: string, en: string) => ({ segment: { id: 'x', text: zh, place: { line: 3, column: 1 }, footnoteRefs: [] }, target: en, source: 'source.txt' });
  const ctx = { terms: [], matcher: { find: () => [] } } as never;
  const zh = '各方应当坚持共同安全理念并加强合作。'; // 18 characters
  it('flags an English far shorter or longer than the Chinese warrants', () => {
    expect(lengthRatio.check(pair(zh, 'Cooperate.'), ctx)[0]?.reason).toMatch(/10 characters for 18 Chinese ones/);
    expect(lengthRatio.check(pair(zh, 'x'.repeat(18 * 10)), ctx)).toHaveLength(1);
    expect(lengthRatio.check(pair(zh, 'All parties should uphold the concept of common security and strengthen cooperation.'), ctx)).toEqual([]);
  });
  it('leaves short texts (names, roles) alone', () => {
    expect(lengthRatio.check(pair('王毅'.padEnd(MIN_SOURCE_CHARS - 1, '一'), 'W.'), ctx)).toEqual([]);
  });
});
