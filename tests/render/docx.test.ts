import { afterEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { renderDocx, type RenderDocxOptions } from '../../pipeline/render/docx.js';
import { loadTemplates, scaleStyle } from '../../pipeline/render/templates.js';
import { docxParagraphs, markdownParagraphs, readZip, zipPart } from './docx-helpers.js';

const templates = loadTemplates(fileURLToPath(new URL('../../templates', import.meta.url)));

// A brief as the templates write one: front matter, title, source line, sections, both kinds of list, a table.
const md = (title: string, extra = '') => `---
title: ${title}
lang: zh-Hans
date: 2024-03
source: 某研究院 · 2024年3月
---

# ${title}

*某研究院 · 2024年3月*

## 摘要

第一段摘要，说明背景。${extra}

## 主要发现

- 发现一：**重点**在此。
- 发现二，提到 Erdoğan 与 Wałęsa。

## 建议

1. 建议一。
2. 建议二。
3. 建议三。

## 关键术语

| 术语 | 英文 |
| - | - |
| 停火 | ceasefire |
| 领土完整 | territorial integrity |
`;

const opts = (o: Partial<RenderDocxOptions> = {}): RenderDocxOptions => ({
  lang: 'zh-Hans',
  style: templates.style,
  date: '2024-03',
  footer: '某研究院 · 2024年3月',
  pageLabel: templates.labels['zh-Hans'].page,
  ...o,
});

afterEach(() => vi.useRealTimers());

describe('renderDocx', () => {
  it('holds the text of the Markdown brief, block by block, in order', async () => {
    const text = md('共同安全', '另有一句。');
    const docx = await renderDocx(text, opts());
    expect(await docxParagraphs(docx)).toEqual(markdownParagraphs(text));
  });

  it('maps headings to Word heading styles, lists to real lists and the table to a Word table', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: await renderDocx(md('共同安全'), opts()) });
    expect(html).toMatch(/<h1>共同安全<\/h1>/);
    expect(html.match(/<h2>/g)).toHaveLength(4);
    expect(html).toMatch(/<ul><li>发现一：<strong>重点<\/strong>在此。<\/li><li>[^<]*<\/li><\/ul>/);
    expect(html).toMatch(/<ol><li>建议一。<\/li><li>建议二。<\/li><li>建议三。<\/li><\/ol>/);
    expect(html).toMatch(/<table>.*<td><p>停火<\/p><\/td><td><p>ceasefire<\/p><\/td>.*<\/table>/);
  });

  it('numbers each ordered list from 1 on its own', async () => {
    const two = `# T\n\n1. a\n2. b\n\n## S\n\n1. c\n2. d\n`;
    const doc = zipPart(await renderDocx(two, opts()), 'word/document.xml');
    const numIds = [...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(numIds).toHaveLength(4);
    expect(numIds[0]).toBe(numIds[1]);
    expect(numIds[2]).toBe(numIds[3]);
    expect(numIds[0]).not.toBe(numIds[2]);
  });

  it('names the East Asian font of every run by language, and Noto Sans for letters the CJK fonts lack', async () => {
    for (const [lang, font] of [['zh-Hans', 'Noto Sans SC'], ['zh-Hant', 'Noto Sans TC'], ['en', 'Noto Sans SC']] as const) {
      const doc = zipPart(await renderDocx(md('共同安全'), opts({ lang })), 'word/document.xml');
      const runs = [...doc.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1]).filter((r) => r.includes('<w:t'));
      expect(runs.length).toBeGreaterThan(10);
      for (const r of runs) expect(r, lang).toContain(`w:eastAsia="${font}"`);
      const fallback = runs.filter((r) => r.includes('w:ascii="Noto Sans"'));
      expect(fallback.map((r) => /<w:t[^>]*>([^<]*)</.exec(r)?.[1]).join('')).toMatch(/ğ.*łę/);
    }
  });

  it('follows the PDF page: size, margins, footer text and the page number fields', async () => {
    const docx = await renderDocx(md('共同安全'), opts());
    const doc = zipPart(docx, 'word/document.xml');
    const [l, t, r, b] = templates.style.page.margins;
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc).toMatch(new RegExp(`<w:pgMar w:top="${t * 20}" w:right="${r * 20}" w:bottom="${b * 20}" w:left="${l * 20}"`));
    const footer = zipPart(docx, 'word/footer1.xml');
    expect(footer).toContain('某研究院 · 2024年3月');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    // the page label's own words around the numbers (labels.yaml: 第 {n} 页，共 {m} 页)
    const [before] = templates.labels['zh-Hans'].page.split('{n}');
    expect(footer).toContain(before.trim());
  });

  it('sets type at the scale the PDF was fitted at', async () => {
    const size = (docx: Buffer) => Number(/<w:sz w:val="(\d+)"\/>/.exec(zipPart(docx, 'word/styles.xml'))?.[1]);
    const full = size(await renderDocx(md('共同安全'), opts()));
    const small = size(await renderDocx(md('共同安全'), opts({ style: scaleStyle(templates.style, 0.8) })));
    expect(full).toBe(Math.round(templates.style.sizes.body * 2));
    expect(small).toBe(Math.round(templates.style.sizes.body * 0.8 * 2));
  });

  it('is byte-identical whatever the clock says: fixed document dates and zip dates', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const a = await renderDocx(md('共同安全'), opts());
    vi.setSystemTime(new Date('2042-11-12T13:14:15Z'));
    const b = await renderDocx(md('共同安全'), opts());
    expect(b.equals(a)).toBe(true);
    const core = zipPart(a, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T00:00:00Z</dcterms:modified>');
    for (const e of readZip(a)) expect([e.name, e.dosDate, e.dosTime]).toEqual([e.name, (1 << 5) | 1, 0]);
  });

  it('differs when the brief differs', async () => {
    const a = await renderDocx(md('共同安全'), opts());
    const b = await renderDocx(md('共同发展'), opts());
    expect(a.equals(b)).toBe(false);
  });
});

