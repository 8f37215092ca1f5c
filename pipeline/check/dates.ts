// Dates in Chinese (2025年5月16日, 2025年7月, 5月16日, 2025年) and English (16 May 2025, May 16, 2025,
// July 2025, 16 May, May 16, 2025-05-16, a bare year).

export interface DateRef {
  raw: string;
  year?: number;
  month?: number;
  day?: number;
  start: number;
  end: number;
}

export function zhDates(text: string): DateRef[] {
  const out: DateRef[] = [];
  const re = /(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(?:(\d{1,2})\s*[日号])?/g;
  for (const m of text.matchAll(re)) {
    if (!m[0].trim()) continue;
    const [y, mo, d] = [m[1], m[2], m[3]].map((x) => (x ? Number(x) : undefined));
    // a day needs its month, a month-only needs a year ("3月" alone is fine too: month names are checked)
    if (d !== undefined && mo === undefined) continue;
    if (mo !== undefined && (mo < 1 || mo > 12)) continue;
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ raw: m[0].trim(), year: y, month: mo, day: d, start: m.index! + lead, end: m.index! + m[0].trimEnd().length });
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

// made once: matchAll copies a global pattern, so these keep no state between calls
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`, 'g');
const MONTH_DAY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g');
const MONTH_YEAR = new RegExp(`\\b${MONTH_RE}(?:\\s+(?:of\\s+)?(\\d{4}))?\\b`, 'g');
const BARE_YEAR = /(?<![\d.,])(\d{4})(?![\d.,]\d)/g;

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

export function enDates(text: string): DateRef[] {
  const out: DateRef[] = [];
  const add = (m: RegExpMatchArray, year?: string, mon?: string, day?: string) => {
    const s = m.index!;
    const e = s + m[0].length;
    if (out.some((d) => s < d.end && d.start < e)) return;
    out.push({ raw: m[0], year: year ? Number(year) : undefined, month: mon ? month(mon) : undefined, day: day ? Number(day) : undefined, start: s, end: e });
  };
  for (const m of text.matchAll(ISO_DATE)) {
    out.push({ raw: m[0], year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), start: m.index!, end: m.index! + m[0].length });
  }
  // 16 May 2025 / 16 May
  for (const m of text.matchAll(DAY_MONTH)) add(m, m[3], m[2], m[1]);
  // May 16, 2025 / May 16
  for (const m of text.matchAll(MONTH_DAY)) add(m, m[3], m[1], m[2]);
  // July 2025 / July
  for (const m of text.matchAll(MONTH_YEAR)) {
    add(m, m[2], m[1]);
  }
  for (const m of text.matchAll(BARE_YEAR)) add(m, m[1]);
  return out.sort((a, b) => a.start - b.start);
}

/** Whether an English date states at least what the Chinese one states, and agrees on it. */
export function dateMatches(zh: DateRef, en: DateRef): boolean {
  if (zh.year !== undefined && en.year !== zh.year) return false;
  if (zh.month !== undefined && en.month !== zh.month) return false;
  if (zh.day !== undefined && en.day !== zh.day) return false;
  return true;
}

export function formatDate(d: DateRef): string {
  const parts: string[] = [];
  if (d.year !== undefined) parts.push(String(d.year).padStart(4, '0'));
  if (d.month !== undefined) parts.push(String(d.month).padStart(2, '0'));
  if (d.day !== undefined) parts.push(String(d.day).padStart(2, '0'));
  return d.year === undefined ? `--${parts.join('-')}` : parts.join('-');
}
