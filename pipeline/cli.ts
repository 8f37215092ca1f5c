// The `briefs` command line: arguments, output format and exit codes only; no logic.
// Each command lives in commands/<name>.ts and loads its stage modules lazily, so start-up stays quick.
// bin/briefs.js calls main().
import { Command, CommanderError } from 'commander';
import { UserError, formatDiagnostic, diagnosticToJson, capText } from './diagnostics.js';
import { resolveContext, type Context, type GlobalOptions } from './context.js';
import { defineParse } from './commands/parse.js';
import { defineBuild } from './commands/build.js';
import { defineHant } from './commands/hant.js';
import { defineGlossary } from './commands/glossary.js';
import { defineXliff } from './commands/xliff.js';
import { defineTranslate } from './commands/translate.js';
import { defineQa } from './commands/qa.js';
import { defineWatch } from './commands/watch.js';
import { defineSchedule } from './commands/schedule.js';
import { defineMerge } from './commands/merge.js';
import { defineAdd } from './commands/add.js';
import { defineAlign } from './commands/align.js';
import { VERSION } from './version.js';

export type Action = (ctx: Context, ...args: any[]) => Promise<number | void>;

/** Wrap a command's action: resolve the shared options, run, map errors to exit codes. */
export function runner(program: Command) {
  return (action: Action) =>
    async (...args: any[]): Promise<void> => {
      const cmd = args[args.length - 1] as Command;
      const ctx = resolveContext(cmd.optsWithGlobals() as GlobalOptions);
      try {
        const code = await action(ctx, ...args);
        process.exitCode = typeof code === 'number' ? code : 0;
      } catch (err) {
        process.exitCode = reportError(err, ctx);
      }
      void program;
    };
}

function reportError(err: unknown, ctx: Context): number {
  if (err instanceof UserError) {
    if (ctx.json) {
      process.stdout.write(JSON.stringify({ ok: false, diagnostics: err.diagnostics.map(diagnosticToJson) }) + '\n');
    } else {
      for (const d of err.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
    }
    return err.exitCode;
  }
  // Anything else is a bug in briefs, not a user mistake: show the stack so it can be reported.
  process.stderr.write(`briefs: internal error (please report): ${capText(err instanceof Error ? err.stack ?? err.message : String(err), 8000)}\n`);
  return 70;
}

export function makeProgram(): Command {
  const program = new Command();
  program
    .name('briefs')
    .description('Turn long Chinese source texts into one-page briefings in zh-Hans, zh-Hant and English.')
    .version(VERSION, '-V, --version')
    .option('--sources <dir>', 'folder of sources (<slug>/source.txt|md, meta.yaml, en.xlf)', undefined)
    .option('--glossary <dir>', 'folder of glossary term files (*.yaml)')
    .option('--templates <dir>', 'folder of templates, labels.yaml and style.yaml')
    .option('--out <dir>', 'output folder')
    .option('--json', 'machine-readable output (JSON)')
    .option('-q, --quiet', 'print only errors')
    .option('--follow-symlinks', 'read sources through symbolic links that lead outside the sources folder (refused by default)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.configureHelp({ showGlobalOptions: true });

  const run = runner(program);
  defineBuild(program, run);
  defineParse(program, run);
  defineHant(program, run);
  defineGlossary(program, run);
  defineXliff(program, run);
  defineTranslate(program, run);
  defineQa(program, run);
  defineWatch(program, run);
  defineSchedule(program, run);
  defineMerge(program, run);
  defineAdd(program, run);
  defineAlign(program, run);
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `briefs parse … | head`: the reader has gone; stop quietly, as Unix tools do, instead of a stack trace
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  const program = makeProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; every other commander error is wrong usage: exit 2
      process.exitCode = err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
      return;
    }
    throw err;
  }
}

/**
 * A pool worker's task handler (pipeline/build/worker.ts), for bin/worker.cjs, which runs it from
 * this bundle compiled with the CLI's code cache. Loaded on first use: the CLI's start does not pay for it.
 */
export async function runWorkerTask(task: import('./build/job-types.js').JobTask): Promise<unknown> {
  const { default: run } = await import('./build/worker.js');
  return run(task);
}
