import type { Command } from 'commander';
import type { Action } from '../cli.js';
import { UserError } from '../diagnostics.js';

export function defineParse(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('parse')
    .description('show the structure of a source: an outline, or the whole SourceDoc with --json')
    .argument('<source>', 'a slug under --sources, a slug folder, or a .txt/.md file')
    .action(
      run(async () => {
        throw new UserError('briefs parse is not available yet');
      }),
    );
}
