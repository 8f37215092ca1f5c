import { describe, expect, it } from 'vitest';
import type { Brief } from '../../pipeline/model.js';
import { renderMarkdown } from '../../pipeline/render/markdown.js';
import { pdfDate, renderPdf } from '../../pipeline/render/pdf.js';
import { renderBriefSet, dropOrder, scaleSteps } from '../../pipeline/render/fit.js';
import { countPages, fixture, hasPdftotext, pdftotext, templates } from './helpers.js';

const t = templates();

async function pdfOf(b: Brief, date?: string) {
  const md = renderMarkdown(b, t, { date });
  return renderPdf(md, { lang: b.lang, style: t.style, date, footer: b.sourceLine, pageLabel: t.labels[b.lang].page });
}

describe('renderPdf', () => {
  it('typesets a normal brief on exactly one page, in every language', async () => {
    for (const kind of ['report', 'news'] as const) {
      const fx = fixture(kind);
      for (const b of fx.briefs) {
        const { pdf, pages } = await pdfOf(b, fx.date);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(countPages(pdf)).toBe(pages);
      }
    }
    // The hand-written fixtures fit as they are in Chinese.
    const fx = fixture('report');
    expect((await pdfOf(fx.briefs[0], fx.date)).pages).toBe(1);
    expect((await pdfOf(fx.briefs[1], fx.date)).pages).toBe(1);
  });

  it('embeds Noto Sans TC for zh-Hant and Noto Sans SC for zh-Hans and English', async () => {
    const fx = fixture('news');
    const [hans, hant, en] = await Promise.all(fx.briefs.map((b) => pdfOf(b, fx.date)));
    const fonts = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]);
    expect(fonts(hans.pdf).every((f) => /\+NotoSansSC-/.test(f))).toBe(true);
    expect(fonts(hans.pdf).length).toBeGreaterThan(0);
    expect(fonts(hant.pdf).every((f) => /\+NotoSansTC-/.test(f))).toBe(true);
    expect(fonts(hant.pdf).length).toBeGreaterThan(0);
    expect(fonts(en.pdf).every((f) => /\+NotoSansSC-/.test(f))).toBe(true);
    // Subsets, not whole fonts (the regular face alone is 7–10 MB).
    expect(hant.pdf.length).toBeLessThan(400_000);
  });

  it('writes metadata: title, language, fixed dates', async () => {
    const fx = fixture('report');
    const { pdf } = await pdfOf(fx.briefs[1], fx.date);
    const s = pdf.toString('latin1');
    expect(s).toMatch(/\/Lang \(zh-Hant\)/);
    expect(s).toMatch(/\/CreationDate \d+ 0 R/);
    expect(s).toMatch(/\/ModDate \d+ 0 R/);
    expect(s.match(/\(D:20250318000000Z\)/g)?.length).toBe(2);
    expect(s).toContain('(briefs)');
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const fx = fixture('report');
    const a = await pdfOf(fx.briefs[0], fx.date);
    await pdfOf(fx.briefs[2], fx.date); // something else in between
    const b = await pdfOf(fx.briefs[0], fx.date);
    expect(b.pdf.equals(a.pdf)).toBe(true);
  });

  it('shaped runs shared between documents change no bytes: English (shaped with features) typeset before and after the other languages', async () => {
    const fx = fixture('news');
    const en = fx.briefs.find((b) => b.lang === 'en')!;
    const first = await pdfOf(en, fx.date);
    for (const b of fx.briefs) await pdfOf(b, fx.date);
    const again = await pdfOf(en, fx.date);
    expect(again.pdf.equals(first.pdf)).toBe(true);
  });

  it("a document's text (copy, search) is its own characters, whatever another document typeset before with the same glyph", async () => {
    const { pdfToText } = await import('../../pipeline/ingest/formats/pdf.js');
    // under `pwid` the English comma and the full-width one are one glyph of the CJK font
    const render = (body: string) => renderPdf(`---\ntitle: T\n---\n\n# T\n\n${body}\n`, { lang: 'en', style: t.style, date: '2025-01-01' });
    const textOf = async (body: string) => (await pdfToText((await render(body)).pdf, 'x.pdf')).text;
    const full = await textOf('未译，待译，还未翻译的中文句子。');
    const ascii = await textOf('中文,English, and more, with commas.');
    expect(full).toContain('未译，待译');
    expect(ascii).toContain('中文,English');
    expect(ascii).not.toContain('，');
    // and the other way round, in the same process
    expect(await textOf('未译，待译，还未翻译的中文句子。')).not.toContain(',');
  });

  it('dates come from the source, else SOURCE_DATE_EPOCH, never the clock', () => {
    expect(pdfDate('2025').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(pdfDate('2025-07').toISOString()).toBe('2025-07-01T00:00:00.000Z');
    const old = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      expect(pdfDate().getTime()).toBe(1700000000_000);
    } finally {
      if (old === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = old;
    }
  });

  it.skipIf(!hasPdftotext)('has extractable text (title, CJK without stray characters)', async () => {
    const fx = fixture('report');
    for (const b of fx.briefs) {
      const text = pdftotext((await pdfOf(b, fx.date)).pdf);
      expect(text.replace(/\s+/g, ' ')).toContain(b.title);
      expect(text).not.toContain('\u200b');
    }
    const hant = pdftotext((await pdfOf(fx.briefs[1], fx.date)).pdf);
    expect(hant).toContain('關鍵術語');
    expect(hant).toContain('第 1 頁，共 1 頁');
  });
});

