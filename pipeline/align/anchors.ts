// Anchors: what a sentence and its translation share whatever the wording (hunalign's and bleualign's
// lexical evidence, restricted to what needs no dictionary): numbers (万/亿 and million/billion
// normalised, percentages, years in Chinese digits), dates (7月27日 = July 27 = 27 July), article and
// chapter numbers (第十二条 = Article 12, 第三章 = Chapter III), Latin words written inside the Chinese
// (Meta, Llama, GitHub), glossary terms matched in both languages, personal names with their pinyin, and
// whether the sentence is a question.
import type { Term } from '../model.js';
import type { TermMatcher } from '../glossary/match.js';

export interface Anchors {
  /** Keys that both sides can produce: numbers "n:…", dates "d:…", leading labels "l:…", glossary terms "t:…", a question "q:?". */
  keys: Set<string>;
  /** Chinese side only: Latin words ("w:…") and names ("p:…" with their romanized forms). */
  words: Set<string>;
  names: Map<string, string[]>;
}

const ZH_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 一百零五 → 105, 二〇二四 → 2024 (digit by digit when no unit); undefined if not a numeral. */
export function chineseNumeral(s: string): number | undefined {
  if (!s || ![...s].every((c) => c in ZH_DIGITS || c in ZH_UNITS)) return undefined;
  if (![...s].some((c) => c in ZH_UNITS)) return Number([...s].map((c) => ZH_DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in ZH_DIGITS) digit = ZH_DIGITS[c];
    else {
      total += (digit || 1) * ZH_UNITS[c];
      digit = 0;
    }
  }
  return total + digit;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
function romanNumeral(s: string): number | undefined {
  if (!/^[IVXLC]+$/.test(s)) return undefined;
  let v = 0;
  for (let k = 0; k < s.length; k++) {
    const cur = ROMAN[s[k]];
    const next = ROMAN[s[k + 1]] ?? 0;
    v += cur < next ? -cur : cur;
  }
  return v;
}

function numKey(v: number): string {
  return `n:${Number(v.toPrecision(6))}`;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Number and date keys of a Chinese text. */
function zhNumbers(text: string, keys: Set<string>): void {
  for (const m of text.matchAll(/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g)) keys.add(`d:${+m[1]}-${+m[2]}`);
  for (const m of text.matchAll(/([〇零一二三四五六七八九十]{1,3})月([〇零一二三四五六七八九十]{1,3})日/g)) {
    const mo = chineseNumeral(m[1]);
    const d = chineseNumeral(m[2]);
    if (mo && d) keys.add(`d:${mo}-${d}`);
  }
  for (const m of text.matchAll(/(\d+(?:[.,]\d+)*)\s*(万亿|亿|万)?/g)) {
    const v = Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(v)) continue;
    const mult = m[2] === '万亿' ? 1e12 : m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1;
    keys.add(numKey(v * mult));
  }
  for (const m of text.matchAll(/([〇零一二三四五六七八九]{4})年/g)) keys.add(numKey(chineseNumeral(m[1])!));
  for (const m of text.matchAll(/第([〇零一二三四五六七八九十百千]+)(?:条|章|节|款|项|部分|编)/g)) {
    const v = chineseNumeral(m[1]);
    if (v !== undefined) keys.add(numKey(v));
  }
}

/** Number and date keys of an English text. */
function enNumbers(text: string, keys: Set<string>): void {
  const month = MONTHS.join('|');
  for (const m of text.matchAll(new RegExp(`\\b(${month})\\s+(\\d{1,2})\\b`, 'gi'))) keys.add(`d:${MONTHS.indexOf(m[1].toLowerCase()) + 1}-${+m[2]}`);
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})\\s+(${month})\\b`, 'gi'))) keys.add(`d:${MONTHS.indexOf(m[2].toLowerCase()) + 1}-${+m[1]}`);
  for (const m of text.matchAll(/(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion|trillion)\b)?/gi)) {
    const v = Number(m[1].replace(/,/g, ''));
    if (!Number.isFinite(v)) continue;
    const unit = (m[2] ?? '').toLowerCase();
    const mult = unit === 'trillion' ? 1e12 : unit === 'billion' ? 1e9 : unit === 'million' ? 1e6 : unit === 'thousand' ? 1e3 : 1;
    keys.add(numKey(v * mult));
  }
  for (const m of text.matchAll(/\b(?:Chapter|Section|Part)\s+([IVXLC]+)\b/g)) {
    const v = romanNumeral(m[1]);
    if (v) keys.add(numKey(v));
  }
}

/** Lower-cased words of an English text (for the Latin words and names written in the Chinese). */
export function englishWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.+#-][\p{L}\p{N}]+)*/gu) ?? []);
}

export interface AnchorContext {
  matcher?: TermMatcher;
  /** Personal names the document mentions (authors, speakers) with their romanization. */
  names?: { zh: string; romanized: string }[];
}

/** A question on one side and a statement on the other rarely translate each other. */
const QUESTION_ZH = /[？?][”’"')）]*\s*$/;
const QUESTION_EN = /\?["'”’)]*\s*$/;

/**
 * A heading's or list item's leading number (7.开源…, 1.2 企业…, （二）…, "1. Overview", "4.2 Has …", "(2) …"):
 * a label that one edition may print and the other not. It is set apart from the text's numbers as key
 * "l:…": it counts for a pair when both sides have the same, against it when both have one and they differ,
 * and never when only one side has it.
 */
const ZH_LEADING_NUMBER = /^\s*(?:(\d{1,2}(?:\.\d{1,2})*)(?:[.、．]\s*|\s+)(?=\D)|[（(]([〇一二三四五六七八九十]{1,3}|\d{1,2})[）)]\s*)/u;
const EN_LEADING_NUMBER = /^\s*(?:(\d{1,2}(?:\.\d{1,2})+|\d{1,2}(?=\.))\.?\s+(?=\p{L})|[（(](\d{1,2})[）)]\s*)/u;

function withoutLeadingNumber(text: string, re: RegExp, keys: Set<string>): string {
  const m = re.exec(text);
  if (!m) return text;
  // an item marker （二） / (2) is the number 2 on either side
  const label = m[1] ?? String(/^\d+$/.test(m[2]) ? Number(m[2]) : chineseNumeral(m[2]));
  keys.add(`l:${label}`);
  return text.slice(m[0].length);
}

export function chineseAnchors(text: string, ctx: AnchorContext): Anchors {
  const keys = new Set<string>();
  zhNumbers(withoutLeadingNumber(text, ZH_LEADING_NUMBER, keys), keys);
  if (QUESTION_ZH.test(text)) keys.add('q:?');
  const words = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[.+#-][A-Za-z0-9]+)*/g)) if (m[0].length >= 2) words.add(m[0].toLowerCase());
  if (ctx.matcher) for (const t of ctx.matcher.find(text, 'zh-Hans')) if (t.kind !== 'forbidden') keys.add(`t:${t.term.id}`);
  const names = new Map<string, string[]>();
  for (const n of ctx.names ?? []) if (text.includes(n.zh)) names.set(n.zh, n.romanized.toLowerCase().split(/\s+/).filter(Boolean));
  return { keys, words, names };
}

export function englishAnchors(text: string, ctx: AnchorContext): { keys: Set<string>; words: Set<string> } {
  const keys = new Set<string>();
  enNumbers(withoutLeadingNumber(text, EN_LEADING_NUMBER, keys), keys);
  if (QUESTION_EN.test(text)) keys.add('q:?');
  if (ctx.matcher) for (const t of ctx.matcher.find(text, 'en')) if (t.kind !== 'forbidden') keys.add(`t:${t.term.id}`);
  return { keys, words: englishWords(text) };
}

export interface AnchorAgreement {
  matched: number;
  /** Numbers and dates on one side only. */
  unmatched: number;
}

/** How far the anchors of a Chinese side and an English side agree. */
export function agreement(zh: Anchors, en: { keys: Set<string>; words: Set<string> }): AnchorAgreement {
  let matched = 0;
  let unmatched = 0;
  // a number or date on one side only speaks against the pair; a glossary term on one side only does
  // not (a translator may render 中国 as "Chinese" or leave it implicit)
  const counts = (k: string) => !k.startsWith('t:') && !k.startsWith('l:');
  for (const k of zh.keys) if (en.keys.has(k)) matched++;
  else if (counts(k)) unmatched++;
  // both editions number the item, with different numbers: another item's translation
  const label = (keys: Set<string>) => [...keys].find((k) => k.startsWith('l:'));
  const lz = label(zh.keys);
  const le = label(en.keys);
  if (lz && le && lz !== le) unmatched++;
  for (const k of en.keys) if (!zh.keys.has(k) && counts(k)) unmatched++;
  for (const w of zh.words) if (en.words.has(w)) matched++;
  for (const parts of zh.names.values()) if (parts.length && parts.every((p) => en.words.has(p))) matched++;
  return { matched, unmatched };
}

/** Merge anchors of several sentences (a 2–1 or 1–2 bead). */
export function mergeAnchors<T extends { keys: Set<string>; words: Set<string> }>(list: readonly T[]): T {
  const first = list[0];
  if (list.length === 1) return first;
  const out = { ...first, keys: new Set<string>(), words: new Set<string>() } as T;
  for (const a of list) {
    for (const k of a.keys) out.keys.add(k);
    for (const w of a.words) out.words.add(w);
  }
  const names = (first as unknown as Anchors).names;
  if (names) {
    const merged = new Map<string, string[]>();
    for (const a of list) for (const [k, v] of (a as unknown as Anchors).names) merged.set(k, v);
    (out as unknown as Anchors).names = merged;
  }
  return out;
}

export type { Term };
