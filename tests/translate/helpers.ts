// A throw-away project (a seed source without its English, the repo's glossary and templates) and a
// small HTTP server on 127.0.0.1 that stands in for an engine: it records every request and answers
// through a handler the test gives. No test reaches the network.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveContext, type Context } from '../../pipeline/context.js';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const SEED = 'siis-2025-common-security';

/** sources/<SEED>/source.txt (+ meta) and, when asked, its en.xlf; glossary/ and templates/ from the repo. */
export function project(opts: { withEnglish?: boolean } = {}): { dir: string; ctx: Context; xlf: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-mt-'));
  const src = path.join(repo, 'sources', SEED);
  mkdirSync(path.join(dir, 'sources', SEED), { recursive: true });
  cpSync(src, path.join(dir, 'sources', SEED), { recursive: true, filter: (f) => opts.withEnglish || path.basename(f) !== 'en.xlf' });
  for (const d of ['glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  const ctx = { ...resolveContext({}, dir), quiet: true };
  return { dir, ctx, xlf: path.join(dir, 'sources', SEED, 'en.xlf'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
  at: number;
}

export type Handler = (req: Seen, res: ServerResponse) => void;

export interface FakeEngine {
  url: string;
  seen: Seen[];
  close: () => Promise<void>;
}

export async function fakeEngine(handler: Handler): Promise<FakeEngine> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : undefined, at: Date.now() };
      seen.push(s);
      handler(s, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The Chinese a request asks to translate, whatever the protocol. */
export function segmentText(body: any): string {
  if (body?.messages) return String(body.messages[1].content).split('SEGMENT:\n')[1];
  if (body?.text) return String(body.text[0]);
  return String(body?.q ?? '');
}

/** A plausible English stand-in that keeps the figures of the Chinese (so QA would pass on digits). */
export function fakeEnglish(zh: string): string {
  const digits = zh.match(/\d+(?:\.\d+)?/g) ?? [];
  return `English of a sentence with ${zh.length} characters${digits.length ? ` and ${digits.join(', ')}` : ''}.`;
}