function overlong(briefs: Brief[], count = 30): Brief[] {
  // `count` long findings (30: too many for one page at any size), with scores that do not follow their order.
  return briefs.map((b) => ({
    ...b,
    slots: b.slots.map((s) =>
      s.name !== 'findings'
        ? s
        : {
            ...s,
            items: Array.from({ length: count }, (_, i) => ({
              text:
                b.lang === 'en'
                  ? `Finding ${i + 1}: regional coordination of battery, chip and charging standards still lags behind the growth of vehicle output, and cities continue to compete with subsidies.`
                  : b.lang === 'zh-Hant'
                    ? `發現 ${i + 1}：電池、晶片與充電標準的區域協調仍落後於整車產量的增長，各城市之間的補貼競爭依然存在，重複建設問題尚未得到有效遏制。`
                    : `发现 ${i + 1}：电池、芯片与充电标准的区域协调仍落后于整车产量的增长，各城市之间的补贴竞争依然存在，重复建设问题尚未得到有效遏制。`,
              segmentIds: [`f${i}`],
              score: ((i * 7) % 30) / 30,
            })),
          },
    ),
  }));
}

describe('renderBriefSet (one-page fitting)', () => {
  it('leaves a brief that fits alone', async () => {
    const fx = fixture('news');
    const out = await renderBriefSet(fx.briefs, t, { date: fx.date });
    expect(out.map((o) => o.lang)).toEqual(['zh-Hans', 'zh-Hant', 'en']);
    for (const o of out) {
      expect(o.pages).toBe(1);
      expect(countPages(o.pdf)).toBe(1);
      expect(o.dropped).toEqual([]);
      expect(o.fontScale).toBe(1);
    }
  });

  it('fits an overlong brief to one page, dropping the same items in every language', async () => {
    const fx = fixture('report');
    const briefs = overlong(fx.briefs);
    const out = await renderBriefSet(briefs, t, { date: fx.date });
    const floor = t.style.fit.minBodySize / t.style.sizes.body;
    for (const o of out) {
      expect(countPages(o.pdf)).toBe(1);
      expect(o.pages).toBe(1);
      expect(o.fontScale).toBeGreaterThanOrEqual(floor - 1e-9);
      expect(o.fontScale).toBeLessThan(1);
      expect(o.dropped.length).toBeGreaterThan(0);
      expect(o.dropped.length).toBe(o.droppedItems.length);
    }
    // The same items (by slot and index) everywhere.
    const ids = out.map((o) => o.droppedItems.map((d) => `${d.slot}#${d.index}`).join(','));
    expect(new Set(ids).size).toBe(1);
    // Lowest-ranked first; the top finding and the bottom line stay.
    const dropped = out[0].droppedItems;
    expect(dropped.every((d) => d.slot !== 'bottomLine')).toBe(true);
    const topFinding = briefs[0].slots.find((s) => s.name === 'findings')!.items.reduce((best, it, i, arr) => ((it.score ?? 0) > (arr[best].score ?? 0) ? i : best), 0);
    expect(dropped.some((d) => d.slot === 'findings' && d.index === topFinding)).toBe(false);
    expect(dropOrder(briefs).slice(0, dropped.length)).toEqual(dropped);
    // Reported in each language.
    expect(out[0].dropped[0]).toMatch(/^findings #\d+: 发现/);
    expect(out[2].dropped[0]).toMatch(/^findings #\d+: Finding/);
    // Markdown matches the PDF: the dropped items are gone from it too, the rest is in order.
    const kept = out[0].markdown.match(/^- 发现 \d+/gm) ?? [];
    expect(kept.length).toBe(30 - dropped.filter((d) => d.slot === 'findings').length);
    // Parallel Markdown: the same number of list items in every language.
    const items = out.map((o) => (o.markdown.match(/^(- |\d+\. )/gm) ?? []).length);
    expect(new Set(items).size).toBe(1);
  }, 120_000);

  it('is deterministic', async () => {
    const fx = fixture('report');
    const briefs = overlong(fx.briefs).slice(0, 1);
    const a = await renderBriefSet(briefs, t, { date: fx.date });
    const b = await renderBriefSet(briefs, t, { date: fx.date });
    expect(b[0].markdown).toBe(a[0].markdown);
    expect(b[0].pdf.equals(a[0].pdf)).toBe(true);
  }, 120_000);

  it('starts from hinted sizes: the same PDFs, each proved with fewer layouts', async () => {
    const fx = fixture('report');
    // long enough to shrink in every language, short enough to keep every item
    const briefs = overlong(fx.briefs, 9);
    const plain = await renderBriefSet(briefs, t, { date: fx.date });
    for (const o of plain) {
      expect(o.dropped).toEqual([]);
      expect(o.fontScale).toBeLessThan(1);
    }
    const exact = Object.fromEntries(plain.map((o) => [o.lang, o.fontScale]));
    const hinted = await renderBriefSet(briefs, t, { date: fx.date, scaleHints: exact });
    // wrong hints (the floor, full size, a size that is no step) cost layouts, never change the result
    const floor = scaleSteps(t).at(-1)!;
    const wrong = await renderBriefSet(briefs, t, { date: fx.date, scaleHints: { 'zh-Hans': floor, 'zh-Hant': 1, en: 0.123 } });
    for (const [i, o] of plain.entries()) {
      expect(hinted[i].pdf.equals(o.pdf)).toBe(true);
      expect(wrong[i].pdf.equals(o.pdf)).toBe(true);
      expect(hinted[i].markdown).toBe(o.markdown);
      // the hinted size, and the next larger one that overflows
      expect(hinted[i].layouts).toBe(2);
      expect(hinted[i].layouts).toBeLessThanOrEqual(o.layouts);
    }
    expect(hinted.reduce((n, o) => n + o.layouts, 0)).toBeLessThan(plain.reduce((n, o) => n + o.layouts, 0));
  }, 120_000);

  it('refuses briefs that are not parallel', async () => {
    const fx = fixture('report');
    const broken = fx.briefs.map((b, i) => (i === 2 ? { ...b, slots: b.slots.slice(0, 2) } : b));
    await expect(renderBriefSet(broken, t)).rejects.toThrow(/not parallel/);
  });

  it('steps scales down to the floor', () => {
    const s = scaleSteps(t);
    expect(s[0]).toBe(1);
    expect(s.at(-1)).toBeCloseTo(t.style.fit.minBodySize / t.style.sizes.body, 5);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThan(s[i - 1]);
  });
});

describe('typography per language', () => {
  const leaves = (node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] => {
    if (Array.isArray(node)) for (const n of node) leaves(n, out);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o);
      for (const v of Object.values(o)) if (v && typeof v === 'object') leaves(v, out);
    }
    return out;
  };
  it('asks the CJK font for proportional quotes in English, full-width ones in Chinese', async () => {
    const { documentDefinition } = await import('../../pipeline/render/pdf.js');
    const md = '---\ntitle: T\n---\n\n# T\n\nHe said “yes”.\n';
    const en = leaves(documentDefinition(md, { lang: 'en', style: t.style }).def.content);
    const zh = leaves(documentDefinition(md, { lang: 'zh-Hans', style: t.style }).def.content);
    expect(en.length).toBeGreaterThan(0);
    expect(en.every((l) => Array.isArray(l.fontFeatures) && (l.fontFeatures as string[]).includes('pwid'))).toBe(true);
    expect(zh.every((l) => l.fontFeatures === false)).toBe(true);
  });
});

