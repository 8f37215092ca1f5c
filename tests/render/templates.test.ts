import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError, formatDiagnostic } from '../../pipeline/diagnostics.js';
import { templatesFromStrings } from '../../pipeline/render/templates.js';
import { root } from './helpers.js';

const read = (f: string) => readFileSync(`${root}templates/${f}`, 'utf8');
const base = () => ({ kinds: { report: read('report.md.hbs'), news: read('news.md.hbs') }, labels: read('labels.yaml'), style: read('style.yaml') });

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).diagnostics.map(formatDiagnostic).join('\n');
  }
  throw new Error('no error');
}

describe('templatesFromStrings', () => {
  it('loads the shipped templates', () => {
    const t = templatesFromStrings(base());
    expect(t.labels['zh-Hant'].findings).toBe('主要發現');
    expect(t.style.page.size).toBe('A4');
    expect(typeof t.kinds.report).toBe('function');
  });

  it('locates malformed YAML at line:column', () => {
    const msg = errorOf(() => templatesFromStrings({ ...base(), style: 'page:\n  size: A4\n  margins: [1, 2\n' }));
    expect(msg).toMatch(/^style\.yaml:\d+:\d+: error: /);
  });

  it('locates a missing label under its language', () => {
    const labels = base().labels.replace('  findings: 主要發現\n', '');
    const msg = errorOf(() => templatesFromStrings({ ...base(), labels }));
    const line = labels.split('\n').findIndex((l) => l.startsWith('zh-Hant:')) + 1;
    expect(msg).toContain(`labels.yaml:${line}:1: error: label "zh-Hant.findings" is missing`);
  });

  it('rejects a style value of the wrong type, located', () => {
    const style = base().style.replace('body: 10.5', 'body: large');
    const msg = errorOf(() => templatesFromStrings({ ...base(), style }));
    const line = style.split('\n').findIndex((l) => l.includes('body: large')) + 1;
    expect(msg).toMatch(new RegExp(`style\\.yaml:${line}:\\d+: error: style "sizes.body" must be a positive number`));
  });

  it('reports a template that does not compile', () => {
    expect(() => templatesFromStrings({ ...base(), kinds: { report: '{{#each x}}' } })).toThrow(UserError);
  });
});

