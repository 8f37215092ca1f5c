// A line that opens with a tag naming the language or dialect it is in (（台语）现在是彼一天…, （客語）…,
// （英文）…): words quoted in another tongue — a slogan, a song's line, a greeting — set off by the
// transcriber, not a statement of the text's findings. The reader marks each of its segments with that
// language (Segment.language); the text stays as it is.
import type { SourceDoc } from '../../model.js';
import { allSections, blockSegments } from '../walk.js';

/** （台语） （客家话） （闽南语） （英文） （原住民族语）: a bracketed name ending in 语/话/文, at the very start. */
const TAG = /^\s*[（(]\s*(\p{Script=Han}{1,6}?(?:语|話|话|文))\s*[）)]\s*(?=\S)/u;

/** The language a line's opening tag names, if it opens with one. */
export function languageTag(text: string): string | undefined {
  return TAG.exec(text)?.[1];
}

/** Mark the segments from a tagged line's start to its block's end with the language the tag names. */
export function markLanguageTags(doc: SourceDoc): SourceDoc {
  for (const section of allSections(doc.sections))
    for (const b of section.blocks) {
      let lang: string | undefined;
      for (const { segment } of blockSegments(b)) {
        lang = languageTag(segment.text) ?? lang;
        if (lang) segment.language = lang;
      }
    }
  return doc;
}
