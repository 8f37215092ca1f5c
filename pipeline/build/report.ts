// How a build talks to people: a progress bar on a terminal, then a summary table and the diagnostics;
// one JSON line per event with --json; only errors with --quiet.
import { SingleBar, Presets } from 'cli-progress';
import type { Context } from '../context.js';
import { formatDiagnostic, toPlain, type Diagnostic } from '../diagnostics.js';
import type { BuildEvent } from './events.js';
import type { BuildSummary } from './run.js';

export interface Reporter {
  onEvent(e: BuildEvent): void;
  finish(summary: BuildSummary): void;
}

interface Row {
  slug: string;
  status: string;
  note: string;
}

export function makeReporter(ctx: Context, out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Reporter {
  if (ctx.json) {
    return {
      onEvent(e) {
        const line = e.type === 'done' ? { ...e, diagnostics: e.diagnostics.map(toPlain) } : e;
        out.write(JSON.stringify({ event: e.type, ...line, type: undefined }) + '\n');
      },
      finish() {},
    };
  }
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  const bar = !ctx.quiet && err.isTTY ? new SingleBar({ format: 'building {bar} {value}/{total} {slug}', hideCursor: true, clearOnComplete: true, stream: err }, Presets.shades_classic) : undefined;
  let done = 0;
  return {
    onEvent(e) {
      switch (e.type) {
        case 'plan':
          bar?.start(e.toBuild, 0, { slug: '' });
          break;
        case 'skip':
          rows.push({ slug: e.slug, status: 'up to date', note: '' });
          break;
        case 'start':
          bar?.update(done, { slug: e.slug });
          break;
        case 'done': {
          done++;
          bar?.update(done, { slug: e.slug });
          const notes: string[] = [];
          if (e.needsTranslation) notes.push(`${e.needsTranslation} segment(s) need English → ${e.slug}/${e.slug}.en.xlf`);
          if (e.draft) notes.push(`English is a draft, not reviewed (${e.draft.origins.join(', ')})`);
          if (e.dropped.length) notes.push(`dropped to fit one page: ${e.dropped.join(', ')}`);
          const errors = e.diagnostics.filter((d) => d.fatal === true).length;
          if (e.status === 'failed') notes.push(`${errors} error(s)`);
          rows.push({ slug: e.slug, status: e.status === 'built' ? `built${e.draft ? ', draft English' : ''} (${e.outputs.length} files)` : e.status, note: notes.join('; ') });
          diagnostics.push(...e.diagnostics);
          break;
        }
        case 'removed':
          rows.push({
            slug: e.slug,
            status: 'removed',
            note: e.kept.length
              ? `source is gone; its outputs were deleted, except ${e.kept.length} changed since they were written (kept): ${e.kept.join(', ')}`
              : 'source is gone; its outputs were deleted',
          });
          break;
        case 'summary':
          bar?.stop();
          break;
      }
    },
    finish(summary) {
      const shown = ctx.quiet ? diagnostics.filter((d) => d.fatal === true) : diagnostics;
      for (const d of shown) err.write(formatDiagnostic(d) + '\n');
      if (ctx.quiet) return;
      rows.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
      const w1 = Math.max(6, ...rows.map((r) => r.slug.length));
      const w2 = Math.max(6, ...rows.map((r) => r.status.length));
      out.write(`${'source'.padEnd(w1)}  ${'status'.padEnd(w2)}  notes\n`);
      for (const r of rows) out.write(`${r.slug.padEnd(w1)}  ${r.status.padEnd(w2)}  ${r.note}\n`);
      out.write(
        `\n${summary.built} built, ${summary.needsTranslation} need translation, ${summary.failed} failed, ${summary.skipped} up to date` +
          (summary.removed ? `, ${summary.removed} removed` : '') +
          '\n',
      );
    },
  };
}
