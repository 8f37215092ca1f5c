import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';

export function defineSchedule(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('schedule')
    .description('stay running and rebuild at the times of a cron expression; stops cleanly on SIGTERM/SIGINT')
    .argument('<cron>', 'cron expression, e.g. "0 6 * * *" (06:00 every day) or "*/15 * * * *"')
    .option('--timezone <tz>', 'IANA time zone for the cron times (default: the machine\'s)')
    .option('--now', 'also build once at start')
    .addHelpText('after', '\nFor production, a systemd timer, a crontab line or a scheduled CI job running `briefs build` does the same (see README).')
    .action(
      run(async (ctx: Context, cron: string, opts: { timezone?: string; now?: boolean }) => {
        const { scheduleBuilds } = await import('../build/schedule.js');
        await scheduleBuilds(ctx, cron, { timezone: opts.timezone, now: opts.now });
        return 0;
      }),
    );
}
