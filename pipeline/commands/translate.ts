import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';
import { UsageError, diagnosticToJson, formatDiagnostic } from '../diagnostics.js';

interface TranslateCliOptions {
  engine?: string;
  endpoint?: string;
  model?: string;
  all?: boolean;
  concurrency?: string;
  timeout?: string;
  retries?: string;
}

function count(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name} takes a number ≥ ${min}, not "${value}"`);
  return n;
}

export function defineTranslate(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('translate')
    .description('machine drafts of the English a brief needs, through an engine you run (OpenAI-compatible, DeepL, LibreTranslate), into sources/<slug>/en.xlf')
    .argument('[slugs...]', 'sources to translate (default: all)')
    .option('--engine <name>', 'openai | deepl | libretranslate (or BRIEFS_MT_ENGINE, or translate.engine in briefs.config.yaml)')
    .option('--endpoint <url>', 'the engine’s base URL, e.g. http://127.0.0.1:8080/v1 (or BRIEFS_MT_ENDPOINT)')
    .option('--model <name>', 'the model to ask (or BRIEFS_MT_MODEL)')
    .option('--all', 'every segment of the source, not only what the brief needs')
    .option('--concurrency <n>', 'requests in flight at once', '4')
    .option('--timeout <seconds>', 'per request', '60')
    .option('--retries <n>', 'retries on 429, 5xx, timeouts (Retry-After honoured)', '4')
    .addHelpText(
      'after',
      '\nThe API key comes only from BRIEFS_MT_API_KEY. Drafts are state "translated" with origin mt:<engine>/<model>;\n' +
        'they never replace reviewed English. Answers are cached in <out>/.briefs-translate-cache/.\n' +
        'Exit codes: 0 done, 1 a segment failed (the others are kept), 2 usage.',
    )
    .action(
      run(async (ctx: Context, slugs: string[], opts: TranslateCliOptions) => {
        const { readConfig, resolveSettings } = await import('../translate/settings.js');
        const settings = resolveSettings({ engine: opts.engine, endpoint: opts.endpoint, model: opts.model }, process.env, readConfig(ctx.cwd));
        const concurrency = count(opts.concurrency, 'concurrency', 1)!;
        const timeoutMs = count(opts.timeout, 'timeout', 0.001)! * 1000;
        const retries = Math.floor(count(opts.retries, 'retries', 0)!);
        const { checkOutDir } = await import('../build/out-dir.js');
        checkOutDir(ctx);
        const { translateSources } = await import('../translate/run.js');
        const { displayPath } = await import('../localize/support.js');
        const { SingleBar, Presets } = await import('cli-progress');
        const bar =
          !ctx.json && !ctx.quiet && process.stderr.isTTY
            ? new SingleBar({ format: 'translating {bar} {value}/{total}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic)
            : undefined;
        let summary;
        try {
          summary = await translateSources(ctx, {
            slugs,
            all: opts.all,
            settings,
            concurrency,
            http: { timeoutMs, retries },
            onStart: (total) => bar?.start(total, 0),
            onProgress: (done) => bar?.update(done),
          });
        } finally {
          bar?.stop();
        }
        const failed = summary.sources.reduce((n, s) => n + s.failed.length, 0);
        if (ctx.json) {
          process.stdout.write(
            JSON.stringify({ ok: failed === 0, origin: summary.origin, sources: summary.sources, diagnostics: summary.diagnostics.map(diagnosticToJson) }) + '\n',
          );
        } else {
          for (const d of summary.diagnostics) if (!ctx.quiet || d.fatal === true || d.ruleId === 'segment-failed') process.stderr.write(formatDiagnostic(d) + '\n');
          if (!ctx.quiet)
            for (const s of summary.sources)
              process.stdout.write(
                `${s.slug}: ${s.translated.length} drafted (${s.fromCache} from the cache), ${s.failed.length} failed${s.written ? ` → ${displayPath(s.file)}` : ''}\n`,
              );
        }
        return failed ? 1 : 0;
      }),
    );
}
