// Faults an analyst finds reading briefs of spoken texts — interviews, press conferences, speeches,
// transcribed talks (#14, faithful selection): each on a small made-up input.
import { describe, expect, it } from 'vitest';
import { selectBrief } from '../../pipeline/select/index.js';
import { biography, closingAside, discourseMarker, leaningComparison, leansOnTalk, remark, restart, spokenOrdinal, talkStructure, viewCue } from '../../pipeline/select/spoken.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { rankUnits } from '../../pipeline/select/rank.js';
import { decisionPrior } from '../../pipeline/select/genre/transcript.js';
import type { Unit } from '../../pipeline/select/units.js';
import { isCommonWord, missingConcepts } from '../../pipeline/select/terms.js';
import { genericConcept } from '../../pipeline/select/generic-concepts.js';
import type { Brief, SourceDoc } from '../../pipeline/model.js';
import { doc, para, resetLines, section, seg } from '../fixtures/select/build.js';

/** An interview's turns: the guest's (小李) answer, sentence by sentence, and a question asked. */
const answer = (t: string[]) => ({ type: 'paragraph' as const, segments: t.map((x) => seg(x, { speaker: { name: '小李' } })) });
const ask = (t: string) => ({ type: 'paragraph' as const, segments: [seg(t, { asked: true })] });

const items = (b: Brief, slot?: string) => b.slots.filter((s) => !slot || s.name === slot).flatMap((s) => s.items.map((i) => i.text));

/** A made-up interview: a question, then the guest's answer, sentence by sentence. */
function interview(answers: string[][], title = '某部长专访'): SourceDoc {
  resetLines();
  const turns = answers.flatMap((a, k) => [
    section('section', '问：', [{ type: 'paragraph', segments: [seg(`第${k + 1}个问题是关于什么的呢？`, { asked: true })] }]),
    section('section', '王部长：', [{ type: 'paragraph', segments: a.map((t) => seg(t, { speaker: { name: '王部长' } })) }]),
  ]);
  return doc('news', { title }, turns);
}

describe('a discourse marker or hedge opening a sentence', () => {
  it('is recognised, and only as a marker (那些, 对于 are words)', () => {
    expect(discourseMarker('我想，从我们的角度来看，这是一个新的选择。')).toBe('我想，');
    expect(discourseMarker('其实每个项目的背后都是一个社区。')).toBe('其实');
    expect(discourseMarker('那我们就从明年开始试办。')).toBe('那');
    expect(discourseMarker('好比像说跨境诈骗，这是很明确的例子。')).toBe('好比像说');
    expect(discourseMarker('就是说，这些元件都会开放出来。')).toBe('就是说');
    expect(discourseMarker('像乌克兰的系统，它在战争前是提供政府服务的一个 APP。')).toBe('像');
    expect(discourseMarker('大家可能知道现在网路上很多广告平台都有假名人的投资广告。')).toBe('大家可能知道');
    expect(discourseMarker('那些渔船每年都会越界。')).toBeUndefined();
    expect(discourseMarker('像素越高的相机，价格越贵。')).toBeUndefined();
    expect(discourseMarker('对于越界的渔船，罚款提高了四成。')).toBeUndefined();
    expect(discourseMarker('我想要的是一个开放的平台。')).toBeUndefined();
    // a marker given as a reason, or agreeing with the question, is still a marker
    expect(discourseMarker('因为我们知道，英国政府有投资这家卫星公司。')).toBe('因为我们知道，');
    expect(discourseMarker('确实，协作只保证大家好好讨论，不一定会采纳。')).toBe('确实，');
    expect(discourseMarker('因为卫星的覆盖不足，今年只能在北部验测。')).toBeUndefined();
    expect(discourseMarker('确实需要的民众可以申请补助。')).toBeUndefined();
  });

  it('makes a sentence rank below a clean statement in a spoken text; its words are never rewritten', () => {
    const d = interview([
      ['我想，从我们的角度来看，这个低轨卫星的合作不只是多了一个选择，也是英国愿意一起联防的表示。', '英国政府持有卫星公司的特别股，对战略决定有最后的否决权。'],
      ['其实跨境诈骗是境外资讯操弄很明确的例子，我们会和英国一起处理。', '两国今年会在三个领域展开数位韧性的合作，包括卫星、资安和数位身份。'],
    ]);
    const b = selectBrief(d, []).brief;
    const summary = items(b, 'bottomLine');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.some((t) => discourseMarker(t))).toBe(false);
    // nothing in the brief is a sentence with its marker cut off (words put in the speaker's mouth)
    for (const t of items(b)) expect(t.startsWith('从我们的角度来看')).toBe(false);
  });
});

