// Transcripts of speaker turns (doc.genre 'transcript', ingest/genre/transcript-turns.ts: meeting
// minutes, verbatim records). Two things a record of a meeting holds besides what people say:
//   procedure   a turn's remark that runs the meeting rather than saying anything about its matter —
//               asking others for their views (也想请教方委员的意见), who is absent and who speaks or
//               chairs instead (召集人在国外，作为副召集人说明), handing the floor (…请孙校长报告。),
//               pointing the room to a paper (…，请大家看一下这个版本。), framing one's own remarks
//               (…，以下都是参考意见。), apologising for coming late, telling the clerk what not to record (以下不记录). Never an
//               item (thanks and bare hand-offs are procedure in any text already: exclude.ts).
//   decision    what the meeting settled: a resolution under its label (决议：照案通过, 主席裁示：…,
//               结论：…), a consensus reached (…达成共识…, 共识为…), a motion carried (一致同意, 无异议通过,
//               照案通过). It leads the summary when the minutes have one; asking for a ruling (请主席
//               裁示…), a consensus not reached (尚未达成共识) and a question are no decision.
//   trailing off  a turn's sentence that ends in dots (一个是学习表现，一个是学习内容...): the speaker broke
//               off or the record cut them — it ends where the talk went on, so it is never an item.
//   ruling     the chair's short word that settles an item under discussion (那就拿掉附录二。, 群科就…延后
//               处理。, 请黄委员全权负责。, 请尽量降低难度…): the chair is whoever opens the record and takes the
//               most turns (or is labelled 主席/召集人/主持人); other speakers' requests are positions.
//   commitment  a speaker or their body undertaking a change (我们会做修订。, …团队会来做。, 这部分国教院可以
//               办理。): what the meeting's parties agreed to do.
//   agreed      a turn the record's stage note says the room agreed to (`> （委员均同意。）` after it): the
//               turn's statements are what was agreed; a note that records no assent (表示有困难, 尚未…)
//               agrees nothing.
// Formal minutes without turns (时间：, 主席：, 出席人员：, 案由…提请讨论, 决议：…) are read the same way when
// their title names them (…会议纪录/纪要): their particulars and agenda are procedure, their 决议/决定
// lines the decisions, and a report merely noted (决定：洽悉。) none.
// Decisions of each kind get a prior (rank.ts) and stay content where the chair's short turns are
// otherwise procedure, or a speaker's first person only a voice (units.ts).
import type { SourceDoc } from '../../model.js';
import type { Picker } from '../pick.js';
import type { Unit } from '../units.js';
import { hasFigure } from '../formulaic.js';
import { contentLength } from '../text.js';

const ASKS_VIEWS = /请教[^。！？!?]{0,24}?(?:的)?(?:意见|看法|想法|建议)|(?:请|想请|再请|邀请)[^。！？!?，,]{1,16}?(?:表示|发表|提供|给|谈谈|说说)(?:一下)?(?:意见|看法|想法)|(?:大家|各位|委员们?)(?:还)?(?:有没有|有无|是否有)(?:其他|别的)?(?:意见|问题|补充)/;
const STANDS_IN = /(?:召集人|主席|主任委员|主委|院长|部长|署长|局长|校长|委员)[^。！？!?，,]{0,10}?(?:不在|在国外|出国|请假|缺席|未能出席|无法出席|没有来|没来)|(?:作为|身为|代理|代表)[^。！？!?，,]{0,10}?(?:副召集人|副主席|召集人|主席|主持人)[^。！？!?]{0,6}?(?:说明|报告|发言|主持)|由我(?:来)?(?:代为|代理)?(?:说明|报告|主持)/;
const GIVES_FLOOR = /(?:^|[，,])(?:那|好|我)?(?:想|先|再|就|现在|接下来|下面)?(?:请|邀请)[^。！？!?，,]{1,20}?(?:来)?(?:主持)?(?:报告|说明|发言|补充|回应|宣读|确认议程)(?:一下)?[。！!]?$/;
const POINTS_TO_PAPER = /请(?:大家|各位)(?:委员)?[^。！？!?，,]{0,4}?(?:看一下|看看|参阅|参考|翻到|对照)[^。！？!?，,]{0,12}[。！!]?$/;
const FRAMES_OWN = /以下(?:都|只|就)?是(?:我的|一些|几点|个人的?)?(?:参考|个人|具体|细节)?(?:意见|建议|看法|想法)[。！!]?$/;
const LATE = /^(?:抱歉|不好意思|对不起)[^。！？!?]{0,8}?(?:迟到|晚到|来晚|来迟)/;
const THE_RECORD = /(?:不用|不必|无须|无需|不需要?|请勿|不要)(?:列入|记入|写入)?(?:会议)?(?:记录|纪录)|以下不(?:列入|记入)?(?:记录|纪录)/;

