import { selectBrief } from '../../pipeline/select/index.js';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseNews, readMetaLine, parseDate, splitRole } from '../../pipeline/ingest/news/index.js';
import { allSections, docSegments } from '../../pipeline/ingest/walk.js';
import type { SourceDoc } from '../../pipeline/model.js';

const dir = fileURLToPath(new URL('../fixtures/ingest/news/', import.meta.url));
const load = (f: string) => parseNews(readFileSync(dir + f, 'utf8'), f, f.replace(/\.md$/, ''));
const allText = (doc: SourceDoc) => [...docSegments(doc)].map((v) => v.segment.text).join('\n');

describe('byline and page facts', () => {
  it.each([
    ['**澎湃新闻记者 侯丹玮**'.replace(/\*/g, ''), { outlet: '澎湃新闻', authors: [{ name: '侯丹玮' }] }],
    ['新京报记者 王小明 李华', { outlet: '新京报', authors: [{ name: '王小明' }, { name: '李华' }] }],
    ['记者 张三', { authors: [{ name: '张三' }] }],
    ['文/林晓雯', { authors: [{ name: '林晓雯' }] }],
    ['作者：阿森尼·西维茨基', { authors: [{ name: '阿森尼·西维茨基' }] }],
    ['来源：人民日报', { outlet: '人民日报' }],
    ['2023-11-01 00:15', { date: '2023-11-01T00:15' }],
    ['2024年5月18日 09:30　来源：新京报', { date: '2024-05-18T09:30', outlet: '新京报' }],
    ['https://example.org/a/1', { url: 'https://example.org/a/1' }],
    ['责任编辑：刘洋', { extra: { 责任编辑: '刘洋' } }],
    // where the reporter filed from is not a name
    ['财经日报记者 徐若岚 发自深圳', { outlet: '财经日报', authors: [{ name: '徐若岚' }], extra: { 发自: '深圳' } }],
    ['记者 张三 北京报道', { authors: [{ name: '张三' }], extra: { 发自: '北京' } }],
    ['解放观察记者 陆晨', { outlet: '解放观察', authors: [{ name: '陆晨' }] }],
    // a name printed with a space inside, web page furniture, a speech's date and place and its speaker
    ['2024-07-15 10:23:11　来源：江川新闻网　作者：林 涛', { date: '2024-07-15T10:23:11', outlet: '江川新闻网', authors: [{ name: '林涛' }] }],
    ['首页 > 国内 > 正文', {}],
    ['分享到：微信 微博 QQ空间', {}],
    ['（2025年4月9日，澜港市）', { date: '2025-04-09', extra: { 地点: '澜港市' } }],
    ['海洋经济协同部副部长　周启航', { authors: [{ name: '周启航', role: '海洋经济协同部副部长' }] }],
    ['市长 王 明', { authors: [{ name: '王明', role: '市长' }] }],
    ['本报记者 何语澄', { authors: [{ name: '何语澄' }] }],
    // a commentary's author with the role in brackets, the page's section, notes about the article
    ['作者：沈慕远（江临大学城市规划系教授）', { authors: [{ name: '沈慕远', role: '江临大学城市规划系教授' }] }],
    ['发布时间：2025年3月6日 | 栏目：观点·评论', { date: '2025-03-06', extra: { 栏目: '观点·评论' } }],
    ['【滚动更新】', { extra: { 说明: '【滚动更新】' } }],
    ['本文持续更新，最后更新时间：2024年10月10日 23:50。', { extra: { 说明: '本文持续更新，最后更新时间：2024年10月10日 23:50。' } }],
  ])('%s', (line, facts) => {
    expect(readMetaLine(line)).toEqual(facts);
  });

  it('does not take sentences for page facts', () => {
    expect(readMetaLine('记者在现场看到，救援工作正在进行。')).toBeUndefined();
    expect(readMetaLine('2023年11月1日，论坛在北京开幕。')).toBeUndefined();
    expect(readMetaLine('来源于一线的数据显示，增长明显')).toBeUndefined();
  });

  it('parses dates', () => {
    expect(parseDate('2023年11月1日')).toBe('2023-11-01');
    expect(parseDate('2023/1/5 8:05')).toBe('2023-01-05T08:05');
    expect(parseDate('2023-13-01')).toBeUndefined();
  });
});

