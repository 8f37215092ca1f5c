// One build run reported as a single line: what `watch` and `schedule` print per rebuild.
import type { Context } from '../context.js';
import { formatDiagnostic, UserError } from '../diagnostics.js';
import { runBuild, BuildAborted, type BuildOptions, type BuildSummary } from './run.js';
import { makeRunner } from './pool.js';

export interface OnceResult {
  summary?: BuildSummary;
  line: string;
  ok: boolean;
}

export function clock(d = new Date()): string {
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export async function buildOnce(ctx: Context, opts: BuildOptions = {}): Promise<OnceResult> {
  const t0 = Date.now();
  try {
    const summary = await runBuild(ctx, { waitMs: 60_000, ...opts }, makeRunner);
    const rebuilt = summary.results.map((r) => r.slug);
    const line =
      `${clock()} ` +
      (rebuilt.length ? `rebuilt ${rebuilt.length} (${rebuilt.join(', ')})` : 'nothing to rebuild') +
      `, ${summary.skipped} up to date, ${summary.needsTranslation} need translation, ${summary.failed} failed` +
      (summary.removed ? `, ${summary.removed} removed` : '') +
      ` in ${Date.now() - t0} ms`;
    // the summary keeps a source's first errors (run.ts SUMMARY_DIAGNOSTICS); say how many more it had
    const errors = summary.results.flatMap((r) => {
      const shown = r.diagnostics.filter((d) => d.fatal === true).map(formatDiagnostic);
      return r.errors > shown.length ? [...shown, `${r.slug}: ${r.errors - shown.length} more error(s)`] : shown;
    });
    return { summary, line: [line, ...errors].join('\n'), ok: summary.failed === 0 };
  } catch (err) {
    if (err instanceof BuildAborted) return { line: `${clock()} build stopped; the sources it completed are recorded`, ok: false };
    // a user mistake (bad glossary file, unreadable folder…) is reported located, like any diagnostic
    const diags = err instanceof UserError ? err.diagnostics.map(formatDiagnostic) : [err instanceof Error ? err.message : String(err)];
    return { line: [`${clock()} build failed:`, ...diags].join('\n'), ok: false };
  }
}
