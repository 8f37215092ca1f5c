import type { Command } from 'commander';
import type { Action } from '../cli.js';
import { UserError } from '../diagnostics.js';

export function defineBuild(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('build')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(
      run(async () => {
        throw new UserError('briefs build is not available yet');
      }),
    );
}