describe('datelines', () => {
  const news = (first: string) => parseNews(`# 标题\n\n${first}\n\n第二段的内容，与第一段无关。\n`, 'd.md', 'd');
  const firstText = (doc: SourceDoc) => [...docSegments(doc)].filter((v) => v.role !== 'title')[0].segment.text;
  it.each([
    ['新华社北京3月5日电（记者 王晓明 刘佳）今年的政府工作报告首次写入低空经济。', { outlet: '新华社', authors: [{ name: '王晓明' }, { name: '刘佳' }] }],
    ['本报讯（记者 张三）近日，某市出台新政今年的政府工作报告首次写入低空经济。', { authors: [{ name: '张三' }] }],
    ['本报北京3月5日电 （记者 李四、王五） 今年的政府工作报告首次写入低空经济。', { authors: [{ name: '李四' }, { name: '王五' }] }],
    ['中新网3月5日电 今年的政府工作报告首次写入低空经济。', { outlet: '中新网' }],
    ['【环球时报报道 记者 赵六】今年的政府工作报告首次写入低空经济。', { outlet: '环球时报', authors: [{ name: '赵六' }] }],
    ['（记者 周七 通讯员 吴八）今年的政府工作报告首次写入低空经济。', { authors: [{ name: '周七' }] }],
    // the whole dateline in brackets with the reporter inside (Taiwan's and overseas agencies' form), read as Simplified
    ['（中央社记者王小明台北7日电）今年的政府工作报告首次写入低空经济。', { outlet: '中央社' }],
    ['（中央社记者王小明、李华华盛顿6日专电）今年的政府工作报告首次写入低空经济。', { outlet: '中央社' }],
    ['（法新社巴黎5日电）今年的政府工作报告首次写入低空经济。', { outlet: '法新社' }],
    // the day alone, without the month
    ['新华社北京24日电 今年的政府工作报告首次写入低空经济。', { outlet: '新华社' }],
  ])('%s: facts in meta, the dateline out of the text', (para, facts) => {
    const { doc } = news(para);
    expect(doc.meta).toMatchObject(facts);
    expect(allText(doc)).not.toMatch(/电|讯|记者|【|】/);
    expect(firstText(doc)).toMatch(/^(?:近日，某市出台新政)?今年的政府工作报告首次写入低空经济。$/);
  });
  it('leaves a paragraph that only mentions a reporter or a news agency as it is', () => {
    for (const para of ['新华社记者了解到，今年的政府工作报告首次写入低空经济。', '（记者手记）今年的政府工作报告首次写入低空经济。', '（中央社）今年的政府工作报告首次写入低空经济。']) {
      expect(firstText(news(para).doc)).toBe(para);
    }
  });
});

describe('speakers', () => {
  it('splits role and name', () => {
    expect(splitRole('俄罗斯国防部长绍伊古')).toEqual({ name: '绍伊古', role: '俄罗斯国防部长' });
    expect(splitRole('某大学教授、退役上校约翰·史密斯')).toEqual({ name: '约翰·史密斯', role: '某大学教授、退役上校' });
    expect(splitRole('王五')).toEqual({ name: '王五' });
    expect(splitRole('外交部发言人')).toEqual({ name: '外交部发言人' });
    expect(splitRole('有分析')).toBeUndefined();
  });
});

describe('direct quotes are clauses, not terms', () => {
  const quotes = (...paras: string[]) => parseNews(`# 标题\n\n${paras.join('\n\n')}\n`, 'q.md', 'q').doc.quotes.map((q) => [q.speaker?.name, q.text]);
  it('a scare-quoted term after a speech verb is no quote', () => {
    expect(quotes('某企业创始人林海峰认为，“标准先行”是产业健康发展的前提。')).toEqual([]);
    expect(quotes('研究员张明表示，“双碳”目标倒逼产业转型升级。')).toEqual([]);
  });
  it('a quoted line followed by running text at the head of a paragraph is a citation, not speech', () => {
    expect(quotes('“积极打造生物制造、商业航天等新增长引擎。”今年的政府工作报告首次写入这一表述。')).toEqual([]);
  });
  it('a quoted clause or sentence after a speech verb is a quote', () => {
    expect(quotes('某企业创始人林海峰认为，“标准先行是产业健康发展的前提”，各地应尽快统一。')).toEqual([['林海峰', '标准先行是产业健康发展的前提']]);
    expect(quotes('研究员张明表示：“同意”。')).toEqual([['张明', '同意']]);
    expect(quotes('研究员张明表示，“短期看，有压力。”')).toEqual([['张明', '短期看，有压力。']]);
    expect(quotes('“目前的补偿标准偏低，上游地区的积极性难以持续。”')).toEqual([[undefined, '目前的补偿标准偏低，上游地区的积极性难以持续。']]);
  });
  it('a quote over several paragraphs (opened in each, closed in the last) is the introduced speaker\'s', () => {
    expect(
      quotes(
        '研究院院长郑慕华在发言中表示：',
        '“资金缺口的问题，不只是钱不够，更是钱到不了。很多国家缺少把构想变成项目的能力。',
        '“一个中等规模的项目，从构想到获批平均需要两年半以上。”',
        '会议随后进入分组讨论。',
      ),
    ).toEqual([
      ['郑慕华', '资金缺口的问题，不只是钱不够，更是钱到不了。很多国家缺少把构想变成项目的能力'],
      ['郑慕华', '一个中等规模的项目，从构想到获批平均需要两年半以上。'],
    ]);
    // 他 after someone described, not named, is that someone, not the last person named
    expect(
      quotes(
        '研究员贝格说：“对话和规则比对抗更有价值。”',
        '一家日本企业的采购负责人在会下对记者表示，公司正在评估新方案。“在这之前，我们需要稳定的环境。”他说。',
      ),
    ).toEqual([
      ['贝格', '对话和规则比对抗更有价值。'],
      ['一家日本企业的采购负责人', '在这之前，我们需要稳定的环境。'],
    ]);
    // a name with a stop character in it (向), a name after "机构的", 「」 marks around the speaker
    expect(
      quotes(
        '一家白名单企业的负责人杜向荣告诉记者，去年开工率只有四成。',
        '「以后电池卖到海外，得证明里面有多少是回收来的。」杜向荣说，「这对正规回收企业来说，是一个实实在在的机会。」',
        '研究院新能源研究部主任邵明哲介绍了测算方法。',
        '研究院的邵明哲表示：「关键在于把电池的身份证管起来。」',
      ).map(([who]) => who),
    ).toEqual(['杜向荣', '杜向荣', '邵明哲']);
    // without a speaker introduced before it, an unclosed mark is not a quote
    expect(quotes('“资金缺口的问题，不只是钱不够，更是钱到不了。很多国家缺少能力。')).toEqual([]);
  });
});

