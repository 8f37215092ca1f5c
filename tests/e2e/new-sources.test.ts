// A new user's first day: three texts the pipeline has never seen (a city government work report and a
// think-tank white paper extracted from PDF, a Xinhua-style news article in Markdown), parsed, built in
// three languages, and taken through the translators' XLIFF round trip.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Section, Segment, SourceDoc } from '../../pipeline/model.js';
import { REPORT, PAPER, NEWS, SLUGS, project, inProject, events, pageCount, hasStackTrace, briefs, type BuildEvent } from './helpers.js';
import { fill, units } from './translate.js';

type Parsed = SourceDoc & { diagnostics?: unknown[] };

function allSections(doc: SourceDoc): Section[] {
  const out: Section[] = [];
  const walk = (s: Section) => {
    out.push(s);
    s.children.forEach(walk);
  };
  doc.sections.forEach(walk);
  return out;
}

/** Every content segment: headings, paragraphs, list leads and items, quotes, image captions. */
function segments(doc: SourceDoc): Segment[] {
  const out: Segment[] = [];
  for (const s of allSections(doc)) {
    if (s.headingSegment) out.push(s.headingSegment);
    for (const b of s.blocks) {
      if (b.type === 'paragraph' || b.type === 'quote') out.push(...b.segments);
      else if (b.type === 'list') out.push(...b.lead, ...b.items.flatMap((i) => i.segments));
      else if (b.type === 'image') out.push(...b.caption);
    }
  }
  return out;
}

function lists(doc: SourceDoc) {
  return allSections(doc).flatMap((s) => s.blocks.flatMap((b) => (b.type === 'list' ? [b] : [])));
}

