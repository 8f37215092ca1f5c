// briefs glossary lint | check | suggest | export | import — the glossary's tools.
// Stage modules are imported inside the actions so that start-up stays quick.
import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';
import { UsageError, UserError, diagnostic, diagnosticToJson, formatDiagnostic, isError, type Diagnostic } from '../diagnostics.js';

type Run = (a: Action) => (...args: any[]) => Promise<void>;

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}

function printDiagnostics(ctx: Context, ds: Diagnostic[]): void {
  for (const d of ds) {
    if (ctx.quiet && !isError(d)) continue;
    process.stderr.write(formatDiagnostic(d) + '\n');
  }
}

function summary(ds: Diagnostic[]): { errors: number; warnings: number } {
  return { errors: ds.filter((d) => d.fatal === true).length, warnings: ds.filter((d) => d.fatal === false).length };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

async function knownSlugs(ctx: Context): Promise<string[] | undefined> {
  const { existsSync } = await import('node:fs');
  if (!existsSync(ctx.sourcesDir)) return undefined;
  const { listSources } = await import('../build/sources.js');
  return listSources(ctx.sourcesDir).map((s) => s.slug);
}

export function defineGlossary(program: Command, run: Run): void {
  const glossary = program
    .command('glossary')
    .description('the glossary (glossary/*.yaml): lint it, check it against the sources, suggest entries, exchange it as TBX or CSV');

  glossary
    .command('lint')
    .description('check the term files: schema, duplicates, one term with two renderings, forbidden forms, zh-Hant forms')
    .action(
      run(async (ctx) => {
        const { loadGlossary, glossaryFiles, defaultToHant } = await import('../glossary/load.js');
        const { lintGlossary } = await import('../glossary/lint.js');
        const toHant = defaultToHant();
        const files = glossaryFiles(ctx.glossaryDir);
        let loaded: { terms: import('../model.js').Term[]; diagnostics: Diagnostic[] };
        try {
          loaded = loadGlossary(ctx.glossaryDir, { toHant });
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          loaded = { terms: [], diagnostics: err.diagnostics };
        }
        const ds = [...loaded.diagnostics];
        if (!ds.some(isError)) ds.push(...lintGlossary(loaded.terms, toHant, { knownSources: await knownSlugs(ctx) }));
        const { errors, warnings } = summary(ds);
        if (ctx.json) {
          out(JSON.stringify({ ok: errors === 0, files: files.length, entries: loaded.terms.length, errors, warnings, diagnostics: ds.map(diagnosticToJson) }));
        } else {
          printDiagnostics(ctx, ds);
          if (!ctx.quiet || errors)
            out(`glossary: ${plural(loaded.terms.length, 'entry').replace('entrys', 'entries')} in ${plural(files.length, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
        }
        return errors ? 1 : 0;
      }),
    );

  glossary
    .command('check')
    .description('which entries occur in which sources (with counts), forbidden forms, unused entries, frequent terms the glossary lacks')
    .argument('[sources...]', 'source slugs (default: every source)')
    .option('--missing <n>', 'how many missing-term candidates to list', '30')
    .action(
      run(async (ctx, slugs: string[], opts: { missing: string }) => {
        const { loadGlossary } = await import('../glossary/load.js');
        const { readCorpus } = await import('../glossary/corpus.js');
        const { checkGlossary } = await import('../glossary/check.js');
        const path = await import('node:path');
        const limit = Number(opts.missing);
        if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--missing must be a whole number, not “${opts.missing}”`);
        const { terms } = loadGlossary(ctx.glossaryDir);
        const texts = await readCorpus(ctx, slugs);
        const report = checkGlossary(terms, texts, { missingLimit: limit });
        const warnings = report.forbidden.map((f) =>
          diagnostic({
            rule: 'glossary:forbidden-in-source',
            reason: `“${f.form}” is a forbidden form of ${f.id}; use “${f.use}”`,
            file: path.relative(ctx.cwd, f.file) || f.file,
            place: { line: f.line, column: f.column },
            severity: 'warning',
          }),
        );
        if (ctx.json) {
          out(JSON.stringify({ ok: true, ...report, diagnostics: warnings.map(diagnosticToJson) }));
          return 0;
        }
        printDiagnostics(ctx, warnings);
        if (ctx.quiet) return 0;
        out(`# entries found (${report.used.length} of ${terms.length}) in ${report.sources.join(', ')}`);
        for (const u of report.used) {
          const per = report.sources.map((s) => `${s}:${u.counts[s] ?? 0}`).join('  ');
          const listed = report.sources.filter((s) => (u.counts[s] ?? 0) > 0 && !u.sourcesListed.includes(s));
          out(`${String(u.total).padStart(5)}  ${u['zh-Hans']} — ${u.en}  (${per})${listed.length ? `  [sources: lacks ${listed.join(', ')}]` : ''}`);
        }
        out(`\n# entries no source uses (${report.unused.length})`);
        for (const u of report.unused) out(`  ${u['zh-Hans']} — ${u.en}  (${u.id})`);
        out(`\n# frequent in the sources, not in the glossary (${report.missing.length}; see \`briefs glossary suggest\`)`);
        for (const c of report.missing) {
          const ev = c.evidence[0];
          out(`  ${c['zh-Hans']}${c.en ? ` (${c.en})` : ''}  ×${c.count}  ${c.kind}${ev ? `  ${ev.slug}:${ev.line}` : ''}`);
        }
        return 0;
      }),
    );

  glossary
    .command('suggest')
    .description('candidate entries mined from the sources, as YAML ready to paste: glossed terms, repeated quoted terms, frequent n-grams')
    .argument('[sources...]', 'source slugs (default: every source)')
    .option('--kind <kinds>', 'which miners: gloss,quoted,ngram', 'gloss,quoted,ngram')
    .option('--min-count <n>', 'least frequency of an n-gram', '5')
    .option('--limit <n>', 'most n-grams to list', '40')
    .action(
      run(async (ctx, slugs: string[], opts: { kind: string; minCount: string; limit: string }) => {
        const { loadGlossary } = await import('../glossary/load.js');
        const { readCorpus } = await import('../glossary/corpus.js');
        const { suggestEntries } = await import('../glossary/mine.js');
        const { entryYaml } = await import('../glossary/yaml-out.js');
        const kinds = opts.kind.split(',').map((k) => k.trim()).filter(Boolean);
        for (const k of kinds) if (!['gloss', 'quoted', 'ngram'].includes(k)) throw new UsageError(`unknown --kind “${k}” (gloss, quoted, ngram)`);
        const minCount = Number(opts.minCount);
        const limit = Number(opts.limit);
        if (!Number.isInteger(minCount) || minCount < 1) throw new UsageError(`--min-count must be a whole number ≥ 1`);
        if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number`);
        const { terms } = loadGlossary(ctx.glossaryDir);
        const texts = await readCorpus(ctx, slugs);
        const cands = suggestEntries(texts, terms, { kinds: kinds as ('gloss' | 'quoted' | 'ngram')[], minCount, limit });
        if (ctx.json) {
          out(JSON.stringify({ ok: true, sources: texts.map((t) => t.slug), candidates: cands }));
          return 0;
        }
        const parts: string[] = [
          `# briefs glossary suggest — ${plural(cands.length, 'candidate')} from ${texts.map((t) => t.slug).join(', ')}`,
          '# Review each entry, fill in missing English, then paste it into a file under glossary/.',
          '',
        ];
        for (const c of cands) {
          const ev = c.evidence.map((e) => `${e.slug}:${e.line}:${e.column}`);
          const comments = [
            `${c.kind}, ×${c.count}: ${c.evidence[0]?.context ?? ''}`,
            ...(c.en ? [] : ['English: to be filled in']),
          ];
          parts.push(
            entryYaml(
              {
                'zh-Hans': c['zh-Hans'],
                en: c.en ?? '',
                category: c.category,
                sources: [...new Set(c.evidence.map((e) => e.slug))].sort(),
                evidence: ev.length > 5 ? [...ev.slice(0, 5), `… ${ev.length - 5} more`] : ev,
              },
              comments,
            ),
          );
        }
        out(parts.join('\n'));
        return 0;
      }),
    );

  glossary
    .command('export')
    .description('write the glossary as TBX-Basic (ISO 30042, TBX v3) or CSV')
    .requiredOption('--format <format>', 'tbx or csv')
    .option('--output <file>', 'write to a file (default: standard output)')
    .action(
      run(async (ctx, opts: { format: string; output?: string }) => {
        const format = opts.format.toLowerCase();
        if (format !== 'tbx' && format !== 'csv') throw new UsageError(`--format must be tbx or csv, not “${opts.format}”`);
        const { loadGlossary } = await import('../glossary/load.js');
        const { termsToTbx, termsToCsv } = await import('../glossary/exchange.js');
        const { terms } = loadGlossary(ctx.glossaryDir);
        const text = format === 'tbx' ? termsToTbx(terms) : termsToCsv(terms);
        if (!opts.output) {
          process.stdout.write(text);
          return 0;
        }
        const path = await import('node:path');
        const { writeAtomicSync } = await import('../build/atomic.js');
        const file = path.resolve(ctx.cwd, opts.output);
        writeAtomicSync(file, text);
        if (ctx.json) out(JSON.stringify({ ok: true, format, file, entries: terms.length }));
        else if (!ctx.quiet) process.stderr.write(`glossary: ${terms.length} entries written to ${opts.output} (${format})\n`);
        return 0;
      }),
    );

  glossary
    .command('import')
    .description('merge a TBX (v3 or v2/martif) or CSV file into the glossary; conflicts are reported, never overwritten')
    .argument('<file>', 'a .tbx or .csv file')
    .option('--into <file>', 'term file that receives new entries (default: <glossary>/imported.yaml)')
    .option('--format <format>', 'tbx or csv (default: from the file extension)')
    .option('--dry-run', 'report what would be imported, write nothing')
    .action(
      run(async (ctx, file: string, opts: { into?: string; format?: string; dryRun?: boolean }) => {
        const path = await import('node:path');
        const fs = await import('node:fs');
        const abs = path.resolve(ctx.cwd, file);
        const format = (opts.format ?? path.extname(abs).slice(1)).toLowerCase();
        if (format !== 'tbx' && format !== 'csv') throw new UsageError(`cannot tell the format of ${file}: use --format tbx|csv`);
        if (!fs.existsSync(abs)) throw new UserError(diagnostic({ rule: 'glossary:no-file', reason: `file not found: ${file}` }));
        const { loadGlossary, defaultToHant } = await import('../glossary/load.js');
        const { parseTbx, parseCsv } = await import('../glossary/exchange.js');
        const { planImport } = await import('../glossary/import.js');
        const { entryYaml } = await import('../glossary/yaml-out.js');
        const toHant = defaultToHant();
        const text = fs.readFileSync(abs, 'utf8');
        const read = format === 'tbx' ? parseTbx(text, file) : parseCsv(text, file);
        if (read.diagnostics.some(isError)) throw new UserError(read.diagnostics);
        const { terms } = loadGlossary(ctx.glossaryDir, { toHant });
        const plan = planImport(read.entries, terms, toHant, file);
        const into = path.resolve(ctx.cwd, opts.into ?? path.join(ctx.glossaryDir, 'imported.yaml'));
        if (plan.add.length && !opts.dryRun) {
          const { writeAtomicSync } = await import('../build/atomic.js');
          const before = fs.existsSync(into) ? fs.readFileSync(into, 'utf8') : `# Entries imported by \`briefs glossary import\`.\n`;
          const added = plan.add.map((e) => entryYaml(e)).join('\n');
          writeAtomicSync(into, before.replace(/\n*$/, '\n\n') + added);
        }
        const ds = [...read.diagnostics, ...plan.warnings, ...plan.conflicts];
        const intoRel = path.relative(ctx.cwd, into) || into;
        if (ctx.json) {
          out(JSON.stringify({ ok: plan.conflicts.length === 0, into: intoRel, added: plan.add.length, present: plan.present, conflicts: plan.conflicts.length, entries: plan.add, diagnostics: ds.map(diagnosticToJson) }));
        } else {
          printDiagnostics(ctx, ds);
          if (!ctx.quiet || plan.conflicts.length)
            out(`glossary import: ${plan.add.length} new ${plan.add.length === 1 ? 'entry' : 'entries'}${opts.dryRun ? ' (dry run)' : plan.add.length ? ` → ${intoRel}` : ''}, ${plan.present} already present, ${plural(plan.conflicts.length, 'conflict')}`);
        }
        return plan.conflicts.length ? 1 : 0;
      }),
    );
}
