import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';
import { UsageError, UserError, diagnostic } from '../diagnostics.js';

interface HantCliOptions {
  variant?: string;
  quotes?: boolean;
  terms?: boolean;
}

export function defineHant(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('hant')
    .description('convert zh-Hans text to zh-Hant (OpenCC + glossary terms + project overrides), line by line')
    .argument('<file>', 'a text file, or - for standard input')
    .option('--variant <variant>', 'tw (Taiwan usage, default) or hk (Hong Kong usage)', 'tw')
    .option('--no-quotes', 'keep “”‘’ instead of writing 「」『』')
    .option('--no-terms', 'do not protect glossary terms (plain OpenCC + overrides)')
    .action(
      run(async (ctx: Context, file: string, opts: HantCliOptions) => {
        const variant = opts.variant ?? 'tw';
        if (variant !== 'tw' && variant !== 'hk') throw new UsageError(`--variant must be tw or hk, not "${variant}"`);
        const { createHantConverter } = await import('../localize/hant.js');
        const terms = opts.terms === false ? [] : await glossaryTerms(ctx);
        const convert = createHantConverter({ variant, quotes: opts.quotes !== false, terms });

        if (file === '-') {
          const { createInterface } = await import('node:readline');
          const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
          let first = true;
          const out: string[] = [];
          for await (const raw of rl) {
            const line = first ? raw.replace(/^\uFEFF/, '') : raw;
            first = false;
            // streamed line by line, except with --json, which prints one object at the end
            if (ctx.json) out.push(convert(line));
            else process.stdout.write(convert(line) + '\n');
          }
          if (ctx.json) process.stdout.write(JSON.stringify({ ok: true, variant, lines: out }) + '\n');
          return 0;
        }
        const { readFileSync } = await import('node:fs');
        const path = await import('node:path');
        let text: string;
        try {
          text = readFileSync(path.resolve(ctx.cwd, file), 'utf8').replace(/^\uFEFF/, '');
        } catch (err) {
          throw new UserError(
            diagnostic({ rule: 'localize:unreadable', reason: `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }),
          );
        }
        const lines = text.split(/\r?\n/);
        const trailing = lines.length > 0 && lines[lines.length - 1] === '';
        if (trailing) lines.pop();
        if (ctx.json) {
          process.stdout.write(JSON.stringify({ ok: true, variant, lines: lines.map(convert) }) + '\n');
          return 0;
        }
        process.stdout.write(lines.map(convert).join('\n') + (trailing || lines.length ? '\n' : ''));
        return 0;
      }),
    );
}

/** The glossary's terms when the glossary folder exists; conversion works without one. */
async function glossaryTerms(ctx: Context) {
  const { existsSync } = await import('node:fs');
  if (!existsSync(ctx.glossaryDir)) return [];
  const { loadGlossary } = await import('../glossary/load.js');
  const { terms, diagnostics } = loadGlossary(ctx.glossaryDir);
  if (!ctx.quiet) {
    const { formatDiagnostic } = await import('../diagnostics.js');
    for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  }
  return terms;
}
