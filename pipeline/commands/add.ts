// briefs add <file> [--slug S]: a new source folder from a file, meta.yaml prefilled (build/add-source.ts).
import path from 'node:path';
import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';

export function defineAdd(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('add')
    .description('make a new source folder (sources/<slug>/) from a .txt, .md, .html, .docx or .pdf file, with meta.yaml prefilled from what it says')
    .argument('<file>', 'the source file; it is copied, never changed')
    .option('--slug <slug>', 'the folder name (default: from the title, in pinyin, or from the file name)')
    .addHelpText(
      'after',
      '\nNothing is overwritten: if sources/<slug>/ exists, nothing is written (exit 1).\n' +
        'Example:\n  briefs add ~/Downloads/report.pdf\n  briefs add article.html --slug xinhua-2025-trade --sources my-sources\n',
    )
    .action(
      run(async (ctx: Context, file: string, opts: { slug?: string }) => {
        const [{ addSource }, { displayPath }] = await Promise.all([import('../build/add-source.js'), import('../build/display-path.js')]);
        const added = await addSource(ctx, file, { slug: opts.slug });
        const defaultSources = path.resolve(ctx.cwd, 'sources');
        const next = `briefs build ${added.slug}${path.resolve(ctx.sourcesDir) === defaultSources ? '' : ` --sources ${displayPath(ctx, ctx.sourcesDir)}`}`;
        if (ctx.json) {
          process.stdout.write(
            JSON.stringify({ ok: true, slug: added.slug, dir: added.dir, source: added.sourceFile, meta: added.metaFile, fields: added.fields, next }) + '\n',
          );
          return 0;
        }
        if (!ctx.quiet) {
          const out: string[] = [`added ${displayPath(ctx, added.dir)}/`, `  ${path.basename(added.sourceFile)}  (copy of ${file})`, '  meta.yaml, prefilled:'];
          for (const f of added.fields) {
            const value = f.value === undefined ? '—' : typeof f.value === 'string' ? f.value : f.value.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ');
            out.push(`    ${(f.key + ':').padEnd(13)}${value}   (${f.from})`);
          }
          out.push('', `Check ${displayPath(ctx, added.metaFile)}, then run:`, `  ${next}`);
          process.stdout.write(out.join('\n') + '\n');
        }
        return 0;
      }),
    );
}
