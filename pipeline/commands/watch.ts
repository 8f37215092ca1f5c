import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';

export function defineWatch(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('watch')
    .description('build, then rebuild what a change under --sources, --glossary or --templates affects (Ctrl-C to stop)')
    .option('--debounce <ms>', 'wait this long after the last change before rebuilding', '300')
    .action(
      run(async (ctx: Context, opts: { debounce: string }) => {
        const { watchAndBuild } = await import('../build/watch.js');
        await watchAndBuild(ctx, { debounceMs: Math.max(0, Number(opts.debounce) || 0) });
        return 0;
      }),
    );
}
