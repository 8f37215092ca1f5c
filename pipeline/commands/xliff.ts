import type { Command } from 'commander';
import type { Action } from '../cli.js';
import { UserError } from '../diagnostics.js';

export function defineXliff(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('xliff')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(
      run(async () => {
        throw new UserError('briefs xliff is not available yet');
      }),
    );
}