describe('a news article with a 文/ byline, ## sections and several quote patterns', () => {
  const { doc, diagnostics } = load('river-forum.md');

  it('reads headline, byline, date, outlet, editor', () => {
    expect(doc.kind).toBe('news');
    expect(doc.meta.title).toBe('长江生态论坛聚焦流域治理：专家呼吁建立跨省补偿机制');
    expect(doc.titleSegments[0].place).toEqual({ line: 1, column: 3 });
    expect(doc.meta.authors).toEqual([{ name: '林晓雯' }, { name: '周启航' }]);
    expect(doc.meta.date).toBe('2024-05-18T09:30');
    expect(doc.meta.outlet).toBe('新京报');
    expect(doc.meta.extra).toEqual({ 责任编辑: '刘洋' });
    expect(diagnostics).toEqual([]);
  });

  it('takes the first image with the caption paragraph after it', () => {
    expect(doc.meta.image).toEqual({
      url: 'https://example.org/img/wetland.jpg',
      caption: '5月17日，湖北武汉，与会代表在长江生态论坛上参观湿地修复成果展。新京报记者 林晓雯 摄',
    });
    const lead = doc.sections[0];
    expect(lead.heading).toBe('');
    expect(lead.blocks[0]).toMatchObject({ type: 'image', url: 'https://example.org/img/wetland.jpg' });
    // the caption is not also a body paragraph
    expect(allText(doc).match(/参观湿地修复成果展/g)).toHaveLength(1);
  });

  it('builds the section tree: ## heading, bold subheading below it', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(['', '补偿机制仍待完善']);
    expect(doc.sections[1].children.map((s) => [s.heading, s.level, s.kind])).toEqual([['企业如何参与', 2, 'subsection']]);
    expect(doc.sections[1].place.line).toBe(15);
  });

  it('keeps markdown lists as list blocks', () => {
    const list = doc.sections[1].children[0].blocks.find((b) => b.type === 'list');
    expect(list).toMatchObject({ type: 'list', style: 'numbered' });
    expect(list && list.type === 'list' && list.items.map((i) => i.marker)).toEqual(['1.', '2.', '3.']);
  });

  it('finds direct quotes in every pattern, with speakers and roles, and skips scare quotes', () => {
    expect(doc.quotes.map((q) => [q.speaker?.name, q.speaker?.role, q.text.slice(0, 6)])).toEqual([
      ['陈志远', '武汉大学环境科学学院教授', '长江的问题表'],
      ['陈志远', '武汉大学环境科学学院教授', '目前的横向补'],
      ['马建国', '湖南省生态环境厅副厅长', '过去三年，湖'],
      ['王珊', '一家环保企业的负责人', '企业愿意投入'],
    ]);
    expect(doc.quotes.some((q) => q.text === '绿色账本' || q.text === '流域共治')).toBe(false);
    const segs = [...docSegments(doc)].map((v) => v.segment);
    for (const q of doc.quotes) {
      const seg = segs.find((s) => s.id === q.segmentId)!;
      expect(seg.text).toContain(q.text.slice(0, 10));
      expect(seg.speaker).toEqual(q.speaker);
    }
  });

  it('keeps no markdown syntax in the text', () => {
    expect(allText(doc)).not.toMatch(/[*_#]|!\[|\]\(/);
  });
});

describe('a news article with front matter, a dateline, 「」 quotes, a table, a footnote and raw HTML', () => {
  const { doc, diagnostics } = load('ev-exports.md');

  it('takes metadata from front matter and reporters from the dateline', () => {
    expect(doc.meta).toMatchObject({
      title: '新能源汽车出口持续增长',
      outlet: '经济观察网',
      date: '2024-03-02',
      url: 'https://example.com/news/123',
      authors: [{ name: '赵敏' }, { name: '孙立' }],
      extra: { tags: '汽车' },
    });
    expect(doc.titleSegments[0].place).toEqual({ line: 2, column: 8 });
  });

  it('attributes a paragraph-long quote to the speaker introduced before it, and 他 to the last speaker', () => {
    const chen = { name: '陈士华', role: '中国汽车工业协会副秘书长' };
    expect(doc.quotes[0]).toMatchObject({ speaker: chen, place: { line: 13, column: 2 } });
    expect(doc.quotes[1]).toMatchObject({ text: '产品结构正在从低端走向中高端', speaker: chen });
    expect(doc.quotes[2].text).toBe('价格战不可持续。');
    expect(doc.quotes[2].speaker).toBeUndefined(); // 业内人士 is not a person
  });

  it('keeps block quotes, tables, footnotes', () => {
    const sec = doc.sections[1];
    expect(sec.heading).toBe('市场结构变化');
    expect(sec.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'quote']);
    expect(doc.tables[0]).toMatchObject({ id: 't1', header: ['地区', '1月', '2月'], rows: [{ label: '欧洲' }, { label: '东南亚' }] });
    expect(doc.footnotes[0]).toMatchObject({ id: '1', urls: ['https://www.caam.org.cn'], refs: [{ line: 9 }] });
    expect(doc.sections[0].blocks[0].type === 'paragraph' && doc.sections[0].blocks[0].segments[0].footnoteRefs).toEqual(['1']);
  });

  it('drops an advertisement in raw HTML (page furniture) and leaves no literal asterisks', () => {
    expect(allText(doc)).not.toContain('广告内容');
    expect(allText(doc)).not.toContain('*');
    expect(allText(doc)).toContain('今年是“出海”的关键一年');
    expect(diagnostics).toEqual([]);
  });
});

