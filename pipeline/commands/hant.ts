import type { Command } from 'commander';
import type { Action } from '../cli.js';
import { UserError } from '../diagnostics.js';

export function defineHant(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('hant')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(
      run(async () => {
        throw new UserError('briefs hant is not available yet');
      }),
    );
}
