import type { Command } from 'commander';
import type { Action } from '../cli.js';
import { UserError } from '../diagnostics.js';

export function defineGlossary(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('glossary')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(
      run(async () => {
        throw new UserError('briefs glossary is not available yet');
      }),
    );
}
