// Chinese names and names of things in pinyin, for the English source line. pinyin-pro builds a matcher
// over its whole dictionary on first use (~25 ms in a cold process), so what was romanized is
// remembered: in this process, and across builds in out/ (build/inputs.ts keeps it with the tool's
// and pinyin-pro's digests). A romanization depends only on its text, the code and pinyin-pro.
// pinyin-pro itself (700 KB of dictionaries) is loaded from node_modules on first use, not bundled:
// a build whose names were all romanized before neither loads nor sets it up.
import { createRequire } from 'node:module';

type PinyinPro = typeof import('pinyin-pro');
let pinyinPro: PinyinPro | undefined;
function pinyinLib(): PinyinPro {
  return (pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro);
}

const HAN = /\p{Script=Han}/u;

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Remove the spaces that typesetting puts inside Chinese names (赵 隆 → 赵隆). */
export function tidyName(name: string): string {
  return name.trim().replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
}

const known = new Map<string, string>();
const made = new Map<string, string>();

/** Romanizations kept from earlier builds ("name:赵隆" → "Zhao Long", "text:…" → …). */
export function rememberRomanizations(kept: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(kept ?? {})) if (typeof v === 'string') known.set(k, v);
}

/** The romanizations made since the last call, for the build to keep. */
export function takeNewRomanizations(): Record<string, string> {
  const out = Object.fromEntries(made);
  made.clear();
  return out;
}

function remembered(kind: 'name' | 'text', zh: string, make: (zh: string) => string): string {
  const key = `${kind}:${zh}`;
  let v = known.get(key);
  if (v === undefined) {
    v = make(zh);
    known.set(key, v);
    made.set(key, v);
  }
  return v;
}

function nameInPinyin(zh: string): string {
  const name = tidyName(zh);
  if (!name || !/^\p{Script=Han}+$/u.test(name)) return name;
  const { segment, OutputFormat } = pinyinLib();
  const parts = segment(name, { surname: 'head', mode: 'surname', toneType: 'none', format: OutputFormat.AllSegment }) as { origin: string; result: string }[];
  if (!parts.length) return name;
  const surname = parts[0].result.replace(/\s+/g, '');
  const given = parts
    .slice(1)
    .map((p) => p.result.replace(/\s+/g, ''))
    .join('');
  return given ? `${cap(surname)} ${cap(given)}` : cap(surname);
}

function textInPinyin(zh: string): string {
  const t = zh.trim();
  if (!HAN.test(t)) return t;
  const words: string[] = [];
  for (const w of new Intl.Segmenter('zh', { granularity: 'word' }).segment(t)) {
    const piece = w.segment.trim();
    if (!piece) continue;
    if (HAN.test(piece)) words.push(cap(pinyinLib().pinyin(piece, { toneType: 'none', type: 'array' }).join('')));
    else if (/^[\p{P}]+$/u.test(piece) && words.length) words[words.length - 1] += piece;
    else words.push(piece);
  }
  return words.join(' ');
}

/**
 * A Chinese personal name in pinyin, surname first, each part capitalized, syllables of a part joined,
 * no tone marks: 赵隆 → "Zhao Long", 苏刘强 → "Su Liuqiang", 欧阳修 → "Ouyang Xiu". The surname (one
 * or two characters, read with its surname pronunciation: 单 → Shan) comes from pinyin-pro's surname
 * mode. Text that is not a Chinese name (Latin letters, foreign names written with ·) is returned as is.
 */
export function romanizeName(zh: string): string {
  return remembered('name', zh, nameInPinyin);
}

/** Chinese text that is not a personal name in pinyin, word by word: 澎湃新闻 → "Pengpai Xinwen". */
export function romanizeText(zh: string): string {
  return remembered('text', zh, textInPinyin);
}