/** A remark that runs the meeting (see the header). */
export function proceduralRemark(text: string): boolean {
  const t = text.trim();
  return ASKS_VIEWS.test(t) || STANDS_IN.test(t) || GIVES_FLOOR.test(t) || POINTS_TO_PAPER.test(t) || FRAMES_OWN.test(t) || LATE.test(t) || THE_RECORD.test(t);
}

/** A sentence that trails off: it ends in dots (..., …, ……), perhaps before a closing bracket or quote. */
const TRAILS_OFF = /(?:\.{2,}|…+)[”’」』）)]*\s*$/;

export function trailsOff(text: string): boolean {
  return TRAILS_OFF.test(text.trim());
}

const LABELLED = /^(?:[^，,。；;：:]{0,16}?)(?:决议|决定|结论|裁示|裁决|共识)(?:事项)?[：:]\s*\S/;
const CONSENSUS = /(?<!未|没|没有|尚未|还没|还没有|无法|不能)达成(?:了)?(?:以下)?共识|共识(?:为|是)(?![：:]$)/;
const CARRIED = /(?:一致|全体|全数|无异议)(?:表决)?(?:同意|通过|决议)|照案通过|修正通过|决议通过|(?:会议|大会|委员会)(?:经讨论)?(?:[，,])?(?:决议|决定)(?!事项|案)|主席(?:裁示|裁决)(?!是|由)/;
const ASKS_RULING = /请[^。！？!?]{0,6}?(?:裁示|裁决|决定)/;

/** What a meeting settled, stated in a sentence (see the header). */
export function decisionCue(text: string): boolean {
  const t = text.trim();
  if (/[？?]/.test(t) || ASKS_RULING.test(t)) return false;
  return LABELLED.test(t) || CONSENSUS.test(t) || CARRIED.test(t);
}

/** A title naming a meeting's record (…会议纪录, …会议纪要, …会议记录). */
const MINUTES_TITLE = /会议(?:纪录|记录|纪要)|会议录/;

/**
 * A meeting's record: speaker turns (doc.genre 'transcript'), or a text no reader recognised whose title
 * names minutes — the formal kind, with 主席：/出席：/决议： lines and no turns.
 */
export function isMinutes(doc: SourceDoc): boolean {
  return doc.genre === 'transcript' || (!doc.genre && MINUTES_TITLE.test(doc.meta.title ?? ''));
}

/**
 * The procedure formal minutes record around what was settled: the meeting's particulars (时间：, 地点：,
 * 主席：, 纪录：, 出席人员：…, 散会：), the agenda's parts (贰、报告事项, 临时动议：无), an item put to the
 * meeting (…，提请讨论。) or reported to it under its number (二、…执行情形。), and a report merely noted
 * (决定：洽悉。). Never an item.
 */
const MINUTES_PROCEDURE =
  /^(?:[壹贰参叁肆伍陆柒捌玖拾]+、|[一二三四五六七八九十]+、)?(?:时间|日期|地点|主席|主持人?|纪录|记录|出席(?:人员|者)?|列席(?:人员|者)?|缺席(?:人员|者)?|请假(?:人员|者)?|散会|临时动议|主席致词|报告事项|讨论事项)(?:[：:]|\s*$)|提请(?:讨论|审议|核议|公决)|报请(?:公鉴|鉴察|备查)|^(?:决定|决议)[：:]\s*(?:洽悉|准予备查|同意备查|备查|知悉|无)[。]?$|^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^，,；;：:。！？!?]{2,40}(?:情形|情况|报告|案|事项|进度|草案)[。]?$/;

export function minutesProcedure(text: string): boolean {
  return MINUTES_PROCEDURE.test(text.trim());
}

