// Sources written in Traditional characters (Hong Kong, Taiwan, overseas media) are read as Simplified:
// the zh-Hans brief is then Simplified, the glossary's forms match, and zh-Hant is made from it as for
// any source. The conversion (OpenCC, Taiwan standard to mainland characters) keeps the text's length
// wherever it can, so every offset, line and column still points into the file as written.
import { createRequire } from 'node:module';

/** Characters common in running text that only Traditional writing uses, and their Simplified forms. */
const TRADITIONAL = '們這個國會來時對學說為與後從發經過還開關見親電體點數當應變區邊將並係業務實際達環';
const SIMPLIFIED = '们这个国会来时对学说为与后从发经过还开关见亲电体点数当应变区边将并系业务实际达环';
/** 1: Traditional-only, 2: its Simplified form, by UTF-16 code unit (every one of them is in the BMP). */
let kinds: Uint8Array | undefined;

/**
 * Is the text written in Traditional characters? Its common Traditional-only characters outnumber
 * their Simplified forms, and there are a few of them at least.
 */
export function isTraditional(text: string): boolean {
  if (!kinds) {
    kinds = new Uint8Array(0x10000);
    for (const ch of TRADITIONAL) kinds[ch.charCodeAt(0)] = 1;
    for (const ch of SIMPLIFIED) kinds[ch.charCodeAt(0)] = 2;
  }
  let trad = 0;
  let simp = 0;
  // the first pages tell
  const n = Math.min(text.length, 20_000);
  for (let i = 0; i < n; i++) {
    const k = kinds[text.charCodeAt(i)];
    if (k === 1) trad++;
    else if (k === 2) simp++;
  }
  return trad >= 5 && trad > simp;
}

type Convert = (s: string) => string;
let convert: Convert | undefined;

function converter(): Convert {
  if (!convert) {
    const opencc = createRequire(import.meta.url)('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert };
    convert = opencc.Converter({ from: 'tw', to: 'cn' });
  }
  return convert;
}

/**
 * The text in Simplified characters, as long as the original: phrase by phrase where that keeps the
 * length (the usual case), else character by character.
 */
export function toSimplified(text: string): string {
  const c = converter();
  const whole = c(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const s = c(ch);
    out += s.length === ch.length ? s : ch;
  }
  return out;
}
