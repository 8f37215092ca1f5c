// Genres and metadata the readers find from a text's structure, whatever its format (ingest/genre/):
// an official document's adoption line is metadata, a speech is known by its title or its salutation,
// a long text in parts under headings is a report, a standard's definitions are reference matter, and
// a page's editor is never its author. Small made-up inputs, one per rule.
import { describe, it, expect } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { docSegments, allSections } from '../../pipeline/ingest/walk.js';
import { htmlToMarkdown } from '../../pipeline/ingest/formats/html.js';
import { parseReport } from '../../pipeline/ingest/report/index.js';

const enc = new TextEncoder();
const md = (text: string, meta?: string) => ingest({ slug: 't', file: 't.md', bytes: enc.encode(text), format: 'md', ...(meta ? { meta: { file: 'meta.yaml', text: meta } } : {}) }).doc;
const txt = (text: string, meta?: string) => ingest({ slug: 't', file: 't.txt', bytes: enc.encode(text), format: 'txt', ...(meta ? { meta: { file: 'meta.yaml', text: meta } } : {}) }).doc;
const texts = (doc: ReturnType<typeof md>) => [...docSegments(doc)].filter((v) => v.role !== 'title').map((v) => v.segment.text);

describe('a saved page of an official document', () => {
  const PAGE = `<html><head><title>某市人民代表大会常务委员会关于批准某市2030年水务规划的决议_某市政府网</title>
    <meta name="author" content="王编辑"></head><body><div class="content">
    <p><strong>某市人民代表大会常务委员会<br>关于批准某市2030年水务规划的<br>决议</strong><br>（2024年5月20日某市第十六届人民代表大会常务委员会第九次会议通过）</p>
    <p>某市第十六届人民代表大会常务委员会第九次会议，听取了市水务局局长关于某市2030年水务规划的说明。会议决定：批准某市2030年水务规划，新建水厂三座，日供水能力提高到120万吨。</p>
    <p>会议要求，市人民政府应当每年向常务委员会报告规划的实施情况，确保2030年前城区供水管网漏损率降至8%以下。</p>
    </div></body></html>`;

  it('the headline broken over lines is the title; the adoption line is its date and adopting body, not text', () => {
    const doc = md(htmlToMarkdown(PAGE).markdown);
    expect(doc.meta.title).toBe('某市人民代表大会常务委员会关于批准某市2030年水务规划的决议');
    expect(doc.genre).toBe('official');
    expect(doc.meta.date).toBe('2024-05-20');
    expect(doc.meta.institution).toBe('某市第十六届人民代表大会常务委员会');
    const all = texts(doc).join('\n');
    expect(all).not.toContain('会议通过）');
    expect(all).not.toContain('关于批准某市2030年水务规划的决议');
    expect(texts(doc)[0]).toMatch(/^某市第十六届人民代表大会常务委员会第九次会议，听取了/);
  });

  it('a <meta name="author"> the page never shows is not its author (a CMS puts its editor there); one the page shows is', () => {
    const doc = md(htmlToMarkdown(PAGE).markdown);
    expect(doc.meta.authors).toEqual([]);
    expect(doc.meta.extra?.['page-author']).toBe('王编辑');
    const shown = PAGE.replace('<div class="content">', '<div class="content"><p>记者 王编辑</p>');
    expect(htmlToMarkdown(shown).markdown).toMatch(/^author: 王编辑$/m);
  });

  it('an editor or source line given as the author is a fact of the page, never the author', () => {
    const page = PAGE.replace('content="王编辑"', 'content="责任编辑：马某"');
    const r = htmlToMarkdown(page).markdown;
    expect(r).not.toMatch(/^author:/m);
    expect(md(r).meta.extra?.['责任编辑']).toBe('马某');
  });
});

