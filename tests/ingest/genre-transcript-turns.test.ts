// Meeting minutes whose turns are headed by the speaker (### 王明：, **李华：**): turns with speakers,
// not sections named after people (ingest/genre/transcript-turns.ts); the record's procedure is never
// an item and what the meeting settled leads the summary (select/genre/transcript.ts). A made-up record.
import { describe, it, expect } from 'vitest';
import { ingest } from '../../pipeline/ingest/index.js';
import { docSegments, allSections } from '../../pipeline/ingest/walk.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { collectUnits } from '../../pipeline/select/units.js';
import { decisionCue, proceduralRemark, trailsOff } from '../../pipeline/select/genre/transcript.js';
import { speakerLabel } from '../../pipeline/ingest/genre/transcript-turns.js';
import { shortQuote } from '../../pipeline/select/news.js';

const enc = new TextEncoder();
const md = (text: string) => ingest({ slug: 't', file: 't.md', bytes: enc.encode(text), format: 'md' }).doc;

/** How a record sets its speaker labels: a heading, a bold line, run in bold, run in plain. */
type Form = 'heading' | 'bold line' | 'bold run-in' | 'run-in';
const FORMS: Form[] = ['heading', 'bold line', 'bold run-in', 'run-in'];

function turn(who: string, text: string, form: Form = 'heading'): string {
  if (form === 'bold line') return `**${who}：**\n\n${text}\n`;
  if (form === 'bold run-in') return `**${who}：**${text}\n`;
  if (form === 'run-in') return `${who}：${text}\n`;
  return `### ${who}：\n${text}\n`;
}

function minutes(form: Form = 'heading'): string {
  const t = (who: string, text: string) => turn(who, text, form);
  return [
    '# 2024-03-05 城市水务委员会第三次会议纪录',
    '',
    t('王明', '现在有十二位委员到场，会议正式开始。今天讨论供水管网改造方案。'),
    '> （委员同意。）',
    '',
    t('王明', '请李华委员报告。'),
    t('李华', '全市供水管网漏损率去年是14.2%，高于全国平均水平，主要集中在老城区的铸铁管段。改造方案计划三年内更换老旧管网320公里，总投资18亿元。'),
    t('张强', '召集人在国外，作为副召集人说明。'),
    t('张强', '郊区的二次供水泵房也有问题，六成泵房运行超过二十年，水压不稳的投诉去年增加了三成。'),
    t('王明', '也想请教张强委员和赵敏委员的意见。'),
    t('赵敏', '资金方面，市财政可以承担六成，其余通过专项债券解决，债券额度需要在六月前报省里审批。'),
    t('李华', '施工会影响交通，建议分片分期，每年先做漏损最严重的片区，夜间施工减少对居民的干扰。'),
    t('赵敏', '泵房改造应当和管网改造同步招标，避免重复开挖道路，节省约一成的施工费用。'),
    t('张强', '漏损率的目标建议定在三年后降到9%以下，并且每季度公开一次进度。'),
    t('王明', '经过讨论，委员会一致同意三年更换老旧管网320公里，每季度公开一次进度。'),
    t('赵敏', '还有一点是泵房的电费，泵房的电费每年都在涨，而且涨得很快...'),
    t('李华', '以下细节调整建议，不用记录。'),
  ].join('\n');
}

