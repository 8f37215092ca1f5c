// Build dist/ (the compiled modules, the bundled CLI, its data files and code cache), or skip it when
// nothing it is made from changed since the last build: `npm start` then only pays for the briefs build.
//
// What dist/ is made from, digested into dist/.inputs-digest: the files under pipeline/, scripts/,
// bench/ and bin/, tsconfig*.json, package.json, the lockfiles (the project's and the one npm writes
// into node_modules/ at install), the installed font packages' versions and the Node version.
//
//   node scripts/build-dist.mjs                   build if an input changed (what npm start does: scripts/start.mjs)
//   node scripts/build-dist.mjs --force           build in any case (npm run build, npm install)
//   node scripts/build-dist.mjs --check           print "up to date" or what changed; exit 0 or 1
//   --allow-type-errors   tsc's type errors do not stop the build (tsc still emits; tests' global setup)
//   --no-code-cache       leave the code cache to a later run (it builds the seeds once to make it)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIGEST_FILE = 'dist/.inputs-digest';
const INPUT_DIRS = ['pipeline', 'scripts', 'bench', 'bin'];
/** What a complete dist/ holds: a build stopped half-way is built again. */
const PRODUCTS = ['dist/pipeline/cli.js', 'dist/bundle/cli.cjs', 'dist/bundle/code-digest.txt', 'dist/data/fallback-chars.json'];

/** Every regular file under a folder, as sorted paths relative to the project. */
function filesUnder(root, rel) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return; // an optional folder (bench/) that is not there
    }
    for (const e of entries) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(rel);
  return out;
}

/** The installed versions of the font packages the renderer embeds and measures. */
function fontVersions(root) {
  const scope = path.join(root, 'node_modules', '@expo-google-fonts');
  let names = [];
  try {
    names = readdirSync(scope).sort();
  } catch {
    return [];
  }
  return names.map((n) => {
    try {
      return `@expo-google-fonts/${n}@${JSON.parse(readFileSync(path.join(scope, n, 'package.json'), 'utf8')).version}`;
    } catch {
      return `@expo-google-fonts/${n}@?`;
    }
  });
}

/** The files dist/ is made from, as sorted paths relative to the project. */
function inputFiles(root) {
  return [
    ...INPUT_DIRS.flatMap((d) => filesUnder(root, d)),
    ...readdirSync(root).filter((f) => /^tsconfig.*\.json$/.test(f)).sort(),
    'package.json',
    'package-lock.json',
    'node_modules/.package-lock.json',
  ];
}