describe('a speaker describing their own talk', () => {
  it('names a part and its point, announces what comes next, or thanks the speaker before', () => {
    expect(talkStructure('第一段的重点是有关于生态保护部分的想法及作为，现阶段预计明年完成草案。')).toBe(true);
    expect(talkStructure('我们分两段重点：第一段的重点是有关于生态保护部分的想法。')).toBe(true);
    expect(talkStructure('我今天要讲三件事，都和开放政府有关。')).toBe(true);
    expect(talkStructure('接下来我要介绍我们在农村推广的数位工具。')).toBe(true);
    expect(talkStructure('很谢谢俊秀刚才的说明，接下来我就举实际应用的案例。')).toBe(true);
    // what the speaker then says is a statement
    expect(talkStructure('我要讲的是，开源并不等于免费。')).toBe(false);
    expect(talkStructure('接下来我们会在高纬度地区开始做初步的测试。')).toBe(false);
    expect(talkStructure('第一季的营收是去年同期的两倍。')).toBe(false);
    expect(talkStructure('这条公路分两段施工，第一段明年通车。')).toBe(false);
  });

  it('is never an item of a spoken text', () => {
    const d = interview([['第一段的重点是有关于海域保护的想法及作为，现阶段预计明年六月完成划设草案。', '每年九月至二月，底刺网作业不能在保护区的范围内进行。']]);
    const units = collectUnits(d);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('第一段的重点').excluded).toBe('meta');
    expect(of('第一段的重点').eligible).toBe(false);
    expect(of('每年九月').eligible).toBe(true);
  });
});

describe('a spoken ordinal that answers a question', () => {
  it('is recognised as said (第一个，… 第二是…, a count and its first item), not a written 第一，', () => {
    expect(spokenOrdinal('第一个，是明示电子签章跟数位签章的关系。')).toBe(true);
    expect(spokenOrdinal('第二点就是安全的部分比较能够确保。')).toBe(true);
    expect(spokenOrdinal('第二是有关安全的部分，交易的安全比较能够确保。')).toBe(true);
    expect(spokenOrdinal('电子签章的好处有三个：第一个是快速。')).toBe(true);
    expect(spokenOrdinal('第一，我们今年的罚款总额比前一期高了三成五。')).toBe(false);
    expect(spokenOrdinal('第一季的营收是去年同期的两倍。')).toBe(false);
  });

  it('does not open the summary of a spoken text', () => {
    const d = interview([
      ['第一个，是明示电子签章跟数位签章的关系。', '新法通过之后，电子签章只要相对人不反对就可以用于线上签署，数位签章则要经过凭证单位认证。'],
      ['第二个，电子签章跟数位签章的关系比较明确。', '行政机关以后不能再用公告排除电子签章的使用，数位签章的认证也由凭证单位负责。'],
    ]);
    const summary = items(selectBrief(d, []).brief, 'bottomLine');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.some((t) => spokenOrdinal(t))).toBe(false);
  });
});

