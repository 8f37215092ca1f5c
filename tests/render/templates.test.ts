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

  it('are read back from out/ while the templates are unchanged, and made again when they change', async () => {
    const { mkdtempSync, cpSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const { keptTemplates } = await import('../../pipeline/build/inputs.js');
    const dir = mkdtempSync(`${os.tmpdir()}/briefs-kept-`);
    cpSync(`${root}templates`, `${dir}/templates`, { recursive: true });
    const shared = { cwd: dir, sourcesDir: `${dir}/sources`, glossaryDir: `${dir}/glossary`, templatesDir: `${dir}/templates`, outDir: dir, digests: { tool: 't', templates: 'a' } };
    const first = await keptTemplates(shared);
    rmSync(`${dir}/templates`, { recursive: true });
    // the files are gone: only the cache can answer
    expect(await keptTemplates(shared)).toEqual(first);
    // another digest of the templates: made again, from the (missing) files
    await expect(keptTemplates({ ...shared, digests: { tool: 't', templates: 'b' } })).rejects.toThrow(/cannot read/);
  });
});
