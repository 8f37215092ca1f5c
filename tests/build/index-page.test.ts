// Issue #16, point 3: out/index.html. The page is parsed (hast-util-from-html) and every link and
// image must resolve to a file in out/; it works offline (no script, no URL outside out/); it shows
// each source's facts, each language's status (failed with its reason), QA counts and thumbnails;
// it is byte-identical from build to build; a user's own index.html is never overwritten.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, lstatSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { smallProject, SOURCE, run } from '../adversarial/helpers.js';
import { events } from '../e2e/helpers.js';
import { pngSize } from '../../pipeline/build/thumbnails.js';
import { langStatus, renderIndexPage } from '../../pipeline/build/index-page.js';
import { emptyManifest, type SourceRecord } from '../../pipeline/build/manifest.js';
import { THUMB_WIDTH } from '../../pipeline/render/thumbnail.js';

function elements(node: Root | Element, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (c.type === 'element') {
      out.push(c);
      elements(c, out);
    }
  }
  return out;
}

const text = (e: Element): string => e.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('');

let dir: string;
let out: string;
let page: string;
let failure: string;

beforeAll(() => {
  dir = smallProject({
    'sources/demo/source.txt': SOURCE,
    'sources/demo/meta.yaml': 'title: 共同安全简报\ndate: 2025-05-16\ninstitution: 测试研究院\n',
    'sources/with space #1/source.txt': SOURCE.replace('306', '412'),
    // nothing but a title: this source fails, with a reason
    'sources/empty/source.txt': '只有标题\n',
  });
  out = path.join(dir, 'out');
  const r = run(dir, 'build', '--json');
  expect(r.code).toBe(1); // the empty source failed
  failure = events(r.stdout).find((e) => e.slug === 'empty' && e.event === 'done')!.diagnostics!.find((d) => d.severity === 'error')!.reason;
  page = readFileSync(path.join(out, 'index.html'), 'utf8');
}, 300_000);

describe('out/index.html', () => {
  it('every link and image resolves to a file inside out/, and nothing leaves out/', () => {
    const tree = fromHtml(page);
    const els = elements(tree);
    const refs = els.flatMap((e) => ['href', 'src'].map((k) => e.properties?.[k]).filter((v): v is string => typeof v === 'string'));
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref, 'no scheme or absolute path: the page works offline').not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/)/i);
      const file = path.resolve(out, decodeURIComponent(ref));
      expect(file.startsWith(out + path.sep), ref).toBe(true);
      expect(existsSync(file) && lstatSync(file).isFile(), `${ref} → ${file}`).toBe(true);
    }
    expect(els.some((e) => e.tagName === 'script' || e.tagName === 'link' || e.tagName === 'iframe')).toBe(false);
    expect(page).not.toMatch(/url\(|@import|https?:\/\//);
  });

  it('shows each source with its facts, statuses, QA counts, and a thumbnail per PDF that opens its 2×', () => {
    const tree = fromHtml(page);
    const sections = elements(tree).filter((e) => e.tagName === 'section');
    expect(sections).toHaveLength(3);
    const demo = sections.find((s) => text(s).includes('共同安全简报'))!;
    expect(text(demo)).toContain('2025-05-16');
    expect(text(demo)).toContain('测试研究院');
    expect(text(demo)).toMatch(/QA: \d+ error\(s\), \d+ warning\(s\)/);
    // English waits for a translator here: the status says so and links the file to translate
    expect(text(demo)).toMatch(/needs translation: \d+ segment/);
    const imgs = elements(demo).filter((e) => e.tagName === 'img');
    expect(imgs).toHaveLength(2); // zh-Hans and zh-Hant PDFs
    for (const img of imgs) {
      const src = decodeURIComponent(String(img.properties.src));
      const png = readFileSync(path.join(out, src));
      expect(pngSize(png).width).toBe(THUMB_WIDTH);
      const link = elements(demo).find((e) => e.tagName === 'a' && elements(e).includes(img))!;
      const big = readFileSync(path.join(out, decodeURIComponent(String(link.properties.href))));
      expect(pngSize(big).width).toBe(THUMB_WIDTH * 2);
    }
    const failed = sections.find((s) => text(s).includes('empty'))!;
    expect(text(failed)).toContain(`failed: ${failure}`);
  });

  it('is byte-identical from build to build, and the thumbnails too', () => {
    const before = readFileSync(path.join(out, 'index.html'));
    const thumb = path.join(out, 'demo', 'demo.zh-Hans.png');
    const png = readFileSync(thumb);
    rmSync(thumb);
    expect(run(dir, 'build', '--force').code).toBe(1);
    expect(readFileSync(path.join(out, 'index.html')).equals(before)).toBe(true);
    expect(readFileSync(thumb).equals(png)).toBe(true);
  }, 120_000);

  it('a user\'s own out/index.html is kept, with a warning', () => {
    const mine = smallProject();
    mkdirSync(path.join(mine, 'out'));
    writeFileSync(path.join(mine, 'out', 'index.html'), '<p>my page</p>\n');
    const r = run(mine, 'build');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(mine, 'out', 'index.html'), 'utf8')).toBe('<p>my page</p>\n');
    expect(r.stderr).toContain('index.html');
    expect(r.stderr).toContain('not written by this build');
  }, 120_000);
});

describe('language status', () => {
  const rec = (over: Partial<SourceRecord>): SourceRecord => ({
    slug: 's',
    status: 'needs-translation',
    inputs: {},
    terms: [],
    glossary: '',
    needsTranslation: 4,
    dropped: [],
    outputs: [{ path: 's/s.zh-Hans.pdf', lang: 'zh-Hans', format: 'pdf', digest: 'x', bytes: 1 }],
    ...over,
  });

  it('tells built, needs translation, draft and failed apart', () => {
    expect(langStatus(rec({}), 'zh-Hans')).toBe('built');
    expect(langStatus(rec({}), 'en')).toBe('needs translation');
    const en = { path: 's/s.en.pdf', lang: 'en' as const, format: 'pdf' as const, digest: 'y', bytes: 1 };
    expect(langStatus(rec({ status: 'built', needsTranslation: 0, outputs: [en], draft: { origins: ['mt:openai/m'] } }), 'en')).toBe('draft');
    expect(langStatus(rec({ status: 'built', needsTranslation: 0, outputs: [en] }), 'en')).toBe('built');
    expect(langStatus(rec({ status: 'failed', failure: 'why' }), 'zh-Hans')).toBe('failed');
    const m = emptyManifest('t');
    m.sources.s = rec({ status: 'built', needsTranslation: 0, outputs: [en], draft: { origins: ['mt:openai/m'] } });
    expect(renderIndexPage(m)).toContain('draft: English not reviewed (mt:openai/m)');
    m.sources.s = rec({ status: 'failed', failure: 'a <b> reason' });
    expect(renderIndexPage(m)).toContain('failed: a &lt;b&gt; reason');
  });
});
