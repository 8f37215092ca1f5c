// out/index.html: one static page to look over a build. For every source: title, date, publisher; the
// status of each language (built, draft, needs translation, failed with its reason); QA counts; a link
// to each file; the thumbnail of each PDF, which opens its 2× on click. It is made from the manifest
// alone, so a build, a shard and `briefs merge` write the same page for the same records, byte for
// byte. It works offline: inline CSS, no script, no URL outside out/.
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGS, type Lang } from '../model.js';
import { writeAtomicSync } from './atomic.js';
import { digest } from './digest.js';
import type { Manifest, OutputRecord, SourceRecord } from './manifest.js';

export const INDEX_NAME = 'index.html';

const LANG_NAMES: Record<Lang, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };
const FORMAT_NAMES: Record<string, string> = { md: 'Markdown', pdf: 'PDF', docx: 'Word', xlf: 'XLIFF (to translate)' };

export type LangStatus = 'built' | 'draft' | 'needs translation' | 'failed' | 'not built';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A path relative to out/ as an href: each part percent-encoded (slugs may hold spaces, #, ?, non-ASCII). */
export function href(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** The status of one language of a source, as the page shows it. */
export function langStatus(rec: SourceRecord, lang: Lang): LangStatus {
  if (rec.status === 'failed') return 'failed';
  const has = (format: string) => rec.outputs.some((o) => o.lang === lang && o.format === format);
  if (has('pdf') || has('md') || has('docx')) return lang === 'en' && rec.draft ? 'draft' : 'built';
  if (lang === 'en' && rec.needsTranslation > 0) return 'needs translation';
  return 'not built';
}

function statusText(rec: SourceRecord, lang: Lang, st: LangStatus): string {
  if (st === 'failed') return `failed: ${rec.failure ?? 'see the build report'}`;
  if (st === 'draft') return `draft: English not reviewed (${(rec.draft?.origins ?? []).join(', ')})`;
  if (st === 'needs translation') return `needs translation: ${rec.needsTranslation} segment(s)`;
  if (st === 'built' && lang === 'en' && rec.needsTranslation > 0) return 'built';
  return st;
}

function fileLinks(outputs: OutputRecord[]): string {
  const links = outputs
    .filter((o) => o.format !== 'png')
    .map((o) => `<a href="${href(o.path)}">${esc(FORMAT_NAMES[o.format] ?? o.format)}</a>`);
  return links.length ? links.join(' · ') : '<span class="none">no files</span>';
}

function thumbnail(outputs: OutputRecord[], lang: Lang): string {
  const small = outputs.find((o) => o.format === 'png' && !o.path.endsWith('@2x.png'));
  if (!small) return '<div class="thumb empty"></div>';
  const large = outputs.find((o) => o.format === 'png' && o.path.endsWith('@2x.png'));
  const pdf = outputs.find((o) => o.format === 'pdf');
  const target = large ?? pdf ?? small;
  const size = small.width && small.height ? ` width="${Number(small.width)}" height="${Number(small.height)}"` : '';
  return `<a class="thumb" href="${href(target.path)}"><img src="${href(small.path)}"${size} alt="first page of the ${esc(LANG_NAMES[lang])} PDF"></a>`;
}

function sourceSection(rec: SourceRecord): string {
  const f = rec.facts ?? {};
  const title = f.title || rec.slug;
  const byline = [f.date, f.publisher].filter((x): x is string => Boolean(x)).map(esc).join(' · ');
  const qa = rec.qa ? `QA: ${rec.qa.errors} error(s), ${rec.qa.warnings} warning(s)` : 'QA: not recorded';
  const langs = LANGS.map((lang) => {
    const st = langStatus(rec, lang);
    const outs = rec.outputs.filter((o) => o.lang === lang);
    return `<div class="lang">
<h3>${esc(LANG_NAMES[lang])} <span class="st ${st.replace(/ /g, '-')}">${esc(statusText(rec, lang, st))}</span></h3>
${thumbnail(outs, lang)}
<p class="files">${fileLinks(outs)}</p>
</div>`;
  }).join('\n');
  return `<section id="${esc(encodeURIComponent(rec.slug))}">
<h2>${esc(title)}</h2>
<p class="by">${byline || '&nbsp;'}<span class="slug">${esc(rec.slug)}</span></p>
<p class="qa${rec.qa?.errors ? ' bad' : ''}">${esc(qa)}${rec.dropped.length ? ` · dropped to fit one page: ${esc(rec.dropped.join(', '))}` : ''}</p>
<div class="langs">
${langs}
</div>
</section>`;
}

const CSS = `body{font:15px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans SC",sans-serif;margin:0;background:#f4f4f2;color:#1d1d1b}
header{padding:16px 24px;background:#1d3557;color:#fff}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;opacity:.85}
main{padding:8px 24px 24px}section{background:#fff;border:1px solid #ddd;border-radius:6px;margin:16px 0;padding:12px 16px}
h2{margin:0;font-size:18px}.by{margin:2px 0;color:#555}.slug{float:right;font:12px ui-monospace,monospace;color:#888}
.qa{margin:2px 0 8px;color:#555;font-size:13px}.qa.bad{color:#b00020}
.langs{display:flex;flex-wrap:wrap;gap:16px}.lang{width:304px}.lang h3{font-size:14px;margin:4px 0}
.st{font-weight:normal;font-size:12px;padding:1px 6px;border-radius:8px;background:#e7e7e7}.st.built{background:#d8f0dc}
.st.failed{background:#fbd9dc}.st.draft,.st.needs-translation{background:#fdf0c8}
.thumb{display:block;width:300px;min-height:60px;border:1px solid #ccc;background:#fafafa}.thumb img{display:block;width:300px;height:auto}
.thumb.empty{height:120px;background:repeating-linear-gradient(45deg,#f3f3f3,#f3f3f3 8px,#ececec 8px,#ececec 16px)}
.files{font-size:13px;margin:4px 0}.none{color:#999}`;

/** The page for these records, in slug order; the same records give the same bytes. */
export function renderIndexPage(manifest: Manifest): string {
  const recs = Object.keys(manifest.sources)
    .sort()
    .map((k) => manifest.sources[k]);
  const count = (s: string) => recs.filter((r) => r.status === s).length;
  const summary = `${recs.length} source(s): ${count('built')} built, ${count('needs-translation')} need translation, ${count('failed')} failed`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Briefs</title>
<style>
${CSS}
</style>
</head>
<body>
<header><h1>Briefs</h1><p>${esc(summary)}</p></header>
<main>
${recs.map(sourceSection).join('\n')}
</main>
</body>
</html>
`;
}

/**
 * Write out/index.html for this manifest and record its digest there (manifest.pages). An index.html
 * the build did not write (a user's own, or the page edited by hand) is left as it is: the reason is
 * returned, and nothing is written. Called under the manifest lock (see ManifestStore.update).
 */
export function writeIndexPage(outDir: string, manifest: Manifest): string | undefined {
  const html = renderIndexPage(manifest);
  const want = digest(html);
  const file = path.join(outDir, INDEX_NAME);
  let have: string | undefined;
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return `${file} is not a regular file; the preview page was not written`;
    have = digest(readFileSync(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (have !== undefined && have !== want && have !== manifest.pages?.[INDEX_NAME])
    return `${file} was not written by this build (or was changed since): it is kept as it is, and the preview page is not updated; move it away to get the page`;
  if (have !== want) writeAtomicSync(file, html);
  manifest.pages = { ...manifest.pages, [INDEX_NAME]: want };
  return undefined;
}