describe('a story, or a sentence that needs the turn before it', () => {
  it('is recognised: remembering, an occasion, the speaker then; a demonstrative, the next step, what was said before', () => {
    expect(leansOnTalk('我记得那时候我们去拜访了英国的数位服务团队。')).toBe('anecdote');
    expect(leansOnTalk('有一次，有五千个人到平台上连署一个新的物种。')).toBe('anecdote');
    expect(leansOnTalk('伦敦科技周邀请了一些人来分享，我们也有听到像某社区平台，它的一个创业家分享。')).toBe('anecdote');
    expect(leansOnTalk('我们听到专家分享的经验，决定明年试办。')).toBeUndefined();
    expect(leansOnTalk('我们听到民众的意见后，把申请期限延长到六月底。')).toBeUndefined();
    expect(leansOnTalk('我们的团队，就是我在刚加入内阁的时候，也是用这个概念在运行。')).toBe('anecdote');
    expect(leansOnTalk('这个部分我们会再跟县政府讨论。')).toBe('refers back');
    expect(leansOnTalk('接下来我们确实会在高纬度的地方开始做初步的验测。')).toBe('refers back');
    expect(leansOnTalk('刚刚县长也有提到，最重要的是渔船的防治。')).toBe('refers back');
    // "then" opening a turn's sentence: the consequence of what came before
    expect(leansOnTalk('那也变成是即时分享路况的重要工具。')).toBe('refers back');
    expect(leansOnTalk('那些船后来都被扣押了。')).toBe('refers back');
    expect(leansOnTalk('那霸机场的航班今天恢复正常。')).toBeUndefined();
    expect(leansOnTalk('以上是渔民的心声。')).toBe('refers back');
    // pointing at what the audience is shown (a map, a slide)
    expect(leansOnTalk('框线里面是季节性的禁渔区，全年禁止拖网。')).toBe('points at what is shown');
    expect(leansOnTalk('每年9月至次年2月，这一个范围内不能作业。')).toBe('points at what is shown');
    expect(leansOnTalk('大家可以看到，图上这个位置就是新的港口。')).toBe('points at what is shown');
    expect(leansOnTalk('红色的部分是今年新划设的保护区。')).toBe('points at what is shown');
    // a policy's red line, a green economy: not pointing at anything
    expect(leansOnTalk('生态保护红线以内禁止开发建设活动。')).toBeUndefined();
    expect(leansOnTalk('绿色发展是今年工作的重点，全县新增光伏装机20万千瓦。')).toBeUndefined();
    expect(leansOnTalk('保护区每年九月至二月禁止底刺网作业。')).toBeUndefined();
    expect(leansOnTalk('记得带身份证件的民众可以当场办理。')).toBeUndefined();
    // an answer that leaves its subject to the question
    expect(leansOnTalk('可以用简讯或者是聊天机器人的方式，把讨论带到熟悉的地方去。')).toBe('refers back');
    expect(leansOnTalk('可以申请的民众明年起增加到五万人。')).toBeUndefined();
  });

  it('ranks below a statement that stands alone in a spoken text', () => {
    const d = interview([
      ['我记得那时候我们去拜访英国的数位服务团队，他们的数位服务已经运行了十年。', '英国的数位服务团队负责政府网站的设计，十年来整合了两千个政府网站。'],
      ['接下来我们确实会和英国的数位服务团队一起整合政府网站的服务。', '两国会交换数位服务的设计标准，明年起整合双方的政府网站服务。'],
    ]);
    const b = selectBrief(d, []).brief;
    const chosen = [...items(b, 'bottomLine'), ...items(b, 'keyPoints')];
    expect(chosen.length).toBeGreaterThan(1);
    expect(chosen.slice(0, 2).some((t) => leansOnTalk(t))).toBe(false);
  });
});

