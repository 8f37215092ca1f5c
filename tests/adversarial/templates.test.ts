// Templates and what the build keeps of them, attacked as a user (or whoever can write out/) could:
// the real binary on a temporary project. Nothing read from out/ is ever run; a template that loops,
// makes ragged tables or calls what does not exist fails fast, located, briefly, without a stack.
import { describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NEWS, REPORT, events, hasStackTrace, inProject, project } from '../e2e/helpers.js';

const CACHE = '.briefs-templates-cache.json';

/** Every brief file under out/ (not the manifest or the caches), by path, with its bytes. */
function briefFiles(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const slug of readdirSync(out).sort()) {
    const d = path.join(out, slug);
    if (!statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d).sort()) files.set(`${slug}/${f}`, readFileSync(path.join(d, f)));
  }
  return files;
}

function expectSameBriefs(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [f, bytes] of a) expect(b.get(f)!.equals(bytes), f).toBe(true);
}

/** What a user sees of a failed build: located errors, short, no stack trace. */
function expectPlainFailure(r: { code: number | null; stdout: string; stderr: string }): string {
  expect(r.code).toBe(1);
  const all = r.stdout + r.stderr;
  expect(hasStackTrace(all)).toBe(false);
  expect(all.length).toBeLessThan(4000);
  return all;
}

describe('the templates cache in out/ is data, never code', () => {
  it('a poisoned cache that would run code if evaluated runs nothing, and the briefs are as before', () => {
    const dir = project([NEWS]);
    const out = path.join(dir, 'out');
    const first = inProject(dir, 'build');
    expect(first.code).toBe(0);
    const before = briefFiles(out);
    const kept = JSON.parse(readFileSync(path.join(out, CACHE), 'utf8')) as { key: string; value: Record<string, unknown> };

    // What the earlier design evaluated with new Function: Handlebars' precompiled spec. Here it
    // writes a marker file and sets a global the moment anything evaluates it.
    const marker = path.join(os.tmpdir(), `briefs-pwned-${process.pid}-${Date.now()}`);
    const payload = `(function(){ process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); globalThis.__briefsPwned = 1; return {"compiler":[8,">= 4.3.0"],"main":function(){ return ''; },"useData":true}; })()`;
    const poisoned = { key: kept.key, value: { ...kept.value, kinds: { news: payload, report: payload } } };
    writeFileSync(path.join(out, CACHE), JSON.stringify(poisoned));

    const second = inProject(dir, 'build', '--force');
    expect(existsSync(marker)).toBe(false);
    expect(second.code).toBe(0);
    expectSameBriefs(before, briefFiles(out));
    // the cache holds data again
    expect(Object.keys(JSON.parse(readFileSync(path.join(out, CACHE), 'utf8')).value).sort()).toEqual(['labels', 'style']);

    // a cache of the right key whose labels and style have not the shape validation gives is made again
    writeFileSync(path.join(out, CACHE), JSON.stringify({ key: kept.key, value: { labels: { en: { summary: payload } }, style: payload } }));
    const third = inProject(dir, 'build', '--force');
    expect(third.code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expectSameBriefs(before, briefFiles(out));
  });
});

/** A project with one source whose kind's template is changed by `edit`. */
function withTemplate(slug: string, kind: 'report' | 'news', edit: (src: string) => string): { dir: string; file: string } {
  const dir = project([slug]);
  const file = path.join(dir, 'templates', `${kind}.md.hbs`);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return { dir, file };
}

const lineOf = (src: string, needle: string) => src.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('template mistakes are located in the template', () => {
  it('a helper that does not exist, in a block the empty data never reaches: file:line:column', () => {
    const { dir, file } = withTemplate(NEWS, 'news', (s) => s.replace('{{#each keyPoints}}\n- {{this}}', '{{#each keyPoints}}\n- {{nosuchhelper this}}'));
    const src = readFileSync(file, 'utf8');
    const r = inProject(dir, 'build');
    const all = expectPlainFailure(r);
    expect(all).toContain(`${file}:${lineOf(src, 'nosuchhelper')}:3: error: unknown helper "nosuchhelper"`);
    expect(all).toContain('[render:unknown-helper]');
    // stopped before any job: nothing blamed on the source
    expect(all).not.toMatch(/source\.(txt|md|html|docx|pdf)/);
  });

  it('a syntax error at the token where Handlebars stopped', () => {
    const { dir, file } = withTemplate(NEWS, 'news', (s) => s.replace('# {{title}}', '# {{title}'));
    const src = readFileSync(file, 'utf8');
    const all = expectPlainFailure(inProject(dir, 'build'));
    expect(all).toContain(`${file}:${lineOf(src, '# {{title}')}:10: error: Template does not compile`);
  });

  it('a block closed by another name, at its place', () => {
    const { dir, file } = withTemplate(NEWS, 'news', (s) => s.replace('{{#if voices}}', '{{#if voices}}{{#with title}}x{{/each}}'));
    const src = readFileSync(file, 'utf8');
    const all = expectPlainFailure(inProject(dir, 'build'));
    expect(all).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lineOf(src, '{{#with title}}')}:\\d+: error: Template does not compile: with doesn't match each`));
  });
});