describe('a speech', () => {
  const SPEECH = [
    '各位來賓、各位朋友，大家好',
    '',
    '今天我們在這裡，宣布新的海洋保育計畫正式啟動，未來五年將投入三十億元，劃設十處海洋保護區。',
    '',
    '這項計畫由海洋委員會主責，並與地方政府及漁會合作，讓漁民參與巡護與監測，共同守護海洋資源。',
    '',
    '最後，我想用一句話和大家共勉：',
    '（台語）咱的海，咱來顧。',
    '',
    '謝謝大家。',
  ].join('\n');

  it('a text opening with a salutation is a speech; the salutation is its first line of text, never its title', () => {
    const doc = txt(SPEECH);
    expect(doc.genre).toBe('speech');
    expect(doc.meta.title ?? '').not.toContain('各位');
    expect(texts(doc)[0]).toBe('各位来宾、各位朋友，大家好');
  });

  it('a title naming a speech makes it one, whatever its opening', () => {
    const doc = txt(SPEECH.split('\n').slice(2).join('\n'), 'title: 海洋委員會主任委員就職演說\n');
    expect(doc.genre).toBe('speech');
  });

  it('the title names a speech in either script, in a text of either script', () => {
    const body = '今年我们将继续推进海洋保育，未来五年投入三十亿元，划设十处海洋保护区，并与地方政府及渔会合作。\n';
    expect(txt(body, 'title: 主任委员在海洋保育大会上的講話（2024年6月1日）\n').genre).toBe('speech');
    expect(txt(body, 'title: 海洋委员会主任委员致辞\n').genre).toBe('speech');
    expect(txt(body, 'title: 海洋委员会发言人谈保育计划\n').genre).not.toBe('speech');
  });

  it('a line opening with a language tag is marked with that language, its text kept', () => {
    const doc = txt(SPEECH);
    const tagged = [...docSegments(doc)].filter((v) => v.segment.language);
    expect(tagged.map((v) => [v.segment.language, v.segment.text])).toEqual([['台语', '（台语）咱的海，咱来顾。']]);
  });
});

