// briefs parse <slug|path> [--json]: show what the ingest stage makes of a source.
import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';

export function defineParse(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('parse')
    .description('show the structure of a source: an outline, or the whole SourceDoc with --json')
    .argument('<source>', 'a slug under --sources, a slug folder, or a .txt/.md file')
    .option('--json', 'print the whole SourceDoc as JSON (diagnostics under "diagnostics")')
    .addHelpText(
      'after',
      '\nExamples:\n  briefs parse thepaper-2023-xiangshan-forum\n  briefs parse sources/siis-2025-common-security/source.txt --json\n',
    )
    .action(
      run(async (ctx: Context, ref: string, opts: { json?: boolean }) => {
        const [{ loadSourceDoc }, { formatOutline }, { formatDiagnostic, diagnosticToJson, isError }] = await Promise.all([
          import('../build/load-source.js'),
          import('../ingest/outline.js'),
          import('../diagnostics.js'),
        ]);
        const { doc, diagnostics } = await loadSourceDoc(ctx, ref);
        const failed = diagnostics.some(isError);
        if (ctx.json || opts.json) {
          process.stdout.write(JSON.stringify({ ...doc, diagnostics: diagnostics.map(diagnosticToJson) }, null, 2) + '\n');
        } else {
          process.stdout.write(formatOutline(doc));
          for (const d of diagnostics) if (!ctx.quiet || isError(d)) process.stderr.write(formatDiagnostic(d) + '\n');
        }
        return failed ? 1 : 0;
      }),
    );
}
