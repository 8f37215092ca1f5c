// zh-Hant of a source written in Traditional characters: the brief quotes the source's own characters
// (台灣 stays 台灣, 宣布 stays 宣布), not the Simplified reading converted back. The source was read as
// Simplified of the same length (ingest/script.ts), so a brief text found in the Simplified reading is
// the same stretch of the original. Only the glossary's zh-Hant forms and the converter's punctuation
// style (「」 quotes) are applied on top; what is not found in the source (a label, a joined line) goes
// through the converter.
import type { Term } from '../model.js';

const PUNCT = /[\p{P}\p{S}]/u;

export interface SourceHantOptions {
  original: string;
  simplified: string;
  /** The project's converter (OpenCC + overrides + punctuation style). */
  convert: (s: string) => string;
  terms: Term[];
}

export function sourceHantConverter(opts: SourceHantOptions): (s: string) => string {
  const { original, simplified, convert } = opts;
  // glossary entries whose zh-Hant form must win, longest first
  const forms = opts.terms
    .filter((t) => t['zh-Hans'] && t['zh-Hant'])
    .map((t) => [t['zh-Hans'], t['zh-Hant']] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const cache = new Map<string, string>();
  return (s: string) => {
    let out = cache.get(s);
    if (out !== undefined) return out;
    out = fromSource(s);
    cache.set(s, out);
    return out;
  };

  function fromSource(s: string): string {
    if (!s) return s;
    const converted = convert(s);
    // the source's stretches, longest first from each position (a whole item is usually one)
    const chars: string[] = [];
    let p = 0;
    while (p < s.length) {
      // the longest prefix of the rest that the source holds: a prefix of one that occurs occurs too,
      // so a binary search over its length (few scans of the text, however long the item)
      let len = 0;
      let at = -1;
      const whole = simplified.indexOf(s.slice(p));
      if (whole >= 0 && s.length - p >= 2) {
        len = s.length - p;
        at = whole;
      } else {
        let lo = 2;
        let hi = s.length - p - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const k = simplified.indexOf(s.slice(p, p + mid));
          if (k >= 0) {
            len = mid;
            at = k;
            lo = mid + 1;
          } else hi = mid - 1;
        }
      }
      if (at >= 0) {
        for (let i = 0; i < len; i++) chars.push(original[at + i]);
        p += len;
      } else {
        chars.push(converted.length === s.length ? converted[p] : convert(s[p]));
        p++;
      }
    }
    // punctuation in the converter's style, where the conversion kept the length
    if (converted.length === s.length) for (let i = 0; i < chars.length; i++) if (PUNCT.test(converted[i])) chars[i] = converted[i];
    let text = chars.join('');
    // the glossary's forms win
    for (const [hans, hant] of forms) {
      if (hans.length !== hant.length) continue;
      let k = s.indexOf(hans);
      while (k >= 0) {
        text = text.slice(0, k) + hant + text.slice(k + hant.length);
        k = s.indexOf(hans, k + hans.length);
      }
    }
    return text;
  }
}
