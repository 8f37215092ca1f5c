// CLI tests run the real binary (bin/briefs.js → dist/bundle/), so build it once before the suite.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // tsc emits even when it finds type errors; those are reported by `npm run typecheck` (part of `npm test`).
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch {
    /* type errors: dist/ is still written */
  }
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/opencc-data.mjs'], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/fallback-chars.mjs'], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/latin-shaping-data.mjs'], { cwd: root, stdio: 'pipe' });
}