describe('a remark around what the speaker has to say', () => {
  it('is recognised: a commonplace, the speaker saying what they are, a reaction, thanks or a greeting, a likeness, a how, a count announced', () => {
    expect(remark('「开放政府」里的「透明、参与」是大家比较常听到的。')).toBe('commonplace');
    expect(remark('作为项目管理委员会成员，小李为社区所做的贡献有目共睹。')).toBe('commonplace');
    expect(remark('我们是一个创业公司，所以会有很多事情要做。')).toBe('self-description');
    expect(remark('那片海域是鱼类的种源库，我不是潜水业者。')).toBe('self-description');
    expect(remark('只有十二平方公里，突然变成全县渔民的生计饭碗，很奇怪。')).toBe('reaction');
    expect(remark('首先感谢县长的协助，这是第二十二次的协作会议。')).toBe('thanks');
    expect(remark('「唐政委您好」其实叫我名字就好了。')).toBe('greeting');
    expect(remark('期待小李后续更精彩的表现，让我们一起关注这位年轻人的探索。')).toBe('wish');
    expect(remark('期待已久的新版本在三月发布，下载量一周内超过十万。')).toBeUndefined();
    expect(remark('讨论的过程就好像是在树下聊天一样，只是都会被记录下来。')).toBe('analogy');
    expect(remark('我们在政策履历里，可以看到不同部门的朋友们是怎么样发现自己的责任。')).toBe('how, not what');
    expect(remark('我发现大家在远程协作中普遍存在两个明显的问题。')).toBe('announces what follows');
    // statements: a fact about the speaker's office, a figure, a problem named, a result that is strange
    expect(remark('我们是第一个开放全部预算资料的部会。')).toBeUndefined();
    expect(remark('保护区每年九月至二月禁止底刺网作业，违者罚款三万元。')).toBeUndefined();
    expect(remark('远程协作的第一个问题是大家不敢问，不敢说。')).toBeUndefined();
    expect(remark('调查发现，渔获量下降的原因很奇怪地集中在冬季。')).toBeUndefined();
    expect(remark('谢绝参观的区域明年起开放三处。')).toBeUndefined();
  });

  it('ranks below a statement of the subject in a spoken text: the points are the statements', () => {
    const d = interview([
      [
        '开放政府里的透明和参与是大家比较常听到的。',
        '我们是一个跨部会的小团队，所以会有很多事情要做。',
        '国家公园的海域明年起划设为生态景观区，每年九月至二月禁止底刺网作业。',
        '景观区的面积是十二平方公里，占国家公园海域的千分之一点四。',
      ],
      [
        '只有十二平方公里的海域，突然变成全县渔民的生计，很奇怪。',
        '生态景观区的划设范围说明书草案预计明年六月完成，之后六个月内完成审查。',
        '海巡署明年会增加两艘巡防舰，在景观区内全天候巡逻，驱离越界渔船。',
      ],
      [
        '越界渔船的罚款从每艘八十六万元提高到一百二十三万元，增加了四成。',
        '当地渔民采集海菜的季节仍是每年十一月至三月，日常的渔业活动不受影响。',
        '县政府明年起辅导渔民转型为生态旅游的导览人员，第一年培训五十人。',
      ],
    ]);
    const b = selectBrief(d, []).brief;
    const chosen = [...items(b, 'bottomLine'), ...items(b, 'keyPoints')];
    expect(items(b, 'keyPoints').length).toBeGreaterThan(2);
    // with statements enough for every slot, no remark is an item
    expect(items(b).filter((t) => remark(t))).toEqual([]);
  });
});

describe('a guest’s own story in an interview', () => {
  it('is recognised: a stage of life, a year and the person, their role, their first contact, the guest as subject', () => {
    expect(biography('毕业后，他成为开源社区的深度参与者。')).toBe(true);
    expect(biography('到了大四，我接触到了开源项目，并开始关注开源社区。')).toBe(true);
    expect(biography('2003 年，我叔叔给我拼了一台电脑。')).toBe(true);
    expect(biography('作为项目的管理委员会成员，我有责任为社区寻找优秀的维护者。')).toBe(true);
    expect(biography('作为项目的管理委员会成员，小李为社区所做的贡献有目共睹。', ['小李'])).toBe(true);
    expect(biography('开源项目的背后是一个社区，开源精神在于邀请更多的人参与进来。', ['小李'])).toBe(false);
    expect(biography('远程协作的关键是把讨论写下来，让不同时区的人都能参与。', ['小李'])).toBe(false);
    expect(biography('他们的社区每年举办两次线下活动。')).toBe(false);
  });

  it('ranks below what the guest says about the subject', () => {
    resetLines();
    const d = doc('news', { title: '小李：一位开源维护者的成长之路' }, [
      section('section', '', [para('2022 年，开源社区的维护者小李入选了基金会成员，社区邀请他聊聊开源社区的协作。')]),
      section('section', '开源经历', [
        ask('你是怎么开始参与开源社区的？'),
        answer([
          '毕业后，我接触到了这个开源社区的项目，就参与进来了，开始在社区里做协作。',
          '到了大四，我开始关注开源社区，在社区里学习协作和代码评审。',
          '2018 年，我加入了一家做开源网关的创业公司，在社区里做代码评审。',
          '后来我成为了社区的维护者，负责社区新人的代码评审和协作。',
        ]),
        ask('你怎么看开源社区？'),
        answer([
          '开源社区的协作靠的是公开的讨论，每个决定都写在邮件列表里，任何人都能参与社区的评审。',
          '一个开源社区能否持续，取决于新人能否通过社区的代码评审和协作成为维护者。',
          '开源社区的代码评审和公开讨论，让不同公司的维护者能在社区里平等协作。',
          '社区的维护者要把协作的规则写成文档，新人才知道代码评审的标准。',
          '远程协作的社区需要异步的讨论，维护者不能要求所有人同时在线。',
          '开源社区的治理应该公开透明，维护者的提名也要在社区里公开讨论。',
        ]),
      ]),
    ]);
    const points = items(selectBrief(d, []).brief, 'keyPoints');
    expect(points.length).toBeGreaterThan(2);
    // the points are what the guest says about open source communities, the story at most once
    expect(points.filter((t) => biography(t, ['小李'])).length).toBeLessThanOrEqual(1);
  });
});

