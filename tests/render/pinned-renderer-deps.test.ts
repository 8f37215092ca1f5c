// pipeline/render/ reaches into the internals of pdfmake, pdfkit, fontkit and restructure (glyph
// index, metrics, subsets, cmap, the layout and renderer hooks) and of docx (Packer.compiler, the parts
// before they are zipped, render/docx.ts): a version whose internals differ
// could typeset wrong without failing. They are pinned exactly in package.json, and this test says
// what to re-check when the installed version is not the pinned one.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const json = (rel: string) => JSON.parse(readFileSync(new URL(rel, root), 'utf8')) as Record<string, any>;

/** Each pinned package, with the modules that depend on its internals. */
const REACHED_INTO: Record<string, string[]> = {
  pdfmake: ['pdfmake-renderer.ts', 'pdfmake-styles.ts', 'pdfmake-breaks.ts', 'pdfmake-interop.ts', 'font-sharing.ts', 'fonts.ts'],
  pdfkit: ['fontkit-shortcuts.ts', 'shaping-shortcuts.ts', 'font-sharing.ts', 'pdfmake-renderer.ts', 'latin-shaping-make.ts'],
  fontkit: ['fontkit-shortcuts.ts', 'shaping-shortcuts.ts', 'latin-shaping.ts', 'latin-shaping-make.ts', 'font-files.ts', 'fallback-chars.ts'],
  restructure: ['fontkit-shortcuts.ts'],
  docx: ['docx.ts'],
};

describe('renderer dependencies are pinned', () => {
  const pj = json('package.json');
  for (const [pkg, modules] of Object.entries(REACHED_INTO)) {
    it(`${pkg}: an exact version in package.json, and that version installed`, () => {
      const wanted: unknown = pj.dependencies?.[pkg];
      expect(typeof wanted === 'string' && /^\d+\.\d+\.\d+$/.test(wanted), `package.json must pin ${pkg} to an exact version (x.y.z), not "${String(wanted)}": pipeline/render/ reaches into its internals`).toBe(true);
      const installed = json(`node_modules/${pkg}/package.json`).version as string;
      const what = modules.map((m) => `pipeline/render/${m}`).join(', ');
      expect(
        installed,
        `${pkg} ${installed} is installed but package.json pins ${String(wanted)}. Before accepting another version, re-check the internals these modules use ` +
          `(${what}) against its source, then build the seeds and diff them with the reference outputs (md and pdf byte-identical), ` +
          `then change the pin here and in package.json.`,
      ).toBe(wanted);
    });
  }

  it('every module named as reaching into a package exists and mentions it', () => {
    for (const [pkg, modules] of Object.entries(REACHED_INTO))
      for (const m of modules) expect(readFileSync(new URL(`pipeline/render/${m}`, root), 'utf8').toLowerCase(), `${m} / ${pkg}`).toContain(pkg);
  });
});
