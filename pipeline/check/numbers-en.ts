// Quantities in English text: digits (1,000 / 30.6), number words (one … ninety-nine), scale words
// (thousand, million, billion, trillion, bn), percentages, fractions (1/3, one third, two-thirds, half),
// and currencies (€, $, EUR, euros, roubles…). Ordinal words (first, second…) are not quantities.
import type { Currency, Quantity } from './numbers-zh.js';

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALE: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, tn: 1e12, m: 1e6 };
const FRACTION: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };

const CUR_PREFIX: Record<string, Currency> = { '€': 'EUR', eur: 'EUR', '$': 'USD', 'us$': 'USD', usd: 'USD', '¥': 'CNY', rmb: 'CNY', cny: 'CNY', rub: 'RUB', '£': 'GBP', gbp: 'GBP', jpy: 'JPY' };
const CUR_SUFFIX: [RegExp, Currency][] = [
  [/^euros?\b/i, 'EUR'],
  [/^(?:us\s+)?dollars?\b/i, 'USD'],
  [/^(?:yuan|renminbi|rmb)\b/i, 'CNY'],
  [/^(?:roubles?|rubles?)\b/i, 'RUB'],
  [/^yen\b/i, 'JPY'],
  [/^pounds?(?:\s+sterling)?\b/i, 'GBP'],
];

const WORD = `(?:${[...Object.keys(TENS)].join('|')})(?:[- ](?:${Object.keys(ONES).filter((w) => ONES[w] > 0 && ONES[w] < 10).join('|')}))?|${Object.keys(ONES).join('|')}`;
const NUM = `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${WORD})`;
const RE = new RegExp(
  `(US\\$|\\$|€|£|¥|\\b(?:EUR|USD|RMB|CNY|RUB|GBP|JPY)\\s?)?${NUM}(?:(?:\\s|-)(hundred|thousand|million|billion|trillion)|\\s?(bn|tn|m)\\b)?(?:\\s(hundred|thousand|million|billion|trillion))?`,
  'giu',
);

// the patterns enQuantities runs, made once (matchAll copies a global one; the others keep no state)
const SLASH_FRACTION = /(?<![\w.])(\d+)\s*\/\s*(\d+)(?![\d.])/g;
const WORD_FRACTION = /\b(a|an|one|two|three|four)[- ](half|halves|thirds?|quarters?|fifths?|tenths?)\b/gi;
const HALF = /\bhalf\b/gi;
const BOTH = /\bboth\b/gi;
const DOZEN = /\ba dozen\b/gi;
const LETTER = /[\p{L}]/u;
const DIGIT_FIRST = /^\d/;
const PERCENT = /^\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)/i;
const SPACE = /^\s?/;

function wordValue(w: string): number | undefined {
  const s = w.toLowerCase();
  if (DIGIT_FIRST.test(s)) return Number(s.replace(/,/g, ''));
  if (s in ONES) return ONES[s];
  const [t, o] = s.split(/[- ]/);
  if (t in TENS) return TENS[t] + (o ? ONES[o] ?? 0 : 0);
  return undefined;
}

function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

export function enQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  // fractions first: 1/3, one third, a third, two-thirds, half
  for (const m of text.matchAll(SLASH_FRACTION)) {
    if (Number(m[2]) > 0) out.push({ raw: m[0], value: round(Number(m[1]) / Number(m[2])), start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(WORD_FRACTION)) {
    const n = m[1].toLowerCase() === 'a' || m[1].toLowerCase() === 'an' ? 1 : ONES[m[1].toLowerCase()];
    out.push({ raw: m[0], value: round(n / FRACTION[m[2].toLowerCase()]), start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(HALF)) out.push({ raw: m[0], value: 0.5, start: m.index!, end: m.index! + m[0].length });
  // "both" stands for 两/双 (两国 → both countries), "a dozen" for 12
  for (const m of text.matchAll(BOTH)) out.push({ raw: m[0], value: 2, start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(DOZEN)) out.push({ raw: m[0], value: 12, start: m.index!, end: m.index! + m[0].length });
  const inFraction = (s: number, e: number) => out.some((q) => s < q.end && q.start < e);

  for (const m of text.matchAll(RE)) {
    const s = m.index!;
    let e = s + m[0].length;
    if (inFraction(s, e)) continue;
    // a number word must stand alone (not "someone", "often")
    if (!DIGIT_FIRST.test(m[2]) && (LETTER.test(text[s - 1] ?? '') || LETTER.test(text[e] ?? ''))) continue;
    const base = wordValue(m[2]);
    if (base === undefined) continue;
    let value = base;
    for (const sc of [m[3], m[4], m[5]]) if (sc) value *= SCALE[sc.toLowerCase()] ?? 1;
    let currency: Currency | undefined = m[1] ? CUR_PREFIX[m[1].trim().toLowerCase()] : undefined;
    let percent = false;
    const rest = text.slice(e, e + 24);
    const pct = PERCENT.exec(rest);
    if (pct) {
      percent = true;
      e += pct[0].length;
    } else {
      const sp = SPACE.exec(rest)![0].length;
      for (const [re, cur] of CUR_SUFFIX) {
        const cm = re.exec(rest.slice(sp));
        if (cm) {
          currency ??= cur;
          e += sp + cm[0].length;
          break;
        }
      }
    }
    out.push({ raw: text.slice(s, e), value: round(value), percent: percent || undefined, currency, start: s, end: e });
  }
  return out.sort((a, b) => a.start - b.start);
}
