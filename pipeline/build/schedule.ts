// `briefs schedule "<cron>"`: a long-running process that rebuilds at the cron times (croner), logs one
// summary line per run, survives a failing run, never overlaps runs, and stops cleanly on SIGTERM/SIGINT.
import { Cron } from 'croner';
import type { Context } from '../context.js';
import { UsageError } from '../diagnostics.js';
import { buildOnce, clock } from './once.js';

export interface ScheduleOptions {
  timezone?: string;
  now?: boolean;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export function parseCron(expr: string, timezone?: string): Cron {
  try {
    return new Cron(expr, { paused: true, timezone });
  } catch (err) {
    throw new UsageError(`not a cron expression: "${expr}" (${err instanceof Error ? err.message : String(err)})`);
  }
}

export async function scheduleBuilds(ctx: Context, expr: string, opts: ScheduleOptions = {}): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(l + '\n'));
  parseCron(expr, opts.timezone).stop(); // validate before starting
  let current: Promise<void> = Promise.resolve();
  // stopping also stops a build under way (it keeps what it completed; see run.ts)
  const ac = new AbortController();
  const runOnce = () => {
    current = current.then(async () => {
      if (ac.signal.aborted) return;
      const r = await buildOnce(ctx, { signal: ac.signal });
      log(r.line);
    });
    return current;
  };
  if (opts.now) await runOnce();
  const job = new Cron(expr, { timezone: opts.timezone, protect: true, catch: (e) => log(`${clock()} run failed: ${String(e)}`) }, () => runOnce());
  log(`${clock()} scheduled "${expr}"${opts.timezone ? ` (${opts.timezone})` : ''}; next run ${job.nextRun()?.toISOString() ?? 'never'}`);
  await new Promise<void>((resolve) => {
    const stop = async (why: string) => {
      job.stop();
      ac.abort(why);
      log(`${clock()} ${why}: stopping (a run under way keeps what it completed)`);
      await current;
      resolve();
    };
    opts.signal?.addEventListener('abort', () => void stop('stopped'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