describe('edge cases', () => {
  it('an empty document', () => {
    const { doc, diagnostics } = parseNews('', 'e.md', 'e');
    expect(doc.sections).toEqual([]);
    expect(doc.meta.authors).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['no-title']);
  });

  it('a headline as a first short line followed by a byline', () => {
    const { doc } = parseNews('城市更新进入新阶段\n\n记者 李明\n\n正文第一段。\n', 'a.md', 'a');
    expect(doc.meta.title).toBe('城市更新进入新阶段');
    expect(doc.meta.authors).toEqual([{ name: '李明' }]);
  });

  it('a speech verb and a short quoted term are a scare quote only without a colon', () => {
    const { doc } = parseNews('# 题\n\n外界将其称“新冷战”，但他说：“不是。”\n', 'a.md', 'a');
    expect(doc.quotes.map((q) => q.text)).toEqual(['不是。']);
  });
});

describe('an interview: labelled questions and answers', () => {
  const { doc } = load('interview.md');
  const segs = [...docSegments(doc)].map((v) => v.segment);
  it('keeps the questions as context, not content', () => {
    const asked = segs.filter((s) => s.asked).map((s) => s.text);
    expect(asked).toContain('地方能做些什么？');
    expect(asked.every((t) => !/^观潮新闻|^记者/.test(t))).toBe(true);
    expect(asked).toEqual(['海上风电的瓶颈到底在哪里？', '地方能做些什么？', '跨省消纳有没有突破口？']);
  });
  it('gives the answers, without their label, to the interviewee — paragraphs after the first and "答：" too', () => {
    const said = segs.filter((s) => s.speaker?.name === '龚然').map((s) => s.text);
    expect(said).toContain('瓶颈已经从技术和成本转向了电网。');
    expect(said).toContain('部分省份在大风季节弃风率明显上升，这说明规划协同比单纯扩大装机更重要。');
    expect(said).toContain('突破口在长期协议。');
    expect(segs.some((s) => /^龚然：|^答：/.test(s.text))).toBe(false);
    expect(doc.quotes.filter((q) => q.speaker?.name === '龚然').length).toBeGreaterThanOrEqual(3);
    expect(doc.quotes.find((q) => q.speaker?.name === '龚然')?.speaker?.role).toBe('南湾能源研究院院长、教授');
  });
  it('reads the outlet and the facts at the end, in brackets too', () => {
    expect(doc.meta.outlet).toBe('观潮新闻');
    expect(doc.meta.extra).toMatchObject({ 原标题: '《龚然：海上风电要“规划先行”》', 责任编辑: '陈舟' });
    expect(segs.some((s) => /原标题|责任编辑/.test(s.text))).toBe(false);
  });
  it('a brief of it takes no question, and gives the interviewee a voice', () => {
    const { brief } = selectBrief(doc, []);
    const all = brief.slots.flatMap((sl) => sl.items);
    expect(all.some((i) => /？$/.test(i.text))).toBe(false);
    expect(brief.slots.find((sl) => sl.name === 'voices')!.items.map((i) => i.speaker?.name)).toContain('龚然');
  });
  it('a question labelled with any outlet\'s reporter (《国际合作观察》记者：) is a question', () => {
    const { doc: d } = parseNews(
      '# 例行记者会\n\n**《国际合作观察》记者：** 论坛有什么新特点？\n\n**林映秋：** 本届论坛有两个新特点。\n\n**环亚通讯社记者：** 援助规模多大？\n\n答：目前不便透露具体数额。\n',
      'p.md',
      'p',
    );
    const segs = [...docSegments(d)].map((v) => v.segment);
    expect(segs.filter((x) => x.asked).map((x) => x.text)).toEqual(['论坛有什么新特点？', '援助规模多大？']);
    expect(segs.filter((x) => x.speaker?.name === '林映秋').map((x) => x.text)).toEqual(['本届论坛有两个新特点。', '目前不便透露具体数额。']);
  });
  it('the side that asks, labelled with any name (an organisation too), is context: its prompts without a question mark as well', () => {
    const { doc: d } = parseNews(
      [
        '# 对话小林：从白帽子到开源维护者',
        '',
        '**南湾 Open 社区：你最早是怎么接触编程的？**',
        '',
        '**林澈**：初中时家里买了第一台电脑，我从做网页开始。',
        '',
        '后来我加入了一个安全论坛，认识了很多朋友。',
        '',
        '**南湾 Open 社区：接下来聊聊远程工作。你怎么保持专注？**',
        '',
        '**林澈**：我给每天定三个目标，做完再休息。',
        '',
        '**南湾 Open 社区：最后，说说你明年的计划。**',
        '',
        '**林澈**：明年我想把文档网站翻译成五种语言。',
        '',
      ].join('\n'),
      'o.md',
      'o',
    );
    const segs = [...docSegments(d)].map((v) => v.segment);
    expect(segs.filter((x) => x.asked).map((x) => x.text)).toEqual(['你最早是怎么接触编程的？', '接下来聊聊远程工作。', '你怎么保持专注？', '最后，说说你明年的计划。']);
    expect(segs.filter((x) => x.speaker?.name === '林澈').map((x) => x.text)).toContain('后来我加入了一个安全论坛，认识了很多朋友。');
    const { brief } = selectBrief(d, []);
    expect(brief.slots.flatMap((sl) => sl.items).some((i) => /南湾 Open 社区|远程工作。|计划。$/.test(i.text))).toBe(false);
  });
  it('a bold run-in heading (set off by a space or a line break) is a sentence of its own, and never an item', () => {
    const md = [
      '# 年度大事记',
      '',
      '- **某数据库创始人宣布回归** 某数据库创始人在离开项目约 1620 天后，决定重返社区，担任社区与公司之间的桥梁。',
      '- **疾病诊断**',
      '  空间智能技术能对医学影像数据进行三维重建和分析，帮助医生更精准地诊断疾病。',
      '',
      '**增长率最低的主要国家：乙国**<br> 乙国以 9,404,966 名开发者排名第四，但增长率仅为 6.11%，是所有主要国家中最低的。',
      '',
      '**粗体强调的一整句话也照常是一句话。**',
      '',
    ].join('\n');
    const { doc: d } = parseNews(md, 'r.md', 'r');
    const texts = [...docSegments(d)].map((v) => v.segment.text);
    expect(texts).toContain('某数据库创始人宣布回归');
    expect(texts).toContain('某数据库创始人在离开项目约 1620 天后，决定重返社区，担任社区与公司之间的桥梁。');
    expect(texts).toContain('疾病诊断');
    expect(texts).toContain('乙国以 9,404,966 名开发者排名第四，但增长率仅为 6.11%，是所有主要国家中最低的。');
    expect(texts).toContain('粗体强调的一整句话也照常是一句话。');
    const items = selectBrief(d, []).brief.slots.flatMap((sl) => sl.items.map((i) => i.text));
    expect(items.some((t) => /宣布回归|^疾病诊断|增长率最低的主要国家/.test(t))).toBe(false);
  });
  it('turns labelled by headings of their own (### 問：, ### 林澈：) are questions and answers too', () => {
    const md = ['# 专访林澈', '', '### 问：', '', '卫星合作进展如何？', '', '### 林澈：', '', '我们下个月开始验证测试。', '', '测试地点选在高纬度地区。', '', '### 问：', '', '资金从哪里来？', '', '### 林澈：', '', '资金由合作方共同承担。', ''].join('\n');
    const { doc: d } = parseNews(md, 'q.md', 'q');
    const segs = [...docSegments(d)].map((v) => v.segment);
    expect(segs.filter((x) => x.asked).map((x) => x.text)).toEqual(['卫星合作进展如何？', '资金从哪里来？']);
    expect(segs.filter((x) => x.speaker?.name === '林澈').map((x) => x.text)).toEqual(['我们下个月开始验证测试。', '测试地点选在高纬度地区。', '资金由合作方共同承担。']);
    expect(segs.some((x) => /^(?:问|林澈)：/.test(x.text))).toBe(false);
    // headings that are not speaker labels stay headings
    const { doc: plain } = parseNews('# 题\n\n### 背景\n\n项目始于去年。\n\n### 进展\n\n测试下月开始。\n', 'p.md', 'p');
    expect([...allSections(plain.sections)].map((x) => x.heading)).toEqual(expect.arrayContaining(['背景', '进展']));
  });
  it('a press conference: each outlet asks once under its own label, and whoever speaks next answers, named once', () => {
    const md = [
      '# 问答实录：《关于支持小微企业的若干措施》相关情况',
      '',
      '**发布日期**: 2025-03-02',
      '**原文链接**: [http://example.gov.cn/a.html](http://example.gov.cn/a.html)',
      '',
      '---',
      '',
      '东江日报：目前小微企业融资情况怎么样？下一步有什么考虑？',
      '',
      '　　林海：去年全市小微企业贷款余额增长一成。',
      '',
      '　　一是扩大信贷奖补。奖补资金由每年一亿元增加到两亿元。',
      '',
      '　　南方广播电视台（南方台）：担保费率会不会下调？',
      '',
      '　　苏晴：担保费率今年降到百分之一以下。',
      '',
      '　　财经快报：检查会不会增加企业负担？',
      '',
      '　　韩立：我们推行扫码检查，减少重复检查。',
      '',
    ].join('\n');
    const { doc: d } = parseNews(md, 'pc.md', 'pc');
    const segs = [...docSegments(d)].map((v) => v.segment);
    expect(segs.filter((x) => x.asked).map((x) => x.text)).toEqual(['目前小微企业融资情况怎么样？', '下一步有什么考虑？', '担保费率会不会下调？', '检查会不会增加企业负担？']);
    expect(segs.filter((x) => x.speaker?.name === '林海').map((x) => x.text)).toEqual(['去年全市小微企业贷款余额增长一成。', '一是扩大信贷奖补。', '奖补资金由每年一亿元增加到两亿元。']);
    expect(segs.find((x) => x.text.startsWith('担保费率今年'))?.speaker?.name).toBe('苏晴');
    expect(segs.find((x) => x.text.startsWith('我们推行扫码检查'))?.speaker?.name).toBe('韩立');
    // no label is left in the text, and the page's facts are nobody's words
    expect(segs.some((x) => /^(?:林海|苏晴|韩立|东江日报|财经快报)：/.test(x.text))).toBe(false);
    expect(segs.some((x) => x.speaker?.name === '发布日期' || x.speaker?.name === '原文链接')).toBe(false);
  });
  it('minutes where one member asks once among many statements are not a press conference', () => {
    const md = '# 会议纪要\n\n张三：预算今年要压缩一成。\n\n李四：采购计划下月报批。\n\n王五：场地租金会涨吗？\n\n张三：会上涨百分之五。\n\n李四：人员不再增加。\n\n张三：下次会议在六月。\n';
    const { doc: d } = parseNews(md, 'm.md', 'm');
    expect([...docSegments(d)].some((v) => v.segment.asked)).toBe(false);
  });
  it('labelled speakers of whom none mostly asks are not an interview', () => {
    const { doc: d } = parseNews('# 座谈\n\n张三：我们达成了共识？还没有。\n\n李四：今天讨论了预算。\n\n张三：预算要压缩。\n\n李四：同意。\n', 'y.md', 'y');
    expect([...docSegments(d)].some((v) => v.segment.asked)).toBe(false);
  });
  it('an article with one "记者：" line is not an interview', () => {
    const { doc: d } = parseNews('# 标题\n\n记者：今天的会议很顺利。\n\n张三：我们达成了共识。\n\n会议于下午结束。\n', 'x.md', 'x');
    expect([...docSegments(d)].some((v) => v.segment.asked)).toBe(false);
  });
});

