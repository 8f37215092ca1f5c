import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';
import { UserError, diagnostic, diagnosticToJson, formatDiagnostic } from '../diagnostics.js';

export function defineXliff(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  const xliff = program.command('xliff').description('the translators’ round trip: export segments as XLIFF 2.0, import translated XLIFF (2.0 or 1.2)');

  xliff
    .command('export')
    .description('write <out>/<slug>/<slug>.en.xlf: what the English brief needs without a final translation (--all: every segment), with its glossary terms')
    .argument('<slug>', 'a source slug (or slug folder)')
    .option('--stdout', 'print the XLIFF instead of writing the file')
    .option('--all', 'every segment of the source, not only what the brief needs')
    .action(
      run(async (ctx: Context, slug: string, opts: { stdout?: boolean; all?: boolean }) => {
        const path = await import('node:path');
        const { loadSourceSegments } = await import('../localize/source-segments.js');
        const { loadGlossaryForCli, loadTm, displayPath } = await import('../localize/support.js');
        const { exportXliff } = await import('../localize/roundtrip.js');
        const glossary = await loadGlossaryForCli(ctx);
        const src = await loadSourceSegments(ctx, slug, glossary.terms);
        const { tm } = loadTm(src.files.dir);
        const wanted = opts.all ? src.segments : (src.needed ?? src.segments);
        const xml = exportXliff(src.files.slug, wanted, {
          terms: glossary.terms,
          matcher: glossary.matcher,
          tm,
          sourceFile: path.basename(src.files.sourcePath),
        });
        if (opts.stdout) {
          process.stdout.write(xml);
          return 0;
        }
        const { writeAtomicSync } = await import('../build/atomic.js');
        const { checkOutDir, writeError } = await import('../build/out-dir.js');
        checkOutDir(ctx);
        const out = path.join(ctx.outDir, src.files.slug, `${src.files.slug}.en.xlf`);
        try {
          writeAtomicSync(out, xml);
        } catch (err) {
          throw writeError(err, out);
        }
        const units = (xml.match(/<unit /g) ?? []).length;
        if (ctx.json) process.stdout.write(JSON.stringify({ ok: true, slug: src.files.slug, file: out, units }) + '\n');
        else if (!ctx.quiet) process.stdout.write(`${displayPath(out)}: ${units} unit${units === 1 ? '' : 's'} of ${wanted.length} ${opts.all ? 'segments' : 'texts the brief needs'} to translate\n`);
        return 0;
      }),
    );

  xliff
    .command('import')
    .description('merge a translated XLIFF file (2.0 or 1.2) into sources/<slug>/en.xlf')
    .argument('<file>', 'the XLIFF file')
    .option('--slug <slug>', 'the source to merge into (default: the file’s <file id> or original)')
    .option('--dry-run', 'report what would change, write nothing')
    .action(
      run(async (ctx: Context, file: string, opts: { slug?: string; dryRun?: boolean }) => {
        const { readFileSync } = await import('node:fs');
        const path = await import('node:path');
        const { parseXliff } = await import('../localize/xliff.js');
        const { importXliff, slugOfXliff, summarizeDiagnostics } = await import('../localize/roundtrip.js');
        const { loadSourceSegments } = await import('../localize/source-segments.js');
        const { loadTm, displayPath } = await import('../localize/support.js');
        const { writeTm } = await import('../localize/tm.js');
        const abs = path.resolve(ctx.cwd, file);
        let text: string;
        try {
          text = readFileSync(abs, 'utf8');
        } catch (err) {
          throw new UserError(
            diagnostic({ rule: 'localize:unreadable', reason: `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }),
          );
        }
        const shown = displayPath(abs);
        // validate fully before anything else (throws a located error; nothing is written)
        const doc = parseXliff(text, shown);
        const slug = opts.slug ?? slugOfXliff(doc);
        if (!slug) throw new UserError(diagnostic({ rule: 'localize:no-slug', reason: `${shown} names no source (no <file id> or original); pass --slug`, file: shown }));
        const { loadGlossaryForCli } = await import('../localize/support.js');
        // the brief's own texts (a quote cut out of a sentence, a role, the title) are known segments too
        const src = await loadSourceSegments(ctx, slug, (await loadGlossaryForCli(ctx)).terms);
        const { tm, file: tmFile } = loadTm(src.files.dir);
        const res = importXliff(text, { segments: src.segments, tm }, { slug: src.files.slug, file: shown });
        const changedAnything = res.added.length + res.changed.length > 0;
        if (changedAnything && !opts.dryRun) {
          const { writeAtomicSync } = await import('../build/atomic.js');
          writeAtomicSync(tmFile, writeTm(src.files.slug, res.units));
        }
        if (ctx.json) {
          process.stdout.write(
            JSON.stringify({
              ok: true,
              slug: src.files.slug,
              file: tmFile,
              written: changedAnything && !opts.dryRun,
              added: res.added,
              changed: res.changed,
              unchanged: res.unchanged.length,
              refused: res.refused,
              diagnostics: res.diagnostics.map(diagnosticToJson),
            }) + '\n',
          );
        } else {
          // a file of thousands of refused units: the first 20 of each kind, then one line that counts the rest
          for (const d of summarizeDiagnostics(res.diagnostics)) process.stderr.write(formatDiagnostic(d) + '\n');
          if (!ctx.quiet)
            process.stdout.write(
              `${displayPath(tmFile)}: ${res.added.length} added, ${res.changed.length} changed, ${res.unchanged.length} unchanged, ${res.refused.length} refused${opts.dryRun ? ' (dry run, nothing written)' : ''}\n`,
            );
        }
        return 0;
      }),
    );
}