describe('minutes of speaker-labelled turns', () => {
  it('are read as turns with their speakers, not as sections named after the speakers', () => {
    for (const form of FORMS) {
      const doc = md(minutes(form));
      const headings = [...allSections(doc.sections)].map((s) => s.heading).filter(Boolean);
      expect(headings).toEqual([]);
      expect(doc.genre, form).toBe('transcript');
      expect(doc.kind).toBe('news');
      const seg = [...docSegments(doc)].find((v) => v.segment.text.startsWith('全市供水管网漏损率'))!.segment;
      expect(seg.speaker?.name, form).toBe('李华');
      // the label is no text of the turn's
      expect([...docSegments(doc)].some((v) => /^(?:李华|王明)：/.test(v.segment.text)), form).toBe(false);
      // the reading order stays that of the record, and the stage note keeps no speaker
      const texts = [...docSegments(doc)].filter((v) => v.role !== 'title').map((v) => v.segment.text);
      expect(texts.indexOf('请李华委员报告。')).toBeLessThan(texts.indexOf('召集人在国外，作为副召集人说明。'));
      const note = [...docSegments(doc)].find((v) => v.segment.text === '（委员同意。）')!;
      expect(note.segment.speaker).toBeUndefined();
    }
  });

  it('a report whose parts are labelled (案由：, 说明：, 决议：) is no transcript, nor is one speaker heading every part', () => {
    const parts = ['案由', '说明', '决议'];
    const agenda = ['# 某委员会会议纪要', '', ...[1, 2, 3].flatMap((n) => parts.map((p) => `### ${p}：\n第${n}案的${p}，内容写在这里，供委员审阅。\n`))].join('\n');
    const doc = md(agenda);
    expect(doc.genre).not.toBe('transcript');
    expect([...allSections(doc.sections)].filter((s) => s.heading).length).toBe(9);
    const talk = ['# 某某演讲', '', ...[1, 2, 3, 4].map((n) => turn('王明', `第${n}段讲的是水务改革的第${n}个方面，内容很多。`))].join('\n');
    expect(md(talk).genre).not.toBe('transcript');
  });

  it('the procedure is never an item; the decision leads the summary; the speakers are the voices', () => {
    const { brief } = selectBrief(md(minutes()), []);
    expect(brief.genre).toBe('transcript');
    const items = brief.slots.flatMap((s) => s.items);
    const all = items.map((i) => i.text).join('\n');
    for (const p of ['也想请教', '作为副召集人说明', '请李华委员报告', '不用记录', '涨得很快']) expect(all).not.toContain(p);
    const summary = brief.slots.find((s) => s.name === 'bottomLine')!.items;
    expect(summary[0].text).toContain('一致同意三年更换老旧管网320公里');
    const voices = brief.slots.find((s) => s.name === 'voices')!.items;
    expect(voices.length).toBeGreaterThanOrEqual(2);
    for (const v of voices) expect(['王明', '李华', '张强', '赵敏']).toContain(v.speaker?.name);
  });

  it('labels, procedure and decisions, one by one', () => {
    expect(speakerLabel('柯华葳：')).toBe('柯华葳');
    expect(speakerLabel('方委员:')).toBe('方委员');
    expect(speakerLabel('决议：')).toBeUndefined();
    expect(speakerLabel('一、总体要求：')).toBeUndefined();
    expect(proceduralRemark('我想请十五群的召集人田老师主持说明。')).toBe(true);
    expect(proceduralRemark('抱歉迟到，因为今天放榜。')).toBe(true);
    expect(proceduralRemark('首先表示我也很高兴看到生活课程的纲要，以下都是参考意见。')).toBe(true);
    expect(proceduralRemark('核心小组开会确认后，提供了一个电子版，请大家看一下这个版本。')).toBe(true);
    expect(proceduralRemark('经费、设备、法令、师资，是所有领纲都会提出的问题。')).toBe(false);
    expect(decisionCue('决议：照案通过。')).toBe(true);
    expect(decisionCue('主席裁示：由国教院办理。')).toBe(true);
    expect(decisionCue('艺术送交生活领域，这在 p46 达成共识的第 13 项。')).toBe(true);
    expect(decisionCue('这看起来还没有达成共识。')).toBe(false);
    expect(decisionCue('第二个，共识第三点，跨学制协调一定要做，但请主席裁示是由谁做这个工作。')).toBe(false);
    expect(decisionCue('是否已经达成共识？')).toBe(false);
    expect(trailsOff('一个是学习表现，一个是学习内容...')).toBe(true);
    expect(trailsOff('老师最会找错字了……')).toBe(true);
    expect(trailsOff('这是小组为难的地方。')).toBe(false);
  });
});