describe('the title block a report or speech opens with (title again, delivery line, speaker by office)', () => {
  const body = '全国人民代表大会常务委员会：\n\n受国务院委托，现就海洋经济发展情况报告如下，请审议。\n\n一年来，海洋经济总量稳步增长，海洋产业结构持续优化。\n';
  it('on the lines of one paragraph: the date, the occasion and the speaker are facts, and no sentence quotes them', () => {
    const md = `# 国务院关于海洋经济发展情况的报告\n\n国务院关于海洋经济发展情况的报告\n——2023年6月26日在第十四届全国人民代表大会常务委员会第三次会议上\n自然资源部部长 林海\n\n${body}`;
    const { doc: d } = parseNews(md, 'r.md', 'r');
    expect(d.meta.date).toBe('2023-06-26');
    expect(d.meta.authors).toEqual([{ name: '林海', role: '自然资源部部长' }]);
    expect(d.meta.extra?.occasion).toBe('第十四届全国人民代表大会常务委员会第三次会议');
    const texts = [...docSegments(d)].filter((v) => v.role !== 'title').map((v) => v.segment.text);
    expect(texts.some((t) => /会议上|林海|^国务院关于海洋经济/.test(t))).toBe(false);
    expect(texts).toContain('一年来，海洋经济总量稳步增长，海洋产业结构持续优化。');
  });
  it('in paragraphs of their own, after a paragraph of the page\'s facts', () => {
    const md = `# 国务院关于海洋经济发展情况的报告\n\n**发布日期**: 2023年6月28日\n\n国务院关于海洋经济发展情况的报告\n\n——2023年6月26日在第十四届全国人民代表大会常务委员会第三次会议上\n\n自然资源部部长 林海\n\n${body}`;
    const { doc: d } = parseNews(md, 'r.md', 'r');
    expect(d.meta.authors).toEqual([{ name: '林海', role: '自然资源部部长' }]);
    expect([...docSegments(d)].some((v) => /会议上|林海/.test(v.segment.text))).toBe(false);
  });
  it('a paragraph that goes on with a sentence after the delivery line is text, and stays', () => {
    const md = `# 海洋经济报告会举行\n\n——2023年6月26日在第十四届全国人民代表大会常务委员会第三次会议上\n会议听取了海洋经济发展情况的报告。\n\n${body}`;
    const { doc: d } = parseNews(md, 'n.md', 'n');
    expect([...docSegments(d)].some((v) => v.segment.text.includes('会议听取了海洋经济发展情况的报告。'))).toBe(true);
    expect(d.meta.authors).toEqual([]);
  });
});