describe('key terms of a spoken text', () => {
  it('the whole of something common and the words of the speaking situation are no key concepts', () => {
    expect(genericConcept('全世界', isCommonWord)).toBe(true);
    expect(genericConcept('主持', isCommonWord)).toBe(true);
    expect(genericConcept('全民健保', isCommonWord)).toBe(false);
    expect(genericConcept('开放政府', isCommonWord)).toBe(false);
    const said = [
      '我们希望全世界都来使用开放政府的工具。',
      '开放政府联络人每个月开一次会，由部会轮流「主持」。',
      '全世界有七十多个国家加入了开放政府伙伴关系。',
      '会议的「主持」要让每个人都有机会发言。',
      '开放政府的做法是把讨论的纪录公开给全世界看。',
      '这次由农委会「主持」，讨论农产品的标示。',
      '台湾的开放政府经验，全世界的公民科技社群都在参考。',
      '每一次「主持」都要有人做纪录。',
      '我们把开放政府的工具开源出来，全世界都可以用。',
      '轮到哪个部会「主持」，就由哪个部会准备议程。',
      '开放政府的国家行动方案每两年提出一次，全世界都看得到进度。',
    ];
    const found = missingConcepts('x', said.map((text, i) => ({ text, line: i + 1, column: 1 })), [], 5).map((m) => m.text);
    expect(found).toContain('开放政府');
    expect(found).not.toContain('全世界');
    expect(found).not.toContain('主持');
  });
});

describe('a talk that reads out the questions of the floor', () => {
  it('is answered by its speaker: the answers are the talk, not talk around announcements; a press conference keeps its order', () => {
    resetLines();
    const turn = (who: string, text: string) => section('section', `${who}：`, [para(text)], [], 2);
    const talk = doc('news', { title: '开放政府演讲' }, [
      section('section', '', [], [
        turn('唐凤', '各位朋友大家好，各部会每个月派联络人开一次月会，讨论平台上连署成案的提案。联络人由次长指定，多数部会有两三位。月会也请部会报告提案处理的情况。'),
        turn('唐凤', '提案连署满五千人就成案，主管部会要在两个月内回应。跨部会的提案由联络人协调分工。'),
        turn('唐凤', '有朋友问：部会开放的程度如何？'),
        turn('唐凤', '直接面对人民的部会，像农委会和交通部，早就有和利益关系人沟通的方法。'),
        turn('唐凤', '每个议题都有问答集，负责澄清谣言的人就不必花更多的时间。问答集在会后一周内公开。'),
        turn('主持人', '谢谢唐政委的分享。'),
      ]),
    ]);
    const units = collectUnits(talk);
    const of = (start: string) => units.find((u) => u.segment.text.startsWith(start))!;
    expect(of('直接面对人民的部会').answer).toBeUndefined();
    expect(of('每个议题都有问答集').answer).toBeUndefined();

    resetLines();
    const pc = doc('news', { title: '部会记者会' }, [
      section('section', '', [], [
        section('section', '发言人：', [para('各位媒体朋友：'), para('院长裁示，修正草案通过，送立法院审议。')], [], 2),
        turn('部长', '修正草案明年起施行，违规的平台最高罚款五百万元。'),
        turn('记者', '请问修法之后会不会影响言论自由？'),
        turn('部长', '言论自由是民主的基石，修法只处理造成危害的假讯息。'),
      ]),
    ]);
    const pu = collectUnits(pc);
    expect(pu.find((u) => u.segment.text.startsWith('院长裁示'))!.answer).toBeUndefined();
    expect(pu.find((u) => u.segment.text.startsWith('言论自由是'))!.answer).toBe(true);
  });
});

