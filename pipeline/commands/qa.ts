import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';

export function defineQa(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('qa')
    .description('check every English translation (sources/<slug>/en.xlf) against its Chinese and the glossary')
    .argument('[slugs...]', 'sources to check (default: all)')
    .action(
      run(async (ctx: Context, slugs: string[]) => {
        const { qaSources } = await import('../localize/qa-run.js');
        const { isError, formatDiagnostic, diagnosticToJson } = await import('../diagnostics.js');
        const res = await qaSources(ctx, slugs ?? []);
        const errors = res.diagnostics.filter(isError).length;
        const warnings = res.diagnostics.length - errors;
        const checked = res.sources.reduce((n, s) => n + s.checked, 0);
        if (ctx.json) {
          process.stdout.write(
            JSON.stringify({ ok: errors === 0, sources: res.sources, errors, warnings, diagnostics: res.diagnostics.map(diagnosticToJson) }) + '\n',
          );
        } else {
          for (const d of res.diagnostics) if (!ctx.quiet || isError(d)) process.stderr.write(formatDiagnostic(d) + '\n');
          if (!ctx.quiet)
            process.stdout.write(
              `${checked} translation${checked === 1 ? '' : 's'} checked in ${res.sources.length} source${res.sources.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
            );
        }
        return errors ? 1 : 0;
      }),
    );
}
