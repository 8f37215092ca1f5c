// zh-Hans → zh-Hant: OpenCC (s2tw for Taiwan usage, s2hk for Hong Kong) with protected spans.
//
// Protected spans are glossary terms (written in their zh-Hant form from the glossary) and the
// project overrides (overrides.ts); longest match wins, terms beat overrides at equal length.
// The config decision (s2tw, not s2twp) is documented in overrides.ts.
//
// How protection keeps OpenCC's phrase matching: the whole text is converted once, as if nothing were
// protected; when the conversion kept the length (it does for s2tw/s2hk almost always: their tables map
// characters and same-length phrases), the protected spans are written over their positions, so the
// text around them was converted with its full context. Only when lengths differ does it fall back to
// converting the unprotected pieces separately (OpenCC then cannot match a phrase across a span edge).
import type { Term } from '../model.js';
import { openccConvert } from './opencc.js';
import { COMMON_OVERRIDES, HK_OVERRIDES, TW_OVERRIDES, type OverridePair } from './overrides.js';

export type HantVariant = 'tw' | 'hk';

export interface HantOptions {
  /** Taiwan (default) or Hong Kong usage. */
  variant?: HantVariant;
  /** Glossary terms: their zh-Hans main form is written as their zh-Hant form. */
  terms?: readonly Term[];
  /** “”‘’ → 「」『』 (default true). */
  quotes?: boolean;
  /** Apply the project override list (default true; tests of raw OpenCC behaviour turn it off). */
  overrides?: boolean;
}

export type HantConverter = (text: string) => string;

// ---- OpenCC ----

/** The plain OpenCC converter for a variant (s2tw or s2hk); see opencc.ts for how it stays cheap. */
export function openccConverter(variant: HantVariant): HantConverter {
  return (text: string) => openccConvert(variant, text);
}

// ---- protected spans: a dictionary indexed by first character ----

interface ProtectDict {
  /** first UTF-16 unit → entries, longest key first */
  byFirst: Map<string, { key: string; value: string }[]>;
}

function buildDict(pairs: Iterable<OverridePair>): ProtectDict {
  const merged = new Map<string, string>();
  // later pairs win: callers pass overrides first, then terms
  for (const [k, v] of pairs) if (k) merged.set(k, v);
  const byFirst = new Map<string, { key: string; value: string }[]>();
  for (const [key, value] of merged) {
    const list = byFirst.get(key[0]) ?? [];
    list.push({ key, value });
    byFirst.set(key[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1));
  return { byFirst };
}

interface Span {
  start: number;
  end: number;
  value: string;
}

/** Leftmost-longest, non-overlapping matches. */
function findSpans(text: string, dict: ProtectDict): Span[] {
  const spans: Span[] = [];
  if (dict.byFirst.size === 0) return spans;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const list = dict.byFirst.get(text[i]);
    if (list) {
      let hit: { key: string; value: string } | undefined;
      for (const e of list) {
        if (text.startsWith(e.key, i)) {
          hit = e;
          break;
        }
      }
      if (hit) {
        spans.push({ start: i, end: i + hit.key.length, value: hit.value });
        i += hit.key.length;
        continue;
      }
    }
    i++;
  }
  return spans;
}

// ---- quotation marks ----

const LATIN = /[A-Za-z0-9]/;

/** “”‘’ → 「」『』; a ’ between two Latin letters/digits is an apostrophe (China’s) and stays. */
export function convertQuotes(text: string): string {
  if (!/[“”‘’]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    switch (c) {
      case '“':
        out += '「';
        break;
      case '”':
        out += '」';
        break;
      case '‘':
        out += '『';
        break;
      case '’':
        out += i > 0 && i + 1 < text.length && LATIN.test(text[i - 1]) && LATIN.test(text[i + 1]) ? c : '』';
        break;
      default:
        out += c;
    }
  }
  return out;
}

// ---- the converter ----

function makeConverter(variant: HantVariant, terms: readonly Term[], quotes: boolean, overrides: boolean): HantConverter {
  const base = openccConverter(variant);
  const pairs: OverridePair[] = [];
  if (overrides) {
    pairs.push(...COMMON_OVERRIDES);
    pairs.push(...(variant === 'tw' ? TW_OVERRIDES : HK_OVERRIDES));
  }
  for (const t of terms) {
    const hans = t['zh-Hans'];
    const hant = t['zh-Hant'];
    if (hans && hant) pairs.push([hans, hant]);
  }
  const dict = buildDict(pairs);

  return (text: string): string => {
    if (!text) return text;
    const spans = findSpans(text, dict);
    let out: string;
    if (spans.length === 0) {
      out = base(text);
    } else {
      const full = base(text);
      const parts: string[] = [];
      let prev = 0;
      if (full.length === text.length) {
        for (const s of spans) {
          parts.push(full.slice(prev, s.start), s.value);
          prev = s.end;
        }
        parts.push(full.slice(prev));
      } else {
        for (const s of spans) {
          if (s.start > prev) parts.push(base(text.slice(prev, s.start)));
          parts.push(s.value);
          prev = s.end;
        }
        if (prev < text.length) parts.push(base(text.slice(prev)));
      }
      out = parts.join('');
    }
    return quotes ? convertQuotes(out) : out;
  };
}

// Cache by options: terms arrays by identity (the glossary is loaded once), then variant/quotes/overrides.
const NO_TERMS: readonly Term[] = [];
const convCache = new WeakMap<readonly Term[], Map<string, HantConverter>>();

/**
 * A zh-Hans → zh-Hant converter. Create once and reuse: converters are cached by options
 * (terms by array identity), and the OpenCC tables are loaded once per variant.
 */
export function createHantConverter(opts: HantOptions = {}): HantConverter {
  const variant = opts.variant ?? 'tw';
  if (variant !== 'tw' && variant !== 'hk') throw new Error(`unknown zh-Hant variant: ${String(variant)}`);
  const terms = opts.terms ?? NO_TERMS;
  const quotes = opts.quotes ?? true;
  const overrides = opts.overrides ?? true;
  const key = `${variant}|${quotes ? 1 : 0}|${overrides ? 1 : 0}`;
  let byKey = convCache.get(terms);
  if (!byKey) {
    byKey = new Map();
    convCache.set(terms, byKey);
  }
  let conv = byKey.get(key);
  if (!conv) {
    conv = makeConverter(variant, terms, quotes, overrides);
    byKey.set(key, conv);
  }
  return conv;
}

/** Convenience: convert one text (uses the cached converter for the options). */
export function toHant(text: string, opts?: HantOptions): string {
  return createHantConverter(opts)(text);
}
