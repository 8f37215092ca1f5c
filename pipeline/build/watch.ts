// `briefs watch`: chokidar on sources/, glossary/ and templates/; changes are debounced into one
// incremental build (the planner decides what the change affects), reported in one line per rebuild.
import chokidar from 'chokidar';
import type { Context } from '../context.js';
import { buildOnce, clock } from './once.js';

export interface WatchOptions {
  debounceMs: number;
  /** For tests: resolve when stopped. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export async function watchAndBuild(ctx: Context, opts: WatchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(l + '\n'));
  // stopping also stops a build under way (it keeps what it completed; see run.ts)
  const ac = new AbortController();
  const first = await buildOnce(ctx, { signal: ac.signal });
  log(first.line);
  const watcher = chokidar.watch([ctx.sourcesDir, ctx.glossaryDir, ctx.templatesDir], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 20 },
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  const schedule = (event: string, file: string) => {
    changed.add(`${event} ${file}`);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const what = [...changed];
      changed.clear();
      running = running.then(async () => {
        log(`${clock()} ${what.length} change(s): ${what.slice(0, 3).join(', ')}${what.length > 3 ? ', …' : ''}`);
        if (ac.signal.aborted) return;
        log((await buildOnce(ctx, { signal: ac.signal })).line);
      });
    }, opts.debounceMs);
  };
  watcher.on('add', (f) => schedule('add', f)).on('change', (f) => schedule('change', f)).on('unlink', (f) => schedule('unlink', f)).on('unlinkDir', (f) => schedule('unlinkDir', f));
  // Say we are watching only once chokidar has scanned the folders: an edit before that could be missed.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  log(`${clock()} watching ${ctx.sourcesDir}, ${ctx.glossaryDir}, ${ctx.templatesDir} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = async () => {
      ac.abort('stop');
      clearTimeout(timer);
      await watcher.close();
      await running;
      resolve();
    };
    opts.signal?.addEventListener('abort', () => void stop());
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });
}