describe('a voice', () => {
  it('is a quote that stands alone: one opening with a connective (另外，…) reads without what it continues', () => {
    resetLines();
    const said = [
      seg('另外，景观区内每年九月至二月禁止底刺网作业，海巡署会增加巡防舰驱离越界渔船。', { speaker: { name: '王部长' } }),
      seg('国家公园的景观区明年六月完成划设，景观区内禁止底刺网作业，越界渔船一律驱离。', { speaker: { name: '王部长' } }),
    ];
    const d = doc(
      'news',
      { title: '景观区记者会' },
      [
        section('section', '', [
          para('内政部今天宣布，国家公园的海域明年起划设为生态景观区，每年九月至二月禁止底刺网作业。'),
          para('越界渔船的罚款从每艘八十六万元提高到一百二十三万元，海巡署会增加巡防舰驱离越界渔船。'),
        ]),
        section('section', '部长说明', [{ type: 'paragraph', segments: said }]),
      ],
      said.map((s) => ({ text: s.text, speaker: s.speaker, segmentId: s.id, place: s.place })),
    );
    const sel = selectBrief(d, [], { explain: true });
    const b = sel.brief;
    const v = items(b, 'voices');
    expect(v.length).toBe(1);
    expect(v[0].startsWith('另外')).toBe(false);
  });
});

describe('a frame or a restart in a sentence of talk', () => {
  it('recognises what a speaker flags before the statement (比较重要的是，… 当然… 实际上…) as a marker', () => {
    expect(discourseMarker('比较重要的是，我们会开始进行海域经营管理规划的研究。')).toBe('比较重要的是，');
    expect(discourseMarker('当然分析出来只是一个草案。')).toBe('当然');
    expect(discourseMarker('实际上，越界的渔船减少了两成五。')).toBe('实际上，');
    expect(discourseMarker('重要的文件都要在网上公开。')).toBeUndefined();
  });

  it('recognises a clause begun again with the words of the one before, not words repeated inside clauses', () => {
    expect(restart('我们会开始研究，我们希望长期而言，我们希望在这一个地方规划生态渔业。')).toBe('我们希望');
    expect(restart('实际上大陆越界的，就如次长所讲的，整个大陆越界的，整个越界驱离降了25％。')).toBe('大陆越界');
    expect(restart('他们现在还没有包含整个台湾，但是可能到年底就会开始包含整个台湾。')).toBeUndefined();
    expect(restart('一个国家的年轻人没有未来，这个国家必定没有未来。')).toBeUndefined();
  });

  it('keeps a count of what the turn before named (只有两次，…) out of the points that stand alone', () => {
    expect(leansOnTalk('只有两次，一次是在恒春讨论医疗资源，另外一次是到澎湖讨论四岛的案子。')).toBe('refers back');
    expect(leansOnTalk('只有两成的渔船在保护区外作业。')).toBeUndefined();
  });
});

describe('the summary of a spoken text', () => {
  it('is made of sentences said whole: not one opening with a frame, begun twice and cut to fit', () => {
    const long =
      '比较重要的是，我们会开始进行海域景观区经营管理规划的研究，希望这一个研究计划能够在明年完成初步的结果，然后针对越界渔船和底刺网作业再跟当地的学者专家或者是关心的朋友们来进行更细致的讨论，我们希望长期而言，我们希望在这一个海域景观区，能够把底刺网作业和越界渔船的部分规划更为妥适。';
    const d = interview([
      [long, '海域的景观区面积是三点五万公顷，每年九月至二月禁止底刺网作业。'],
      ['越界渔船的罚款总额今年是两千万元，比前一期高了三成五。', '海巡署明年会增加两艘巡防舰，驱离越界的渔船。'],
    ]);
    const summary = items(selectBrief(d, []).brief, 'bottomLine');
    expect(summary.length).toBeGreaterThan(0);
    for (const t of summary) {
      expect(t.endsWith('……')).toBe(false);
      expect(discourseMarker(t)).toBeUndefined();
    }
  });
});

