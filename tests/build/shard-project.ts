// Shared by the sharding tests: a small project whose sources fall in every one of n shards, the real
// binary run on it (several at once), and a folder's files with their digests, to compare trees.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { shardOf } from '../../pipeline/build/shard.js';
import { bin, repo } from '../e2e/helpers.js';
import { GLOSSARY } from '../adversarial/helpers.js';

const TEXT = (n: number) => `共同安全简报第${n}号\n\n本报告讨论欧洲安全问题。欧盟承诺${300 + n}亿欧元。\n\n2025年5月${n}日，泽连斯基呼吁共同安全。增长${n}%。\n`;

/** A project (sources/, glossary/, templates/) with `perShard` sources in each of `n` shards. */
export function shardedProject(n: number, perShard = 1): { dir: string; slugs: string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-shards-'));
  const slugs: string[] = [];
  const count = new Array(n + 1).fill(0);
  for (let i = 1; slugs.length < n * perShard; i++) {
    const slug = `brief-${i}`;
    const k = shardOf(slug, n);
    if (count[k] >= perShard) continue;
    count[k]++;
    slugs.push(slug);
    mkdirSync(path.join(dir, 'sources', slug), { recursive: true });
    writeFileSync(path.join(dir, 'sources', slug, 'source.txt'), TEXT(i));
    writeFileSync(path.join(dir, 'sources', slug, 'meta.yaml'), `title: 共同安全简报第${i}号\ndate: 2025-05-${String(i).padStart(2, '0')}\n`);
  }
  mkdirSync(path.join(dir, 'glossary'));
  writeFileSync(path.join(dir, 'glossary', 'terms.yaml'), GLOSSARY);
  cpSync(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return { dir, slugs: slugs.sort() };
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command (argv) in `cwd`, asynchronously: several run at once. */
export function runAsync(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `briefs <args>` in the project folder (its sources/, glossary/, templates/ found there as a user's are). */
export function briefsAsync(dir: string, ...args: string[]): Promise<Ran> {
  return runAsync(process.execPath, [bin, ...args], dir);
}

/** Every file under a folder (hidden ones too) with the digest of its content. */
export function tree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files[path.relative(root, full)] = createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 16);
    }
  };
  walk(root);
  return files;
}
