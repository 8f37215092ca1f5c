import type { Command } from 'commander';
import type { Action } from '../cli.js';
import { UserError } from '../diagnostics.js';

export function defineQa(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('qa')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(
      run(async () => {
        throw new UserError('briefs qa is not available yet');
      }),
    );
}
