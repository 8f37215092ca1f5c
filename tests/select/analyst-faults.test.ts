// Faults an analyst finds reading real briefs (#14, faithful selection): each on a small made-up input.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { formulaicScore } from '../../pipeline/select/formulaic.js';
import { exclusionOf, howQuestion } from '../../pipeline/select/exclude.js';
import { definitionCue, firstPerson } from '../../pipeline/select/cues.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { nounPhraseItem } from '../../pipeline/select/structure.js';
import { withoutNoteMarks } from '../../pipeline/select/note-marks.js';
import { hasRunInLabel, stripMarker } from '../../pipeline/select/pick.js';
import { isCommonWord, missingConcepts } from '../../pipeline/select/terms.js';
import type { Brief } from '../../pipeline/model.js';
import { doc, list, para, resetLines, section, term } from '../fixtures/select/build.js';

const items = (b: Brief, slot?: string) => b.slots.filter((s) => !slot || s.name === slot).flatMap((s) => s.items.map((i) => i.text));

describe('genre formulas lose to figures and measures', () => {
  it('words set apart from their figure by spaces (PDF text) are still what the figure measures', () => {
    expect(formulaicScore('全市地区生产总值增长 5.2%，城镇调查失业率 4.4%。')).toBe(0);
    expect(formulaicScore('全市地区生产总值增长5.2%，城镇调查失业率4.4%。')).toBe(0);
  });

  it('a number that is no figure (an anniversary) does not make the words beside it concrete', () => {
    const plain = formulaicScore('各级人民政府应当依照国家有关规定建立健全制度。');
    expect(plain).toBeGreaterThan(0.5);
    expect(formulaicScore('各级人民政府应当依照国家有关规定建立健全制度 10 周年。')).toBeGreaterThan(0.5);
    expect(formulaicScore('各级人民政府应当依照国家有关规定建立健全制度10周年。')).toBeGreaterThan(0.5);
  });

  it('a weak sentence of another chapter is not lifted over strong ones to spread the findings', () => {
    resetLines();
    const facts = [
      '全市新建保障性住房 3.2 万套，地铁运营里程达到 836 公里，新开通公交线路 144 条。',
      '新设立外资企业 1700 家，实际利用外资增长 12%，研发投入强度达到 6.7%。',
      '全年完成造林绿化 20 万亩，森林覆盖率达到 44.9%，细颗粒物平均浓度下降 8%。',
      '城镇新增就业 28 万人，居民人均可支配收入增长 5.6%，基本养老金提高 3%。',
      '新建改建农村公路 1200 公里，改造老旧小区 300 个，新增养老床位 5000 张。',
      '接诉即办的诉求解决率达到 95%，群众满意率达到 96%，办理群众诉求 2000 万件。',
      '全年进出口总额增长 7%，服务贸易额突破 1 万亿元，新增国家级专精特新企业 200 家。',
    ];
    const d = doc('report', { title: '某市政府工作报告', institution: '某市人民政府' }, [
      section('chapter', '一、过去一年的工作', facts.map((f) => para(f))),
      section('chapter', '二、今年的工作', [para('各级人民政府应当按照国家有关规定，建立健全监督管理制度，依法履行职责，做好各项工作意义重大。')]),
    ]);
    const found = items(selectBrief(d, []).brief, 'findings');
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.some((t) => t.startsWith('各级人民政府'))).toBe(false);
  });
});

