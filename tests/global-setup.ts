// CLI tests run the real binary (bin/briefs.js → dist/bundle/), so dist/ must be built from the code
// under test: scripts/build-dist.mjs rebuilds it when its inputs changed since the last build (and
// skips it otherwise). tsc emits even when it finds type errors; those are reported by
// `npm run typecheck` (part of `npm test`). The code cache is left to the next `npm start`/`npm run build`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build-dist.mjs', '--allow-type-errors', '--no-code-cache'], { cwd: root, stdio: 'pipe' });
}
