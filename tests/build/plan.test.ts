import { describe, it, expect } from 'vitest';
import { planBuild, type SourceState, type SharedState } from '../../pipeline/build/plan.js';
import { emptyManifest, type Manifest } from '../../pipeline/build/manifest.js';

const shared = (): SharedState => ({
  inputs: { tool: '1', templates: 't1', style: 's1' },
  glossary: { peace: 'g1', nato: 'g2', eu: 'g3' },
  forms: { peace: ['和平'], nato: ['北约'], eu: ['欧盟'] },
});
const src = (slug: string, text: string, digest = 'd-' + slug): SourceState => ({ slug, inputs: { source: digest }, text });

function manifestFor(sources: SourceState[], sh: SharedState, terms: Record<string, string[]>): Manifest {
  const m = emptyManifest(sh.inputs.tool);
  m.glossaries = { snap: { ...sh.glossary } };
  for (const s of sources) {
    const inputs: Record<string, string> = { ...s.inputs };
    for (const [k, v] of Object.entries(sh.inputs)) inputs[`shared:${k}`] = v;
    m.sources[s.slug] = { slug: s.slug, status: 'built', inputs, terms: terms[s.slug] ?? [], glossary: 'snap', needsTranslation: 0, dropped: [], outputs: [] };
  }
  return m;
}

describe('planBuild', () => {
  const a = src('a', '和平与北约');
  const b = src('b', '欧盟的立场');
  const terms = { a: ['peace', 'nato'], b: ['eu'] };

  it('builds everything when there is no manifest', () => {
    const p = planBuild([a, b], shared(), emptyManifest('1'));
    expect(p.items.map((i) => [i.slug, i.build, i.reason])).toEqual([
      ['a', true, 'new source'],
      ['b', true, 'new source'],
    ]);
  });

  it('rebuilds nothing when nothing changed', () => {
    const sh = shared();
    const p = planBuild([a, b], sh, manifestFor([a, b], sh, terms));
    expect(p.items.every((i) => !i.build)).toBe(true);
    expect(p.removed).toEqual([]);
  });

  it('rebuilds exactly the sources that use a changed glossary entry', () => {
    const sh = shared();
    const m = manifestFor([a, b], sh, terms);
    sh.glossary.eu = 'g3-changed';
    const p = planBuild([a, b], sh, m);
    expect(p.items.filter((i) => i.build).map((i) => i.slug)).toEqual(['b']);
  });

  it('rebuilds a source in which a new entry now occurs, not the others', () => {
    const sh = shared();
    const m = manifestFor([a, b], sh, terms);
    sh.glossary.stance = 'g4';
    sh.forms.stance = ['立场'];
    const p = planBuild([a, b], sh, m);
    expect(p.items.filter((i) => i.build).map((i) => [i.slug, i.reason])).toEqual([['b', 'glossary entry stance now occurs']]);
  });

  it('rebuilds everything when a shared input (template) changes', () => {
    const sh = shared();
    const m = manifestFor([a, b], sh, terms);
    sh.inputs.templates = 't2';
    expect(planBuild([a, b], sh, m).items.every((i) => i.build)).toBe(true);
  });

  it('rebuilds a changed source and lists removed ones', () => {
    const sh = shared();
    const m = manifestFor([a, b], sh, terms);
    const a2 = src('a', '和平', 'other');
    const p = planBuild([a2], sh, m);
    expect(p.items).toEqual([{ slug: 'a', build: true, reason: 'source changed' }]);
    expect(p.removed).toEqual(['b']);
  });

  it('--force rebuilds all', () => {
    const sh = shared();
    expect(planBuild([a, b], sh, manifestFor([a, b], sh, terms), { force: true }).items.every((i) => i.build)).toBe(true);
  });
});