describe('a news page scraped with its furniture', () => {
  const { doc } = load('portal.md');
  it('finds the level-2 headline under the breadcrumb, and the byline under it', () => {
    expect(doc.meta.title).toBe('南湾省召开秋粮生产推进会 确保全年粮食总产稳定在500亿斤以上');
    expect(doc.meta).toMatchObject({ outlet: '南湾新闻网', authors: [{ name: '许岚' }], date: '2024-08-02T09:15:40' });
  });
  it('keeps page furniture out of the content, at the head and at the end', () => {
    const all = allText(doc);
    expect(all).not.toMatch(/首页|字号|分享到|纠错|阅读量|责任编辑|style=/);
    expect(all).toContain('今年以来，全省夏粮再获丰收，总产量126.5亿斤，增长1.2%。');
    expect(doc.quotes.map((q) => q.speaker?.name)).toContain('孟川');
  });
});

describe('a speech published as news', () => {
  const { doc } = load('speech.md');
  it('reads the date, place and speaker, and gives every paragraph to the speaker', () => {
    expect(doc.meta).toMatchObject({ date: '2025-05-20', authors: [{ name: '方致远', role: '近海能源协同局局长' }], extra: { 地点: '临海市' } });
    const body = [...docSegments(doc)].filter((v) => v.role !== 'title').map((v) => v.segment);
    expect(body.every((x) => x.speaker?.name === '方致远')).toBe(true);
    expect(doc.quotes.some((q) => q.speaker?.name === '方致远' && q.speaker.role === '近海能源协同局局长')).toBe(true);
  });
  it('a headline that is not a speech gives the text to no one', () => {
    const { doc: d } = parseNews(readFileSync(dir + 'speech.md', 'utf8').replace('上的致辞', '召开'), 's.md', 's');
    expect([...docSegments(d)].some((v) => v.segment.speaker?.name === '方致远')).toBe(false);
  });
});