describe('template rendering is bounded', () => {
  it('five nested {{#each}} stop quickly with render:too-large naming the template', () => {
    // over the labels (16 keys in every brief): 16^5 iterations, minutes before the bound
    // (printing nothing, so that only the count of iterations can stop it)
    const loop = '\n{{#each @root.labels}}{{#each @root.labels}}{{#each @root.labels}}{{#each @root.labels}}{{#each @root.labels}}{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}\n';
    const { dir, file } = withTemplate(NEWS, 'news', (s) => s + loop);
    const started = Date.now();
    const r = inProject(dir, 'build', '--json');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    const done = events(r.stdout).find((e) => e.event === 'done' && e.slug === NEWS)!;
    expect(done.status).toBe('failed');
    const d = done.diagnostics!.filter((x) => x.severity === 'error');
    expect(d.map((x) => x.rule)).toEqual(['render:too-large']);
    expect(d[0].file).toBe(file);
    expect(d[0].reason).toMatch(/loops more than 100000 times/);
    expect(JSON.stringify(d).length).toBeLessThan(1000);
  });

  /** The report's key-terms table must have rows for a row to be ragged: a term of the text in the glossary. */
  function withTermRows(dir: string): void {
    writeFileSync(path.join(dir, 'glossary', 'zz-test-terms.yaml'), '- zh-Hans: 数字经济\n  en: digital economy\n  category: concept\n');
  }

  it('a ragged table row is render:table-shape at the template line, not a pdfmake dump blamed on the source', () => {
    const { dir, file } = withTemplate(REPORT, 'report', (s) => s.replace('| {{text}} | {{en}} |', '| {{text}} |'));
    withTermRows(dir);
    const src = readFileSync(file, 'utf8');
    const all = expectPlainFailure(inProject(dir, 'build'));
    expect(all).toContain(`${file}:${lineOf(src, '| {{text}} |')}:1: error: a table row has 1 cell(s), its header 2`);
    expect(all).toContain('[render:table-shape]');
    // every error names the template, none the source
    const errors = all.split('\n').filter((l) => l.includes(': error: '));
    expect(errors.length).toBeGreaterThan(0);
    for (const l of errors) expect(l.startsWith(`${file}:`), l).toBe(true);
    expect(all).not.toContain('Row data');
  });

  it('a row with a cell too many, likewise', () => {
    const { dir } = withTemplate(REPORT, 'report', (s) => s.replace('| {{text}} | {{en}} |', '| {{text}} | {{en}} | {{en}} |'));
    withTermRows(dir);
    const all = expectPlainFailure(inProject(dir, 'build'));
    expect(all).toContain('a table row has 3 cell(s), its header 2');
    expect(all).not.toContain('_calcWidth');
  });

  it('a template repeating itself into many pages stops at the page bound', () => {
    const { dir, file } = withTemplate(NEWS, 'news', (s) => s + '\n' + '{{bottomLineText}}\n\n'.repeat(400));
    const all = expectPlainFailure(inProject(dir, 'build'));
    expect(all).toContain(`${file}: error: the `);
    expect(all).toMatch(/takes \d+ pages as the template renders it/);
    expect(all).toContain('[render:too-large]');
  });
});

describe('valid templates are not refused', () => {
  it('data variables as block arguments pass the checks', () => {
    const dir = project([NEWS]);
    appendFileSync(path.join(dir, 'templates', 'news.md.hbs'), '\n{{#each keyPoints}}{{#if @first}}\n---\n{{/if}}{{/each}}\n');
    expect(inProject(dir, 'build').code).toBe(0);
  });
});