describe('report or news, from the structure of a Markdown text', () => {
  const para = (n: number) => `第${n}部分的分析显示，区域数字经济规模在过去五年保持年均百分之十二的增长，产业数字化占比持续提高，数据要素市场建设取得进展，但中西部地区的基础设施和人才储备仍然不足，需要加大投入。`.repeat(3);
  const parts = ['一、总体情况', '二、产业结构', '三、区域差异', '四、政策建议', '五、展望'];
  const REPORT = `# 区域数字经济发展报告\n\n${parts.map((h, k) => `## ${h}\n\n${para(k + 1)}\n\n${para(k + 10)}\n`).join('\n')}`;

  it('a long text in parts under headings, without a dateline, is a report', () => {
    expect(md(REPORT).kind).toBe('report');
  });

  it('the same text opening with a news dateline stays news; meta.yaml has the last word', () => {
    const dated = REPORT.replace('## 一、总体情况\n\n', '## 一、总体情况\n\n新华社北京5月14日电 ');
    expect(md(dated).kind).toBe('news');
    expect(md(REPORT, 'kind: news\n').kind).toBe('news');
  });

  it('a long text in only three parts, numbered as a report numbers its chapters (一、二、三、), is a report; unnumbered, news', () => {
    const three = `# 关于区域数字经济发展情况的报告\n\n${parts.slice(0, 3).map((h, k) => `## ${h}\n\n${[1, 10, 20, 30, 40, 50].map((j) => para(k + j)).join('\n\n')}\n`).join('\n')}`;
    expect(md(three).kind).toBe('report');
    expect(md(three.replace(/## [一二三]、/g, '## ')).kind).toBe('news');
    // short, it stays news
    const shortThree = `# 某区数字经济简报\n\n${parts.slice(0, 3).map((h, k) => `## ${h}\n\n${para(k + 1).slice(0, 300)}\n`).join('\n')}`;
    expect(md(shortThree).kind).toBe('news');
  });

  it('a short article with a few subheadings stays news', () => {
    const short = `# 某市发布数据条例\n\n## 背景\n\n${para(1)}\n\n## 要点\n\n${para(2)}\n`;
    expect(md(short).kind).toBe('news');
  });
});

describe('a standard', () => {
  // a Word file's clause headings come out of the converter as one-item numbered lists (`1. 范围`)
  const STANDARD = [
    '# 城市供水管网漏损控制技术规范',
    '',
    '1. 范围',
    '',
    '本标准规定了城市供水管网漏损控制的技术要求。',
    '',
    '1. 规范性引用文件',
    '',
    '下列文件对于本文件的应用是必不可少的。',
    '',
    '1. 术语和定义',
    '',
    '漏损率 leakage rate',
    '',
    '管网漏损水量与供水总量之比，以百分数表示。',
    '',
    '1. 技术要求',
    '',
    '供水单位应当每季度开展一次管网漏损普查，漏损率应控制在百分之九以内。',
  ].join('\n');

  it('its clause headings open sections; its definitions are reference matter, not findings', () => {
    const doc = md(STANDARD);
    expect(doc.genre).toBe('standard');
    expect(doc.kind).toBe('report');
    const byHeading = new Map([...allSections(doc.sections)].map((s) => [s.heading, s]));
    expect(byHeading.get('术语和定义')?.kind).toBe('notes');
    expect(byHeading.get('规范性引用文件')?.kind).toBe('notes');
    expect(byHeading.get('技术要求')?.kind).toBe('section');
    expect(byHeading.get('技术要求')?.blocks).toHaveLength(1);
  });

  it('a text without those clauses is no standard', () => {
    expect(md(STANDARD.replace('1. 范围', '1. 背景')).genre).toBeUndefined();
  });
});

describe('a cover in large type', () => {
  it('a date and an institution set as large as headings stay on the cover and are read from it', () => {
    const text = ['数据安全交换白皮书', '', '某某科技研究院', '', '2020 年 10 月', '', '名词术语', '', '协调方是联邦过程中的辅助计算方，不存储数据。', ''].join('\n');
    // the layout shows lines 2, 4 and 6 (0-based) as headings
    const { doc } = parseReport(text, 't.txt', 't', { headingLines: [2, 4, 6] });
    expect(doc.meta.date).toBe('2020-10');
    expect(doc.meta.institution).toBe('某某科技研究院');
    expect(doc.sections.map((s) => s.heading)).toEqual(['名词术语']);
  });
});

describe('an official notice as scraped Markdown', () => {
  const NOTICE = [
    '# 关于调整城市公交票价的通知',
    '',
    '某交发[2023]12号',
    '',
    '各区人民政府，市政府各部门：',
    '',
    '为促进公共交通可持续发展，经市人民政府同意，现将调整城市公交票价有关事项通知如下。',
    '',
    '一、调整范围',
    '',
    '本市中心城区运营的公共汽车线路，共计三百二十条。',
    '',
    '二、票价标准',
    '',
    '普通线路票价由一元调整为二元，空调线路票价由二元调整为三元。',
  ].join('\n');

  it('without an issuer in its title it is still an official document; its number and addressees are metadata', () => {
    const doc = md(NOTICE);
    expect(doc.genre).toBe('official');
    expect(doc.meta.extra?.['文号']).toBe('某交发[2023]12号');
    expect(doc.meta.extra?.['主送']).toBe('各区人民政府，市政府各部门：');
    expect(texts(doc)[0]).toMatch(/^为促进公共交通可持续发展/);
  });

  it('a notice issuing another document, under a page\'s facts: its number, addressees and cover sentence are metadata, the document issued its text', () => {
    const ISSUING = [
      '# 某市人民政府办公厅关于印发《某市促进海洋装备产业发展行动方案》的通知',
      '',
      '**发布日期**: 2025-10-31',
      '**发布机构**: 某市科学技术委员会',
      '',
      '---',
      '',
      '某府办发〔2025〕17号',
      '',
      '各区人民政府，市政府各委、办、局：',
      '',
      '《某市促进海洋装备产业发展行动方案》已经市政府同意，现印发给你们，请认真按照执行。',
      '',
      '**某市促进海洋装备产业发展行动方案**',
      '',
      '为推进海洋装备产业高质量发展，制定本行动方案。',
      '',
      '到2027年，海洋装备产业规模超过1000亿元，培育龙头企业5家。',
    ].join('\n');
    const doc = md(ISSUING);
    expect(doc.genre).toBe('official');
    expect(doc.meta.extra?.['文号']).toBe('某府办发〔2025〕17号');
    expect(doc.meta.extra?.['主送']).toBe('各区人民政府，市政府各委、办、局：');
    expect(doc.meta.extra?.['印发']).toMatch(/现印发给你们/);
    const all = texts(doc);
    expect(all.some((t) => /某府办发|各区人民政府|印发给你们/.test(t))).toBe(false);
    expect(all).toContain('到2027年，海洋装备产业规模超过1000亿元，培育龙头企业5家。');
    // a notice that issues nothing keeps such a sentence (it is its own content)
    const plain = md(ISSUING.replace('关于印发《某市促进海洋装备产业发展行动方案》的通知', '关于海洋装备产业发展的通知'));
    expect(plain.meta.extra?.['印发']).toBeUndefined();
  });

  it('its numbered parts set as paragraphs (一、调整范围) are headings; one alone is not', () => {
    const doc = md(NOTICE);
    expect(doc.sections.map((s) => s.heading).filter(Boolean)).toEqual(['一、调整范围', '二、票价标准']);
    const one = md(NOTICE.replace('二、票价标准', '票价标准如下。'));
    expect([...allSections(one.sections)].some((s) => s.heading === '一、调整范围')).toBe(false);
  });
});