/** A file's inode, size, modification and change times (ns): any write changes the change time. */
function statOf(root, f) {
  try {
    const s = statSync(path.join(root, f), { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return '(missing)';
  }
}

const fileDigest = (root, f) => {
  let data;
  try {
    data = readFileSync(path.join(root, f));
  } catch {
    data = '(missing)';
  }
  return createHash('sha256').update(data).digest('hex');
};

/**
 * A digest of dist/'s inputs, with the digest of each part (to say what changed), and each file's stat
 * as it was before it was read (`stats`, taken from `statsAt`, ns since the epoch).
 */
export function inputsDigest(root) {
  const parts = {};
  const stats = {};
  const statsAt = String(BigInt(Date.now()) * 1_000_000n);
  for (const f of inputFiles(root)) {
    stats[f] = statOf(root, f);
    parts[f] = fileDigest(root, f);
  }
  parts['(fonts)'] = createHash('sha256').update(fontVersions(root).join('\n')).digest('hex');
  parts['(node)'] = process.version;
  const all = createHash('sha256');
  for (const k of Object.keys(parts).sort()) all.update(`${k}\0${parts[k]}\n`);
  return { digest: all.digest('hex'), parts, stats, statsAt };
}

/** Files changed within this long before their stats were taken may change again within the same clock tick. */
const RACY_NS = 2_000_000_000n;

/**
 * Whether the inputs are those of the record without reading them: the same files with the same stats
 * (a write changes a file's change time, which no tool sets back). A file changed shortly before the
 * record was made is read and compared anyway, as git does with racily clean files: a same-size edit in
 * the same clock tick leaves its times as they were. Hashing every input took ~25 ms of every start.
 */
function sameAsRecorded(root, stored) {
  if (!stored.stats || typeof stored.statsAt !== 'string' || stored.parts['(node)'] !== process.version) return false;
  const files = inputFiles(root);
  if (files.length !== Object.keys(stored.stats).length) return false;
  const racyFrom = BigInt(stored.statsAt) - RACY_NS;
  for (const f of files) {
    const was = stored.stats[f];
    if (was === undefined || statOf(root, f) !== was) return false;
    const ctime = was === '(missing)' ? undefined : BigInt(was.split(':')[3]);
    if (ctime !== undefined && ctime >= racyFrom && fileDigest(root, f) !== stored.parts[f]) return false;
  }
  return createHash('sha256').update(fontVersions(root).join('\n')).digest('hex') === stored.parts['(fonts)'];
}

function readStored(root) {
  try {
    const s = JSON.parse(readFileSync(path.join(root, DIGEST_FILE), 'utf8'));
    return s && typeof s.digest === 'string' && s.parts && typeof s.parts === 'object' ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Why dist/ must be built, or undefined when it is up to date. */
export function staleReason(root, given) {
  const missing = PRODUCTS.find((p) => !existsSync(path.join(root, p)));
  if (missing) return `${missing} is missing`;
  const stored = readStored(root);
  if (!stored) return 'no record of the last build (dist/.inputs-digest)';
  if (!given && sameAsRecorded(root, stored)) return undefined;
  const now = given ?? inputsDigest(root);
  if (stored.digest === now.digest) return undefined;
  const keys = [...new Set([...Object.keys(stored.parts), ...Object.keys(now.parts)])].sort();
  const changed = keys.filter((k) => stored.parts[k] !== now.parts[k]);
  return `changed: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ` and ${changed.length - 5} more` : ''}`;
}

function run(args, { allowFailure = false } = {}) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 && !allowFailure) {
    process.stderr.write(`briefs: building dist/ failed at \`node ${args.join(' ')}\` (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
  return r.status === 0;
}

/** Whether the code cache of the current bundle was made (scripts/compile-cache.mjs writes its key last). */
function codeCacheMade() {
  const { cacheFileOf } = createRequire(import.meta.url)('../bin/load-bundle.cjs');
  const cache = cacheFileOf(path.join(root, 'dist', 'bundle', 'cli.cjs'), path.join(root, 'dist', 'compile-cache'));
  return Boolean(cache && existsSync(`${cache}.key`));
}

function build({ allowTypeErrors, codeCache }) {
  const now = inputsDigest(root);
  run([path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { allowFailure: allowTypeErrors });
  for (const step of ['bundle.mjs', 'opencc-data.mjs', 'fallback-chars.mjs', 'latin-shaping-data.mjs']) run([path.join('scripts', step)]);
  if (codeCache) run([path.join('scripts', 'compile-cache.mjs')]);
  // written last, and only for the inputs read before the build began: an edit during it rebuilds next time
  recordDigest(root, now);
}

/** Record what dist/ was built from. */
export function recordDigest(root, now = inputsDigest(root)) {
  const file = path.join(root, DIGEST_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(now, null, 1) + '\n');
  renameSync(tmp, file);
}

/**
 * What `npm start` needs before the briefs build: dist/ built if an input changed, and its code cache
 * made if missing (scripts/start.mjs calls this in its own process, then runs the CLI there).
 */
export function ensureDist() {
  const why = staleReason(root);
  if (why) build({ allowTypeErrors: false, codeCache: true });
  else if (!codeCacheMade()) run([path.join('scripts', 'compile-cache.mjs')]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  const known = new Set(['--force', '--check', '--allow-type-errors', '--no-code-cache']);
  const unknown = [...args].filter((a) => !known.has(a));
  if (unknown.length) {
    process.stderr.write(`briefs: build-dist: unknown option ${unknown.join(' ')} (known: ${[...known].join(' ')})\n`);
    process.exit(2);
  }
  const codeCache = !args.has('--no-code-cache');
  const why = args.has('--force') ? '--force' : staleReason(root);
  if (args.has('--check')) {
    process.stdout.write(why ? `dist/ is out of date: ${why}\n` : 'dist/ is up to date\n');
    process.exit(why ? 1 : 0);
  }
  if (why) build({ allowTypeErrors: args.has('--allow-type-errors'), codeCache });
  // up to date, but built without its code cache (tests' global setup): make it now
  else if (codeCache && !codeCacheMade()) run([path.join('scripts', 'compile-cache.mjs')]);
}
