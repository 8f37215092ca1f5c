// The genre selection followed, by name, for people reading a brief or the corpus table: a law (its
// articles, ingest/genre/law.ts), an interview (questions asked, ingest/news/interview.ts), a work
// report or a speech (a text delivered to a meeting, speech.ts), a transcript of speaker turns, else the kind the source was read as.
import type { SourceDoc } from '../../model.js';
import { docSegments } from '../../ingest/walk.js';
import { isSpeech } from './speech.js';

export type GenreName = 'law' | 'official document' | 'standard' | 'interview' | 'work report' | 'speech' | 'transcript' | 'report' | 'news';

/** A speech that reports work to the body it answers to: 工作报告 in its title, or 向大会报告工作 in it. */
const WORK_REPORT = /工作报告|报告(?:政府)?工作/;

export function genreOf(doc: SourceDoc): GenreName {
  if (doc.genre === 'law') return 'law';
  // recognised by the readers from their structure (ingest/genre/)
  if (doc.genre === 'official') return 'official document';
  if (doc.genre === 'standard') return 'standard';
  let opening = '';
  let n = 0;
  for (const v of docSegments(doc)) {
    if (v.segment.asked) return 'interview';
    if (n++ < 12) opening += v.segment.text;
  }
  // speaker turns without questions: a meeting's record (ingest/genre/transcript-turns.ts)
  if (doc.genre === 'transcript') return 'transcript';
  if (isSpeech(doc)) return WORK_REPORT.test(`${doc.meta.title ?? ''} ${opening}`) ? 'work report' : 'speech';
  return doc.kind;
}
