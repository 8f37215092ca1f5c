// OpenCC (opencc-js) conversion with each text's own dictionaries.
//
// opencc-js builds a trie of every dictionary entry before converting anything: for zh-Hans → zh-Hant
// that is some 53,000 entries, 160–230 ms and ~36 MB of Map nodes in a cold process (and as much again
// in garbage collection), while a brief uses a few hundred of them. Here the dictionaries are only
// indexed (by their first two characters, once), and each conversion builds opencc-js's own Trie from the
// entries that occur in its text, then lets that Trie convert it.
//
// Why the output is the same: opencc-js converts by longest match at each position; any entry that
// can match at a position of the text occurs in the text, so it is in the narrowed trie, with the
// same precedence between entries of equal keys (earlier dictionaries of a group win, as in
// Trie.loadDictGroup). The stages of a conversion (e.g. phrases and characters, then Taiwan variants)
// run in turn, each narrowed to the text it receives. OpenCC's own test cases are checked against it
// in tests/localize/hant.test.ts.
import { createRequire } from 'node:module';

export type OpenCCVariant = 'tw' | 'hk';

type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
interface TrieLike {
  addWord(source: string, replacement: string): void;
  convert(text: string): string;
}
interface OpenCCModule {
  Trie: new () => TrieLike;
  Locale: { from: Record<string, readonly DictGroup[]>; to: Record<string, readonly DictGroup[]> };
}

// OpenCC's dictionaries (1 MB) load on first use, not when this module is imported.
let opencc: OpenCCModule | undefined;
function openccModule(): OpenCCModule {
  opencc ??= createRequire(import.meta.url)('opencc-js/cn2t') as OpenCCModule;
  return opencc;
}

interface Entry {
  key: string;
  value: string;
  /** Order in which Trie.loadDictGroup would add it (the last added wins). */
  rank: number;
}

/**
 * Entries of one stage by the first code point of their key, then by the UTF-16 unit after it
 * (single-character keys under -1): a text position is checked against a handful of entries.
 */
interface StageIndex {
  byFirst: Map<number, Map<number, Entry[]>>;
}

/** Index a dictionary group; `rank` orders entries as Trie.loadDictGroup adds them (the last added wins). */
function indexGroup(group: DictGroup): StageIndex {
  const byFirst: StageIndex['byFirst'] = new Map();
  let rank = 0;
  const add = (key: string, value: string) => {
    if (!key) return;
    const cp = key.codePointAt(0)!;
    const rest = cp > 0xffff ? 2 : 1;
    const next = key.length > rest ? key.charCodeAt(rest) : -1;
    let bySecond = byFirst.get(cp);
    if (!bySecond) byFirst.set(cp, (bySecond = new Map()));
    const list = bySecond.get(next);
    const entry = { key, value, rank: rank++ };
    if (list) list.push(entry);
    else bySecond.set(next, [entry]);
  };
  // loadDictGroup loads the dictionaries last to first, so that the first one's entries win
  for (const dict of [...group].reverse()) {
    if (typeof dict === 'string') {
      let start = 0;
      while (start < dict.length) {
        let end = dict.indexOf('|', start);
        if (end < 0) end = dict.length;
        const space = dict.indexOf(' ', start);
        if (space < 0 || space > end) throw new TypeError(`OpenCC dictionary entry without a replacement: "${dict.slice(start, end)}"`);
        add(dict.slice(start, space), dict.slice(space + 1, end));
        start = end + 1;
      }
    } else {
      for (const [key, value] of dict) add(key, value);
    }
  }
  return { byFirst };
}

/** opencc-js's Trie holding the entries of `stage` that occur in `text`, added in load order. */
function narrowedTrie(stage: StageIndex, text: string): TrieLike {
  const found: Entry[] = [];
  const seen = new Set<number>();
  const take = (list: Entry[] | undefined, i: number) => {
    if (list) for (const e of list) if (!seen.has(e.rank) && text.startsWith(e.key, i)) {
      seen.add(e.rank);
      found.push(e);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const bySecond = stage.byFirst.get(cp);
    if (!bySecond) continue;
    const after = i + (cp > 0xffff ? 2 : 1);
    take(bySecond.get(-1), i);
    if (after < text.length) take(bySecond.get(text.charCodeAt(after)), i);
  }
  found.sort((a, b) => a.rank - b.rank);
  const trie = new (openccModule().Trie)();
  for (const e of found) trie.addWord(e.key, e.value);
  return trie;
}

const stages = new Map<OpenCCVariant, StageIndex[]>();

function stagesFor(variant: OpenCCVariant): StageIndex[] {
  let s = stages.get(variant);
  if (!s) {
    const { Locale } = openccModule();
    // as opencc-js's Converter({ from: 'cn', to: variant }): the groups of `from`, then those of `to`
    s = [...Locale.from.cn, ...Locale.to[variant]].map(indexGroup);
    stages.set(variant, s);
  }
  return s;
}

/** zh-Hans → zh-Hant as opencc-js's Converter({ from: 'cn', to: variant }) converts it. */
export function openccConvert(variant: OpenCCVariant, text: string): string {
  let out = text;
  for (const stage of stagesFor(variant)) if (out) out = narrowedTrie(stage, out).convert(out);
  return out;
}
