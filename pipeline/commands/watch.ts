import type { Command } from 'commander';
import type { Action } from '../cli.js';
import { UserError } from '../diagnostics.js';

export function defineWatch(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('watch')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(
      run(async () => {
        throw new UserError('briefs watch is not available yet');
      }),
    );
}
