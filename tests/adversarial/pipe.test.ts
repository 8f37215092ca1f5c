// `briefs parse … --json | head`: the reader closes the pipe early; the tool stops quietly.
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { bin, repo, hasStackTrace } from '../e2e/helpers.js';

describe('a closed pipe', () => {
  it('ends the command without a stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'parse', 'siis-2025-common-security', '--json'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // read one chunk, then close the pipe, as `head -c` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
