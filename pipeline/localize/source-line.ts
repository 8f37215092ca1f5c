// The source line under a brief's title: who published it, which issue, when, by whom (and where,
// for news), in each language. English names come from the glossary, else from pinyin.
import { romanizeName, romanizeText, tidyName } from './romanize.js';

export { romanizeName, romanizeText, tidyName };
import type { Lang, Person, SourceMeta, Term } from '../model.js';

export interface SourceLineDeps {
  toHant: (s: string) => string;
  terms: readonly Term[];
}

const SEP = ' · ';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The glossary entry whose zh-Hans form (or variant) is exactly this text. */
export function glossaryEntry(text: string, terms: readonly Term[], category?: Term['category']): Term | undefined {
  const t = tidyName(text);
  for (const term of terms) {
    if (category && term.category !== category) continue;
    if (term['zh-Hans'] === t || (term.variants?.['zh-Hans'] ?? []).includes(t)) return term;
  }
  return undefined;
}

/** A person's name in English: the glossary's, else pinyin (Chinese names), else as written. */
export function personEn(name: string, terms: readonly Term[]): string {
  const g = glossaryEntry(name, terms, 'person') ?? glossaryEntry(name, terms);
  if (g) return g.en;
  return romanizeName(name);
}

/** ISO date (2025, 2025-07, 2025-07-16, with or without time) in each language. */
export function formatDate(iso: string | undefined, lang: Lang): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(iso.trim());
  if (!m) return iso;
  const y = m[1];
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if (lang === 'en') {
    if (!mo) return y;
    return d ? `${d} ${MONTHS[mo - 1]} ${y}` : `${MONTHS[mo - 1]} ${y}`;
  }
  if (!mo) return `${y}年`;
  return d ? `${y}年${mo}月${d}日` : `${y}年${mo}月`;
}

function issueText(meta: SourceMeta, lang: Lang, deps: SourceLineDeps): string | undefined {
  const series = meta.series?.trim();
  const issue = meta.issue?.trim();
  if (!series && !issue) return undefined;
  if (lang === 'en') {
    const seriesEn = series ? (glossaryEntry(series, deps.terms)?.en ?? romanizeText(series)) : undefined;
    const n = issue ? /\d+/.exec(issue)?.[0] : undefined;
    const issueEn = issue ? (n ? `No. ${n}` : romanizeText(issue)) : undefined;
    return [seriesEn, issueEn].filter(Boolean).join(', ');
  }
  // an issue written out (总第45期, 第3期) is kept as written; a bare number is the running number of
  // the publisher's reports (总第N期), or the issue within a named series (第N期)
  const issueZh = issue ? (/^\d+$/.test(issue) ? (series ? `第${issue}期` : `总第${issue}期`) : issue) : undefined;
  return [series, issueZh].filter(Boolean).join(' ');
}

function authorsText(authors: Person[], lang: Lang, deps: SourceLineDeps): string | undefined {
  const names = authors.map((a) => tidyName(a.name)).filter(Boolean);
  if (!names.length) return undefined;
  if (lang === 'en') {
    const en = names.map((n) => personEn(n, deps.terms));
    if (en.length === 1) return en[0];
    if (en.length === 2) return `${en[0]} and ${en[1]}`;
    return `${en[0]} et al.`;
  }
  if (names.length <= 2) return names.join('、');
  return `${names[0]} 等`;
}

function publisherText(name: string | undefined, lang: Lang, deps: SourceLineDeps): string | undefined {
  if (!name?.trim()) return undefined;
  if (lang === 'zh-Hans') return name.trim();
  const g = glossaryEntry(name, deps.terms, 'organisation') ?? glossaryEntry(name, deps.terms);
  if (lang === 'zh-Hant') return g ? g['zh-Hant'] : deps.toHant(name.trim());
  return g ? g.en : romanizeText(name);
}

/**
 * zh: "上海国际问题研究院 · 总第45期 · 2025年7月 · 赵隆 等" (report) or
 * "澎湃新闻 · 侯丹玮 · 2023年11月1日 · https://…" (news); zh-Hant is the zh line converted (the URL
 * untouched); en: publisher from the glossary (else pinyin), "No. 45", "July 2025", "Zhao Long et al.".
 */
/**
 * A page's address as a reader reads it: percent-escapes of characters (a Chinese Wikipedia page's
 * %E9%9B%84…) decoded where they stand for text, reserved characters (%2F, %3F…) and spaces kept escaped.
 */
export function readableUrl(url: string): string {
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    return url;
  }
  return /[\s\p{Cc}\p{Cf}]/u.test(decoded) ? url : decoded;
}

export function sourceLine(meta: SourceMeta, lang: Lang, deps: SourceLineDeps): string {
  const isNews = !meta.institution && !!meta.outlet;
  const parts: (string | undefined)[] = isNews
    ? [publisherText(meta.outlet, lang, deps), authorsText(meta.authors ?? [], lang, deps), formatDate(meta.date, lang)]
    : [publisherText(meta.institution ?? meta.outlet, lang, deps), issueText(meta, lang, deps), formatDate(meta.date, lang), authorsText(meta.authors ?? [], lang, deps)];
  // zh-Hant: the publisher was written from the glossary above; the rest is converted
  const texts = parts.map((t, k) => (t && lang === 'zh-Hant' && k > 0 ? deps.toHant(t) : t)).filter((p): p is string => !!p);
  if (isNews && meta.url) texts.push(readableUrl(meta.url.trim()));
  return texts.join(SEP);
}