describe('a guest’s view in an interview', () => {
  it('is recognised: what the guest holds, what matters or what something rests on — not a hedge or a task', () => {
    expect(viewCue('在我看来，真正的黑客是一群敢想敢做的极客。')).toBe('在我看来');
    expect(viewCue('我觉得乐于分享的精神在开源贡献者身上实现了完美的融合。')).toBe('我觉得');
    expect(viewCue('在远程协作中，沟通很重要。')).toBe('很重要');
    expect(viewCue('开源精神在于我们想实现自己的想法，把它公开出来。')).toBe('在于');
    expect(viewCue('其实我们不用顾虑这么多，只管大大方方请教。')).toBe('其实我们不用');
    expect(viewCue('我觉得，这个问题以后再说。')).toBeUndefined();
    expect(viewCue('我在大学接的第一个项目需要独立负责前端和数据库。')).toBeUndefined();
    expect(viewCue('开源不是免费，而是自由。')).toBe('不是免费，而是');
  });

  it('counts for more than the guest’s life story and pastimes around it', () => {
    resetLines();
    const d = doc('news', { title: '小李：一位开源维护者的成长之路' }, [
      section('section', '', [para('2022 年，开源社区的维护者小李入选了基金会成员，社区邀请他聊聊开源社区的协作。')]),
      section('section', '开源经历', [
        ask('你是怎么开始参与开源社区的？'),
        answer([
          '我在大学里做了很多外包项目，也在开源社区里学习代码评审和协作。',
          '我在一家创业公司负责开源社区的协作，带新人做代码评审。',
          '我还在开源社区的邮件列表里回答问题，帮新人做代码评审和协作。',
          '我也会组织开源社区的线下活动，带身边的同学学习代码评审和协作。',
        ]),
        ask('你怎么看开源社区？'),
        answer([
          '在我看来，开源的生命力在于新人能成为维护者。',
          '天气好的时候，我们会一起去爬山，拍一些视频。',
        ]),
      ]),
    ]);
    const ranked = rankUnits(collectUnits(d), d, () => []).ranked;
    const score = (start: string) => ranked.find((r) => r.unit.segment.text.startsWith(start))!.score;
    const reasons = (start: string) => ranked.find((r) => r.unit.segment.text.startsWith(start))!.priorReasons.join(', ');
    // the view counts for more than the sentences of the guest's life and pastimes around it
    expect(reasons('在我看来')).toMatch(/a view \(在我看来\)/);
    for (const story of ['我在大学里', '我也会组织', '天气好的时候']) expect(reasons(story)).not.toMatch(/a view/);
    expect(score('天气好的时候')).toBeLessThan(score('在我看来'));
  });
});

describe('a decision of a meeting’s record', () => {
  const prior = (text: string, decision: 'commitment' | 'ruling' | 'resolution') => decisionPrior({ decision, segment: { text } } as unknown as Unit).v;
  it('that names nothing it is about counts for less than a statement; one that names it, for more', () => {
    expect(prior('委员意见非常明确，我们会做修订。', 'commitment')).toBeLessThan(0);
    expect(prior('已知的部分，务必一定要改好。', 'ruling')).toBeLessThan(0);
    expect(prior('艺术领域的附录二拿掉，我们会在下次会议前做修订。', 'commitment')).toBeGreaterThan(0);
    expect(prior('课程纲要的基本理念我们会依照委员的意见重新改写。', 'commitment')).toBeGreaterThan(0);
    // a resolution under its label says what was settled, however short
    expect(prior('决议：照案通过。', 'resolution')).toBeGreaterThan(0);
  });
});