/** A conditional, a hedge or a doubt: it settles nothing (如果…, 是否…, 可能…). */
const UNSETTLED = /[？?]|如果|若是|假如|是否|能否|可能|会不会|要不要|是不是|或许|也许|不确定|还没|尚未|没有共识/;

/** The chair settling an item: a request to act on it, or a 就/那就 choosing what is done (see the header). */
const RULING =
  /(?:请|麻烦)(?!大家看|各位看)[^。！？!?]{0,24}?(?:负责|办理|修正|修改|改好|改正|调整|加上|加入|增列|增加|列入|删除|删去|拿掉|移除|降低|减少|减量|带回|协商|追踪|完成|补充|统整|提交|报送|寄送|送)|(?:^|[，,])(?:[^。！？!?，,]{0,6}?就|那|所以)[^。！？!?，,]{0,8}?(?:拿掉|删除|删去|移除|延后|暂缓|放行|通过|维持|保留|不调整|不列入|列入|照案|照此|先做|改为|改成|送交)|务必/;

/** A speaker or their body undertaking a change (see the header). */
const COMMITMENT =
  /(?:我们|我|本[院部署会组处]|[^\s，,。、；;]{1,10}?(?:团队|小组|院|司|部|署|处|中心|委员会))[^。！？!?，,]{0,6}?(?:会|将|可以)(?:来|在[^。！？!?]{0,40}?)?(?:做|进行|再)?(?:修订|修正|修改|调整|删除|拿掉|补上|补充|办理|处理|寄送|改|做)/;

/** A stage note recording the room's assent (（委员均同意。）, （…表示同意此原则。）), not its difficulty or silence. */
const ASSENT = /同意|通过|无异议|赞成|附议/;
const NO_ASSENT = /不同意|未同意|反对|困难|无明确|没有意见|尚未|未能|保留/;

const CHAIR_LABEL = /主席|召集人|主持人|主任委员|主委/;

/** The chair of a record of turns: a speaker labelled as one, else the first speaker if no one takes more turns. */
function chairOf(units: readonly Unit[]): string | undefined {
  const turns = new Map<string, number>();
  let first: string | undefined;
  let prev: string | undefined;
  for (const u of units) {
    const who = u.segment.speaker?.name;
    if (who && who !== prev) turns.set(who, (turns.get(who) ?? 0) + 1);
    if (who && CHAIR_LABEL.test(who)) return who;
    first ??= who;
    prev = who ?? (u.role === 'quote' ? undefined : prev);
  }
  if (!first) return undefined;
  const most = Math.max(...turns.values());
  return turns.get(first) === most && turns.size >= 3 ? first : undefined;
}

/** A speaker accepting a change put to them (同意拿掉。, 同意不列入课纲里。): the proposals before were agreed. */
const ACCEPTS = /^(?:我|我们)?(?:也)?(?:同意|赞成|接受)(?:将|把)?(?:拿掉|删除|删去|移除|移到|移至|移出|修正|修改|调整|加上|增列|列入|不列入|合并|改为|改成)/;

/** A proposal: what should be done (应…, 不宜…, 建议…). */
const PROPOSES = /应|宜|建议|需要|必须/;

/** How many turns before an acceptance may hold the proposal it accepts. */
const ACCEPTS_BACK = 2;

export type Decision = 'resolution' | 'ruling' | 'commitment' | 'agreed';

export const DECISION_WEIGHTS = {
  /** Any decision of a meeting's record. */
  decision: 0.1,
  /**
   * …that names what it is about: a figure, a page, a quoted name, a part of a paper (一个学分, p11 表七,
   * 「经典歌曲」, 附录二) — not one that only points at it (已知的部分…, 委员意见…我们会做修订).
   */
  concrete: 0.2,
  /** A commitment or ruling of fewer content characters than this, naming nothing concrete, is vague… */
  vagueBelow: 16,
  /** …and counts for less than a statement. */
  vague: 0.1,
};

/** Names what it is about (see DECISION_WEIGHTS.concrete). */
const CONCRETE =
  /[「『“《]|\b[pP]\s?\d|附录|附件|表[0-9一二三四五六七八九十]|第[0-9一二三四五六七八九十]+[项条款章节点]/;

