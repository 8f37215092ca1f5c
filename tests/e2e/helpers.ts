// Shared helpers for the end-to-end tests: a throw-away project (fixture sources + the repo's glossary
// and templates), the real binary spawned as a user would, and small readers for its outputs.
import { spawnSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const bin = path.join(repo, 'bin', 'briefs.js');
export const fixtures = path.join(repo, 'tests', 'fixtures', 'e2e');
export const fixtureSources = path.join(fixtures, 'sources');
export const SLUGS = readdirSync(fixtureSources).sort();
export const REPORT = 'linjiang-2024-work-report';
export const PAPER = 'oide-2024-digital-trade';
export const NEWS = 'xinhua-2024-low-altitude-economy';

/** A temporary project: sources/ (only the named fixture sources), glossary/ and templates/ copied from the repo. */
export function project(slugs: string[] = SLUGS): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-e2e-'));
  mkdirSync(path.join(dir, 'sources'));
  for (const s of slugs) cpSync(path.join(fixtureSources, s), path.join(dir, 'sources', s), { recursive: true });
  for (const d of ['glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  return dir;
}

/** The folder options a user passes to point the tool at a project. */
export function dirs(dir: string): string[] {
  return ['--sources', path.join(dir, 'sources'), '--glossary', path.join(dir, 'glossary'), '--templates', path.join(dir, 'templates'), '--out', path.join(dir, 'out')];
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `timeoutMs` guards against a hung process only (no test asserts a time): long builds pass a larger one. */
export function briefs(cwd: string, args: string[], input?: string, timeoutMs = 60_000): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `briefs <args>` with the project's folders passed explicitly. */
export function inProject(dir: string, ...args: string[]): Run {
  return briefs(dir, [...args, ...dirs(dir)]);
}

export interface BuildEvent {
  event: string;
  slug?: string;
  status?: string;
  needsTranslation?: number;
  outputs?: string[];
  diagnostics?: { rule: string; reason: string; severity?: string; file?: string }[];
  [k: string]: unknown;
}

export function events(stdout: string): BuildEvent[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as BuildEvent);
}

/** Pages of a PDF: /Type /Page objects (not /Pages). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** No stack trace in what a user sees. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .*\.js:\d+/m.test(text) || /^\s+at /m.test(text);
}

/** A long-running briefs process whose output lines can be awaited. */
export class LiveProcess {
  readonly child: ChildProcessWithoutNullStreams;
  out = '';
  err = '';
  private waiters: { re: RegExp; from: number; resolve: (m: string) => void; fail: (e: Error) => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(cwd: string, args: string[]) {
    this.child = spawn(process.execPath, [bin, ...args], { cwd, stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (d: string) => {
      this.out += d;
      this.check();
    });
    this.child.stderr.on('data', (d: string) => {
      this.err += d;
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        resolve({ code, signal });
        // a process that died cannot print what a test still waits for: fail those waits at once
        for (const w of this.waiters.splice(0)) w.fail(new Error(`process exited (code ${code}, signal ${signal}) before printing ${w.re}; stdout:\n${this.out}\nstderr:\n${this.err}`));
      }),
    );
  }

  private check(): void {
    const lines = this.out.split('\n');
    this.waiters = this.waiters.filter((w) => {
      const hit = lines.slice(w.from).find((l) => w.re.test(l));
      if (hit) w.resolve(hit);
      return !hit;
    });
  }

  /** Lines of stdout so far (complete lines only). */
  lines(): string[] {
    return this.out.split('\n').slice(0, -1);
  }

  /** Resolve with the first stdout line at index >= from matching re; reject after ms. */
  waitFor(re: RegExp, ms: number, from = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${re}; stdout so far:\n${this.out}\nstderr:\n${this.err}`)), ms);
      this.waiters.push({
        re,
        from,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        fail: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.check();
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        const w = this.waiters.find((x) => x.re === re);
        if (w) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.fail(new Error(`process already exited before printing ${re}; stdout:\n${this.out}\nstderr:\n${this.err}`));
        }
      }
    });
  }

  /** SIGTERM, then the exit status (SIGKILL as a last resort after ms, so a test never leaves it behind). */
  async stop(ms = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), ms);
    const r = await this.exited;
    clearTimeout(t);
    return r;
  }
}