describe('a voice quoted from a turn', () => {
  it('keeps the marks of a term quoted at its start, and loses only the marks around it', () => {
    expect(shortQuote('「精熟」很重要，目标都说「会」，这是不够的。')).toBe('「精熟」很重要，目标都说「会」，这是不够的。');
    expect(shortQuote('“我们会继续推进。”')).toBe('我们会继续推进。');
    expect(shortQuote('“我们会继续推进，')).toBe('我们会继续推进，');
    expect(shortQuote('他说的是「简报实务」')).toBe('他说的是「简报实务」');
  });
});

/** A made-up record whose decisions are written as minutes write them: in the chair's short rulings, in stage notes, in a speaker's acceptance. */
function settled(note = '（委员均同意。）'): string {
  const t = (who: string, text: string) => turn(who, text);
  return [
    '# 2024-05-07 城市水务委员会第四次会议纪录',
    '',
    t('王明', '现在有十一位委员到场，会议正式开始。'),
    t('李华', '老城区的铸铁管段去年爆管四十七次，维修费用占全年维护预算的三成，居民投诉主要集中在夏季。'),
    t('张强', '郊区泵房的问题我们去年也讨论过，当时的情况和现在差不多，大家都很关心。'),
    t('赵敏', '方案第12页的附表三把郊区泵房列在第一期，建议移到第二期，先做老城区的管网。'),
    t('李华', '同意移到第二期，附表三会重新排序。'),
    t('王明', '郊区泵房就延后一年处理，今年先做老城区。'),
    t('张强', '我觉得泵房的问题其实也很严重，只是大家看的角度不一样。'),
    t('赵敏', '每季度的进度报告应当在委员会网站公开，并抄送市人大城建委。'),
    `> ${note}`,
    '',
    t('王明', '请水务局在六月底前把修订后的方案送委员会审议。'),
    t('张强', '我们会在下次会议前补充郊区泵房的水压监测数据。'),
    t('赵敏', '资金的事情我就不多说了，大家都知道情况。'),
    t('王明', '谢谢各位委员。'),
  ].join('\n');
}

