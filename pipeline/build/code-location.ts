// Where the running code is: bundled (dist/bundle/ by scripts/bundle.mjs: the CLI, which pool workers run too)
// or compiled module by module (dist/pipeline/, or pipeline/ in tests).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dist/bundle folder holding the module at `moduleUrl`, or undefined if it is not bundled. */
export function bundleDir(moduleUrl: string): string | undefined {
  const parts = fileURLToPath(moduleUrl).split(path.sep);
  for (let i = parts.length - 2; i > 0; i--) if (parts[i] === 'bundle' && parts[i - 1] === 'dist') return parts.slice(0, i + 1).join(path.sep);
  return undefined;
}
