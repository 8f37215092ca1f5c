#!/usr/bin/env node
// npm run corpus: build corpus/ (real documents, corpus/README.md), one document at a time, into a temporary
// --out with --json and
// print a Markdown table, one row per document: the genre it was read as and its source format, the
// brief's title, how many items it has, what the brief checks (pipeline/check/brief/) found, by rule,
// the status and the build time. README.md's "Corpus" section keeps the latest table.
//
//   npm run corpus [-- --sources DIR] [-- --keep]     (--keep leaves the built briefs and prints where)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(repo, 'bin', 'briefs.js');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sources = path.resolve(opt('--sources') ?? path.join(repo, 'corpus'));
const keep = args.includes('--keep');
const out = mkdtempSync(path.join(os.tmpdir(), 'briefs-corpus-'));

const run = (argv) => spawnSync(process.execPath, [bin, ...argv], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
// one build per document, one after the other: a document's time is its own (in a batch, the pool's
// `ms` also counts the time a source waits in the queue)
const slugs = readdirSync(sources, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
const outOf = (slug) => path.join(out, slug);
const started = Date.now();
const done = [];
for (const slug of slugs) {
  const build = run(['build', slug, '--sources', sources, '--out', outOf(slug), '--json', '--workers', '1', '--force']);
  const events = build.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const e = events.find((x) => x.event === 'done');
  if (e) done.push(e);
  else process.stderr.write(`corpus: ${slug}: the build reported nothing (exit ${build.status})\n${build.stderr.slice(0, 2000)}\n`);
}
const wall = Date.now() - started;
if (!done.length) {
  process.stderr.write(`corpus: the build reported nothing (exit ${build.status})\n${build.stderr}\n`);
  process.exit(1);
}

/** Short names of the brief rules, in the order the checks run (pipeline/check/brief/index.ts). */
const RULES = ['title', 'empty', 'markup-residue', 'untraceable', 'invented-end', 'fused', 'duplicate', 'question', 'salutation', 'caption', 'citation', 'section-number', 'generic-term', 'term-in-word', 'dependent', 'summary-fragment'];

/** The source file's format: source.pdf → pdf (an English companion source.en.* aside). */
function format(slug) {
  const dir = path.join(sources, slug);
  if (!existsSync(dir)) return '?';
  const f = readdirSync(dir).find((n) => /^source\.(?!en\.)[a-z]+$/.test(n));
  return f ? f.slice('source.'.length) : '?';
}

/**
 * Genre and title from the zh-Hans brief's front matter (the genre selection followed — law, interview,
 * work report, speech — else the kind: report or news); items counted in its body (the key terms aside).
 */
function fromBrief(slug) {
  const file = path.join(outOf(slug), slug, `${slug}.zh-Hans.md`);
  if (!existsSync(file)) return undefined;
  const md = readFileSync(file, 'utf8');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(md);
  const field = (k) => (fm ? new RegExp(`^${k}: (.*)$`, 'm').exec(fm[1])?.[1]?.replace(/^["']|["']$/g, '') : undefined);
  const body = md.slice(fm ? fm[0].length : 0);
  let items = 0;
  for (const section of body.split(/^## /m).slice(1)) {
    const lines = section.split('\n').slice(1);
    if (lines.some((l) => l.startsWith('|'))) continue; // the key-terms table
    const listed = lines.filter((l) => /^(?:[-*+]|\d+\.)\s/.test(l)).length;
    items += listed || section.split(/\n\s*\n/).slice(1).filter((p) => p.trim()).length;
  }
  return { kind: field('genre') ?? field('kind'), title: field('title'), items };
}

/** Kind and title as `briefs parse` reads them, for a document that has no brief. */
function fromParse(slug) {
  const r = run(['parse', path.join(sources, slug), '--json']);
  try {
    const doc = JSON.parse(r.stdout);
    const title = doc.meta?.shortTitle || doc.meta?.title || (doc.titleSegments ?? []).map((s) => s.text).join('');
    return { kind: doc.genre ?? doc.kind, title: title || '', items: 0 };
  } catch {
    return { kind: '?', title: '', items: 0 };
  }
}

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const totals = new Map(RULES.map((r) => [r, { error: 0, warning: 0 }]));
const rows = [];
for (const e of [...done].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
  const info = fromBrief(e.slug) ?? fromParse(e.slug);
  const found = new Map();
  for (const d of e.diagnostics ?? []) {
    if (!d.rule?.startsWith('brief:')) continue;
    const name = d.rule.slice('brief:'.length);
    const f = found.get(name) ?? { error: 0, warning: 0 };
    f[d.severity === 'error' ? 'error' : 'warning']++;
    found.set(name, f);
    const t = totals.get(name) ?? { error: 0, warning: 0 };
    t[d.severity === 'error' ? 'error' : 'warning']++;
    totals.set(name, t);
  }
  const findings = [...found]
    .sort((a, b) => RULES.indexOf(a[0]) - RULES.indexOf(b[0]))
    .map(([r, f]) => [f.error ? `${r} ${f.error}E` : '', f.warning ? `${r} ${f.warning}W` : ''].filter(Boolean).join(', '))
    .join(', ');
  const firstError = (e.diagnostics ?? []).find((d) => d.severity === 'error');
  const status = e.status === 'failed' && firstError ? `failed (${firstError.rule})` : e.status;
  rows.push(`| ${e.slug} | ${cell(info.kind) || '?'} (${format(e.slug)}) | ${cell(info.title) || '—'} | ${e.status === 'failed' ? '—' : info.items} | ${findings || '—'} | ${status} | ${e.ms ?? ''} |`);
}

const date = new Date().toISOString().slice(0, 10);
const lines = [
  `Measured ${date}: \`npm run corpus\`, ${done.length} documents, each built alone (ms: its build's \`done\` time), ${Math.round(wall / 100) / 10} s in all on ${os.cpus().length} cores.`,
  'Findings are the brief checks’ (`brief:<rule>`), E errors (the source fails) and W warnings.',
  '',
  '| slug | genre (format) | title | items | findings | status | ms |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `By rule: ${RULES.map((r) => {
    const t = totals.get(r);
    return `${r} ${t.error ? `${t.error}E` : ''}${t.error && t.warning ? '+' : ''}${t.warning ? `${t.warning}W` : ''}${!t.error && !t.warning ? '0' : ''}`;
  }).join(', ')}.`,
];
process.stdout.write(lines.join('\n') + '\n');
if (keep) process.stderr.write(`corpus: briefs kept in ${out}\n`);
else rmSync(out, { recursive: true, force: true });
