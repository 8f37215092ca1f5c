// Parts of a sentence whose English a kept pair gives verbatim. A brief may show less than a whole
// segment: an article without its label (第一条 …), a quote cut out of a sentence, a speaker's role
// read from brackets (徐至行（国方创新）). The publisher's English of such a part can be read off the
// pair only where both sides mark it the same way:
//   - a leading label with the same number and kind on both sides (第一条 = Article 1, 第二节 = Section 2):
//     the rest of the sentence is the English after its label;
//   - a run-in list label, a short phrase and a colon, on both sides (社区角色：… = Community Roles: …;
//     selection shows the item without it, select/pick.ts): the rest is the English after its colon;
//   - quotations (“…” / "…") or brackets (（…） / (…)), when both sides hold the same number of them:
//     the k-th Chinese span is the k-th English span.
// Nothing is guessed beyond that: a part with any doubt (counts differ, a label on one side only) gets
// no English and stays for a translator.
import { chineseNumeral } from './anchors.js';
import type { AlignedPair } from './aligner.js';

export interface AlignedPart {
  /** The Chinese part, as a brief would show it. */
  zh: string;
  /** Its English: verbatim a piece of the pair's English. */
  en: string;
  /** The segment it is part of. */
  segmentId: string;
  how: 'label' | 'quote' | 'bracket';
  /** The pair's score. */
  score: number;
}

const LABEL_KINDS: Record<string, string> = { 条: 'article', 章: 'chapter', 节: 'section', 编: 'part', 部分: 'part' };
const ZH_LABEL = /^第([〇零一二三四五六七八九十百千]+|\d+)(条|章|节|编|部分)[\s\u3000]*/u;
const EN_LABEL = /^(Article|Chapter|Section|Part)\s+(\d+|[IVXLC]+)\b[.:]?\s+/;
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function labelNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[IVXLC]+$/.test(s)) return [...s].reduce((v, c, k) => v + (ROMAN[c] < (ROMAN[s[k + 1]] ?? 0) ? -ROMAN[c] : ROMAN[c]), 0);
  return chineseNumeral(s);
}

/** The sentence without its label, on both sides, when the labels agree in kind and number. */
function unlabelled(zh: string, en: string): { zh: string; en: string } | undefined {
  const z = ZH_LABEL.exec(zh);
  const e = EN_LABEL.exec(en);
  if (!z || !e) return undefined;
  if (LABEL_KINDS[z[2]] !== e[1].toLowerCase() || labelNumber(z[1]) !== labelNumber(e[2])) return undefined;
  const restZh = zh.slice(z[0].length).trim();
  let restEn = en.slice(e[0].length).trim();
  // a label the edition printed twice ("Article 70 Article 70 The …") is still only a label
  for (let again = EN_LABEL.exec(restEn); again && again[1] === e[1] && again[2] === e[2]; again = EN_LABEL.exec(restEn)) restEn = restEn.slice(again[0].length).trim();
  return restZh && /\p{Script=Han}/u.test(restZh) && /^[\p{Lu}"“(]/u.test(restEn) ? { zh: restZh, en: restEn } : undefined;
}

/** A run-in list label: a short phrase without sentence punctuation, then a colon (社区角色：…). */
const ZH_RUN_IN = /^[^：:。！？；，“”「」]{2,16}[：:][\s\u3000]*/u;
const EN_RUN_IN = /^[^:.!?;"“”]{2,80}:\s+/u;

/** The sentence without a run-in label, on both sides, when both open with one. */
function withoutRunInLabel(zh: string, en: string): { zh: string; en: string } | undefined {
  const z = ZH_RUN_IN.exec(zh);
  const e = EN_RUN_IN.exec(en);
  if (!z || !e) return undefined;
  const restZh = zh.slice(z[0].length).trimStart();
  const restEn = en.slice(e[0].length).trim();
  return /\p{Script=Han}/u.test(restZh) && /^[\p{Lu}"“(]/u.test(restEn) ? { zh: restZh, en: restEn } : undefined;
}

const SPANS = {
  quote: { zh: /“([^“”]+)”/gu, en: /“([^“”]+)”|"([^"]+)"/gu },
  bracket: { zh: /[（(]([^（）()]+)[）)]/gu, en: /\(([^()]+)\)/gu },
} as const;

function spans(text: string, re: RegExp): string[] {
  return [...text.matchAll(re)].map((m) => (m[1] ?? m[2]).trim());
}

/** The parts of one kept 1–1 or 1–2 pair whose English the pair gives. */
export function partsOfPair(pair: AlignedPair): AlignedPart[] {
  if (pair.zh.length !== 1) return [];
  const seg = pair.zh[0];
  const en = pair.en.join(' ');
  const out: AlignedPart[] = [];
  const add = (zh: string, e: string, how: AlignedPart['how']) => {
    // a quoted term takes the comma or point that English sets inside the quotes ("muscles.") only if the
    // Chinese part ends its sentence too
    if (!/[。！？!?]$/.test(zh) && !/\b(?:etc|e\.g|i\.e|vs)\.$/.test(e)) e = e.replace(/[,.;:]+$/, '');
    if (zh !== seg.text && /\p{Script=Han}/u.test(zh) && /[A-Za-z]{2}/.test(e)) out.push({ zh, en: e, segmentId: seg.id, how, score: pair.score });
  };
  const u = unlabelled(seg.text, en) ?? withoutRunInLabel(seg.text, en);
  if (u) add(u.zh, u.en, 'label');
  for (const how of ['quote', 'bracket'] as const) {
    const z = spans(seg.text, SPANS[how].zh);
    const e = spans(en, SPANS[how].en);
    if (z.length && z.length === e.length) z.forEach((part, k) => add(part, e[k], how));
  }
  return out;
}

/**
 * The parts of all kept pairs. A Chinese part read two ways (the same quote in two sentences,
 * rendered differently) has no one English: it is left out.
 */
export function alignedParts(kept: readonly AlignedPair[]): AlignedPart[] {
  const byZh = new Map<string, AlignedPart[]>();
  for (const p of kept) for (const part of partsOfPair(p)) byZh.set(part.zh, [...(byZh.get(part.zh) ?? []), part]);
  const out: AlignedPart[] = [];
  for (const list of byZh.values()) if (new Set(list.map((x) => x.en)).size === 1) out.push(list[0]);
  return out;
}