describe('letters the CJK fonts lack', () => {
  it('sets Latin Extended letters (ş ı ğ ł) in Noto Sans instead of drawing empty boxes', async () => {
    const { leaves } = await import('../../pipeline/render/pdf.js');
    const parts = leaves({ font: 'NotoSansSC' }, 'Erdoğan met Wałęsa in Nişantaşı.');
    expect(parts.map((p) => p.text).join('')).toBe('Erdoğan met Wałęsa in Nişantaşı.');
    expect(parts.filter((p) => p.font === 'NotoSans').map((p) => p.text)).toEqual(['ğ', 'łę', 'ş', 'şı']);
    expect(leaves({ font: 'NotoSansSC' }, '和平进程 café')).toEqual([{ font: 'NotoSansSC', text: '和平进程 café' }]);
    const md = '---\ntitle: T\n---\n\n# T\n\nErdoğan said “yes”.\n';
    const { pdf, pages } = await renderPdf(md, { lang: 'en', style: t.style });
    expect(pages).toBe(1);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    if (hasPdftotext) expect(pdftotext(pdf)).toContain('Erdoğan');
  });

  it('sets other characters they lack (₽, ₹, ₂, ʃ, Ѣ) in Noto Sans too, in Chinese text', async () => {
    const md = '---\ntitle: T\n---\n\n# T\n\n俄罗斯卢布₽与印度卢比₹，CO₂，[ʃ]，Ѣ。\n';
    const { pdf, pages } = await renderPdf(md, { lang: 'zh-Hans', style: t.style });
    expect(pages).toBe(1);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    if (hasPdftotext) expect(pdftotext(pdf).replace(/\s+/g, '')).toContain('俄罗斯卢布₽与印度卢比₹，CO₂，[ʃ]，Ѣ。');
  });
});
