import type { Command } from 'commander';
import type { Action } from '../cli.js';
import type { Context } from '../context.js';
import { UserError, diagnostic } from '../diagnostics.js';

export function defineAlign(program: Command, run: (a: Action) => (...args: any[]) => Promise<void>): void {
  program
    .command('align')
    .description(
      'align the source with the publisher’s English (sources/<slug>/source.en.*, or the English paragraphs of a bilingual source) and write the pairs into sources/<slug>/en.xlf as drafts (state translated, origin alignment); low-confidence pairs are reported and not kept',
    )
    .argument('<slug>', 'a source slug (or slug folder)')
    .option('--dry-run', 'report the pairs, write nothing')
    .option('--threshold <score>', 'keep pairs scoring at least this (0–1; default: the measured threshold)')
    .action(
      run(async (ctx: Context, slug: string, opts: { dryRun?: boolean; threshold?: string }) => {
        const path = await import('node:path');
        const { loadSourceDoc } = await import('../build/load-source.js');
        const { loadGlossaryForCli, displayPath } = await import('../localize/support.js');
        const { alignLoadedSource } = await import('../align/source.js');
        const { alignmentDrafts, KEEP_THRESHOLD } = await import('../align/index.js');
        let threshold = KEEP_THRESHOLD;
        if (opts.threshold !== undefined) {
          threshold = Number(opts.threshold);
          if (!/^\s*(0(\.\d+)?|1(\.0+)?)\s*$/.test(opts.threshold))
            throw new UserError(diagnostic({ rule: 'align:bad-threshold', reason: `--threshold must be a number from 0 to 1, not "${opts.threshold}"` }), 2);
        }
        const { files, doc } = await loadSourceDoc(ctx, slug);
        const glossary = await loadGlossaryForCli(ctx);
        const { createMatcher } = await import('../glossary/match.js');
        const { alignment, englishFile } = await alignLoadedSource(ctx, files, doc, { matcher: createMatcher(glossary.terms), threshold });
        if (!alignment)
          throw new UserError(
            diagnostic({
              rule: 'align:no-english',
              file: displayPath(files.sourcePath),
              reason: `no English to align with: put the publisher's English in ${displayPath(path.join(files.dir, 'source.en.md'))} (or .txt, .html, .docx, .pdf), or give a bilingual source`,
            }),
          );
        const drafts = alignmentDrafts(alignment);
        const tmFile = path.join(files.dir, 'en.xlf');
        let merge: { added: string[]; replaced: string[]; kept: string[]; written: boolean } = { added: [], replaced: [], kept: [], written: false };
        if (!opts.dryRun) {
          const { mergeDrafts } = await import('../build/draft-file.js');
          merge = mergeDrafts(tmFile, files.slug, drafts);
        }
        const low = alignment.dropped.map((p) => ({
          ids: p.zh.map((z) => z.id),
          zh: p.zh.map((z) => z.text).join(''),
          en: p.en.join(' '),
          score: p.score,
          why: p.zh.length > 1 ? '2 segments, 1 English sentence' : 'low confidence',
        }));
        if (ctx.json) {
          process.stdout.write(
            JSON.stringify({
              ok: true,
              slug: files.slug,
              english: englishFile,
              kind: alignment.english,
              threshold,
              kept: alignment.kept.length,
              dropped: alignment.dropped.length,
              parts: alignment.parts.length,
              unaligned: { zh: alignment.result.zhOnly.length, en: alignment.result.enOnly.length },
              file: tmFile,
              written: merge.written,
              added: merge.added.length,
              replaced: merge.replaced.length,
              reviewedKept: merge.kept.length,
              lowConfidence: low,
            }) + '\n',
          );
          return 0;
        }
        if (!ctx.quiet) {
          const out: string[] = [];
          out.push(`${files.slug}: aligned with ${englishFile} (${alignment.english}); length ratio ${alignment.result.model.ratio.toFixed(2)} en/zh characters`);
          out.push(`  kept ${alignment.kept.length} pair${alignment.kept.length === 1 ? '' : 's'} (score ≥ ${threshold}), dropped ${alignment.dropped.length}; unaligned: ${alignment.result.zhOnly.length} Chinese, ${alignment.result.enOnly.length} English sentences`);
          if (alignment.parts.length) out.push(`  and ${alignment.parts.length} part${alignment.parts.length === 1 ? '' : 's'} of kept sentences with their English (an article without its label, a quote, a bracket)`);
          if (alignment.dropped.length) {
            out.push('  low-confidence pairs (not kept):');
            for (const p of low) out.push(`    ${p.score.toFixed(2)} ${p.ids.join('+')} ${p.why === 'low confidence' ? '' : `(${p.why}) `}${p.zh}\n         → ${p.en}`);
          }
          if (opts.dryRun) out.push(`  dry run: ${displayPath(tmFile)} not written`);
          else
            out.push(
              `  ${displayPath(tmFile)}: ${merge.added.length} added, ${merge.replaced.length} drafts updated, ${merge.kept.length} left as they were (reviewed, final or a translator's)${merge.written ? '' : ' — unchanged'}`,
            );
          process.stdout.write(out.join('\n') + '\n');
        }
        return 0;
      }),
    );
}
