// Rendering a brief through a template is bounded and its failures are short, located UserErrors
// naming the template: loops, the size of the Markdown, the pages laid out, ragged tables, pdfmake.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError, formatDiagnostic } from '../../pipeline/diagnostics.js';
import type { Brief } from '../../pipeline/model.js';
import { renderBriefSet } from '../../pipeline/render/fit.js';
import { renderMarkdown, templateLineOf } from '../../pipeline/render/markdown.js';
import { MAX_ITERATIONS, MAX_MARKDOWN_CHARS, templatesFromStrings, type Templates } from '../../pipeline/render/templates.js';
import { fixture, root } from './helpers.js';

const read = (f: string) => readFileSync(`${root}templates/${f}`, 'utf8');
const FILE = 'templates/report.md.hbs';
const withReport = (edit: (s: string) => string): Templates =>
  templatesFromStrings({
    kinds: { report: edit(read('report.md.hbs')), news: read('news.md.hbs') },
    labels: read('labels.yaml'),
    style: read('style.yaml'),
    files: { kinds: { report: FILE } },
  });

/** The report fixture's zh-Hans brief with `n` key terms. */
function briefWithTerms(n: number): Brief {
  const b = fixture('report').briefs[0];
  return { ...b, terms: Array.from({ length: n }, (_, i) => ({ ...b.terms[i % b.terms.length], text: `术语${i}`, en: `term ${i}` })) };
}

async function failure(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).diagnostics.map(formatDiagnostic).join('\n');
  }
  throw new Error('no error');
}

const FIVE_NESTED = (body: string) =>
  `\n{{#each @root.terms}}{{#each @root.terms}}{{#each @root.terms}}{{#each @root.terms}}{{#each @root.terms}}${body}{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}\n`;

describe('the work of one rendering is bounded', () => {
  it('loops: past the budget of iterations, render:too-large at the innermost block, fast', async () => {
    const t = withReport((s) => s + FIVE_NESTED(''));
    const started = performance.now();
    const msg = await failure(() => renderMarkdown(briefWithTerms(20), t)); // 20^5 = 3.2 million
    expect(performance.now() - started).toBeLessThan(5000);
    const line = t.sources.report!.split('\n').length - 1;
    expect(msg).toBe(`${FILE}:${line}:85: error: the template loops more than ${MAX_ITERATIONS} times for one brief (nested {{#each}}?)  [render:too-large]`);
  });

  it('loops printing much: stopped by the text they produce before the Markdown is whole', async () => {
    const t = withReport((s) => s + FIVE_NESTED('\n- {{text}} {{@root.title}} {{@root.sourceLine}}\n'));
    const msg = await failure(() => renderMarkdown(briefWithTerms(12), t));
    expect(msg).toMatch(/^templates\/report\.md\.hbs:\d+:\d+: error: the template's loops produce more than \d+ characters for one brief  \[render:too-large\]$/);
  });

  it('a list iterated as a block (blockHelperMissing) counts too', async () => {
    const t = withReport((s) => s + '\n{{#terms}}{{#@root.terms}}{{#@root.terms}}{{#@root.terms}}{{#@root.terms}}{{/@root.terms}}{{/@root.terms}}{{/@root.terms}}{{/@root.terms}}{{/terms}}\n');
    expect(await failure(() => renderMarkdown(briefWithTerms(20), t))).toContain(`loops more than ${MAX_ITERATIONS} times`);
  });

  it('the Markdown of one brief: at most MAX_MARKDOWN_CHARS', async () => {
    // a short template (no loop) printing a long value many times
    const t = withReport((s) => s + '\n' + '{{sourceLine}}{{title}}{{frontMatter}}{{bottomLineText}}'.repeat(1000));
    expect(await failure(() => renderMarkdown(briefWithTerms(5), t))).toMatch(
      new RegExp(`^templates/report\\.md\\.hbs: error: the template renders \\d+ characters for one brief, more than ${MAX_MARKDOWN_CHARS}  \\[render:too-large\\]$`),
    );
  });

  it('normal lists are far from the bounds, and what renders is what rendered before', async () => {
    const t = withReport((s) => s);
    const plain = templatesFromStrings({ kinds: { report: read('report.md.hbs') }, labels: read('labels.yaml'), style: read('style.yaml') });
    const b = briefWithTerms(200);
    expect(renderMarkdown(b, t)).toBe(renderMarkdown(b, plain));
  });

  it('the pages laid out: a template repeating itself into many pages stops at the first layout', async () => {
    const t = withReport((s) => s + '\n' + '{{bottomLineText}}\n\n'.repeat(300));
    const fx = fixture('report');
    const started = performance.now();
    const msg = await failure(() => renderBriefSet(fx.briefs, t, { date: fx.date }));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(msg).toMatch(/^templates\/report\.md\.hbs: error: the zh-Hans brief of .* takes \d+ pages as the template renders it: a one-page brief is not fitted from more than 10  \[render:too-large\]$/);
  });
});

describe('ragged tables are caught before pdfmake', () => {
  it('a row with a cell fewer than its header: render:table-shape at the template line, quoting the rendered row', async () => {
    const t = withReport((s) => s.replace('| {{text}} | {{en}} |', '| {{text}} |'));
    const line = t.sources.report!.split('\n').findIndex((l) => l === '| {{text}} |') + 1;
    const msg = await failure(() => renderMarkdown(briefWithTerms(3), t));
    expect(msg).toMatch(
      new RegExp(`^templates/report\\.md\\.hbs:${line}:1: error: a table row has 1 cell\\(s\\), its header 2: \`\\| 术语0 \\|\` \\(line \\d+ of the rendered Markdown; 2 more row\\(s\\) of this table too\\)  \\[render:table-shape\\]$`),
    );
  });

  it('a cell too many; a long row is quoted short', async () => {
    const t = withReport((s) => s.replace('| {{text}} | {{en}} |', '| {{text}} | {{en}} | {{@root.bottomLineText}} {{@root.bottomLineText}} |'));
    const msg = await failure(() => renderMarkdown(briefWithTerms(1), t));
    expect(msg).toContain('a table row has 3 cell(s), its header 2: `| 术语0 | term 0 |');
    expect(msg.length).toBeLessThan(400);
  });

  it('locates the template line by its text outside {{…}} and its pipes', () => {
    const src = 'a\n| {{x}} | {{y}} |\n| --- | --- |\n{{#each r}}\n| {{x}} |\n{{/each}}\n';
    expect(templateLineOf(src, '| a \\| b |')).toEqual({ line: 5, column: 1 });
    expect(templateLineOf(src, '| a | b |')).toEqual({ line: 2, column: 1 });
    expect(templateLineOf(src, 'no table')).toBeUndefined();
  });
});

describe('pdfmake failures', () => {
  it('become a short render:pdf-failed naming the template and the brief, not the source', async () => {
    const t = withReport((s) => s);
    // a style that passed no validation (made by hand): pdfmake throws
    const broken: Templates = { ...t, style: { ...t.style, page: { ...t.style.page, size: 'NOPE' } } };
    const fx = fixture('report');
    const msg = await failure(() => renderBriefSet(fx.briefs, broken, { date: fx.date }));
    expect(msg).toMatch(/^templates\/report\.md\.hbs: error: pdfmake cannot typeset the zh-Hans brief of \S+ from this template's Markdown \(and style\.yaml\): Page size NOPE not recognized  \[render:pdf-failed\]$/);
  });
});