describe('notes about the article at its end', () => {
  it('keeps "（作者系…，本文仅代表个人观点）" out of the content', () => {
    const { doc } = parseNews('# 评论\n\n城市更新的核心是让住在这里的人过上更好的日子。\n\n*（作者系某大学教授。本文仅代表个人观点）*\n', 'o.md', 'o');
    expect(allText(doc)).not.toMatch(/作者系|仅代表/);
    expect(doc.meta.extra?.说明).toMatch(/^作者系某大学教授/);
  });
});

describe('a front-matter title that carries the number its site orders pages by', () => {
  const title = (t: string) => {
    const { doc } = parseNews(`---\ntitle: ${t}\n---\n\n# 开源人工智能篇\n\n正文第一段的内容。\n`, 'n.md', 'n');
    return { text: doc.meta.title, seg: doc.titleSegments[0] };
  };
  it('is the title without the number, located where the words start', () => {
    const r = title('7.开源人工智能篇');
    expect(r.text).toBe('开源人工智能篇');
    expect(r.seg.text).toBe('开源人工智能篇');
    expect(r.seg.place).toEqual({ line: 2, column: 10 });
    expect(title('3、 数据篇').text).toBe('数据篇');
  });
  it('keeps a decimal, a year or a number that is the whole title', () => {
    expect(title('2.0时代的开源').text).toBe('2.0时代的开源');
    expect(title('2024年开源报告').text).toBe('2024年开源报告');
    expect(title('"7."').text).toBe('7.');
  });
});

