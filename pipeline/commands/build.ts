import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';
import { UsageError } from '../diagnostics.js';

interface BuildCliOptions {
  force?: boolean;
  strict?: boolean;
  shard?: string;
  wait?: string;
  workers?: string;
  explain?: boolean;
  english?: string;
}

export function defineBuild(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('build')
    .description('build briefs for every source (or the named ones): zh-Hans, zh-Hant, en × md + pdf, into --out')
    .argument('[slugs...]', 'sources to build (default: all under --sources)')
    .option('--force', 'rebuild everything, even what is up to date')
    .option('--strict', 'a brief whose English needs translation is an error (exit 1), not a warning')
    .option('--shard <i/n>', 'build only the i-th of n deterministic shares of the sources (CI matrix, job arrays)')
    .option('--wait <seconds>', 'wait up to this long for another build holding the out/ lock', '0')
    .option('--workers <n>', 'worker threads (default: the number of cores; 0 = in this process)')
    .option('--english <policy>', 'which English goes into the brief: reviewed (only reviewed/final), draft (drafts fill the rest), auto (drafts only if they complete it)', 'auto')
    .option('--explain', 'print, for each named source, the items chosen for its brief with their scores and why; writes nothing')
    .addHelpText(
      'after',
      '\nOnly sources whose inputs changed since the last build are rebuilt (see out/manifest.json).\n' +
        'Exit codes: 0 built (warnings allowed), 1 a source failed (or needs translation with --strict), 2 usage.',
    )
    .action(
      run(async (ctx: Context, slugs: string[], opts: BuildCliOptions) => {
        if (opts.explain) {
          if (!slugs.length) throw new UsageError('--explain needs at least one source slug');
          const { explainSources } = await import('../build/explain.js');
          process.stdout.write(await explainSources(ctx, slugs));
          return 0;
        }
        const waitS = Number(opts.wait ?? '0');
        if (!Number.isFinite(waitS) || waitS < 0) throw new UsageError(`--wait takes a number of seconds, not "${opts.wait}"`);
        let workers: number | undefined;
        if (opts.workers !== undefined) {
          workers = Number(opts.workers);
          if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers takes a whole number, not "${opts.workers}"`);
        }
        const { ENGLISH_POLICIES } = await import('../build/english-policy.js');
        const english = (opts.english ?? 'auto') as (typeof ENGLISH_POLICIES)[number];
        if (!ENGLISH_POLICIES.includes(english)) throw new UsageError(`--english takes ${ENGLISH_POLICIES.join(', ')}, not "${opts.english}"`);
        const { parseShard } = await import('../build/shard.js');
        const shard = opts.shard ? parseShard(opts.shard) : undefined;
        const [{ runBuild }, { makeRunner }, { makeReporter }] = await Promise.all([
          import('../build/run.js'),
          import('../build/pool.js'),
          import('../build/report.js'),
        ]);
        const reporter = makeReporter(ctx);
        const { withStopSignals } = await import('../build/signals.js');
        const summary = await withStopSignals((signal) =>
          runBuild(
            ctx,
            { slugs, force: opts.force, strict: opts.strict, english, shard, waitMs: waitS * 1000, workers, onEvent: reporter.onEvent, signal },
            makeRunner,
          ),
        );
        reporter.finish(summary);
        if (summary.failed > 0) return 1;
        if (opts.strict && summary.needsTranslation > 0) return 1;
        return 0;
      }),
    );
}
