// English for the XLIFF files the build writes: real translations from tests/fixtures/e2e/translations.json
// (keyed by the Chinese), or — for a segment the selection newly picks — a placeholder that still carries
// the segment's numbers, dates and glossary terms, so QA passes either way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtures } from './helpers.js';
import { zhQuantities } from '../../pipeline/check/numbers-zh.js';
import { zhDates, formatDate } from '../../pipeline/check/dates.js';

export const TRANSLATIONS: Record<string, string> = JSON.parse(readFileSync(path.join(fixtures, 'translations.json'), 'utf8'));

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function placeholder(zh: string, terms: string[]): string {
  const dates = zhDates(zh);
  const figures = zhQuantities(zh, dates).map((q) => {
    const v = `${+q.value.toFixed(9)}`;
    return q.percent ? `${v}%` : q.currency === 'CNY' ? `${v} yuan` : q.currency === 'USD' ? `${v} US dollars` : v;
  });
  const parts = ['Placeholder translation', ...terms, ...dates.map(formatDate), ...figures];
  return parts.join('; ') + '.';
}

export function english(zh: string, terms: string[] = []): string {
  return TRANSLATIONS[zh] ?? placeholder(zh, terms);
}

export interface Unit {
  id: string;
  source: string;
  terms: string[];
}

/** The units of an XLIFF 2.0 file as the build writes it. */
export function units(xlf: string): Unit[] {
  const out: Unit[] = [];
  for (const m of xlf.matchAll(/<unit id="([^"]+)">([\s\S]*?)<\/unit>/g)) {
    const src = /<source>([\s\S]*?)<\/source>/.exec(m[2]);
    const terms = [...m[2].matchAll(/<gls:translation[^>]*>([\s\S]*?)<\/gls:translation>/g)].map((t) => unescape(t[1]));
    out.push({ id: m[1], source: unescape(src ? src[1] : ''), terms });
  }
  return out;
}

/** Fill every unit with a final English target; `override` replaces the English of chosen sources. */
export function fill(xlf: string, override: (zh: string, en: string) => string = (_zh, en) => en): string {
  return xlf.replace(/<unit id="([^"]+)">([\s\S]*?)<\/unit>/g, (all, _id: string, body: string) => {
    const src = /<source>([\s\S]*?)<\/source>/.exec(body);
    if (!src) return all;
    const zh = unescape(src[1]);
    const terms = [...body.matchAll(/<gls:translation[^>]*>([\s\S]*?)<\/gls:translation>/g)].map((t) => unescape(t[1]));
    const en = override(zh, english(zh, terms));
    const filled = body
      .replace(/<segment(?: state="[^"]*")?>/, '<segment state="final">')
      .replace(/<\/source>(\s*)(?:<target>[\s\S]*?<\/target>)?/, (_m, ws: string) => `</source>${ws}<target>${escape(en)}</target>${ws}`);
    return all.replace(body, filled);
  });
}
