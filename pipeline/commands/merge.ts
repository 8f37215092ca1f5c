import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';

export function defineMerge(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('merge')
    .description('combine the --out folders of shards built apart (briefs build --shard i/n) into one --out, with one manifest and one index.html')
    .argument('<dirs...>', 'the shards\' output folders')
    .addHelpText(
      'after',
      '\nEvery output is checked against the digest its manifest records. A source built differently in two folders,\n' +
        'or a file in --out that briefs did not write where an output goes, stops the merge before anything is written.\n' +
        'Exit codes: 0 merged, 1 refused (the errors say why), 2 usage.',
    )
    .action(
      run(async (ctx: Context, dirs: string[]) => {
        const { mergeOutputs } = await import('../build/merge.js');
        const s = await mergeOutputs(ctx, dirs);
        if (ctx.json) process.stdout.write(JSON.stringify({ ok: true, ...s }) + '\n');
        else if (!ctx.quiet)
          process.stdout.write(`merged ${dirs.length} folder(s) into ${ctx.outDir}: ${s.sources} source(s), ${s.written} file(s) written, ${s.unchanged} already there\n`);
        return 0;
      }),
    );
}
