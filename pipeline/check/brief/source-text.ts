// How an item's text relates to the source text of its segments.
import { squash, type LocatedItem } from './types.js';
import { withoutNoteMarks } from '../../select/note-marks.js';

/** The item's segments' text, joined, without whitespace and without note marks ([64], ¹: an item leaves them out). */
export function sourceText(at: LocatedItem): string {
  return squash(withoutNoteMarks(at.segments.map((s) => s.text).join('')));
}

/** A visible cut mark at the end of an item: …… (or …, ...). */
export const CUT_MARK = /(?:……|…|\.\.\.)$/;

/** Sentence-final marks, and the quotation marks and brackets that may close a sentence after them. */
export const SENTENCE_END = /[。！？!?]$/;
export const CLOSERS = '”’」』）)】》';

export interface ItemCore {
  /** The item without whitespace and without a cut mark at its end. */
  core: string;
  cut: boolean;
}

export function itemCore(text: string): ItemCore {
  const s = squash(withoutNoteMarks(text));
  const cut = CUT_MARK.test(s);
  return { core: cut ? s.replace(CUT_MARK, '') : s, cut };
}

/** A speaker's name written before a voice item (“王毅：…”) is not source text. */
export function withoutSpeaker(text: string, speaker?: string): string {
  if (!speaker) return text;
  const s = squash(speaker);
  for (const sep of ['：', ':', '说：', '表示：']) if (text.startsWith(s + sep)) return text.slice(s.length + sep.length);
  return text;
}
