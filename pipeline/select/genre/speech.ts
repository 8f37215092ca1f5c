// Speeches and work reports (政府工作报告, 讲话): a text delivered to a meeting, recognised from the parsed
// SourceDoc (any format) by its procedural opening — within its first sentences a salutation to those
// addressed (各位代表：) or the speaker reporting to the meeting (现在，我代表…向大会报告工作). Such a text
// repeats the genre's formulas (在…坚强领导下, 坚持以…为指导) around what it has to say: last year's
// figures and this year's targets, named actors, concrete actions. Its sentences get a prior for their
// figures and targets and a harder discount for formulas (rank.ts); the procedural sentences themselves
// never become items (exclude.ts).
import type { SourceDoc } from '../../model.js';
import { docSegments } from '../../ingest/walk.js';
import { exclusionOf } from '../exclude.js';

/** How far into the text the procedural opening must stand (segments, the title's included). */
const OPENING = 12;

/** First person reporting to a meeting, or a request to it (请予审议): the genre's opening. */
const TO_THE_MEETING = /(?:我|我们|本人)(?:谨)?代表[^。；！？]{1,30}?向[^。；！？]{0,20}?(?:大会|会议|全会)|请予审议/;

const known = new WeakMap<SourceDoc, boolean>();

export function isSpeech(doc: SourceDoc): boolean {
  let v = known.get(doc);
  if (v !== undefined) return v;
  // the readers recognised it (its title names a speech, or it opens with a salutation: ingest/genre/speech.ts)
  v = doc.genre === 'speech';
  let n = 0;
  // a record of several speakers' turns is no speech, whoever greets the room in it
  if (doc.genre === 'transcript') n = OPENING;
  for (const s of docSegments(doc)) {
    if (v || n++ >= OPENING) break;
    const t = s.segment.text.trim();
    if (exclusionOf(t) === 'salutation' || TO_THE_MEETING.test(t)) {
      v = true;
      break;
    }
  }
  known.set(doc, v);
  return v;
}

/** Wording of a target or a result measured against one (预期目标, 增长5%左右, 控制在…以内, 达到, 突破). */
const TARGET = /目标|预期|力争|左右|以内|不低于|不超过|控制在|达到|突破|提高到|降低到|增至|增长|下降|完成/;

export const SPEECH_WEIGHTS = {
  /** Per figure in the sentence, up to `figuresMax`. */
  figure: 0.06,
  figuresMax: 0.3,
  /** A figure stated as a target or a result (增长 5%左右, 达到 93%). */
  target: 0.15,
  /** Extra discount per unit of formulaic share (on top of WEIGHTS.formulaic). */
  formulaic: 0.3,
};

/** The speech prior of one sentence, given how many figures it states and how formulaic it is. */
export function speechPrior(text: string, figures: number, formulaic: number): { v: number; why: string[] } {
  let v = 0;
  const why: string[] = [];
  if (figures) {
    const x = Math.min(SPEECH_WEIGHTS.figuresMax, SPEECH_WEIGHTS.figure * figures);
    v += x;
    why.push(`speech: ${figures} figure${figures > 1 ? 's' : ''} +${x.toFixed(2)}`);
    if (TARGET.test(text)) {
      v += SPEECH_WEIGHTS.target;
      why.push(`speech: target or result +${SPEECH_WEIGHTS.target.toFixed(2)}`);
    }
  }
  if (formulaic > 0) {
    v -= SPEECH_WEIGHTS.formulaic * formulaic;
    why.push(`speech: formulaic −${(SPEECH_WEIGHTS.formulaic * formulaic).toFixed(2)}`);
  }
  return { v, why };
}