describe('points of a press conference that lean on the speaker or the turn before (#14, session 14)', () => {
  it('a comparison with what was said before (更是, 又变成) without its comparand in the sentence', () => {
    expect(leaningComparison('在去年内政部的公告更是跨了一大步。')).toBe('更是');
    expect(leaningComparison('单纯的保育活动，现在又变成政治人物作秀的工具。')).toBe('又变成');
    expect(leansOnTalk('在去年内政部的公告更是跨了一大步。')).toBe('refers back');
    // the sentence says what it adds to: it stands alone
    expect(leaningComparison('这不仅是技术问题，更是治理问题。')).toBeUndefined();
    expect(leaningComparison('参与方既是数据提供者，又是模型使用者。')).toBeUndefined();
    expect(leaningComparison('今年的罚款比去年更是高出四成。')).toBeUndefined();
    expect(leaningComparison('目前的生活课程，内容也是放在附录里。')).toBe('也是');
    expect(leaningComparison('和年金改革一样，长照体系也是一个社会总动员的过程。')).toBeUndefined();
    expect(leaningComparison('商业化能力是生态可持续发展的动力，也是企业面临的最大挑战。')).toBeUndefined();
    // 更加 and 更多 compare with nothing said
    expect(leaningComparison('明年将更加注重渔民的转型辅导。')).toBeUndefined();
    expect(leaningComparison('政府会投入更多经费改善渔港。')).toBeUndefined();
  });
  it('a feeling closing the sentence, and an aside about the speaker that breaks it off', () => {
    expect(remark('把保育人士当作假想敌来攻击，让人家心寒就很失望。')).toBe('feeling');
    expect(remark('每一个人都因为参与改变，而感到骄傲。')).toBe('feeling');
    expect(remark('我们很高兴地宣布新制度明年一月上路。')).toBeUndefined();
    expect(remark('跟当地的业者，我只是认识而已，我今年下去看了一看。')).toBe('self-description');
    expect(closingAside('那片海域是种源库，而且经过两年来的调查，我不是潜水业者。')).toBe('我不是潜水业者');
    expect(closingAside('跟当地业者的关系，我只是认识而已。')).toBe('我只是认识而已');
    expect(closingAside('我不是潜水业者。')).toBeUndefined();
    expect(closingAside('这项制度不是补助，而是贷款。')).toBeUndefined();
  });
  it('spoken frames: 说实在的, 我个人, 举例而言; another speaker’s words pointed at', () => {
    expect(discourseMarker('说实在的，这个案子拖了很久。')).toBeDefined();
    expect(discourseMarker('我个人，比较关心渔民的生计。')).toBeDefined();
    expect(discourseMarker('举例而言，早期当地都会捕食伯劳鸟。')).toBeDefined();
    expect(discourseMarker('我个人资料的保护由新法规范。')).toBeUndefined();
    expect(leansOnTalk('如同县长所说的，我们首要是打击越界渔船。')).toBe('refers back');
    expect(leansOnTalk('延续刚才的意见，附表的第一阶段确实不宜出现。')).toBe('refers back');
    expect(leansOnTalk('刚才的会议决定，附表的第一阶段删除。')).toBeUndefined();
    expect(leansOnTalk('您提到的很多是现在的身分验证技术，有的靠证件拍照上传。')).toBe('refers back');
    // a pointer back later in the sentence cites what was said for a statement made first
    expect(leansOnTalk('有两艘新船在明年三月启用，加强海域的查缉，刚刚主秘有提到今年越界渔船已经减少两成。')).toBeUndefined();
    expect(leansOnTalk('刚刚县长也有提到，最重要的是渔船的防治。')).toBe('refers back');
    expect(leansOnTalk('在刚开始有联络人制度的时候，次长说课责也很重要。')).toBe('anecdote');
  });
  it('rank below the announcements of the same press conference', () => {
    const d = interview([
      [
        '海巡署将加派两艘五百吨级巡防舰进驻澎湖，围堵越界渔船。',
        '在去年内政部的公告更是跨了一大步。',
        '单纯的保育活动，现在又变成政治人物作秀的工具，让人家心寒就很失望。',
        '澎湖海域是种源库，而且经过两年来的调查，我不是潜水业者。',
      ],
    ]);
    const ranked = rankUnits(collectUnits(d), d, () => []).ranked;
    const prior = (start: string) => ranked.find((r) => r.unit.segment.text.startsWith(start))!.prior;
    const reasons = (start: string) => ranked.find((r) => r.unit.segment.text.startsWith(start))!.priorReasons.join(', ');
    expect(reasons('在去年')).toMatch(/refers back/);
    expect(reasons('单纯的')).toMatch(/feeling/);
    expect(reasons('澎湖海域')).toMatch(/closes on an aside/);
    for (const weak of ['在去年', '单纯的', '澎湖海域']) expect(prior(weak)).toBeLessThan(prior('海巡署'));
  });
});
