// `npm run bench`: every stage's benchmark, as medians of several runs. Each bench/<stage>.ts exports
// an async function returning { metric: value }; this runner prints them as one table (or --json).
import os from 'node:os';

type Bench = () => Promise<Record<string, number | string>>;

const STAGES: [string, string, string][] = [
  ['ingest', './ingest.js', 'benchIngest'],
  ['glossary', './glossary.js', 'benchGlossary'],
  ['localize', './localize.js', 'benchLocalize'],
  ['select', './select.js', 'benchSelect'],
  ['render', './render.js', 'benchRender'],
  ['build', './build.js', 'benchBuild'],
  ['large', './large.js', 'benchLarge'],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const json = process.argv.includes('--json');
  const results: Record<string, Record<string, number | string>> = {};
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  if (!json) console.log(`# briefs bench — node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB\n`);
  for (const [name, mod, fn] of STAGES) {
    if (only.length && !only.includes(name)) continue;
    let bench: Bench | undefined;
    try {
      bench = (await import(mod))[fn] as Bench;
    } catch {
      bench = undefined;
    }
    if (!bench) {
      if (!json) console.log(`${name}: (no benchmark yet)`);
      continue;
    }
    const r = await bench();
    results[name] = r;
    if (!json) {
      console.log(`## ${name}`);
      for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(44)} ${v}`);
      console.log('');
    }
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

await main();