describe('what is not a finding', () => {
  it('a definition never leads the summary, and is a point only when nothing better is left', () => {
    expect(definitionCue('“开源许可证侵权” 是指在使用开源软件时未遵守许可证的条款。')).toBeDefined();
    expect(definitionCue('强项是指高于现行安全标准的差异项。')).toBeDefined();
    expect(definitionCue('开源软件的商业化是对其技术和服务的商业转化的总称。')).toBeDefined();
    expect(definitionCue('开源许可证侵权的诉讼在2023年增加了三成。')).toBeUndefined();
    resetLines();
    const d = doc('report', { title: '某行业报告', institution: '某研究院' }, [
      section('abstract', '摘要', [
        para('“数据托管” 是指企业把数据交给第三方平台保存和管理的做法。'),
        para('2023年数据托管市场规模达到 320 亿元，比上年增长 18%，中小企业的采用率首次超过三成。'),
        para('托管平台的安全事件集中在权限配置错误，占全部事件的六成以上。'),
      ]),
      section('chapter', '一、市场', [para('托管服务的价格在两年内下降了 40%，头部三家平台占据七成份额。')]),
    ]);
    const b = selectBrief(d, []).brief;
    const summary = items(b, 'bottomLine');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.some((t) => t.includes('是指'))).toBe(false);
  });

  it('a sentence naming the document’s own title, or pointing at its appendix, is about the document', () => {
    expect(exclusionOf('附录C提供了开展纠正行动收益成本分析的一般方法。')).toBe('meta');
    expect(exclusionOf('附件2列出了各地区的试点名单。')).toBe('meta');
    expect(exclusionOf('附录所列的试点地区在2023年全部完成了改造。')).toBeUndefined();
    resetLines();
    const title = '城市供水安全评价 第1部分：通用要求';
    const d = doc('report', { title }, [
      section('chapter', '引言', [
        para('《城市供水安全评价 第1部分：通用要求》为上述8项标准之一，可为供水安全评价各阶段的工作提供指导。'),
        para('《城市供水安全评价》由8个部分组成，除通用要求外，其余各部分分别对应一个评价要素。'),
        para('城市供水安全评价应每五年开展一次，评价范围包括水源、水厂和管网三个环节。'),
        para('供水企业是供水安全评价的责任主体，可以委托外部机构开展评价，但主体责任不转移。'),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('《城市供水安全评价 第1部分').excluded).toBe('meta');
    expect(of('《城市供水安全评价》由').excluded).toBe('meta');
    expect(of('城市供水安全评价应每五年').eligible).toBe(true);
    const all = items(selectBrief(d, []).brief);
    expect(all.some((t) => t.includes('《'))).toBe(false);
  });

  it('the body of a term entry is never an item without its term', () => {
    resetLines();
    const d = doc('report', { title: '某评价导则' }, [
      section('chapter', '术语和定义', [
        para('总体评价 global assessment'),
        para('对在全部要素评价中发现的所有弱项和强项进行平衡考虑之后对设施安全作出的综合评价。'),
        para('3.2 差异项'),
        para('对照现行标准发现的设施现状与安全基准之间的不一致。'),
        para('5.6.2 评价大纲制定'),
        para('评价大纲是项目团队开展评价工作的依据。'),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('对在全部要素').excluded).toBe('definition body');
    expect(of('对照现行标准').excluded).toBe('definition body');
    // a clause heading's body with its own subject is a sentence
    expect(of('评价大纲是项目团队').eligible).toBe(true);
  });

  it('a run-in list label is not part of the item: the sentence after it is', () => {
    const t = '版权声明和署名的忽略：许多开源许可证要求在复制、分发或修改软件时保留版权声明和作者署名。';
    expect(stripMarker(t)).toBe('许多开源许可证要求在复制、分发或修改软件时保留版权声明和作者署名。');
    expect(hasRunInLabel(t)).toBe(true);
    // a lead-in, a speaker's words or a short tail are not a label and its text
    expect(stripMarker('执行阶段的工作包括：评价人员开展各要素的评价工作，编制评价报告。')).toMatch(/^执行阶段/);
    expect(stripMarker('发言人表示：政府将在年内完成修法程序并公布实施细则。')).toMatch(/^发言人表示/);
    expect(stripMarker('结论：可行。')).toBe('结论：可行。');
    // a colon a reader left behind when it took the bold label before it apart opens no item
    expect(stripMarker('：线上公众号推广、社群转发和线下活动扫码共回收问卷2,000份。')).toBe('线上公众号推广、社群转发和线下活动扫码共回收问卷2,000份。')
    // a calculation's label names what it computes: without it the item is a bare sum
    expect(stripMarker('年工作日：365天-104天（休息日）-11天（法定节假日）＝250天')).toBe('年工作日：365天-104天（休息日）-11天（法定节假日）＝250天');
    // a colon inside a bracket the sentence opened (a name and its gloss) is no label's: the subject stays
    const bio = '李某（英语：Li Mou，1980年5月1日－），中国男演员，曾为三人组合成员，2001年推出首张个人专辑。';
    expect(stripMarker(bio)).toBe(bio);
    expect(hasRunInLabel(bio)).toBe(false);
    // a label with its own closed bracket is still a label
    expect(stripMarker('渠道（线上）：公众号推广、社群转发和线下活动扫码共回收问卷2,000份。')).toBe('公众号推广、社群转发和线下活动扫码共回收问卷2,000份。');
  });

  it('a list run into a long lead-in keeps its lead: only a label before ：1. goes, never the clause that says who decided', () => {
    const ruling = '某市中级人民法院于2013年1月5日作出（2012）某民初字第8号民事判决：1.确认被告收取费用的行为无效；2.被告返还原告15元。';
    expect(stripMarker(ruling)).toBe(ruling);
    expect(stripMarker('主要措施：1.降低小微企业税率。')).toBe('降低小微企业税率。');
  });

  it('a speaker’s first person goes to nobody’s findings; a transcript’s decisions come before its answers', () => {
    expect(firstPerson('我认为资本市场将会有所变革。')).toBe(true);
    expect(firstPerson('首先，我们分析了众多的商业模式。')).toBe(true);
    expect(firstPerson('我国的数字经济规模达到50万亿元。')).toBe(false);
    // a Traditional source is selected in its own characters
    expect(firstPerson('比較重要的是，我們會開始進行海域的研究。')).toBe(true);
    expect(firstPerson('我覺得這個方向是對的。')).toBe(true);
    resetLines();
    const d = doc('report', { title: '投资人访谈' }, [
      section('chapter', '一、访谈', [], [
        section('section', '资本市场对开源的投入为何趋于冷静？', [
          para('我认为中国的资本市场和早期科技投资领域将会有所变革，需要各方共同探索。'),
          para('我们分析了众多的商业模式，发现一级市场也在发生显著变化，美元基金的份额明显下降。'),
          para('2023年开源企业的融资额比上年下降了 45%，早期项目的融资轮次明显变少。'),
        ], [], 2),
      ]),
      section('chapter', '二、市场', [para('开源商业公司的总市值在五年内增长到 5000 亿美元，云托管是主要的收入来源。'), para('按量计费成为云托管服务的主流定价方式，订阅制的份额下降到三成。')]),
    ]);
    const b = selectBrief(d, []).brief;
    const main = [...items(b, 'bottomLine'), ...items(b, 'findings')];
    expect(main.length).toBeGreaterThan(1);
    expect(main.some((t) => /^我/.test(t))).toBe(false);

    resetLines();
    const t = doc('news', { title: '部会记者会' }, [
      section('section', '', [], [
        section('section', '发言人：', [para('各位媒体朋友：'), para('院长裁示，修正草案通过，送立法院审议，并请各部会加强对外说明。')], [], 2),
        section('section', '记者：', [para('请问修法之后会不会影响言论自由？')], [], 2),
        section('section', '部长 王某：', [para('这个问题大家都很关心，联合国今年也有发布手册，封面上把假新闻划掉了。')], [], 2),
      ]),
    ]);
    const units = collectUnits(t);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('院长裁示').answer).toBeUndefined();
    expect(of('这个问题大家').answer).toBe(true);
  });

  it('a line tagged as another language or written with Bopomofo is a slogan, not a finding', () => {
    expect(exclusionOf('（台语）现在是彼一天，勇敢的台湾人。')).toBe('other language');
    expect(exclusionOf('现在是彼一天，勇敢ㄟ台湾人。')).toBe('other language');
    expect(exclusionOf('（三）加强数据安全保护，建立分类分级制度。')).toBeUndefined();
  });
});

describe('key terms belong to the text', () => {
  it('a word a third of all documents use is no key concept, however often this one does', () => {
    expect(isCommonWord('模型')).toBe(true);
    const text = '文本纠错模型在本次评测中表现最好。'.repeat(3) + '模型的参数规模继续扩大，模型训练的数据也在增加。'.repeat(4);
    const found = missingConcepts('x', [{ text, line: 1, column: 1 }], []).map((m) => m.text);
    expect(found).not.toContain('模型');
  });

  it('a name in a note that gives the source is not a key term', () => {
    resetLines();
    const paper = term('澎湃新闻', 'The Paper', 'organisation');
    const d = doc('report', { title: '开源商业化' }, [
      section('chapter', '一、政策', [para('上海将积极参与数字公共产品的国际合作，开源产业的规划正在起草（消息来自澎湃新闻）。'), para('开源产业的规划明确了三年的发展目标，覆盖软件和硬件两个方向。')]),
    ]);
    const b = selectBrief(d, [paper], { findTerms: (s) => (s.includes('澎湃新闻') ? [{ term: paper, start: s.indexOf('澎湃新闻'), end: s.indexOf('澎湃新闻') + 4 }] : []) }).brief;
    expect(b.terms.map((t) => t.text)).not.toContain('澎湃新闻');
  });
});

describe('lines about the text or the room, not its content', () => {
  it('credits, pointers to a table, a standard in a reference list and a report to the room are never items', () => {
    expect(exclusionOf('编辑：王某某，概述修订及审核：李某某')).toBe('meta');
    expect(exclusionOf('跟各位报告，刚刚有记者提到禁渔的部分，现阶段的完全禁渔区已经划定。')).toBe('meta');
    expect(exclusionOf('协议的具体流程见表 5.5.1。')).toBe('caption');
    // a paper in Chinese names its tables and figures in English
    expect(exclusionOf('得出的结果如Table 3所示。')).toBe('caption');
    expect(exclusionOf('模型的整体结构见Fig. 2。')).toBe('caption');
    expect(exclusionOf('Table 3中的结果表明，集成模型的F0.5比单模型提高了5个百分点。')).toBeUndefined();
    expect(exclusionOf('跟各位報告，剛剛有記者提到禁漁的部分，現階段的完全禁漁區已經劃定。')).toBe('meta');
    expect(exclusionOf('編輯：王某某，審核：李某某')).toBe('meta');
    expect(exclusionOf('HAD 103/11 核动力厂定期安全评价。')).toBe('citation');
    // content that names a table or an editor stays content
    expect(exclusionOf('表中的数据显示，协议的通信开销比上一版下降了 30%。')).toBeUndefined();
    expect(exclusionOf('编辑部在2023年收到的投稿比上年增加了一倍。')).toBeUndefined();
  });

  it('a transcript turn (a sentence with its speaker) in the first person is talk, not a point', () => {
    resetLines();
    const d = doc('news', { title: '国家公园记者会' }, [
      section('section', '', [
        para('比较重要的是，我们会开始进行海域经营管理规划的研究，希望研究在两年内完成初步的结果。', { speaker: { name: '某局长' } }),
        para('国家公园的陆域面积约 370 公顷，占总面积的 1%，其余都是海域。'),
      ]),
    ]);
    const units = collectUnits(d);
    expect(units.find((u) => u.segment.text.startsWith('比较重要的是'))!.spoken).toBe(true);
    expect(units.find((u) => u.segment.text.startsWith('国家公园'))!.spoken).toBeUndefined();
  });

  it('the document naming itself is no key concept', () => {
    const text = '本法规定的个人信息处理者应当履行义务。'.repeat(6);
    expect(missingConcepts('x', [{ text, line: 1, column: 1 }], []).map((m) => m.text)).not.toContain('本法规定');
  });
});

describe('the running of an event is not its content', () => {
  it('a moderator’s order of proceedings, opening the floor and closing are never items, nor any turn of theirs', () => {
    expect(exclusionOf('流程会先请王副局长简报，再请部长说几句话，我们现在就先开始，请副局长。')).toBe('meta');
    expect(exclusionOf('如果没有其他问题，我们今天记者会就到这边。')).toBe('meta');
    expect(exclusionOf('接下来开放提问，请媒体朋友举手。')).toBe('meta');
    expect(exclusionOf('好，请台视。')).toBe('meta');
    expect(exclusionOf('谢谢副局长。')).toBe('meta');
    // thanks or a request with content is content
    expect(exclusionOf('感谢各县市政府的配合，今年的申报件数比去年增加了三成。')).toBeUndefined();
    expect(exclusionOf('请民众在年底前完成申报，逾期将依法处罚。')).toBeUndefined();
    expect(exclusionOf('我们现在进行答问，请问媒体朋友有没有问题。')).toBe('meta');
    // a product's users asking questions is not the floor opened
    expect(exclusionOf('该工具允许用户上传自己的文档，并能通过大模型对文档进行提问。')).toBeUndefined();
    resetLines();
    const d = doc('news', { title: '某法修法记者会' }, [
      section('section', '', [], [
        section('section', '主持人：', [para('我们先请副局长就修法的重点作简要的说明，之后由部长补充。')], [], 2),
        section('section', '王副局长：', [para('这次修法把电子文件的效力和纸本文件等同起来，施行之后民众可以在线上签约。'), para('修法也取消了行政机关以公告排除适用的做法，只保留法律明定的例外。')], [], 2),
        section('section', '主持人：', [para('如果没有其他问题，今天的记者会就到这边。')], [], 2),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    // the moderator's turn without any procedure words is theirs all the same
    expect(of('我们先请副局长').eligible).toBe(false);
    expect(of('这次修法').eligible).toBe(true);
    const b = selectBrief(d, []).brief;
    expect(items(b).some((t) => t.startsWith('我们先请') || t.includes('记者会'))).toBe(false);

    // a spokesperson who also closes the event: their long briefing is content
    resetLines();
    const s = doc('news', { title: '院会后记者会' }, [
      section('section', '', [], [
        section('section', '发言人：', [para('院长裁示，修正草案通过后送立法院审议。'), para('本次院会也通过了三项条例草案，涉及灾害防救和电子签章。'), para('各部会要在一个月内完成配套办法。')], [], 2),
        section('section', '部长：', [para('修正草案施行后，灾害期间散布谣言的最高罚金提高到一百万元。')], [], 2),
        section('section', '发言人：', [para('谢谢大家，记者会到此结束。')], [], 2),
      ]),
    ]);
    const su = collectUnits(s);
    expect(su.find((u) => u.segment.text.startsWith('院长裁示'))!.eligible).toBe(true);
  });
});

describe('a list item finishes its lead-in', () => {
  it('an item a lead-in opens never leads the summary, and one that is only a noun phrase is never an item', () => {
    expect(nounPhraseItem('（七）某某部1950年4月3日发布的《印章管理暂行办法》。')).toBe(true);
    expect(nounPhraseItem('（三）国家规定的其他情形；')).toBe(true);
    expect(nounPhraseItem('（一）加快建设现代化产业体系，推动制造业高端化发展；')).toBe(false);
    resetLines();
    const d = doc('news', { title: '某部关于企业适用收费办法有关问题的通知' }, [
      section('section', '一、关于适用的办法', [
        para('企业除适用《收费管理条例》外，还应适用以下办法：'),
        para('（一）某部1993年12月12日发布的《登记收费暂行办法》；'),
        para('（二）某部1950年4月3日发布的《印章管理暂行办法》。'),
        para('（三）2024年起新设立的企业，登记费减半收取，期限最长不超过三年；'),
      ]),
      section('section', '二、关于退费问题', [
        para('1993年12月31日前已设立的企业，因改征收费增加负担的，由企业提出申请，主管部门审核后退还多缴纳的费用，最长不超过5年。'),
        para('退费事宜由各地财政部门负责办理，各级国库要认真审核，严格把关。'),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('（二）某部').excluded).toBe('list fragment');
    expect(of('（三）2024年').listed).toBe(true);
    expect(of('（三）2024年').eligible).toBe(true);
    expect(of('退费事宜').listed).toBeUndefined();
    const b = selectBrief(d, []).brief;
    expect(items(b).some((t) => t.includes('发布的《'))).toBe(false);
    const summary = items(b, 'bottomLine');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.some((t) => t.startsWith('2024年起'))).toBe(false);
  });
});

describe('a report about itself without 本报告', () => {
  it('its title or its series as subject, saying what it does as a document, is meta', () => {
    resetLines();
    const d = doc('report', { title: '市场发展篇', outlet: '2023 某某行业年度报告' }, [
      section('chapter', '概述', [
        para('2023 某某行业年度报告以翔实的调查数据为核心，通过七大篇章全方位展现行业的发展。'),
        para('《市场发展篇》系统梳理了过去一年的市场格局和主要企业的表现。'),
        para('2023年行业市场规模达到 320 亿元，比上年增长 18%，中小企业的采用率首次超过三成。'),
        para('行业年度报告的发布机构在2023年新增了两家成员单位。'),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('2023 某某行业年度报告以').excluded).toBe('meta');
    expect(of('《市场发展篇》系统梳理').excluded).toBe('meta');
    expect(of('2023年行业市场规模').eligible).toBe(true);
    expect(of('行业年度报告的发布机构').eligible).toBe(true);

    // a title that names a subject (an encyclopedia's article) is not the document as subject
    resetLines();
    const w = doc('report', { title: '人工智能' }, [section('chapter', '概论', [para('人工智能的研究可以分为几个技术问题，其中推理和学习最受关注。')])]);
    expect(collectUnits(w)[0].eligible).toBe(true);
  });
});

describe('a document announcing its own publication', () => {
  it('not-ok: its purpose, then the verb of issuing and the document itself, is the preface’s formula', () => {
    expect(exclusionOf('为全面介绍新时代中国候鸟保护的理念、实践和成效，特发布本白皮书。')).toBe('meta');
    expect(exclusionOf('为推动数据要素市场健康发展，现印发本方案。')).toBe('meta');
    expect(exclusionOf('为此，特编写本报告。')).toBe('meta');
  });
  it('ok: issuing something else, or the document doing something, stays', () => {
    expect(exclusionOf('国家林业和草原局于2029年发布了第一批国家重要湿地名录。')).toBeUndefined();
    expect(exclusionOf('为加强候鸟保护，各地制定了迁飞通道保护方案。')).toBeUndefined();
    expect(exclusionOf('国务院于2030年印发本方案的实施细则，明确了各部门的职责分工。')).toBeUndefined();
  });
});

describe('who is talking is not what is said', () => {
  it('a speaker introducing themselves (name, role, workplace) is not a point', () => {
    expect(exclusionOf('我是 Apache Foo 的 PMC 成员，在社区比较活跃。')).toBe('meta');
    expect(exclusionOf('我叫王小明，来自杭州。')).toBe('meta');
    expect(exclusionOf('我目前在一家创业公司工作，负责网关产品的研发。')).toBe('meta');
    expect(exclusionOf('我现在是某某大学的学生，读大三。')).toBe('meta');
    // what the speaker did or thinks stays
    expect(exclusionOf('我是在大四那年第一次接触开源项目的。')).toBeUndefined();
    expect(exclusionOf('我在大学接到的第一个项目是一套内容管理系统，需要独立负责前后端。')).toBeUndefined();
    expect(exclusionOf('我认为开源社区的成员应该先学会协作。')).toBeUndefined();
  });
});

describe('a speaker running their session', () => {
  it('what the speaker will show, share or do later, and how to ask, are not findings', () => {
    expect(exclusionOf('我会放两部影片，来解释目前对开放政府的一些做法。')).toBe('meta');
    expect(exclusionOf('如果没有太多问题的话，我就开始放影片。')).toBe('meta');
    expect(exclusionOf('今天跟大家分享我们在农村推广数位工具的经验。')).toBe('meta');
    expect(exclusionOf('如果已经有人问了，按赞就可以了，等一下会用按赞的数量来决定回答的顺序。')).toBe('meta');
    expect(exclusionOf('提问的方式，是大家有问题就会显示在这边。')).toBe('meta');
    expect(exclusionOf('刚刚看到很多朋友上线了，先讲一下今天讨论的程序。')).toBe('meta');
    expect(exclusionOf('在那之后，接下来的三十五分钟完全由各位所提的问题决定。')).toBe('meta');
    expect(exclusionOf('结束之后，大家问的问题还是会在这一个网址。')).toBe('meta');
    // what the speaker's office does, and the matter itself, stay
    expect(exclusionOf('我们会开始进行海域经营管理规划的研究，希望两年内完成。')).toBeUndefined();
    expect(exclusionOf('我们把公开的讨论放到线上，每个月有上万人参与连署。')).toBeUndefined();
    expect(exclusionOf('政府在网路上分享开放资料，今年新增了三百个资料集。')).toBeUndefined();
  });
});

describe('a headline, an editor’s note and a glossary are not findings', () => {
  it('a listed topic with 如何 as its predicate and no question mark is a question', () => {
    expect(howQuestion('中国开源力量如何利用价格战与彻底开源突出重围。')).toBe(true);
    expect(howQuestion('开源如何打破技术垄断，让开源模型与闭源模型短兵相接；')).toBe(true);
    // 如何 as a verb's object, or after 是, is a statement
    expect(howQuestion('为了应对这些挑战，研究的重点开始转向如何提升效率并实现端侧部署。')).toBe(false);
    expect(howQuestion('很多公司还在摸索如何找到一个可持续的盈利模式。')).toBe(false);
    expect(howQuestion('模型通过学习未标记的数据理解世界是如何运作的。')).toBe(false);
    expect(howQuestion('法律和监管机构正面临如何平衡创新与防范造假的难题。')).toBe(false);
    resetLines();
    const d = doc('report', { title: '某技术年度报告' }, [
      section('chapter', '概述', [
        para('您将会看到：'),
        para('（一）中国开源力量如何利用价格战与彻底开源突出重围。'),
        para('2024年开源模型的下载量增长了三倍，企业采用率超过四成。'),
        para('业界正在共同研究如何应对深度伪造带来的安全挑战，已有十家机构加入。'),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('（一）中国开源力量').excluded).toBe('question');
    expect(of('业界正在共同研究').eligible).toBe(true);
  });

  it('an editor’s note is the editors speaking: a line of its own is meta, one in brackets leaves the item', () => {
    expect(exclusionOf('编者按：本文根据演讲整理，有删节。')).toBe('meta');
    expect(withoutNoteMarks('一款开源模型可能会在推理测试中超越闭源模型（编者按：已有两家正在超越）。')).toBe('一款开源模型可能会在推理测试中超越闭源模型。');
    expect(withoutNoteMarks('一款开源模型（参数为 70 亿）超越了闭源模型。')).toBe('一款开源模型（参数为 70 亿）超越了闭源模型。');
  });

  it('a list of terms and their explanations is a glossary', () => {
    resetLines();
    const d = doc('report', { title: '某技术年度报告' }, [
      section('chapter', '一、效率', [
        para('2024年端侧模型的推理速度提高了三倍，部署成本下降了 60%。'),
        list('常用的方法有：', ['模型压缩：减小模型大小的技术；', '知识蒸馏：将大模型的知识转移到小模型的方法；', '量化：降低模型数值精度以减少存储需求。']),
        list('', ['多代理系统（Multi-agent system）：由多个代理协同工作，以完成更复杂任务的系统。']),
        list('它的架构有三个模块：', ['配置器：负责安排和控制整体操作。']),
        list('', ['感知模块：用来理解现在的状态，相当于系统的感知器官。']),
        list('基准的作用：', ['标准化：有了公平的竞争环境，任何人都可以核实厂商的声明。', '进度跟踪：研究人员利用基准了解变化带来的影响。']),
      ]),
    ]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('模型压缩').excluded).toBe('glossary entry');
    expect(of('量化').excluded).toBe('glossary entry');
    expect(of('多代理系统').excluded).toBe('glossary entry');
    expect(of('感知模块').excluded).toBe('glossary entry');
    expect(of('标准化').eligible).toBe(true);
    expect(of('进度跟踪').eligible).toBe(true);
  });
});

describe('an official decision leads with what it decides', () => {
  it('the operative sentence (…决定：…) opens the summary of an official document, with its 决定', () => {
    resetLines();
    const d = doc('news', { title: '某市人民代表大会常务委员会关于批准发行地方债券的决议' }, [
      section('section', '', [
        para('某市第十届人民代表大会常务委员会第八次会议，听取了市财政局局长代表市人民政府对发行地方债券议案所作的说明，并对议案进行了审议。'),
        para('会议同意市人民政府提出的议案，同意财政经济委员会在审查报告中提出的意见和建议。'),
        para('会议决定：批准发行300亿元地方政府专项债券，批准2024年末债务余额限额调整为5200亿元。'),
      ]),
    ]);
    const plain = items(selectBrief(d, []).brief, 'bottomLine');
    resetLines();
    const official = { ...d, genre: 'official' as const };
    const summary = items(selectBrief(official, []).brief, 'bottomLine');
    expect(summary[0]).toMatch(/^会议决定：批准发行300亿元/);
    // the genre decides it: a news story's summary keeps the document's order
    expect(plain[0]).not.toMatch(/^会议决定/);
  });
});
