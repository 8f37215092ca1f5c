// Shipped templates may come precompiled in the bundle (scripts/bundle.mjs, render/precompiled-templates.ts):
// a build whose template source is one of those takes the spec instead of compiling the source. The spec
// must render exactly what compiling the source renders, and only an identical source may take it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../pipeline/diagnostics.js';
import { PRECOMPILED } from '../../pipeline/render/precompiled-templates.js';
import { renderMarkdown } from '../../pipeline/render/markdown.js';
import { precompileTemplate, templatesFromStrings, type TemplateSources } from '../../pipeline/render/templates.js';
import { fixture, root } from './helpers.js';

const read = (f: string) => readFileSync(`${root}templates/${f}`, 'utf8');
const sources = (kinds: TemplateSources['kinds']): TemplateSources => ({ kinds, labels: read('labels.yaml'), style: read('style.yaml') });
/** The spec as the bundle holds it: the JavaScript object precompileTemplate's source stands for. */
const specOf = (source: string, file: string): unknown => new Function(`return (${precompileTemplate(source, file)});`)();
const registry = PRECOMPILED as Map<string, unknown>;

afterEach(() => registry.clear());

describe('precompiled templates', () => {
  it('render every seed brief exactly as the template compiled from its source', () => {
    for (const kind of ['report', 'news'] as const) {
      const source = read(`${kind}.md.hbs`);
      // the process memoizes compiled templates by file and source: a file name of each path's own
      const named = (file: string): TemplateSources => ({ ...sources({ [kind]: source }), files: { kinds: { [kind]: file } } });
      const compiled = templatesFromStrings(named(`compiled-${kind}.md.hbs`));
      registry.set(source, specOf(source, `${kind}.md.hbs`));
      const precompiled = templatesFromStrings(named(`precompiled-${kind}.md.hbs`));
      expect(precompiled.kinds[kind]).not.toBe(compiled.kinds[kind]);
      for (const brief of fixture(kind).briefs) expect(renderMarkdown(brief, precompiled)).toBe(renderMarkdown(brief, compiled));
    }
  });

  it('are taken only for the very source they were made from', () => {
    const a = '# {{title}}\n';
    const b = '## {{title}} (B)\n';
    registry.set(a, specOf(b, 'b.md.hbs'));
    const taken = templatesFromStrings(sources({ report: a }));
    expect(taken.kinds.report!({ title: 'T' })).toBe('## T (B)\n');
    const other = templatesFromStrings(sources({ report: `${a} ` }));
    expect(other.kinds.report!({ title: 'T' })).toBe('# T\n ');
  });

  it('are made only from a template that passes the checks a build runs', () => {
    expect(() => precompileTemplate('{{#each items}}\n', 'bad.md.hbs')).toThrow(UserError);
    expect(() => precompileTemplate('{{unknownHelper x y}}', 'bad.md.hbs')).toThrow(UserError);
  });
});
