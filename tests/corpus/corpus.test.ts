// The real-document corpus (corpus/, provenance in corpus/README.md) built end to end, as a user would:
// every document either briefs or fails with a located reason; no brief is written without a title, with
// markup in its text, or over one page; and every corpus folder records where it came from.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { briefs, events, pageCount, repo, hasStackTrace, type BuildEvent } from '../e2e/helpers.js';

const corpus = path.join(repo, 'corpus');
const slugs = readdirSync(corpus, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
/** Markup, entities or CSS that must never reach a brief's text. */
const RESIDUE = /<\/?[a-z][a-z0-9]*[\s>/]|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|\{[^}]*:[^}]*;[^}]*\}/i;

describe('the corpus', () => {
  it('records each document’s repository, path, commit and licence, and lists it in the README', () => {
    const readme = readFileSync(path.join(corpus, 'README.md'), 'utf8');
    expect(slugs.length).toBeGreaterThanOrEqual(20);
    for (const slug of slugs) {
      const p = parseYaml(readFileSync(path.join(corpus, slug, 'PROVENANCE.yaml'), 'utf8'));
      expect(p.repository, slug).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(String(p.commit), slug).toMatch(/^[0-9a-f]{40}$/);
      expect(p.path, slug).toBeTruthy();
      expect(p.licence, slug).toMatch(/public-domain|MIT|Apache-2\.0|BSD|CC0|CC-BY/);
      expect(readme, slug).toContain(`| ${slug} |`);
    }
  });

  describe('built end to end', () => {
    let out: string;
    let run: ReturnType<typeof briefs>;
    let done: BuildEvent[];
    beforeAll(() => {
      out = mkdtempSync(path.join(os.tmpdir(), 'briefs-corpus-'));
      run = briefs(repo, ['build', '--sources', corpus, '--out', out, '--json', '--workers', '2'], undefined, 280_000);
      done = events(run.stdout).filter((e) => e.event === 'done');
    }, 300_000);

    it('builds every document it can read, and says why for the others, without a stack trace', () => {
      expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
      expect([0, 1]).toContain(run.code);
      for (const e of done) {
        if (e.status !== 'failed') continue;
        const errors = (e.diagnostics ?? []).filter((d) => d.severity === 'error');
        expect(errors.length, e.slug).toBeGreaterThan(0);
        for (const d of errors) expect(d.file, `${e.slug}: ${d.reason}`).toBeTruthy();
      }
      // every document of the corpus builds (issue #14: every brief passes the brief checks with 0 errors)
      expect(done.length).toBeGreaterThanOrEqual(35);
      const failed = done.filter((e) => e.status === 'failed').map((e) => `${e.slug}: ${(e.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.rule).join(', ')}`);
      expect(failed).toEqual([]);
    });

    it('writes no brief that the brief checks find an error in, and locates every finding', () => {
      for (const e of done) {
        const findings = (e.diagnostics ?? []).filter((d) => d.rule?.startsWith('brief:')) as { rule: string; reason: string; severity?: string; file?: string; line?: number }[];
        for (const d of findings) {
          expect(d.file, `${e.slug}: ${d.reason}`).toBeTruthy();
          expect(d.line, `${e.slug}: ${d.reason}`).toBeGreaterThan(0);
        }
        if (e.status === 'failed') continue;
        const errors = findings.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}: ${d.reason}`);
        expect(errors, e.slug).toEqual([]);
      }
    });

    it('lists no key term that its source has mostly inside longer words (居民企业 of 非居民企业, 委员长 of 副委员长)', () => {
      const inside = done.flatMap((e) => (e.diagnostics ?? []).filter((d) => d.rule === 'brief:term-in-word').map((d) => `${e.slug}: ${d.reason}`));
      expect(inside).toEqual([]);
    });

    it('reads the PDFs’ cover titles whole, and keeps contents lines and captions out of their briefs', () => {
      // the cover's largest type, over two lines (the white paper) or with a colon (the paper); or the title
      // block's line that the running head repeats (the two-column paper)
      const covers: Record<string, string> = {
        'whitepaper-2020-flex-federated-data-exchange-pdf': '知识联邦数据安全交换（FLEX）白皮书',
        'paper-ccl2022-cltc-overview-pdf': 'CLTC 2022：汉语学习者文本纠错技术评测及研究综述',
        // no larger type: the first page's line that the running head repeats (not the version line beside it)
        'paper-2022-ethereum-yellow-paper-zh-pdf': '以太坊：一种安全去中心化的通用交易账本',
      };
      for (const [slug, title] of Object.entries(covers)) {
        const md = readFileSync(path.join(out, slug, `${slug}.zh-Hans.md`), 'utf8');
        expect(/^title: (.*)$/m.exec(md)?.[1]?.replace(/^["']|["']$/g, ''), slug).toBe(title);
      }
      // the paper's source line: its first affiliation as the institution and its first author, no mark
      // of a note or an affiliation left on either (the affiliation ¹北京语言大学 was read as the author line)
      const ccl = readFileSync(path.join(out, 'paper-ccl2022-cltc-overview-pdf', 'paper-ccl2022-cltc-overview-pdf.zh-Hans.md'), 'utf8');
      expect(/^source: (.*)$/m.exec(ccl)?.[1]).toBe('北京语言大学 · 王莹莹 等');
      const pdfs = done.filter((e) => e.status !== 'failed' && existsSync(path.join(corpus, e.slug!, 'source.pdf')));
      expect(pdfs.length).toBeGreaterThanOrEqual(4);
      for (const e of pdfs) expect(/^source: (.*)$/m.exec(readFileSync(path.join(out, e.slug!, `${e.slug}.zh-Hans.md`), 'utf8'))?.[1] ?? '', e.slug).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
      for (const e of pdfs) {
        const md = readFileSync(path.join(out, e.slug!, `${e.slug}.zh-Hans.md`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
        const items = md.split('\n').filter((l) => /^(?:- |\d+\. )/.test(l)).map((l) => l.replace(/^(?:- |\d+\. )/, ''));
        for (const item of items) {
          expect(item, e.slug).not.toMatch(/(?:[.．·…⋯]\s*){4,}\s*\d{1,4}$/);
          expect(item, e.slug).not.toMatch(/^(?:图表?|表)\s*\d{1,2}(?:[.．-]\d{1,2})*\s/);
        }
      }
    });

    it('writes no brief without a title, with markup in it, or over one page', () => {
      for (const e of done.filter((x) => x.status !== 'failed')) {
        for (const lang of ['zh-Hans', 'zh-Hant']) {
          const md = readFileSync(path.join(out, e.slug!, `${e.slug}.${lang}.md`), 'utf8');
          const title = /^title: (.*)$/m.exec(md)?.[1] ?? '';
          expect(title.replace(/^["']|["']$/g, '').trim(), `${e.slug} ${lang}`).not.toBe('');
          const body = md.replace(/^---\n[\s\S]*?\n---\n/, '');
          expect(RESIDUE.exec(body)?.[0], `${e.slug} ${lang}`).toBeUndefined();
          const pdf = path.join(out, e.slug!, `${e.slug}.${lang}.pdf`);
          expect(existsSync(pdf), pdf).toBe(true);
          expect(pageCount(readFileSync(pdf)), pdf).toBe(1);
        }
      }
    });
  });
});
