// `npm start`: dist/ rebuilt only if what it is made from changed (scripts/build-dist.mjs), then the
// CLI run in this same process with the arguments given (`npm start -- --out x` → `briefs build --out x`).
// It was a `prestart` script: a second Node process, ~0.1 s of CPU and of wall time on every start.
import { ensureDist } from './build-dist.mjs';

ensureDist();
await import('../bin/briefs.js');
