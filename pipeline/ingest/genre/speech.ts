// Speeches (演说, 演讲, 讲话, 致辞, 发言…): a text delivered to an audience, recognised from the parsed
// SourceDoc (any format) by its title naming the act of speaking (…就职演说, …上的讲话, …致辞), or by its
// opening line addressing the audience (各位友邦元首…，全体国人同胞，大家好: ingest/salutation.ts).
// Selection follows doc.genre 'speech' (select/genre/speech.ts); the salutation stays in the text, where
// it is never an item, and is never a title (report/meta.ts).
import type { SourceDoc } from '../../model.js';
import { isSalutation } from '../salutation.js';
import { docSegments } from '../walk.js';

/**
 * A title that names a speech: ends with the act of speaking (a date or place in brackets may follow).
 * Each word in Simplified or Traditional characters (演说/演說, 讲话/講話…): a title can stay Traditional in
 * a Simplified text (meta.yaml, a page's own title), and converting every title through OpenCC's
 * dictionary to test its last word cost each build the dictionary's load (~20 ms of a cold seed build).
 */
export const SPEECH_TITLE =
  /(?:演[说說]|演[讲講]|[讲講][话話]|致[辞辭]|致[词詞]|[发發]言|[贺賀][词詞]|祝[词詞]|[献獻][词詞]|[讲講]演)(?:全文)?(?:\s*[（(][^）)]{1,30}[）)])?$/;

/** How far into the text the salutation must stand (segments, the title's included, as select/genre/speech.ts counts). */
const OPENING = 12;

export function readSpeech(doc: SourceDoc): SourceDoc {
  if (doc.genre) return doc;
  const title = (doc.meta.title ?? '').trim();
  let speech = SPEECH_TITLE.test(title);
  if (!speech) {
    let n = 0;
    for (const v of docSegments(doc)) {
      if (n++ >= OPENING) break;
      if (isSalutation(v.segment.text)) {
        speech = true;
        break;
      }
    }
  }
  if (speech) doc.genre = 'speech';
  return doc;
}
