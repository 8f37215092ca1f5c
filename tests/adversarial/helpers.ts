// Shared by the adversarial tests: a small throw-away project (one plain-text source, a two-term
// glossary) and the real binary run on it, as a user would.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { bin, repo } from '../e2e/helpers.js';

export { hasStackTrace } from '../e2e/helpers.js';

export const SOURCE = '共同安全简报\n\n本报告讨论欧洲安全问题。欧盟承诺306亿欧元。\n\n2025年5月16日，泽连斯基呼吁共同安全。增长3%。\n';
export const GLOSSARY = `- zh-Hans: 共同安全
  en: common security
  category: concept
- zh-Hans: 欧盟
  en: European Union
  category: organisation
`;

/** A temp project with sources/demo/source.txt (or the given files) and glossary/terms.yaml. */
export function smallProject(files: Record<string, string | Buffer> = { 'sources/demo/source.txt': SOURCE }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-adv-'));
  mkdirSync(path.join(dir, 'glossary'));
  writeFileSync(path.join(dir, 'glossary/terms.yaml'), GLOSSARY);
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), data);
  }
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `briefs <args…>` in `dir`, with its sources/, glossary/ and out/ (templates: the repo's). */
export function run(dir: string, ...args: string[]): Run {
  const r = spawnSync(
    process.execPath,
    [bin, '--sources', path.join(dir, 'sources'), '--glossary', path.join(dir, 'glossary'), '--out', path.join(dir, 'out'), '--templates', path.join(repo, 'templates'), ...args],
    { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
