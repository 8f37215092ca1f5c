// The manifest's text: joined from pieces kept per record, it must be exactly the canonical JSON
// (sorted keys, two-space indent) that a whole serialization gives, before and after records change.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManifestStore, serializeManifest, type Manifest, type SourceRecord, type OutputRecord } from '../../pipeline/build/manifest.js';
import { writeAtomicSync } from '../../pipeline/build/atomic.js';

/** The whole serialization, done the plain way (what the manifest was before it was put together from pieces). */
function reference(m: Manifest): string {
  const sortObj = <T>(o: Record<string, T>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const sources: Record<string, SourceRecord> = {};
  for (const slug of Object.keys(m.sources).sort()) {
    const s = m.sources[slug];
    sources[slug] = { ...s, inputs: sortObj(s.inputs), terms: [...s.terms].sort(), outputs: [...s.outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  }
  const used = new Set(Object.values(sources).map((s) => s.glossary));
  const glossaries: Manifest['glossaries'] = {};
  for (const key of Object.keys(m.glossaries).sort()) if (used.has(key)) glossaries[key] = sortObj(m.glossaries[key]);
  const pages = m.pages ? { pages: sortObj(m.pages) } : {};
  return JSON.stringify({ version: m.version, tool: m.tool, glossaries, sources, ...pages }, null, 2) + '\n';
}

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/); // "2024" too: integer-like keys come first in an object
const text = fc.string({ maxLength: 12 }); // any characters: quotes, backslashes, newlines, non-BMP
const output = (s: string): fc.Arbitrary<OutputRecord> =>
  fc.record(
    {
      path: slug.map((f) => `${s}/${f}`),
      lang: fc.constantFrom('zh-Hans', 'zh-Hant', 'en'),
      format: fc.constantFrom('md', 'pdf', 'png', 'docx', 'xlf'),
      digest: fc.stringMatching(/^[0-9a-f]{8}$/),
      bytes: fc.nat(),
      scale: fc.double({ min: 0.5, max: 1, noNaN: true }),
      width: fc.nat(400),
    },
    { requiredKeys: ['path', 'lang', 'format', 'digest', 'bytes'] },
  ) as fc.Arbitrary<OutputRecord>;
const record = (s: string, glossaryKeys: string[]): fc.Arbitrary<SourceRecord> =>
  fc.record(
    {
      slug: fc.constant(s),
      status: fc.constantFrom('built', 'needs-translation', 'failed'),
      inputs: fc.dictionary(text, text, { maxKeys: 4 }),
      terms: fc.array(text, { maxLength: 4 }),
      glossary: fc.constantFrom(...glossaryKeys),
      needsTranslation: fc.nat(9),
      dropped: fc.array(text, { maxLength: 2 }),
      draft: fc.record({ origins: fc.array(text, { maxLength: 2 }) }),
      outputs: fc.array(output(s), { maxLength: 4 }),
      interrupted: fc.boolean(),
      facts: fc.record({ title: text, date: text }, { requiredKeys: [] }),
      qa: fc.record({ errors: fc.nat(3), warnings: fc.nat(3) }),
      failure: text,
    },
    { requiredKeys: ['slug', 'status', 'inputs', 'terms', 'glossary', 'needsTranslation', 'dropped', 'outputs'] },
  ) as fc.Arbitrary<SourceRecord>;

const manifest: fc.Arbitrary<Manifest> = fc
  .tuple(fc.uniqueArray(slug, { maxLength: 6 }), fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{4}$/), { minLength: 1, maxLength: 3 }), text, fc.boolean())
  .chain(([slugs, keys, tool, withPages]) =>
    fc.record({
      version: fc.constant(1),
      tool: fc.constant(tool),
      glossaries: fc.tuple(...keys.map(() => fc.dictionary(text, text, { maxKeys: 3 }))).map((gs) => Object.fromEntries(keys.map((k, i) => [k, gs[i]]))),
      sources: fc.tuple(...slugs.map((s) => record(s, keys))).map((rs) => Object.fromEntries(rs.map((r) => [r.slug, r]))),
      ...(withPages ? { pages: fc.dictionary(fc.constantFrom('index.html'), text) } : {}),
    }),
  ) as fc.Arbitrary<Manifest>;

describe('serializeManifest', () => {
  it('is the canonical JSON of the whole manifest, for any records', () => {
    fc.assert(fc.property(manifest, (m) => serializeManifest(m) === reference(m)), { numRuns: 100 });
  });

  it('stays the canonical JSON as records are replaced, added, removed and renamed between writes', () => {
    fc.assert(
      fc.property(manifest, manifest, (a, b) => {
        const m: Manifest = { ...a, sources: { ...a.sources }, glossaries: { ...a.glossaries } };
        expect(serializeManifest(m)).toBe(reference(m));
        // b's records replace a's or join them; one of a's goes; one record is kept under a new slug
        Object.assign(m.sources, b.sources);
        Object.assign(m.glossaries, b.glossaries);
        const first = Object.keys(a.sources).find((s) => !(s in b.sources));
        if (first) {
          const moved = m.sources[first];
          delete m.sources[first];
          m.sources[`${first}-moved`] = moved; // the same object under another key (its slug field unchanged)
        }
        expect(serializeManifest(m)).toBe(reference(m));
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe('the manifest on disk (ManifestStore, written in pieces)', () => {
  const rec = (s: string, d: string): SourceRecord => ({ slug: s, status: 'built', inputs: { source: d }, terms: [], glossary: 'g', needsTranslation: 0, dropped: [], outputs: [] });

  it('writes what the whole serialization gives, and leaves an unchanged manifest unwritten', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-store-'));
    const file = path.join(dir, 'manifest.json');
    const write = (f: string, data: Buffer[]) => writeAtomicSync(f, data);
    const store = ManifestStore.open(dir, 't');
    // more records than one system call writes (writeAtomicSync writes pieces in batches)
    await store.update((m) => {
      m.glossaries.g = { a: '1' };
      for (let i = 0; i < 600; i++) m.sources[`s${i}`] = rec(`s${i}`, String(i));
    }, write);
    expect(readFileSync(file, 'utf8')).toBe(reference(store.manifest));
    await store.update((m) => void (m.sources.s7 = rec('s7', 'changed')), write);
    expect(readFileSync(file, 'utf8')).toBe(reference(store.manifest));
    const before = statSync(file, { bigint: true });
    await store.update(() => {}, write); // nothing changed: not written
    await ManifestStore.open(dir, 't').update(() => {}, write); // nor by a store that read it from disk
    expect(statSync(file, { bigint: true }).ino).toBe(before.ino);
    let rewritten = false;
    await ManifestStore.open(dir, 't').update((m) => void (m.tool = 'u'), (f, data) => ((rewritten = true), write(f, data)));
    expect(rewritten).toBe(true);
  });

  it('writeAtomicSync writes every piece in order, empty ones and many at once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-pieces-'));
    const pieces = Array.from({ length: 1500 }, (_, i) => Buffer.from(i % 7 === 0 ? '' : `${i},`));
    writeAtomicSync(path.join(dir, 'f'), pieces);
    expect(readFileSync(path.join(dir, 'f')).equals(Buffer.concat(pieces))).toBe(true);
  });
});