describe('what a meeting settled', () => {
  const decisionsOf = (text: string) => new Map(collectUnits(md(text)).filter((u) => u.decision).map((u) => [u.segment.text, u.decision]));

  it('reads the chair’s ruling, a speaker’s commitment, an accepted proposal and a turn the room agreed to as decisions', () => {
    const d = decisionsOf(settled());
    expect(d.get('郊区泵房就延后一年处理，今年先做老城区。')).toBe('ruling');
    expect(d.get('请水务局在六月底前把修订后的方案送委员会审议。')).toBe('ruling');
    expect(d.get('我们会在下次会议前补充郊区泵房的水压监测数据。')).toBe('commitment');
    // accepted by the speaker whose paper it changes (同意移到第二期): the proposal was agreed
    expect(d.get('方案第12页的附表三把郊区泵房列在第一期，建议移到第二期，先做老城区的管网。')).toBe('agreed');
    // the stage note of assent after a turn: that turn was agreed
    expect(d.get('每季度的进度报告应当在委员会网站公开，并抄送市人大城建委。')).toBe('agreed');
    // talk, a story and a member's view settle nothing
    for (const s of ['老城区的铸铁管段去年爆管四十七次，维修费用占全年维护预算的三成，居民投诉主要集中在夏季。', '我觉得泵房的问题其实也很严重，只是大家看的角度不一样。', '郊区泵房的问题我们去年也讨论过，当时的情况和现在差不多，大家都很关心。'])
      expect(d.has(s), s).toBe(false);
  });

  it('a stage note that records no assent agrees nothing, and a request by someone not chairing is a position', () => {
    expect(decisionsOf(settled('（委员表示有困难。）')).has('每季度的进度报告应当在委员会网站公开，并抄送市人大城建委。')).toBe(false);
    const chairless = settled().replace(/### 王明：\n请水务局/, '### 赵敏：\n请水务局');
    expect(decisionsOf(chairless).has('请水务局在六月底前把修订后的方案送委员会审议。')).toBe(false);
  });

  it('the decisions lead the brief; the voices are the members’ positions, not what was settled', () => {
    const { brief } = selectBrief(md(settled()), []);
    const slot = (n: string) => brief.slots.find((s) => s.name === n)!.items.map((i) => i.text);
    const reported = [...slot('bottomLine'), ...slot('keyPoints')].join('\n');
    for (const s of ['泵房就延后一年处理', '建议移到第二期', '在委员会网站公开', '六月底前', '水压监测数据']) expect(reported).toContain(s);
    // the summary is what was settled, not the talk around it
    const d = new Map(collectUnits(md(settled())).map((u) => [u.segment.text, u.decision]));
    for (const s of slot('bottomLine')) expect(d.get(s), s).toBeDefined();
    const said = slot('voices').join('\n');
    for (const s of ['泵房就延后一年处理', '水压监测数据', '六月底前']) expect(said).not.toContain(s);
  });
});

describe('formal minutes (主席：, 出席人员：, 案由…提请讨论, 决议：…) without speaker turns', () => {
  const record = (title: string) =>
    [
      `# ${title}`,
      '',
      '时间：2024年5月7日下午2时',
      '',
      '地点：水务局第一会议室',
      '',
      '主席：王明　　纪录：李华',
      '',
      '出席人员：张强、赵敏、陈芳、林志',
      '',
      '贰、报告事项',
      '',
      '一、上次会议决议事项执行情形。',
      '',
      '决定：洽悉。',
      '',
      '二、老城区供水管网漏损情形。',
      '',
      '说明：老城区铸铁管段去年爆管47次，漏损率14.2%，高于全国平均水平。',
      '',
      '决定：请水务局于6月底前提出分区改善计划。',
      '',
      '参、讨论事项',
      '',
      '案由一：修正「供水管网汰换作业要点」草案，提请讨论。',
      '',
      '说明：为加速汰换老旧管线，拟将每年汰换目标由30公里提高为50公里，所需经费3.2亿元由专项债券支应。',
      '',
      '决议：照案通过，并自2025年1月1日起实施。',
      '',
      '案由二：郊区加压站改建优先顺序，提请讨论。',
      '',
      '说明：郊区加压站六成运转逾二十年，水压不稳的投诉增加三成。',
      '',
      '决议：加压站改建列为第二期，优先办理运转逾二十五年的12座。',
      '',
      '散会：下午4时30分。',
    ].join('\n');

  it('lead with their resolutions; the meeting’s particulars, the agenda and a report merely noted are never items', () => {
    const { brief } = selectBrief(md(record('城市水务委员会第3次会议纪录')), []);
    const slot = (n: string) => brief.slots.find((s) => s.name === n)!.items.map((i) => i.text);
    expect(slot('bottomLine')[0]).toMatch(/加压站改建列为第二期|照案通过|分区改善计划/);
    const all = brief.slots.flatMap((s) => s.items.map((i) => i.text)).join('\n');
    for (const p of ['下午2时', '第一会议室', '张强、赵敏', '提请讨论', '洽悉', '散会', '供水管网漏损情形']) expect(all).not.toContain(p);
    const units = collectUnits(md(record('城市水务委员会第3次会议纪录')));
    expect(units.filter((u) => u.decision).map((u) => u.segment.text)).toEqual(['决定：请水务局于6月底前提出分区改善计划。', '决议：照案通过，并自2025年1月1日起实施。', '决议：加压站改建列为第二期，优先办理运转逾二十五年的12座。']);
    // the same lines under a title that names no meeting's record are not read as minutes
    expect(collectUnits(md(record('城市水务委员会工作情况'))).some((u) => u.decision)).toBe(false);
  });
});
