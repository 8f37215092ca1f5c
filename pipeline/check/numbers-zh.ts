// Quantities in Chinese text: Arabic and Chinese numerals, 万/亿 multipliers, percentages, fractions,
// sums of money. Ordinals (第一…) and bare Chinese numerals inside words (一体化, 十四五) are not quantities.

export type Currency = 'EUR' | 'USD' | 'CNY' | 'RUB' | 'JPY' | 'GBP';

export interface Quantity {
  /** As written. */
  raw: string;
  value: number;
  percent?: boolean;
  currency?: Currency;
  start: number;
  end: number;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const CURRENCY_ZH: [RegExp, Currency][] = [
  [/^欧元/, 'EUR'],
  [/^美元/, 'USD'],
  [/^(?:元人民币|人民币|元)/, 'CNY'],
  [/^卢布/, 'RUB'],
  [/^日元/, 'JPY'],
  [/^英镑/, 'GBP'],
];

/** Value of a Chinese numeral string (十二 → 12, 二十五 → 25, 三亿五千万 → 350000000). */
export function zhNumeralValue(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let num = 0;
  let any = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      num = DIGIT[ch];
      any = true;
    } else if (ch in SMALL) {
      section += (num || 1) * SMALL[ch];
      num = 0;
      any = true;
    } else if (ch === '万') {
      section = (section + num || (any ? 0 : 1)) * BIG[ch];
      num = 0;
      any = true;
    } else if (ch === '亿') {
      total = (total + section + num || (any ? 0 : 1)) * BIG[ch];
      section = 0;
      num = 0;
      any = true;
    } else return undefined;
  }
  return any ? total + section + num : undefined;
}

/** Product of trailing multipliers: 万 → 1e4, 亿 → 1e8, 万亿 → 1e12, 千亿 → 1e11. */
function multiplier(s: string): number {
  let m = 1;
  for (const ch of s) m *= SMALL[ch] ?? BIG[ch] ?? 1;
  return m;
}

function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

function unitAfter(text: string, at: number): { percent?: boolean; currency?: Currency; len: number } {
  const rest = text.slice(at, at + 8);
  const pct = /^\s*(?:%|％|个百分点)/.exec(rest);
  if (pct) return { percent: true, len: pct[0].length };
  for (const [re, cur] of CURRENCY_ZH) {
    const m = re.exec(rest);
    if (m) return { currency: cur, len: m[0].length };
  }
  return { len: 0 };
}

const ZH_NUM = '零〇一二两三四五六七八九十百千万亿';
const CLASSIFIER = /^(?:多|余)?(?:个|項|项|次|国|國|名|位|家|条|條|种|種|倍|大|轮|輪|届|屆|方|岁|歲|年|天|周|週|月|点|點|批|支|架|艘|枚|座|所|部|份|人|亿|万|欧元|美元|卢布|元)/;

/** Quantities in a Chinese text, skipping the spans given (dates). */
export function zhQuantities(text: string, skip: { start: number; end: number }[] = []): Quantity[] {
  const out: Quantity[] = [];
  const taken = (s: number, e: number) => skip.some((k) => s < k.end && k.start < e) || out.some((q) => s < q.end && q.start < e);

  // Arabic fractions 1/3
  for (const m of text.matchAll(/(?<![\d.])(\d+)\s*\/\s*(\d+)(?![\d.])/g)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (taken(s, e) || Number(m[2]) === 0) continue;
    out.push({ raw: m[0], value: round(Number(m[1]) / Number(m[2])), start: s, end: e });
  }
  // Arabic numbers, with 万/亿 multipliers and a unit
  for (const m of text.matchAll(/(百分之)?(\d+(?:,\d{3})*(?:\.\d+)?)(多|余)?([十百千万亿]*)(多|余)?/g)) {
    const s = m.index!;
    let e = s + m[0].length;
    if (taken(s, e)) continue;
    const base = Number(m[2].replace(/,/g, ''));
    const value = round(base * multiplier(m[4]));
    const u = unitAfter(text, e);
    e += u.len;
    out.push({ raw: text.slice(s, e), value, percent: Boolean(m[1]) || u.percent, currency: u.currency, start: s, end: e });
  }
  // Chinese numerals: fractions (三分之一), percentages (百分之三), or numerals followed by a classifier
  const re = new RegExp(`(第)?(百分之)?([${ZH_NUM}]+)(?:分之([${ZH_NUM}]+))?`, 'g');
  for (const m of text.matchAll(re)) {
    const s = m.index!;
    let e = s + m[0].length;
    if (m[1] || taken(s, e)) continue; // ordinal: 第一, 第二十
    const num = m[3];
    if (m[4] !== undefined) {
      const den = zhNumeralValue(num);
      const nume = zhNumeralValue(m[4]);
      if (den && nume !== undefined) out.push({ raw: m[0], value: round(nume / den), start: s, end: e });
      continue;
    }
    const value = zhNumeralValue(num);
    if (value === undefined) continue;
    const rest = text.slice(e, e + 4);
    if (m[2]) {
      out.push({ raw: m[0], value, percent: true, start: s, end: e });
      continue;
    }
    if (!CLASSIFIER.test(rest)) continue;
    if (value === 1) continue; // 一个, 一项: "a", not a number to check
    const u = unitAfter(text, e);
    e += u.len;
    out.push({ raw: text.slice(s, e), value, currency: u.currency, start: s, end: e });
  }
  return out.sort((a, b) => a.start - b.start);
}
