// `briefs build --formats …`: which files a build writes, recorded in the manifest like every output,
// and removed (only those recorded, as written) when a later build no longer writes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasStackTrace, inProject, NEWS, project } from '../e2e/helpers.js';
import { docxParagraphs, markdownParagraphs } from '../render/docx-helpers.js';
import { digest } from '../../pipeline/build/digest.js';
import { parseFormats } from '../../pipeline/build/formats.js';

let dir: string;
const outDir = () => path.join(dir, 'out', NEWS);
const files = () => readdirSync(outDir()).sort();
const manifest = () => JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8'));
const recorded = () => (manifest().sources[NEWS].outputs as { path: string; format: string; digest: string }[]);
const exts = (names: string[]) => [...new Set(names.map((f) => f.split('.').pop()))].sort();

beforeAll(() => {
  dir = project([NEWS]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseFormats', () => {
  it('takes any of md, pdf, docx, png in any order and case', () => {
    expect([...parseFormats('docx, MD')].sort()).toEqual(['docx', 'md']);
    expect([...parseFormats('md,pdf,docx,png')].sort()).toEqual(['docx', 'md', 'pdf', 'png']);
  });
  it('refuses an unknown or empty format, naming it', () => {
    expect(() => parseFormats('md,odt')).toThrow(/"odt"/);
    expect(() => parseFormats('md,,pdf')).toThrow(/comma-separated/);
    expect(() => parseFormats('')).toThrow(/comma-separated/);
  });
});

describe('briefs build --formats', () => {
  it('writes md, pdf and docx by default, each recorded in the manifest with its digest', () => {
    const r = inProject(dir, 'build', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const briefs = files().filter((f) => f.endsWith('.md'));
    expect(briefs.length).toBeGreaterThan(0);
    for (const md of briefs) {
      const stem = md.slice(0, -3);
      expect(files()).toContain(`${stem}.pdf`);
      expect(files()).toContain(`${stem}.docx`);
    }
    for (const o of recorded()) expect(digest(readFileSync(path.join(dir, 'out', o.path))), o.path).toBe(o.digest);
    expect(recorded().filter((o) => o.format === 'docx').length).toBe(briefs.length);
  });

  it('gives each Word file the text of its Markdown brief', async () => {
    for (const md of files().filter((f) => f.endsWith('.md'))) {
      const docx = readFileSync(path.join(outDir(), md.replace(/\.md$/, '.docx')));
      expect(await docxParagraphs(docx), md).toEqual(markdownParagraphs(readFileSync(path.join(outDir(), md), 'utf8')));
    }
  });

  it('writes the same Word bytes in another build', () => {
    const before = files().filter((f) => f.endsWith('.docx')).map((f) => readFileSync(path.join(outDir(), f)));
    const r = inProject(dir, 'build', '--quiet', '--force');
    expect(r.code, r.stderr).toBe(0);
    const after = files().filter((f) => f.endsWith('.docx')).map((f) => readFileSync(path.join(outDir(), f)));
    expect(after.length).toBe(before.length);
    after.forEach((a, i) => expect(a.equals(before[i])).toBe(true));
  });

  it('with --formats md, rebuilds and removes the pdf and docx files it wrote, keeping an edited one', () => {
    const docx = files().find((f) => f.endsWith('.docx'))!;
    const edited = files().filter((f) => f.endsWith('.docx'))[1];
    if (edited) writeFileSync(path.join(outDir(), edited), 'edited by hand');
    const r = inProject(dir, 'build', '--quiet', '--formats', 'md');
    expect(r.code, r.stderr).toBe(0);
    const left = files().filter((f) => f !== edited);
    expect(exts(left).filter((e) => e !== 'xlf')).toEqual(['md']);
    expect(existsSync(path.join(outDir(), docx))).toBe(docx === edited);
    if (edited) expect(readFileSync(path.join(outDir(), edited), 'utf8')).toBe('edited by hand');
    expect([...new Set(recorded().map((o) => o.format))].filter((f) => f !== 'xlf')).toEqual(['md']);
    if (edited) rmSync(path.join(outDir(), edited));
  });

  it('with the same --formats again, is up to date; with docx added, builds it', () => {
    const again = inProject(dir, 'build', '--json', '--formats', 'md');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/"skipped":1/);
    const r = inProject(dir, 'build', '--quiet', '--formats', 'docx,md');
    expect(r.code, r.stderr).toBe(0);
    expect(exts(files()).filter((e) => e !== 'xlf')).toEqual(['docx', 'md']);
  });

  it('refuses an unknown format: usage error, exit 2, no stack trace', () => {
    const r = inProject(dir, 'build', '--formats', 'md,odt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--formats.*"odt"/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