/** Page furniture of each fixture: nothing of it may reach a segment or a brief. */
const FURNITURE: Record<string, RegExp[]> = {
  [REPORT]: [/^-\s*\d+\s*-$/m, /临江市人民政府工作报告/, /印发/, /滨江大道/, /318000/, /linjiang\.gov\.cn/, /……/, /目\s*录/, /临江市市长/],
  [PAPER]: [/^\d+$/m, /ORIENT INSTITUTE/, /目\s*录/, /关于东方数字经济研究院/, /漕溪北路/, /021-6488/, /oide\.org/, /[¹²³]/, /wto\.org/, /课题组/, /白皮书/],
  [NEWS]: [/来源：/, /20:41/, /news\.cn/, /!\[/, /\*\*/],
};
/** Markdown markup of the source: not furniture in a brief, which is Markdown itself. */
const MARKUP = new Set(['!\\[', '\\*\\*']);

describe('briefs parse on texts it has never seen', () => {
  let dir: string;
  const docs: Record<string, Parsed> = {};
  beforeAll(() => {
    dir = project();
    for (const slug of SLUGS) {
      const r = inProject(dir, 'parse', slug, '--json');
      expect(r.code, r.stderr).toBe(0);
      docs[slug] = JSON.parse(r.stdout) as Parsed;
    }
  });

  it('the government work report: cover, headings, enumerations, a paragraph rejoined across a page break', () => {
    const d = docs[REPORT];
    expect(d.kind).toBe('report');
    expect(d.meta.title).toBe('政府工作报告');
    // the delivery line (——2024年1月15日在…会议上) is the date and the occasion, not a subtitle
    expect(d.meta.subtitle).toBeUndefined();
    expect((d.meta as { extra?: Record<string, string> }).extra?.occasion).toBe('临江市第十六届人民代表大会第四次会议');
    expect(d.meta.date).toBe('2024-01-15');
    expect(d.meta.institution).toBe('临江市人民政府');
    const chapters = d.sections.filter((s) => s.kind === 'chapter');
    expect(chapters.map((s) => [s.number, s.heading])).toEqual([
      ['一', '2023年工作回顾'],
      ['二', '2024年主要目标任务'],
      ['三', '全面加强政府自身建设'],
    ]);
    expect(chapters[0].children.map((s) => s.heading)).toEqual(['经济运行回升向好', '改革开放纵深推进', '民生福祉持续增进']);
    expect(chapters[1].children.map((s) => s.heading)).toEqual(['着力扩大有效需求', '加快建设现代化产业体系']);
    // 一是…二是…三是… in one paragraph, 第一，…第二，… both in a paragraph and as separate paragraphs
    const ls = lists(d);
    expect(ls.filter((l) => l.style === 'yishi').map((l) => l.items.map((i) => i.marker))).toEqual([
      ['一是', '二是', '三是'],
      ['一是', '二是', '三是'],
    ]);
    expect(ls.filter((l) => l.style === 'diyi').map((l) => l.items.length)).toEqual([3, 3]);
    const items = ls.flatMap((l) => l.items.map((i) => i.segments.map((s) => s.text).join('')));
    expect(items).toContain('数字经济加快发展，数字经济核心产业增加值占地区生产总值比重达到11.6%');
    const texts = segments(d).map((s) => s.text);
    // the paragraph broken by "- 2 -" and the running head is one sentence again
    expect(texts.some((t) => t.includes('完成老旧小区改造58个、惠及居民2.3万户，新增托育机构托位1800个，城乡面貌焕然一新。'))).toBe(true);
    expect(texts.some((t) => t.includes('全市地区生产总值达到3856亿元，同比增长6.2%'))).toBe(true);
    // every segment traces back to its line in the source
    const lines = readFileSync(path.join(dir, 'sources', REPORT, 'source.txt'), 'utf8').split('\n');
    for (const s of segments(d)) expect(lines[s.place.line - 1].slice(s.place.column - 1, s.place.column + 1)).toBe(s.text.slice(0, 2));
  });

  // the body's closing paragraph "各位代表！新的一年，……而努力奋斗！" (79 characters of running text ending a
  // sentence) is content, not a colophon statement, even though the colophon after it has ≥ 2 key lines
  it('the government work report keeps its closing paragraph in the body, not in the colophon', () => {
    const d = docs[REPORT];
    // the address 各位代表！ is a sentence of its own; the paragraph follows it, whole
    expect(segments(d).map((s) => s.text).join('')).toContain('各位代表！新的一年，任务艰巨，使命光荣。让我们更加紧密地团结');
    expect(d.meta.extra?.statement ?? '').not.toContain('各位代表');
  });

  it('the white paper: cover, 摘要 with 一是… recommendations, chapters, footnotes linked, a table', () => {
    const d = docs[PAPER];
    expect(d.meta.title).toBe('数字贸易规则的分化与弥合');
    expect(d.meta.subtitle).toBe('全球南方的选择');
    expect(d.meta.institution).toBe('东方数字经济研究院');
    expect(d.meta.date).toBe('2024-11');
    expect(d.meta.authors).toEqual([{ name: '陈思远', role: '组长' }, { name: '林峰' }, { name: '周雅琪' }, { name: '马骁' }]);
    expect(d.sections.map((s) => [s.kind, s.number ?? '', s.heading])).toEqual([
      ['abstract', '', '摘要'],
      ['chapter', '第一章', '数字贸易规则的三种范式'],
      ['chapter', '第二章', '全球南方面临的规则困境'],
      ['chapter', '第三章', '弥合分歧的政策路径'],
    ]);
    const recs = lists(d).find((l) => l.style === 'yishi');
    expect(recs?.items.map((i) => i.marker)).toEqual(['一是', '二是', '三是']);
    expect(recs?.items[1].segments[0].text).toMatch(/^以互操作性弥合规则分歧/);
    expect(lists(d).find((l) => l.style === 'diyi')?.items).toHaveLength(3);

    expect(d.footnotes.map((f) => f.id)).toEqual(['1', '2', '3']);
    expect(d.footnotes.map((f) => f.urls)).toEqual([
      ['https://www.wto.org/english/res_e/publications_e/wtr24_e.htm'],
      ['https://ec.europa.eu/commission/presscorner/detail/en/IP_19_421'],
      ['https://unctad.org/publication/digital-economy-report-2024'],
    ]);
    expect(d.footnotes[0].text).toMatch(/^世界贸易组织：《2024年世界贸易报告》/);
    // each note is linked from the sentence that carried its marker, and the marker is gone from the text
    const segs = segments(d);
    const refBy = (id: string) => segs.filter((s) => s.footnoteRefs.includes(id)).map((s) => s.text);
    expect(refBy('1')).toEqual([expect.stringMatching(/中式范式强调数据安全与发展并重，实行分类分级管理。$/)]);
    expect(refBy('2')).toEqual([expect.stringMatching(/覆盖约6\.4亿人口。$/)]);
    expect(refBy('3')).toEqual([expect.stringMatching(/远低于发达国家93%的水平。$/)]);
    for (const f of d.footnotes) expect(f.refs).toHaveLength(1);

    expect(d.tables).toHaveLength(1);
    const t = d.tables[0];
    expect(t.label).toBe('表 1');
    expect(t.caption).toBe('三种数字贸易规则范式比较');
    expect(t.header).toEqual(['', '美式范式', '欧式范式', '中式范式']);
    expect(t.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).toEqual([
      ['核心理念', '数据自由流动', '个人数据保护', '安全与发展并重'],
      ['代表协定', '美墨加协定', '欧日经济伙伴关系协定', '区域全面经济伙伴关系协定'],
      ['数据本地化', '原则上禁止', '有限允许', '关键领域要求'],
    ]);
    const chapter1 = d.sections[1];
    expect(chapter1.blocks.some((b) => b.type === 'table' && b.ref === t.id)).toBe(true);
    // table cells are not prose
    expect(segs.some((s) => s.text.includes('美墨加协定'))).toBe(false);
    expect(d.meta.extra?.about).toMatch(/^东方数字经济研究院成立于2016年/);
  });

  it('the news article: byline, date, bold subheadings, an image with its caption, quotes with their speakers', () => {
    const d = docs[NEWS];
    expect(d.kind).toBe('news');
    expect(d.meta.title).toBe('代表委员热议低空经济：让“空中走廊”变成发展新赛道');
    expect(d.meta.outlet).toMatch(/^新华/);
    expect(d.meta.authors.map((a) => a.name)).toEqual(['王晓明', '刘佳']);
    expect(d.meta.date).toMatch(/^2024-03-05/);
    expect(d.meta.image?.url).toBe('https://www.news.cn/photo/20240305/drone-delivery.jpg');
    expect(d.meta.image?.caption).toMatch(/^3月4日，一架物流无人机在广东深圳南山区进行配送演示。/);
    expect(d.sections.filter((s) => s.heading).map((s) => s.heading)).toEqual(['从“飞起来”到“用起来”', '安全与监管仍需补齐短板']);
    const image = d.sections[1].blocks.find((b) => b.type === 'image');
    expect(image && image.type === 'image' && image.caption.map((c) => c.text).join('')).toMatch(/新华社记者 陈一鸣 摄$/);

    const bySpeaker = (name: string) => d.quotes.filter((q) => q.speaker?.name === name);
    // X表示：“…”
    expect(bySpeaker('赵振华')[0]).toMatchObject({ speaker: { role: '全国人大代表、深圳市交通运输局局长' }, text: expect.stringMatching(/^去年深圳共开通无人机航线156条/) });
    // “…”X说。
    expect(bySpeaker('孙立平')[0]).toMatchObject({ speaker: { role: '全国政协委员、北京航空航天大学教授' }, text: expect.stringMatching(/^低空经济的关键不在于飞机能不能飞/) });
    // X在接受记者采访时指出：“…”
    expect(bySpeaker('何建新')[0]?.text).toMatch(/^低空飞行器数量快速增长/);
    // a paragraph-long quote, then 林海峰说道。
    expect(bySpeaker('林海峰').map((q) => q.text)).toContainEqual(expect.stringMatching(/^现在不少地方都在规划建设起降点/));
    // the quoted sentence segments carry their speaker
    const quoted = segments(d).filter((s) => s.speaker);
    expect(new Set(quoted.map((s) => s.speaker!.name))).toEqual(new Set(['赵振华', '孙立平', '何建新', '林海峰']));
    // the scare-quoted term and the quoted line of the government report have no invented speaker
    expect(d.quotes.some((q) => q.text.startsWith('积极打造生物制造'))).toBe(false);
  });

  // "新华社北京3月5日电（记者 王晓明 刘佳）" is read into meta and cut from the first paragraph, so the byline is
  // neither translated nor shown in the brief's summary
  it('the news dateline is byline, not content', () => {
    for (const s of segments(docs[NEWS])) expect(s.text).not.toMatch(/新华社北京3月5日电|记者 王晓明/);
  });

  it('no page furniture in any segment, no diagnostics', () => {
    for (const slug of SLUGS) {
      const d = docs[slug];
      expect(d.diagnostics ?? []).toEqual([]);
      const texts = segments(d).map((s) => s.text);
      expect(texts.length).toBeGreaterThan(10);
      for (const re of FURNITURE[slug]) for (const t of texts) expect(t, `${slug}: ${re}`).not.toMatch(re);
      for (const t of texts) expect(t.trim()).toBe(t);
    }
  });
});

describe('briefs build on texts it has never seen, and the translators’ round trip', () => {
  let dir: string;
  const ev: Record<string, BuildEvent[]> = {};
  const code: Record<string, number | null> = {};
  const out = (slug: string, file: string) => path.join(dir, 'out', slug, file);
  const read = (slug: string, lang: string, ext = 'md') => readFileSync(out(slug, `${slug}.${lang}.${ext}`), 'utf8');

  beforeAll(() => {
    dir = project();
    // one source per build keeps each build short (see the lock bug in cli-usage.test.ts)
    for (const slug of SLUGS) {
      const r = inProject(dir, 'build', slug, '--json');
      code[slug] = r.code;
      ev[slug] = events(r.stdout);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('writes zh-Hans and zh-Hant md + one-page pdf for each source', () => {
    for (const slug of SLUGS) {
      expect(code[slug]).toBe(0);
      for (const lang of ['zh-Hans', 'zh-Hant']) {
        expect(read(slug, lang)).toMatch(/^---\n/);
        const pdf = readFileSync(out(slug, `${slug}.${lang}.pdf`));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pageCount(pdf), `${slug}.${lang}.pdf`).toBe(1);
      }
      expect(existsSync(out(slug, `${slug}.en.md`))).toBe(false);
      expect(existsSync(out(slug, `${slug}.en.pdf`))).toBe(false);
    }
  });

  it('reports each source as needing translation, with an XLIFF of exactly those segments, all found in the brief', () => {
    for (const slug of SLUGS) {
      const done = ev[slug].find((e) => e.event === 'done' && e.slug === slug)!;
      expect(done.status).toBe('needs-translation');
      const n = done.needsTranslation!;
      expect(n).toBeGreaterThan(3);
      const warn = done.diagnostics!.find((d) => d.rule === 'build:needs-translation')!;
      expect(warn.reason).toMatch(new RegExp(`^${n} segment\\(s\\)`));
      expect(ev[slug].find((e) => e.event === 'summary')).toMatchObject({ needsTranslation: 1, failed: 0 });
      const xlf = readFileSync(out(slug, `${slug}.en.xlf`), 'utf8');
      expect(xlf).toContain('<xliff version="2.0"');
      const us = units(xlf);
      expect(us).toHaveLength(n);
      expect(new Set(us.map((u) => u.id)).size).toBe(n);
      const md = read(slug, 'zh-Hans');
      for (const u of us) expect(md, `${slug}: ${u.source}`).toContain(u.source);
    }
  });

  it('the zh-Hant brief is the conversion of the zh-Hans one: same items, Traditional characters, 「」 quotes', () => {
    for (const slug of SLUGS) {
      const hans = read(slug, 'zh-Hans');
      const hant = read(slug, 'zh-Hant');
      const shape = (md: string) => md.split('\n').map((l) => (l.startsWith('#') ? '#' : /^\s*(?:[-*]|\d+\.)\s/.test(l) ? '-' : '')).filter(Boolean);
      expect(shape(hant)).toEqual(shape(hans));
      expect(shape(hans).filter((x) => x === '-').length).toBeGreaterThanOrEqual(3);
      // what `briefs hant` makes of the zh-Hans brief is the zh-Hant brief
      const conv = briefs(dir, ['hant', out(slug, `${slug}.zh-Hans.md`), '--glossary', path.join(dir, 'glossary')]);
      expect(conv.code, conv.stderr).toBe(0);
      expect(hant).toBe(conv.stdout.replace(/^lang: zh-Hans$/m, 'lang: zh-Hant'));
      const body = hant.replace(/^---[\s\S]*?\n---\n/, '');
      expect(body).not.toMatch(/[“”]/);
      if (/[“”]/.test(hans)) expect(body).toMatch(/「[^」]+」/);
    }
    expect(read(REPORT, 'zh-Hant')).toMatch(/經濟|數字|發展/);
    expect(read(NEWS, 'zh-Hant')).toMatch(/低空經濟/);
    expect(read(PAPER, 'zh-Hant')).toMatch(/數字貿易/);
  });

  it('no page number, running head or colophon in a brief', () => {
    for (const slug of SLUGS)
      for (const lang of ['zh-Hans', 'zh-Hant']) {
        const body = read(slug, lang).replace(/^---[\s\S]*?\n---\n/, '');
        for (const re of FURNITURE[slug]) if (!MARKUP.has(re.source) && (lang === 'zh-Hans' || !/[\u4e00-\u9fff]/.test(re.source))) expect(body, `${slug}.${lang}: ${re}`).not.toMatch(re);
        expect(body).not.toMatch(/^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$/m);
      }
  });

  // a bare attribution ("X说。") after a quote stays with the quoted sentence, so it is never an item of its own
  it('no key point of the news brief is a bare attribution ("X说。")', () => {
    expect(read(NEWS, 'zh-Hans')).not.toMatch(/^- [^“”\n]{0,40}(?:说|说道|表示)。$/m);
  });

  it('round trip: translated XLIFF imported, the English brief built, --strict passes; a wrong number fails QA', () => {
    const slug = REPORT;
    const xlf = readFileSync(out(slug, `${slug}.en.xlf`), 'utf8');
    const translated = path.join(dir, 'translated.xlf');
    writeFileSync(translated, fill(xlf));
    const imp = inProject(dir, 'xliff', 'import', translated, '--json');
    expect(imp.code, imp.stdout + imp.stderr).toBe(0);
    expect(imp.stdout + imp.stderr).not.toMatch(/refused-unit/);
    expect(existsSync(path.join(dir, 'sources', slug, 'en.xlf'))).toBe(true);
    const qa = inProject(dir, 'qa', slug);
    expect(qa.code, qa.stdout + qa.stderr).toBe(0);

    const strict = inProject(dir, 'build', slug, '--strict', '--json');
    expect(strict.code, strict.stdout + strict.stderr).toBe(0);
    const done = events(strict.stdout).find((e) => e.event === 'done' && e.slug === slug)!;
    expect(done.status).toBe('built');
    const en = read(slug, 'en');
    expect(en).toContain('lang: en');
    // no Chinese left, except the Chinese column of the key-terms table (which now lists 习近平, 中国 of the
    // closing paragraph, body text since the colophon fix)
    expect(en.split('\n## Key terms')[0]).not.toMatch(/[\u4e00-\u9fff]/);
    // a percentage of a segment the brief needs (whichever the selection chose) reaches the English
    const pct = /<source>[^<]*?(\d+(?:\.\d+)?)%/.exec(xlf)?.[1];
    expect(pct, 'the brief needs a segment with a percentage').toBeDefined();
    expect(en).toMatch(new RegExp(`${pct!.replace('.', '\\.')}(?:%| per ?cent)`));
    expect(pageCount(readFileSync(out(slug, `${slug}.en.pdf`)))).toBe(1);
    expect(existsSync(out(slug, `${slug}.en.xlf`))).toBe(false);
    // the three briefs are parallel
    const items = (md: string) => md.split('\n').filter((l) => /^\s*[-*]\s/.test(l)).length;
    expect(items(en)).toBe(items(read(slug, 'zh-Hans')));

    // a translator mistypes that percentage: the build reports a QA error for this source
    const typo = String(Number(pct) + 1);
    const wrong = fill(xlf, (zh, e) => (zh.includes(`${pct}%`) ? e.replace(pct!, typo) : e));
    expect(wrong).toContain(`${typo}`);
    writeFileSync(translated, wrong);
    const imp2 = inProject(dir, 'xliff', 'import', translated);
    expect(imp2.code, imp2.stdout + imp2.stderr).toBe(0);
    const bad = inProject(dir, 'build', slug, '--json');
    expect(bad.code).toBe(1);
    expect(hasStackTrace(bad.stdout + bad.stderr)).toBe(false);
    const badDone = events(bad.stdout).find((e) => e.event === 'done' && e.slug === slug)!;
    expect(badDone.status).toBe('failed');
    expect(badDone.diagnostics).toContainEqual(expect.objectContaining({ rule: 'check:number-mismatch', severity: 'error', reason: expect.stringContaining(`${pct}%`) }));
    expect(badDone.diagnostics!.find((d) => d.rule === 'check:number-mismatch')!.file).toContain(slug);
  });

  // the glossary term 中国 (China) is not matched inside 发展中国家 ("developing countries": 发展|中|国家), so
  // neither the exported XLIFF nor QA asks for "China" in correct English
  it('white paper round trip: "developing countries" needs no "China"', () => {
    const slug = PAPER;
    const xlf = readFileSync(out(slug, `${slug}.en.xlf`), 'utf8');
    expect(xlf).not.toMatch(/<gls:term[^>]*>中国<\/gls:term>/);
    writeFileSync(path.join(dir, 'paper.xlf'), fill(xlf));
    expect(inProject(dir, 'xliff', 'import', path.join(dir, 'paper.xlf')).code).toBe(0);
    const r = inProject(dir, 'build', slug, '--strict');
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  // for a news brief with quotes, out/<slug>/<slug>.en.xlf lists units for the quote text alone and for each
  // speaker's role (ids that are not segments of the SourceDoc); `briefs xliff import` knows the texts the
  // brief needs as well as the document's segments, so it takes them and the English news brief is built
  it('news round trip: every unit the build asks for can be imported', () => {
    const slug = NEWS;
    const xlf = readFileSync(out(slug, `${slug}.en.xlf`), 'utf8');
    writeFileSync(path.join(dir, 'news.xlf'), fill(xlf));
    const imp = inProject(dir, 'xliff', 'import', path.join(dir, 'news.xlf'));
    expect(imp.stdout + imp.stderr).not.toMatch(/refused-unit|[1-9]\d* refused/);
    expect(imp.stdout).toMatch(/ 0 refused/);
    const r = inProject(dir, 'build', slug, '--strict');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(existsSync(out(slug, `${slug}.en.pdf`))).toBe(true);
  });
});