describe('what a saved news page carries besides the article', () => {
  const page = [
    '# 行政院会通过数位韧性计划',
    '',
    '（中央社记者王小明台北7日电）行政院会今天通过数位韧性强化计划，4年投入新台币120亿元。',
    '',
    '![](https://example.org/a.jpg)',
    '',
    '行政院长陈大文（前左）今天主持院会。（图／行政院提供）',
    '',
    '数位发展部长林美玲说，计划将在全国22个县市建置备援机房，并培训3000名资安人员。',
    '',
    '立法委员张志强则质疑，计划缺乏具体的绩效指标。（中央社记者李小华摄 113年3月7日）',
    '',
    '行政院表示，将于下周送交立法院审议。',
    '',
    '延伸阅读：',
    '',
    '- [资安法修正草案出炉 罚则提高](https://example.org/1)',
    '- [政院：年底前完成关键基础设施盘点](https://example.org/2)',
    '',
    '【相关新闻】',
    '',
    '[九月份物价指数同比上涨百分之零点四](https://example.org/3)',
    '',
    '（编辑：陈承功）1130307',
    '',
    '分享到 Facebook LINE',
    '',
  ].join('\n');
  const { doc } = parseNews(page, 'p.md', 'p');
  // the text a brief can quote: a picture's caption stays with its picture
  const all = [...docSegments(doc)].filter((v) => v.role !== 'caption').map((v) => v.segment.text).join('\n');
  it('reads the bracketed dateline as the outlet and keeps it out of the text', () => {
    expect(doc.meta.outlet).toBe('中央社');
    expect(all).not.toMatch(/电）|中央社记者王小明/);
    expect(all).toContain('行政院会今天通过数位韧性强化计划，4年投入新台币120亿元。');
  });
  it('keeps photo captions with a bracketed credit out of the content, with or without their picture', () => {
    expect(all).not.toMatch(/主持院会|提供）|摄 113年/);
    expect(all).toContain('数位发展部长林美玲说');
  });
  it('keeps related articles, the editor line with its date code and the share buttons out of the content', () => {
    expect(all).not.toMatch(/延伸阅读|相关新闻|修正草案|盘点|物价指数|陈承功|分享到/);
    expect(all).toContain('行政院表示，将于下周送交立法院审议。');
    expect(doc.meta.extra?.编辑).toBe('陈承功');
  });
  it('a list of links inside the article, under no related-articles label, stays content', () => {
    const { doc: d } = parseNews('# 标题\n\n第一段的内容说明了三份文件。\n\n- [文件一](https://e.org/1)\n- [文件二](https://e.org/2)\n\n第三段的内容说明了后续安排。\n', 'l.md', 'l');
    expect(allText(d)).toContain('文件一');
  });
});

describe('editor markup a Markdown parser does not read (HackMD, VuePress, Docusaurus)', () => {
  const md = [
    '# 社群月报',
    '',
    ':::info',
    '本月报由社群共同编辑，每月上旬更新。',
    ':::',
    '',
    '本次黑客松共有十五组提案，三组获得补助。',
    '',
    ':::success',
    '专案共笔：https://example.org/a',
    ':::',
    '',
    '* 韧性检测 [name=发表者 某甲]',
    '* 离线防灾资料库 [name=发表者 某乙] [time=Sat, Mar 2, 2024]',
    '',
    ':::tip 提示',
    '报名将于下周一截止。',
    ':::',
  ].join('\n');
  const { doc } = parseNews(md, 'h.md', 'h');
  const all = allText(doc);
  it('drops container fences and author tags, keeps what the containers hold, every place the file’s', () => {
    expect(all).not.toMatch(/:::|info|success|tip|name=|time=|发表者/);
    expect(all).toContain('本月报由社群共同编辑，每月上旬更新。');
    expect(all).toContain('报名将于下周一截止。');
    const seg = [...docSegments(doc)].find((v) => v.segment.text.startsWith('本次黑客松'))!;
    expect(seg.segment.place).toEqual({ line: 7, column: 1 });
    expect(all).toMatch(/韧性检测$/m);
  });
});

describe('a wiki news article: a date-only dateline and its sources at the end', () => {
  const md = [
    '# 某市宣布明年起公交票价调整',
    '',
    '【2024年3月7日讯】某市交通局今天宣布，自明年1月1日起，市区公交全票由2元调整为3元。',
    '',
    '交通局长王大同表示：“这次调整是十年来首次，主要反映燃料与人事成本上涨。”',
    '',
    '## 来源',
    '',
    '* [某市公交明年涨价 全票3元](https://example.org/news1)，某通讯社，2024年3月7日',
    '* 《某市公交票价调整方案》，某市交通局，2024年3月',
    '',
    '## 外部链接',
    '',
    '* [某市交通局](https://example.org/dot)',
  ].join('\n');
  const { doc } = parseNews(md, 'w.md', 'w');
  it('keeps the bracketed date out of the lead', () => {
    expect(allText(doc)).toMatch(/^某市交通局今天宣布/m);
    expect(allText(doc)).not.toContain('【2024年3月7日讯】');
  });
  it('reads the sources as back matter, which selection skips, and drops the closing list of lone links', () => {
    const back = [...allSections(doc.sections)].filter((s) => s.kind === "notes").map((s) => s.heading);
    expect(back).toEqual(['来源']);
    expect(allText(doc).split('\n')).not.toContain('某市交通局');
    const { brief } = selectBrief(doc, []);
    const items = brief.slots.flatMap((s) => s.items.map((i) => i.text)).join('\n');
    expect(items).not.toMatch(/通讯社|调整方案》|交通局\]/);
  });
});
