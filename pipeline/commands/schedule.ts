import type { Command } from 'commander';
import type { Action } from '../cli.js';
import { UserError } from '../diagnostics.js';

export function defineSchedule(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('schedule')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(
      run(async () => {
        throw new UserError('briefs schedule is not available yet');
      }),
    );
}
