// The build with the publisher's English, end to end, on a real bilingual edition (the Constitution with
// its official English, corpus/law-constitution-bilingual): `--english auto` builds a complete English
// brief from alignment alone, marked as a draft of origin alignment; `--english reviewed` waits for a
// translator; the Chinese briefs are the same under either policy (selection's preference for sentences
// with kept English does not depend on the flag).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBuild } from '../../pipeline/build/run.js';
import { makeRunner } from '../../pipeline/build/pool.js';
import type { BuildEvent } from '../../pipeline/build/events.js';
import type { EnglishPolicy } from '../../pipeline/build/english-policy.js';
import { resolveContext, type Context } from '../../pipeline/context.js';
import { alignCorpus } from './corpus-helpers.js';
import { alignmentSides } from '../../pipeline/align/texts.js';
import { repo } from './corpus-helpers.js';
import { loadSourceSegments } from '../../pipeline/localize/source-segments.js';
import { loadGlossary } from '../../pipeline/glossary/load.js';

const SLUG = 'law-constitution-bilingual';
let dir: string;
let ctx: Context;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-align-build-'));
  mkdirSync(path.join(dir, 'sources', SLUG), { recursive: true });
  cpSync(path.join(repo, 'corpus', SLUG, 'source.md'), path.join(dir, 'sources', SLUG, 'source.md'));
  for (const d of ['glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  ctx = { ...resolveContext({}, dir), quiet: true };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function build(english: EnglishPolicy) {
  const events: BuildEvent[] = [];
  rmSync(ctx.outDir, { recursive: true, force: true });
  await runBuild(ctx, { force: true, workers: 0, english, formats: new Set(['md']), onEvent: (e) => events.push(e) }, makeRunner);
  const done = events.find((e) => e.type === 'done') as Extract<BuildEvent, { type: 'done' }>;
  const file = (lang: string, ext = 'md') => path.join(ctx.outDir, SLUG, `${SLUG}.${lang}.${ext}`);
  return { done, file };
}

describe('a bilingual edition built with --english', () => {
  it('auto: a complete English brief from alignment alone, each item the publisher’s English, marked as a draft; reviewed: none, the same Chinese', async () => {
    const auto = await build('auto');
    expect(auto.done.status).toBe('built');
    expect(auto.done.needsTranslation).toBe(0);
    expect(auto.done.draft).toEqual({ origins: ['alignment'] });
    const en = readFileSync(auto.file('en'), 'utf8');
    const zh = readFileSync(auto.file('zh-Hans'), 'utf8');
    expect(en).toMatch(/^draft: true$/m);
    expect(en).toContain('Draft translation — not reviewed');
    // nothing of the Chinese is left in the English brief's text (the key-terms table pairs each Chinese term with its English)
    const body = en.split('\n---\n').slice(1).join('\n').split(/^## Key terms$/m)[0];
    expect(body).not.toMatch(/\p{Script=Han}/u);
    // every item (the summary's paragraphs, the lists' items) is the publisher's English: sentences of it, or one without its article label
    const { doc, alignment } = alignCorpus(SLUG);
    // (white space as the page sets it: the edition has en spaces between some words)
    const english = alignmentSides(doc)!.en.flat().join(' ').replace(/\s+/gu, ' ');
    const items = body
      .split('\n')
      // not the template's own lines: headings, the banner, the table, and the italic line of date and source
      .filter((l) => l.trim() && !/^[#>|]/.test(l) && !/^\*[^*\s][^*]*\*$/.test(l.trim()))
      .map((l) => l.replace(/^[-*] /, '').trim());
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) expect(english.includes(item.replace(/\\([*_[\]])/g, '$1').replace(/\s+/gu, ' ')), item).toBe(true);
    expect(alignment.kept.length).toBeGreaterThan(100);

    const reviewed = await build('reviewed');
    expect(reviewed.done.draft).toBeUndefined();
    expect(existsSync(reviewed.file('en'))).toBe(false);
    expect(existsSync(reviewed.file('en', 'xlf'))).toBe(true);
    expect(readFileSync(reviewed.file('zh-Hans'), 'utf8')).toBe(zh);
    // the localize commands (xliff, qa, translate) see the brief the build made: the texts it needs are those it exported
    const exported = [...readFileSync(reviewed.file('en', 'xlf'), 'utf8').matchAll(/<unit id="([^"]+)"/g)].map((m) => m[1]);
    const { needed } = await loadSourceSegments(ctx, SLUG, loadGlossary(ctx.glossaryDir).terms);
    expect(needed!.map((s) => s.id)).toEqual(exported);
  }, 180_000);
});