describe('templates as data (the build keeps them in out/)', () => {
  it('render what the compiled templates render, through JSON', async () => {
    const { loadTemplates, templatesData, templatesFromData } = await import('../../pipeline/render/templates.js');
    const { renderMarkdown } = await import('../../pipeline/render/markdown.js');
    const { fixture } = await import('./helpers.js');
    const data = JSON.parse(JSON.stringify(templatesData(`${root}templates`)));
    const fromData = templatesFromData(data);
    const compiled = loadTemplates(`${root}templates`);
    expect(fromData.labels).toEqual(compiled.labels);
    expect(fromData.style).toEqual(compiled.style);
    for (const name of ['report', 'news'] as const) {
      const fx = fixture(name);
      for (const b of fx.briefs) expect(renderMarkdown(b, fromData, { date: fx.date })).toBe(renderMarkdown(b, compiled, { date: fx.date }));
    }
  });

  it('report template mistakes as loading does', async () => {
    const { mkdtempSync, writeFileSync, cpSync } = await import('node:fs');
    const os = await import('node:os');
    const { templatesData } = await import('../../pipeline/render/templates.js');
    const dir = mkdtempSync(`${os.tmpdir()}/briefs-tpl-`);
    cpSync(`${root}templates`, dir, { recursive: true });
    writeFileSync(`${dir}/report.md.hbs`, '# {{title}\n');
    expect(errorOf(() => templatesData(dir))).toMatch(/report\.md\.hbs:\d+:\d+: error: Template does not compile/);
  });

  it('keep labels and style in out/ as data while the templates are unchanged; the templates are compiled from their files', async () => {
    const { mkdtempSync, cpSync, readFileSync: read2, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const { keptTemplates, TEMPLATES_CACHE } = await import('../../pipeline/build/inputs.js');
    const dir = mkdtempSync(`${os.tmpdir()}/briefs-kept-`);
    cpSync(`${root}templates`, `${dir}/templates`, { recursive: true });
    const shared = { cwd: dir, sourcesDir: `${dir}/sources`, glossaryDir: `${dir}/glossary`, templatesDir: `${dir}/templates`, outDir: dir, digests: { tool: 't', templates: 'a' } };
    const first = await keptTemplates(shared);
    const kept = JSON.parse(read2(`${dir}/${TEMPLATES_CACHE}`, 'utf8'));
    // only data: no template, no code
    expect(Object.keys(kept.value).sort()).toEqual(['labels', 'style']);
    expect(kept.value).toEqual({ labels: first.labels, style: first.style });
    // labels.yaml changed but (as far as this key knows) the templates are not: the kept labels answer,
    // the YAML is not parsed; the template itself is read again
    const labels = read2(`${dir}/templates/labels.yaml`, 'utf8');
    writeFileSync(`${dir}/templates/labels.yaml`, labels.replace('  findings: 主要發現', '  findings: 另一個'));
    writeFileSync(`${dir}/templates/news.md.hbs`, '# {{title}}\n');
    const second = await keptTemplates(shared);
    expect(second.labels['zh-Hant'].findings).toBe('主要發現');
    expect(second.sources.news).toBe('# {{title}}\n');
    // another digest of the templates: made again from the files
    expect((await keptTemplates({ ...shared, digests: { tool: 't', templates: 'b' } })).labels['zh-Hant'].findings).toBe('另一個');
  });

  it('read back from out/ only with the shape validation gives; anything else is made again and never run', async () => {
    const { mkdtempSync, cpSync, readFileSync: read2, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const { keptTemplates, TEMPLATES_CACHE } = await import('../../pipeline/build/inputs.js');
    const dir = mkdtempSync(`${os.tmpdir()}/briefs-kept-`);
    cpSync(`${root}templates`, `${dir}/templates`, { recursive: true });
    const shared = { cwd: dir, sourcesDir: `${dir}/sources`, glossaryDir: `${dir}/glossary`, templatesDir: `${dir}/templates`, outDir: dir, digests: { tool: 't', templates: 'a' } };
    const first = await keptTemplates(shared);
    const { key, value } = JSON.parse(read2(`${dir}/${TEMPLATES_CACHE}`, 'utf8'));
    const g = globalThis as { __briefsTemplatePoison?: number };
    const code = '(function(){ globalThis.__briefsTemplatePoison = 1; return {}; })()';
    for (const bad of [
      { ...value, kinds: { report: code, news: code } },
      { labels: { ...value.labels, en: { ...value.labels.en, summary: 7 } }, style: value.style },
      { labels: value.labels, style: { ...value.style, sizes: code } },
      { labels: value.labels, style: { ...value.style, page: { ...value.style.page, size: 'NOPE' } } },
      [value.labels, value.style],
      code,
    ]) {
      writeFileSync(`${dir}/${TEMPLATES_CACHE}`, JSON.stringify({ key, value: bad }));
      const t = await keptTemplates(shared);
      expect(t.labels).toEqual(first.labels);
      expect(t.style).toEqual(first.style);
      expect(g.__briefsTemplatePoison).toBeUndefined();
      // made again: the file holds the validated data
      expect(JSON.parse(read2(`${dir}/${TEMPLATES_CACHE}`, 'utf8')).value).toEqual({ labels: first.labels, style: first.style });
    }
  });
});

describe('template mistakes are found at load time, at line:column', () => {
  const withReport = (report: string) => () => templatesFromStrings({ ...base(), kinds: { report }, files: { kinds: { report: 'report.md.hbs' } } });

  it('a helper that does not exist, where it is called, even in a block no empty data reaches', () => {
    expect(errorOf(withReport('# {{title}}\n{{#if findings}}\n  - {{nosuchhelper x}}\n{{/if}}\n'))).toBe(
      'report.md.hbs:3:5: error: unknown helper "nosuchhelper" (helpers: each, if, join, lookup, unless, with)  [render:unknown-helper]',
    );
    // in a block's arguments and in a subexpression too
    expect(errorOf(withReport('{{#each (nosuch findings)}}x{{/each}}'))).toMatch(/^report\.md\.hbs:1:9: error: unknown helper "nosuch"/);
    expect(errorOf(withReport('\n{{#nosuch findings}}x{{/nosuch}}'))).toMatch(/^report\.md\.hbs:2:1: error: unknown helper "nosuch"/);
    // a path is not a helper either
    expect(errorOf(withReport('{{labels.summary 1}}'))).toMatch(/^report\.md\.hbs:1:1: error: unknown helper "labels\.summary"/);
  });

  it('what is not a helper call stays allowed: values, blocks over values, data variables', () => {
    expect(() => withReport('{{title}} {{#findings}}{{this}}{{/findings}} {{#each terms}}{{#if @first}}{{text}}{{/if}}{{/each}} {{join findings ", "}}')()).not.toThrow();
  });

  it('built-in helpers with the wrong number of arguments', () => {
    expect(errorOf(withReport('a\n  {{#each}}x{{/each}}'))).toMatch(/^report\.md\.hbs:2:3: error: #each takes 1 argument, given 0  \[render:template-syntax\]/);
    expect(errorOf(withReport('{{#if a b}}x{{/if}}'))).toMatch(/^report\.md\.hbs:1:1: error: #if takes 1 argument, given 2/);
  });

  it('partials and decorators are refused (none is registered; a recursive one would escape the bounds)', () => {
    expect(errorOf(withReport('x\n{{> footer}}'))).toMatch(/^report\.md\.hbs:2:1: error: partials .* \[render:template-unsupported\]/);
    expect(errorOf(withReport('{{#*inline "p"}}{{> p}}{{/inline}}{{> p}}'))).toMatch(/report\.md\.hbs:1:1: error: decorators/);
  });

  it('syntax errors at the token where Handlebars stopped, in a short message', () => {
    const msg = errorOf(withReport('---\n{{frontMatter}}\n---\n\n# {{title}\n'));
    expect(msg).toMatch(/^report\.md\.hbs:5:10: error: Template does not compile: unexpected text, expecting /);
    expect(msg).not.toContain('\n');
    expect(errorOf(withReport('a\n\n  {{x.y.[}}'))).toMatch(/^report\.md\.hbs:3:9: error: Template does not compile/);
    // a block left open: at the end
    expect(errorOf(withReport('a\n{{#each findings}}\nx\n'))).toMatch(/^report\.md\.hbs:4:1: error: Template does not compile: unexpected EOF/);
    // closed by another name: at the block
    expect(errorOf(withReport('a\n  {{#if findings}}x{{/each}}'))).toBe("report.md.hbs:2:6: error: Template does not compile: if doesn't match each  [render:template-syntax]");
  });

  it('a template file too large to be one', () => {
    expect(errorOf(withReport('x'.repeat(100_001)))).toMatch(/^report\.md\.hbs: error: the template has 100001 characters, more than 100000  \[render:too-large\]/);
  });

  it('blocks nested too deep, before Handlebars spends minutes parsing them', () => {
    const started = performance.now();
    const deep = 'a\n' + '{{#with this}}'.repeat(20_00) + 'x' + '{{/with}}'.repeat(20_00);
    expect(errorOf(withReport(deep))).toBe('report.md.hbs:2:701: error: blocks are nested more than 50 deep  [render:too-large]');
    // an else-if chain nests as deep
    const chain = '{{#if a}}' + '{{else if b}}'.repeat(60) + '{{/if}}';
    expect(errorOf(withReport(chain))).toMatch(/^report\.md\.hbs:1:\d+: error: blocks are nested more than 50 deep/);
    expect(performance.now() - started).toBeLessThan(2000);
    // fifty is fine, and closing blocks counts down
    expect(() => withReport('{{#with this}}'.repeat(50) + '{{/with}}'.repeat(50) + '{{#with this}}'.repeat(50) + '{{/with}}'.repeat(50))()).not.toThrow();
  });

  it('a page size pdfmake does not know, in style.yaml', () => {
    const style = base().style.replace('size: A4', 'size: B99');
    const line = style.split('\n').findIndex((l) => l.includes('size: B99')) + 1;
    expect(errorOf(() => templatesFromStrings({ ...base(), style }))).toMatch(new RegExp(`^style\\.yaml:${line}:\\d+: error: style "page\\.size" must be a page size pdfmake knows`));
  });
});
