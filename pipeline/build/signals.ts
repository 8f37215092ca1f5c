// SIGTERM and SIGINT stop a build: the signal aborts it (running jobs are ended, see run.ts), the
// sources already completed stay recorded, temporary files are removed and the lock is released; then
// the process exits 143 (SIGTERM) or 130 (SIGINT), as shells and service managers expect. A second
// signal exits at once.
import { UserError, diagnostic } from '../diagnostics.js';
import { BuildAborted } from './run.js';

const CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function withStopSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const handlers = Object.keys(CODES).map((sig) => {
    const h = () => {
      if (ac.signal.aborted) process.exit(CODES[sig]);
      process.stderr.write(`briefs: ${sig}: stopping (the sources already built stay recorded)…\n`);
      ac.abort(sig);
    };
    process.on(sig, h);
    return [sig, h] as const;
  });
  try {
    return await work(ac.signal);
  } catch (err) {
    if (err instanceof BuildAborted || ac.signal.aborted) {
      const sig = String(ac.signal.reason ?? 'SIGTERM');
      throw new UserError(diagnostic({ rule: 'build:stopped', severity: 'error', reason: `stopped by ${sig}; out/ holds every source completed before it` }), CODES[sig] ?? 143);
    }
    throw err;
  } finally {
    for (const [sig, h] of handlers) process.off(sig, h);
  }
}
