// Sources as people have them: a saved web page and a Word file are read into the same SourceDoc as
// Markdown: main content only, metadata from the page or document, structure kept, no markup left.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, HeadingLevel, Table, TableRow, TableCell, TextRun, FootnoteReferenceRun, AlignmentType } from 'docx';
import { resolveContext } from '../../../pipeline/context.js';
import { loadSourceDoc } from '../../../pipeline/build/load-source.js';
import { docSegments } from '../../../pipeline/ingest/walk.js';
import { htmlToMarkdown, isoDate } from '../../../pipeline/ingest/formats/html.js';
import { briefs, hasStackTrace, repo } from '../../e2e/helpers.js';

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>首页 - 新闻中心</title>
<meta property="og:title" content="国务院常务会议研究部署数字经济发展">
<meta property="article:published_time" content="2024-05-14T10:00:00+08:00">
<meta name="author" content="张三"><meta property="og:site_name" content="示例新闻网">
<link rel="canonical" href="https://news.example.org/2024/0514/a.html">
<style>.appendQr_wrap{color:red}</style><script>window.track = 1;</script></head>
<body><nav><a href="/">返回首页</a> | <a href="/gn">国内</a></nav>
<div class="share">分享到：微信 微博</div>
<article><h1>国务院常务会议研究部署数字经济发展</h1>
<p>新华社北京5月14日电（记者 张三） 国务院常务会议14日召开，研究部署推进数字经济发展的措施。会议指出，数字经济是新质生产力的重要组成部分。</p>
<p>会议强调，要加快数据要素市场建设，完善数据基础制度，推动数据资源开发利用。到2025年，数字经济核心产业增加值占国内生产总值比重达到10%。</p>
<h2>一、加强基础设施</h2><ul><li>建设全国一体化算力网络。</li><li>推进5G和千兆光网建设。</li></ul>
<table><tr><th>指标</th><th>2023年</th></tr><tr><td>算力总规模</td><td>230 EFLOPS</td></tr></table>
<figure><img src="meeting.jpg" alt=""><figcaption>会议现场。</figcaption></figure>
<blockquote><p>“数字经济发展前景广阔。”一位与会专家说。</p></blockquote></article>
<footer>版权所有 © 示例新闻网 京ICP备00000000号</footer></body></html>`;

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefs-formats-'));
  mkdirSync(path.join(dir, 'sources'));
  for (const d of ['glossary', 'templates']) cpSync(path.join(repo, d), path.join(dir, d), { recursive: true });
  return dir;
}

function addSource(dir: string, slug: string, name: string, data: string | Uint8Array): void {
  mkdirSync(path.join(dir, 'sources', slug), { recursive: true });
  writeFileSync(path.join(dir, 'sources', slug, name), data);
}

const texts = (doc: Awaited<ReturnType<typeof loadSourceDoc>>['doc']) => [...docSegments(doc)].map((v) => v.segment.text);

describe('source.html', () => {
  it('reads the page’s metadata and only its main content', async () => {
    const dir = project();
    addSource(dir, 'page', 'source.html', PAGE);
    const { doc } = await loadSourceDoc(resolveContext({}, dir), 'page');
    expect(doc.meta.title).toBe('国务院常务会议研究部署数字经济发展');
    expect(doc.meta.date).toBe('2024-05-14');
    expect(doc.meta.authors?.map((a) => a.name)).toEqual(['张三']);
    expect(doc.meta.outlet).toBe('示例新闻网');
    expect(doc.meta.url).toBe('https://news.example.org/2024/0514/a.html');
    const all = texts(doc).join('\n');
    expect(all).toContain('数字经济核心产业增加值占国内生产总值比重达到10%');
    for (const junk of ['返回首页', '分享到', 'appendQr', 'window.track', '京ICP备', '<', '&#']) expect(all).not.toContain(junk);
    expect(doc.tables).toHaveLength(1);
    expect(doc.sections.some((s) => s.heading.includes('加强基础设施'))).toBe(true);
  });

  it('builds a brief whose title is the page’s and whose text has no markup', () => {
    const dir = project();
    addSource(dir, 'page', 'source.html', PAGE);
    const r = briefs(dir, ['build', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(dir, 'out', 'page', 'page.zh-Hans.md'), 'utf8');
    expect(md).toMatch(/^title: 国务院常务会议研究部署数字经济发展$/m);
    expect(md).not.toMatch(/<[a-z]|&#|appendQr|返回首页/);
  });

  it('isoDate reads the forms pages use', () => {
    expect(isoDate('2024-05-14T10:00:00+08:00')).toBe('2024-05-14');
    expect(isoDate('2024年5月4日 10:00')).toBe('2024-05-04');
    expect(isoDate('Tue, 14 May 2024 02:00:00 GMT')).toBe('2024-05-14');
    expect(isoDate('not a date')).toBeUndefined();
  });

  it('a page with no article element still loses its scripts, styles and navigation', () => {
    const r = htmlToMarkdown('<html><head><style>p{}</style></head><body><nav>导航 返回首页</nav><script>alert(1)</script><p>正文第一段。</p></body></html>');
    expect(r.markdown).toContain('正文第一段。');
    expect(r.markdown).not.toMatch(/导航|alert|p\{\}/);
  });
});

async function wordFile(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('数据来源：国家统计局，https://www.stats.gov.cn/。')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: '关于推进数字经济发展的研究报告', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '一、总体情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun('2023年，我国数字经济规模达到53.9万亿元，占国内生产总值比重达到42.8%。'), new FootnoteReferenceRun(1)],
          }),
          new Paragraph({ text: '数字经济已成为稳增长促转型的重要引擎。' }),
          new Paragraph({ text: '二、政策建议', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '加快建设全国一体化算力网络。', bullet: { level: 0 } }),
          new Paragraph({ text: '完善数据产权和收益分配制度。', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('指标')] }), new TableCell({ children: [new Paragraph('2023年')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('数字经济规模')] }), new TableCell({ children: [new Paragraph('53.9万亿元')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('source.docx', () => {
  it('reads headings from styles, lists, tables and footnotes', async () => {
    const dir = project();
    addSource(dir, 'word', 'source.docx', await wordFile());
    const { doc } = await loadSourceDoc(resolveContext({}, dir), 'word');
    expect(doc.meta.title).toBe('关于推进数字经济发展的研究报告');
    const headings = doc.sections.flatMap(function all(s): string[] {
      return [s.heading, ...s.children.flatMap(all)];
    });
    expect(headings).toEqual(expect.arrayContaining(['一、总体情况', '二、政策建议']));
    const all = texts(doc).join('\n');
    expect(all).toContain('我国数字经济规模达到53.9万亿元');
    expect(all).toContain('加快建设全国一体化算力网络。');
    expect(doc.tables).toHaveLength(1);
    expect(all).not.toMatch(/<[a-z]|&#/);
  });

  it('a file that is not a Word document is a located error, exit 1, no stack trace', () => {
    const dir = project();
    addSource(dir, 'broken', 'source.docx', 'PK\u0003\u0004 not really a zip');
    const r = briefs(dir, ['parse', 'broken']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/source\.docx.*not a Word document.*\[ingest:unreadable-docx\]/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

/** A standard's draft: the title on a cover in the template's own style (large, centred), no Title or Heading style on it. */
async function coverFile(): Promise<Uint8Array> {
  const doc = new Document({
    styles: {
      default: { document: { run: { size: 21 } } },
      paragraphStyles: [
        { id: 'Mark', name: '标准标志', run: { size: 96, bold: true }, paragraph: { alignment: AlignmentType.RIGHT } },
        { id: 'Kind', name: '其他标准称谓', run: { size: 48 }, paragraph: { alignment: AlignmentType.DISTRIBUTE } },
        { id: 'CoverName', name: '封面标准名称', run: { size: 52 }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: 'CoverEn', name: '封面标准英文名称', basedOn: 'CoverName', run: { size: 28 } },
        { id: 'Toc1', name: 'toc 1', run: { size: 21 } },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'ICS 27.120.99' }),
          new Paragraph({ text: 'NB', style: 'Mark' }),
          new Paragraph({ text: '中华人民共和国能源行业标准', style: 'Kind' }),
          new Paragraph({ text: '核设施定期安全评价', style: 'CoverName' }),
          new Paragraph({ text: '第1部分：通用要求', style: 'CoverName' }),
          new Paragraph({ text: 'Periodic safety review of nuclear installations', style: 'CoverEn' }),
          new Paragraph({ text: '2024-01-01发布', alignment: AlignmentType.LEFT }),
          new Paragraph({ text: '目  次', alignment: AlignmentType.CENTER }),
          new Paragraph({ text: '1 范围\t1', style: 'Toc1' }),
          new Paragraph({ text: '2 规范性引用文件\t1', style: 'Toc1' }),
          new Paragraph({ text: '1 范围', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '本部分规定了核设施定期安全评价的范围、评价要素和程序。本部分适用于运行许可证有效期内的核设施。' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('source.docx with a cover', () => {
  it('takes the title from the cover’s largest centred type (not a logo, not the kind of document), and drops the contents entries', async () => {
    const dir = project();
    addSource(dir, 'std', 'source.docx', await coverFile());
    const { doc } = await loadSourceDoc(resolveContext({}, dir), 'std');
    expect(doc.meta.title).toBe('核设施定期安全评价 第1部分：通用要求');
    const all = texts(doc).join('\n');
    expect(all).toContain('本部分规定了核设施定期安全评价的范围');
    expect(all).not.toContain('规范性引用文件');
  });
});
