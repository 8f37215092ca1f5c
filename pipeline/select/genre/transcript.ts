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
import type { SourceDoc } from '../../model.js';
import type { Picker } from '../pick.js';

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
const CARRIED = /(?:一致|全体|全数|无异议)(?:表决)?(?:同意|通过|决议)|照案通过|修正通过|决议通过|(?:会议|大会|委员会)(?:经讨论)?(?:[，,])?(?:决议|决定)|主席(?:裁示|裁决)(?!是|由)/;
const ASKS_RULING = /请[^。！？!?]{0,6}?(?:裁示|裁决|决定)/;

/** What a meeting settled, stated in a sentence (see the header). */
export function decisionCue(text: string): boolean {
  const t = text.trim();
  if (/[？?]/.test(t) || ASKS_RULING.test(t)) return false;
  return LABELLED.test(t) || CONSENSUS.test(t) || CARRIED.test(t);
}

/** The best-ranked decision of a transcript (a ranked index), to lead its summary; none in other texts. */
export function decisionLead(doc: SourceDoc, p: Picker): number | undefined {
  if (doc.genre !== 'transcript') return undefined;
  let best: number | undefined;
  p.ranking.ranked.forEach((r, i) => {
    if (!decisionCue(r.unit.segment.text) || !p.isFree(r.unit.segment)) return;
    // the highest score, the earliest of equals
    if (best === undefined || r.score > p.ranking.ranked[best].score + 1e-12) best = i;
  });
  return best;
}