/** The prior of a meeting's decision (rank.ts): what the record settled is reported first. */
export function decisionPrior(u: Unit): { v: number; why: string[] } {
  if (!u.decision) return { v: 0, why: [] };
  const t = u.segment.text;
  const concrete = hasFigure(t) || CONCRETE.test(t);
  // a short commitment or ruling that names nothing it is about (委员意见非常明确，我们会做修订。, 已知的部分，务必
  // 一定要改好。) reports that something will change, not what: read alone it settles nothing
  if (!concrete && u.decision !== 'resolution' && contentLength(t) < DECISION_WEIGHTS.vagueBelow)
    return { v: -DECISION_WEIGHTS.vague, why: [`decision: ${u.decision}, but not what −${DECISION_WEIGHTS.vague.toFixed(2)}`] };
  const v = DECISION_WEIGHTS.decision + (concrete ? DECISION_WEIGHTS.concrete : 0);
  return { v, why: [`decision: ${u.decision}${concrete ? ', concrete' : ''} +${v.toFixed(2)}`] };
}

/**
 * What a meeting's record (isMinutes) says was settled, by unit: resolutions, the chair's rulings,
 * commitments, and the turns a stage note records the room agreeing to (see the header).
 */
export function meetingDecisions(units: readonly Unit[]): Map<Unit, Decision> {
  const out = new Map<Unit, Decision>();
  const chair = chairOf(units);
  units.forEach((u, k) => {
    const t = u.segment.text.trim();
    const who = u.segment.speaker?.name;
    // a stage note of assent (an aside, never an item itself): the statements of the turn just before it were agreed
    if (!who && u.role === 'quote' && ASSENT.test(t) && !NO_ASSENT.test(t)) {
      const before = units[k - 1]?.segment.speaker?.name;
      for (let j = k - 1; j >= 0 && before && units[j].segment.speaker?.name === before; j--) {
        const v = units[j];
        if (!v.excluded && !UNSETTLED.test(v.segment.text) && !out.has(v)) out.set(v, 'agreed');
      }
    }
    // a line that is never an item (procedure, a report merely noted) settles nothing itself
    if (u.excluded) return;
    if (decisionCue(t)) out.set(u, 'resolution');
    else if (who && !UNSETTLED.test(t)) {
      if (who === chair && RULING.test(t)) out.set(u, 'ruling');
      else if (COMMITMENT.test(t)) out.set(u, 'commitment');
    }
    // accepting a change: the proposals of the turns just before, by others, were agreed
    if (who && ACCEPTS.test(t) && units[k - 1]?.segment.speaker?.name !== who) {
      let turns = 0;
      let current: string | undefined = who;
      for (let j = k - 1; j >= 0; j--) {
        const v = units[j];
        const by = v.segment.speaker?.name;
        if (!by || by === who) break;
        if (by !== current) {
          if (++turns > ACCEPTS_BACK) break;
          current = by;
        }
        if (!v.excluded && PROPOSES.test(v.segment.text) && !UNSETTLED.test(v.segment.text) && !out.has(v)) out.set(v, 'agreed');
      }
    }
  });
  return out;
}

/** The best-ranked decision of a meeting's record (a ranked index), to lead its summary; none in other texts. */
export function decisionLead(doc: SourceDoc, p: Picker): number | undefined {
  if (!isMinutes(doc)) return undefined;
  let best: number | undefined;
  p.ranking.ranked.forEach((r, i) => {
    if (!r.unit.decision || !p.isFree(r.unit.segment)) return;
    // a resolution before any other kind, then the highest score, the earliest of equals
    const resolution = (j: number) => Number(p.ranking.ranked[j].unit.decision === 'resolution');
    if (best === undefined || resolution(i) > resolution(best) || (resolution(i) === resolution(best) && r.score > p.ranking.ranked[best].score + 1e-12)) best = i;
  });
  return best;
}

/** The decisions of a meeting's record (ranked indexes) when it records at least two: its summary's pool. */
export function decisionPool(doc: SourceDoc, p: Picker): number[] | undefined {
  if (!isMinutes(doc)) return undefined;
  const pool: number[] = [];
  p.ranking.ranked.forEach((r, i) => {
    if (r.unit.decision) pool.push(i);
  });
  return pool.length >= 2 ? pool : undefined;
}
