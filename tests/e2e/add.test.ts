// `briefs add <file>`: a new source folder from a file, meta.yaml prefilled with where each value came
// from; the source then builds; nothing is ever overwritten; a bad file is a located error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { briefs, fixtureSources, hasStackTrace, REPORT, repo } from './helpers.js';
import { parseMeta } from '../../pipeline/ingest/meta.js';
import { reportPdf } from '../ingest/formats/pdf-fixtures.js';

let dir: string;
const src = () => path.join(dir, 'sources');
const add = (...args: string[]) => briefs(dir, ['add', ...args, '--sources', src()]);
const meta = (slug: string) => readFileSync(path.join(src(), slug, 'meta.yaml'), 'utf8');
/** The comment on a top-level key of meta.yaml. */
const commentOf = (yaml: string, key: string) => new RegExp(`^${key}:.*#\\s*(.*)$`, 'm').exec(yaml)?.[1];
const slugOf = (stdout: string) => /^added .*\/([^/]+)\/$/m.exec(stdout)?.[1] ?? '';

const HTML = `<!doctype html><html><head><title>低空经济迎来发展新机遇 - 某网</title>
<meta property="og:title" content="低空经济迎来发展新机遇">
<meta property="og:site_name" content="某新闻网">
<meta name="author" content="张三">
<meta property="article:published_time" content="2024-03-15T08:00:00+08:00">
</head><body><article><h1>低空经济迎来发展新机遇</h1>
<p class="byline">记者 张三</p>
<p>低空经济是以民用有人驾驶和无人驾驶航空器为主，以多场景低空飞行活动为牵引，辐射带动相关领域融合发展的综合性经济形态。</p>
<p>业内人士表示，低空经济产业链条长、应用场景多，有望形成万亿级市场，各地纷纷出台支持政策。</p>
<p>专家建议，应加快完善低空空域管理制度，健全安全监管体系，推动低空经济安全有序发展。</p>
</article></body></html>`;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-add-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('briefs add', () => {
  it('a text report: copied as source.txt, meta.yaml valid, every found value with the line it came from', () => {
    const file = path.join(fixtureSources, REPORT, 'source.txt');
    const r = add(file);
    expect(r.code, r.stderr).toBe(0);
    const slug = slugOf(r.stdout);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(readFileSync(path.join(src(), slug, 'source.txt')).equals(readFileSync(file))).toBe(true);
    const yaml = meta(slug);
    const m = parseMeta(yaml, 'meta.yaml');
    expect(m.title).toBeTruthy();
    expect(m.kind).toBe('report');
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const key of ['title', 'institution', 'date'] as const) {
      const c = commentOf(yaml, key);
      if (m[key] === undefined) continue;
      const n = Number(/line (\d+)/.exec(c ?? '')?.[1]);
      expect(n, `${key}: ${c}`).toBeGreaterThan(0);
      if (key !== 'date') expect(lines[n - 1], key).toContain(m[key]);
    }
    // it prints what it found and the command to run next
    expect(r.stdout).toContain(m.title!);
    // (the folder is ./sources, the default, so no --sources in it)
    expect(r.stdout).toMatch(new RegExp(`^\\s*briefs build ${slug}$`, 'm'));
  });

  it('the added source builds', () => {
    const slug = readdirSync(src())[0];
    const r = briefs(dir, ['build', slug, '--quiet', '--formats', 'md', '--sources', src(), '--glossary', path.join(repo, 'glossary'), '--templates', path.join(repo, 'templates'), '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out', slug)).some((f) => f.endsWith('.zh-Hans.md'))).toBe(true);
  });

  it('a web page: the values its <meta> tags gave, saying which tag', () => {
    writeFileSync(path.join(dir, 'page.html'), HTML);
    const r = add(path.join(dir, 'page.html'), '--slug', 'page');
    expect(r.code, r.stderr).toBe(0);
    const yaml = meta('page');
    const m = parseMeta(yaml, 'meta.yaml');
    expect(m).toMatchObject({ title: '低空经济迎来发展新机遇', outlet: '某新闻网', date: '2024-03-15', kind: 'news' });
    expect(commentOf(yaml, 'title')).toBe('from <meta property="og:title">');
    expect(commentOf(yaml, 'outlet')).toBe('from <meta property="og:site_name">');
    expect(commentOf(yaml, 'date')).toBe('from <meta property="article:published_time">');
    expect(commentOf(yaml, 'authors')).toBe('from <meta name="author">');
    expect(existsSync(path.join(src(), 'page', 'source.html'))).toBe(true);
  });

  it('a PDF: the title from the cover (largest type), the slug in pinyin', async () => {
    writeFileSync(path.join(dir, 'report.pdf'), await reportPdf());
    const r = add(path.join(dir, 'report.pdf'));
    expect(r.code, r.stderr).toBe(0);
    const slug = slugOf(r.stdout);
    const yaml = meta(slug);
    expect(parseMeta(yaml, 'meta.yaml').title).toBe('数字经济区域协调发展研究');
    expect(commentOf(yaml, 'title')).toMatch(/PDF.*largest type/);
    expect(slug).toMatch(/^shuzi-jingji/);
    expect(existsSync(path.join(src(), slug, 'source.pdf'))).toBe(true);
  });

  it('a Word file: the title from its text, copied as source.docx', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '关于推进数字贸易发展的研究报告', heading: HeadingLevel.TITLE }),
            new Paragraph('数字贸易是数字经济的重要组成部分，近年来规模持续扩大，成为推动贸易高质量发展的新引擎。'),
            new Paragraph('应完善数字贸易规则，推动数据跨境安全有序流动，提升数字贸易便利化水平。'),
          ],
        },
      ],
    });
    writeFileSync(path.join(dir, 'paper.docx'), await Packer.toBuffer(doc));
    const r = add(path.join(dir, 'paper.docx'), '--slug', 'paper');
    expect(r.code, r.stderr).toBe(0);
    const yaml = meta('paper');
    expect(parseMeta(yaml, 'meta.yaml').title).toBe('关于推进数字贸易发展的研究报告');
    expect(commentOf(yaml, 'title')).toMatch(/Word file/);
    expect(yaml).toMatch(/^# date:.*not found/m);
  });

  it('add offers the date parse reads, citing the cover line it stands on, never an entry of the reference list', () => {
    const text = [
      '区域数据流通白皮书',
      '',
      '某某数据研究院',
      '',
      '2020 年 10 月',
      '',
      '一、总体情况',
      '',
      '数据要素市场建设持续推进，数据交易所在多地设立，场内交易规模稳步扩大，数据流通的制度体系初步建立。',
      '',
      '参考文献',
      '',
      '[3] 中华人民共和国，个人信息保护法(草案) [Z]，2020.10.',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'paper.txt'), text);
    const r = add(path.join(dir, 'paper.txt'), '--slug', 'dated-paper');
    expect(r.code, r.stderr).toBe(0);
    const yaml = meta('dated-paper');
    const parsed = briefs(dir, ['parse', path.join(dir, 'paper.txt'), '--json']);
    const doc = JSON.parse(parsed.stdout);
    expect(parseMeta(yaml, 'meta.yaml').date).toBe(doc.meta.date);
    expect(doc.meta.date).toBe('2020-10');
    expect(commentOf(yaml, 'date')).toBe('from source.txt, line 5');
  });

  it('an official document as a web page: its date and adopting body from its adoption line, not from a tag that only shares the year', () => {
    const page = `<html><head><title>某市人民代表大会常务委员会关于批准某市水务规划的决议</title><meta name="lanmu" content="2024年第3号"></head>
      <body><div class="content"><p><strong>某市人民代表大会常务委员会关于批准某市水务规划的决议</strong><br>（2024年5月20日某市第十六届人民代表大会常务委员会第九次会议通过）</p>
      <p>某市第十六届人民代表大会常务委员会第九次会议，听取了市水务局局长关于某市水务规划的说明。会议决定：批准某市水务规划，新建水厂三座，日供水能力提高到一百二十万吨。</p>
      <p>会议要求，市人民政府应当每年向常务委员会报告规划的实施情况，确保城区供水管网漏损率降至百分之八以下。</p></div></body></html>`;
    writeFileSync(path.join(dir, 'resolution.html'), page);
    const r = add(path.join(dir, 'resolution.html'), '--slug', 'resolution');
    expect(r.code, r.stderr).toBe(0);
    const yaml = meta('resolution');
    expect(parseMeta(yaml, 'meta.yaml')).toMatchObject({ date: '2024-05-20', institution: '某市第十六届人民代表大会常务委员会' });
    expect(commentOf(yaml, 'date')).toMatch(/会议通过/);
    expect(commentOf(yaml, 'date')).not.toMatch(/lanmu/);
  });

  it('never overwrites a source: exit 1, nothing written, the folder as it was', () => {
    const before = meta('page');
    writeFileSync(path.join(src(), 'page', 'meta.yaml'), before + '# edited by hand\n');
    const r = add(path.join(dir, 'page.html'), '--slug', 'page');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/page.*already exists/);
    expect(meta('page')).toBe(before + '# edited by hand\n');
  });

  it('a bad file is a located error, exit 1, no stack trace and no folder', () => {
    writeFileSync(path.join(dir, 'bad.pdf'), 'not a pdf at all');
    writeFileSync(path.join(dir, 'notes.rtf'), '{\\rtf1}');
    const before = readdirSync(src()).sort();
    for (const [file, re] of [
      ['bad.pdf', /bad\.pdf.*not a PDF/],
      ['notes.rtf', /notes\.rtf.*\.rtf/],
      ['missing.txt', /missing\.txt.*no such file/],
    ] as const) {
      const r = add(path.join(dir, file));
      expect(r.code, file).toBe(1);
      expect(r.stderr, file).toMatch(re);
      expect(hasStackTrace(r.stderr), file).toBe(false);
    }
    expect(readdirSync(src()).sort()).toEqual(before);
  });

  it('a --slug that is no folder name is wrong usage (exit 2)', () => {
    const r = add(path.join(dir, 'page.html'), '--slug', '../elsewhere');
    expect(r.code).toBe(2);
    expect(existsSync(path.join(dir, 'elsewhere'))).toBe(false);
  });
});