describe('renderDocx: the parts kept from one Word file to the next (theme, styles, numbering)', () => {
  // The same bytes as a file made from nothing kept: every part is still made from its own
  // inputs (the language's font, the fitted sizes, the document's lists), in any order of documents.
  const cases: [string, RenderDocxOptions][] = [
    [md('共同安全'), opts()],
    [md('共同安全', '另有一句。'), opts({ style: scaleStyle(templates.style, 0.9) })],
    [md('共同安全').replace('## 建议', '## 建议\n\n1. 另一个列表。\n\n段落。\n\n- 又一个。\n\n段落二。\n'), opts()],
    [md('共同安全'), opts({ lang: 'zh-Hant', pageLabel: templates.labels['zh-Hant'].page })],
    [md('Common security').replace(/^- .*$/gm, '- A finding.'), opts({ lang: 'en', pageLabel: templates.labels.en.page, style: scaleStyle(templates.style, 0.85) })],
    [md('共同安全').replace(/\n\d\. [^\n]*/g, ''), opts()],
  ];

  it('gives the bytes of a file made with nothing kept, documents alternating', async () => {
    const fresh: Buffer[] = [];
    process.env.BRIEFS_DOCX_KEEP_PARTS = '0';
    try {
      for (const [text, o] of cases) fresh.push(await renderDocx(text, o));
    } finally {
      delete process.env.BRIEFS_DOCX_KEEP_PARTS;
    }
    // twice over, so the second round finds every part kept by the first
    for (let round = 0; round < 2; round++)
      for (const [i, [text, o]] of cases.entries()) expect((await renderDocx(text, o)).equals(fresh[i]), `case ${i}, round ${round}`).toBe(true);
    // and the parts do differ where their inputs do (the styles by scale and language, the numbering by the lists)
    const part = (i: number, name: string) => zipPart(fresh[i], name);
    expect(part(1, 'word/styles.xml')).not.toBe(part(0, 'word/styles.xml'));
    expect(part(3, 'word/styles.xml')).not.toBe(part(0, 'word/styles.xml'));
    expect(part(2, 'word/numbering.xml')).not.toBe(part(0, 'word/numbering.xml'));
    expect(part(5, 'word/numbering.xml')).not.toBe(part(0, 'word/numbering.xml'));
    expect(part(3, 'word/theme/theme1.xml')).toBe(part(0, 'word/theme/theme1.xml'));
  });
});

describe('renderDocx: the zip written with Node\'s zlib', () => {
  it('holds the parts the docx package zips, in its order, with their dates, CRCs checked', async () => {
    for (const [text, o] of [
      [md('共同安全'), opts()],
      [md('Common security'), opts({ lang: 'en' as const, pageLabel: templates.labels.en.page })],
    ] as [string, RenderDocxOptions][]) {
      process.env.BRIEFS_DOCX_OWN_ZIP = '0';
      let theirs: Buffer;
      try {
        theirs = await renderDocx(text, o);
      } finally {
        delete process.env.BRIEFS_DOCX_OWN_ZIP;
      }
      const ours = await renderDocx(text, o);
      const entries = (zip: Buffer) => readZip(zip).map((e) => [e.name, e.dosDate, e.dosTime, e.data.toString('hex')]);
      expect(entries(ours)).toEqual(entries(theirs));
      // every entry's CRC-32 (central directory) is the one of its content
      const { crc32 } = await import('../../pipeline/render/docx-package.js');
      const eocd = ours.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      let at = ours.readUInt32LE(eocd + 16);
      for (const e of readZip(ours)) {
        expect(ours.readUInt32LE(at + 16), e.name).toBe(crc32(e.data));
        at += 46 + ours.readUInt16LE(at + 28);
      }
      expect((await renderDocx(text, o)).equals(ours)).toBe(true);
    }
  });
});

describe('crc32 (zip entries)', () => {
  it('is the CRC-32 of zip and PNG, with or without Node\'s own', async () => {
    const { crc32 } = await import('../../pipeline/render/docx-package.js');
    const zlib = (await import('node:zlib')).default as { crc32?: unknown };
    const data = new TextEncoder().encode('123456789');
    expect(crc32(data)).toBe(0xcbf43926); // the check value of CRC-32/ISO-HDLC
    const own = zlib.crc32;
    if (typeof own === 'function') {
      delete zlib.crc32;
      try {
        expect(crc32(data)).toBe(0xcbf43926);
        expect(crc32(new Uint8Array(0))).toBe(0);
      } finally {
        zlib.crc32 = own;
      }
    }
  });
});
