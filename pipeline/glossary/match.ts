// Finding glossary terms in text.
//
// Chinese: one Aho–Corasick automaton over every Chinese form (zh-Hans and zh-Hant main forms, accepted
// and forbidden variants), so a text in either script finds terms written in either script.
// English: a trie of words; case-insensitive for ordinary words, first letter kept for proper nouns,
// acronyms (NATO, EU) exact; plurals (-s, -es, -ies) on the last word; possessives ('s, ’s) and any
// punctuation end a word, so they never hide a term.
// Overlaps: all candidates are collected, then the longest is taken first (earlier first at equal
// length) and nothing overlapping a taken match is kept: 安全 inside 共同安全 is not reported.
// A Chinese match of 2–3 characters must also start and end on word boundaries (中国 is not in 发展中国家).
import type { Lang, Term } from '../model.js';

export type MatchKind = 'main' | 'variant' | 'forbidden';

export interface TermMatch {
  term: Term;
  /** UTF-16 offsets in the text searched: [start, end). */
  start: number;
  end: number;
  /** The text as it stands in the searched text. */
  form: string;
  kind: MatchKind;
  /** The language of the glossary form that matched (zh-Hans or zh-Hant for Chinese). */
  formLang: Lang;
}

/** Says whether a candidate may stand (a document's scope: glossary/scope.ts); refused ones give way to others. */
export type Admit = (term: Term, form: string, lang: Lang) => boolean;

export interface TermMatcher {
  find(text: string, lang: Lang): TermMatch[];
  /** The same matcher, taking only the candidates `admit` lets stand (shorter overlapping ones get their chance). */
  within(admit: Admit): TermMatcher;
  /** Number of distinct forms compiled (for diagnostics and the bench). */
  readonly size: number;
}

interface FormRef {
  term: Term;
  kind: MatchKind;
  lang: Lang;
}

const KIND_RANK: Record<MatchKind, number> = { main: 0, variant: 1, forbidden: 2 };
const LANG_RANK: Record<Lang, number> = { 'zh-Hans': 0, 'zh-Hant': 1, en: 2 };

/** Keep one reference per form: main before variant before forbidden, then by term id. */
function better(a: FormRef, b: FormRef): boolean {
  if (KIND_RANK[a.kind] !== KIND_RANK[b.kind]) return KIND_RANK[a.kind] < KIND_RANK[b.kind];
  if (a.term.id !== b.term.id) return a.term.id < b.term.id;
  return LANG_RANK[a.lang] < LANG_RANK[b.lang];
}

/**
 * The reference a Chinese form stands for in a text of `lang`: a form of the text's own script first
 * (赫格塞斯 may be the accepted zh-Hant spelling and a forbidden zh-Hans one), then as `better`.
 */
function pick(refs: FormRef[], lang: Lang): FormRef {
  let best = refs[0];
  for (let i = 1; i < refs.length; i++) {
    const r = refs[i];
    const own = r.lang === lang;
    const bestOwn = best.lang === lang;
    if (own !== bestOwn ? own : better(r, best)) best = r;
  }
  return best;
}

function* formsOf(term: Term, langs: Lang[]): Generator<[string, FormRef]> {
  for (const lang of langs) {
    const main = term[lang];
    if (main) yield [main, { term, kind: 'main', lang }];
    for (const v of term.variants?.[lang] ?? []) yield [v, { term, kind: 'variant', lang }];
    for (const f of term.forbidden?.[lang] ?? []) yield [f.term, { term, kind: 'forbidden', lang }];
  }
}

// ---- Aho–Corasick over UTF-16 code units ----

class Automaton {
  private next: Map<number, number>[] = [new Map()];
  private fail: number[] = [0];
  /** Pattern index ending at this state, or -1. */
  private out: number[] = [-1];
  /** Nearest state on the fail chain that ends a pattern (dictionary suffix link), or -1. */
  private dict: number[] = [-1];
  readonly patterns: { form: string; refs: FormRef[] }[] = [];

  add(form: string, ref: FormRef): void {
    let s = 0;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      let t = this.next[s].get(c);
      if (t === undefined) {
        t = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push(-1);
        this.dict.push(-1);
        this.next[s].set(c, t);
      }
      s = t;
    }
    const existing = this.out[s];
    if (existing === -1) {
      this.out[s] = this.patterns.length;
      this.patterns.push({ form, refs: [ref] });
    } else {
      this.patterns[existing].refs.push(ref);
    }
  }

  build(): void {
    const queue: number[] = [];
    for (const t of this.next[0].values()) {
      this.fail[t] = 0;
      queue.push(t);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const [c, t] of this.next[s]) {
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const ft = this.fail[t];
        this.dict[t] = this.out[ft] !== -1 ? ft : this.dict[ft];
        queue.push(t);
      }
    }
  }

  /** Every occurrence: [start, end, patternIndex] triples, flattened. */
  scan(text: string): number[] {
    const hits: number[] = [];
    let s = 0;
    const next = this.next;
    const fail = this.fail;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = next[s].get(c);
      while (t === undefined && s !== 0) {
        s = fail[s];
        t = next[s].get(c);
      }
      s = t ?? 0;
      let o = this.out[s] !== -1 ? s : this.dict[s];
      while (o !== -1) {
        const p = this.out[o];
        const len = this.patterns[p].form.length;
        hits.push(i + 1 - len, i + 1, p);
        o = this.dict[o];
      }
    }
    return hits;
  }
}

// ---- English words ----

const WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]+/gu;

interface Token {
  word: string;
  start: number;
  end: number;
  /** Normalized separator before this token (from the previous token). */
  gap: string;
}

function normGap(gap: string): string {
  const g = gap.replace(/\s+/g, ' ');
  if (/^ ?[-‐‑–—] ?$/.test(g)) return '-';
  return g;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = -1;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    tokens.push({ word: m[0], start, end, gap: prevEnd < 0 ? '' : normGap(text.slice(prevEnd, start)) });
    prevEnd = end;
  }
  return tokens;
}

const isAcronym = (w: string): boolean => /^[A-Z0-9]{2,}$/.test(w) && /[A-Z]/.test(w);
const isProper = (w: string): boolean => /^\p{Lu}/u.test(w);

interface EnPattern {
  words: string[];
  ref: FormRef;
  form: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Patterns ending here; `inflected` when the last word carries a plural ending. */
  ends: { p: number; inflected: boolean }[];
}

function inflections(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w + 's', w + 'es'];
  if (/[^aeiou]y$/.test(w)) out.push(w.slice(0, -1) + 'ies');
  return out;
}

/** Does the token as written satisfy the pattern word's case? */
function caseOk(pattern: string, token: string, inflected: boolean): boolean {
  if (isAcronym(pattern)) {
    if (token.startsWith(pattern)) return !inflected || /^(s|es)$/.test(token.slice(pattern.length));
    // Guardian style: Nato, Opec (title case of acronyms of four letters or more)
    if (pattern.length >= 4 && !/[0-9]/.test(pattern)) {
      const title = pattern[0] + pattern.slice(1).toLowerCase();
      return token.startsWith(title) && (!inflected || /^(s|es)$/.test(token.slice(title.length)));
    }
    return false;
  }
  if (isProper(pattern)) return isProper(token);
  return true;
}

class WordTrie {
  private root: TrieNode = { next: new Map(), ends: [] };
  readonly patterns: EnPattern[] = [];
  private byForm = new Map<string, number>();

  add(form: string, ref: FormRef): void {
    const toks = tokenize(form);
    if (!toks.length) return;
    const key = toks.map((t, i) => (i ? t.gap + '\u0001' : '') + t.word).join('\u0002');
    const existing = this.byForm.get(key);
    if (existing !== undefined) {
      if (better(ref, this.patterns[existing].ref)) this.patterns[existing].ref = ref;
      return;
    }
    const p = this.patterns.length;
    this.patterns.push({ words: toks.map((t) => t.word), ref, form });
    this.byForm.set(key, p);
    let node = this.root;
    for (let i = 0; i < toks.length - 1; i++) node = this.child(node, toks[i], i);
    const last = toks[toks.length - 1];
    this.child(node, last, toks.length - 1).ends.push({ p, inflected: false });
    for (const infl of inflections(last.word)) {
      this.child(node, { ...last, word: infl }, toks.length - 1).ends.push({ p, inflected: true });
    }
  }

  private child(node: TrieNode, tok: Token, i: number): TrieNode {
    const k = (i ? tok.gap + '\u0001' : '') + tok.word.toLowerCase();
    let c = node.next.get(k);
    if (!c) {
      c = { next: new Map(), ends: [] };
      node.next.set(k, c);
    }
    return c;
  }

  /** Every occurrence: [start, end, patternIndex] triples, flattened. */
  scan(text: string): number[] {
    const hits: number[] = [];
    const toks = tokenize(text);
    for (let i = 0; i < toks.length; i++) {
      let node: TrieNode | undefined = this.root.next.get(toks[i].word.toLowerCase());
      let j = i;
      while (node) {
        for (const e of node.ends) {
          const pat = this.patterns[e.p];
          let ok = true;
          for (let k = 0; k < pat.words.length && ok; k++) {
            ok = caseOk(pat.words[k], toks[i + k].word, e.inflected && k === pat.words.length - 1);
          }
          if (ok) hits.push(toks[i].start, toks[j].end, e.p);
        }
        j++;
        if (j >= toks.length) break;
        node = node.next.get(toks[j].gap + '\u0001' + toks[j].word.toLowerCase());
      }
    }
    return hits;
  }
}

// ---- Chinese word boundaries ----
//
// A short Chinese form can straddle two words of the text: 中国 in 发展中国家 (发展|中|国家). A candidate of
// 2–3 characters is kept only if its start and its end are word boundaries of the surrounding text, as
// ICU's dictionary segmentation (Intl.Segmenter) sees them in a window of a few characters each side.
// Longer forms are specific enough. The boundaries of a window depend only on its text: they are cached.

const WINDOW = 4;
const SHORT_MAX = 3;
const CACHE_MAX = 50_000;
let segmenter: Intl.Segmenter | undefined;
const boundaryCache = new Map<string, boolean>();
/** Boundaries ICU was asked for since the last takeNewBoundaries (for a build to keep in out/). */
const newBoundaries = new Map<string, boolean>();

/**
 * Boundaries earlier builds asked ICU for (window and offset → boundary or not), kept in out/ under
 * the ICU version: a rebuild of the same texts then needs no segmenter at all (its first use loads
 * ICU's dictionary, ~10 ms, and each window costs a few microseconds more).
 */
export function rememberBoundaries(kept: Record<string, 0 | 1> | undefined): void {
  if (!kept) return;
  for (const [k, v] of Object.entries(kept)) if (boundaryCache.size < CACHE_MAX && (v === 0 || v === 1)) boundaryCache.set(k, v === 1);
}

/** The boundaries asked of ICU since the last call, as 1 (a boundary) or 0. */
export function takeNewBoundaries(): Record<string, 0 | 1> {
  const out: Record<string, 0 | 1> = {};
  for (const [k, v] of newBoundaries) out[k] = v ? 1 : 0;
  newBoundaries.clear();
  return out;
}

/** A common ideograph (Word_Break Other; ICU segments runs of them with its dictionary). */
const isIdeograph = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/**
 * Printable ASCII and CJK punctuation: characters that no word-break rule joins to an ideograph (they
 * are not Extend, Format or ZWJ, and the rules that join letters, digits and kana never take an
 * ideograph), so ICU always breaks between one of them and an ideograph.
 */
const isPlainNeighbour = (c: number) =>
  (c >= 0x20 && c <= 0x7e) ||
  (c >= 0x3001 && c <= 0x3004) ||
  (c >= 0x3008 && c <= 0x3011) ||
  (c >= 0x3014 && c <= 0x301f) ||
  (c >= 0xff01 && c <= 0xff0f) ||
  (c >= 0xff1a && c <= 0xff20) ||
  (c >= 0xff3b && c <= 0xff3e) ||
  c === 0xff40 ||
  (c >= 0xff5b && c <= 0xff64) ||
  c === 0x2014 ||
  c === 0x2018 ||
  c === 0x2019 ||
  c === 0x201c ||
  c === 0x201d ||
  c === 0x2026 ||
  c === 0xb7;

/** Word boundaries of a short window, asked one offset at a time (ICU finds the segment around it). */
export class WindowBoundaries {
  private segments: Intl.Segments | undefined;
  constructor(readonly win: string) {}

  /** Does a word start or end at offset i (0 and the window's length always do)? Cached by window and offset. */
  at(i: number): boolean {
    if (i <= 0 || i >= this.win.length) return true;
    // an ideograph next to punctuation, a space, a Latin letter or a digit: always a boundary (as ICU
    // has it: tests/glossary/match-boundaries.test.ts), without asking ICU
    const before = this.win.charCodeAt(i - 1);
    const after = this.win.charCodeAt(i);
    if ((isIdeograph(before) && isPlainNeighbour(after)) || (isPlainNeighbour(before) && isIdeograph(after))) return true;
    const key = `${i}\u0000${this.win}`;
    let b = boundaryCache.get(key);
    if (b === undefined) {
      segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
      this.segments ??= segmenter.segment(this.win);
      b = this.segments.containing(i)!.index === i;
      if (boundaryCache.size >= CACHE_MAX) boundaryCache.clear();
      boundaryCache.set(key, b);
      if (newBoundaries.size < CACHE_MAX) newBoundaries.set(key, b);
    }
    return b;
  }
}

/**
 * Does the candidate [start, end) begin and end on word boundaries of the text? Where ICU puts the
 * edge inside a word, the candidate still stands if the text on that side, segmented on its own, is a
 * word of two characters or more next to it: 特朗普|及其 (ICU: 特朗|普及|其), 管辖权|限制 (管辖|权限|制),
 * but not 中国|家 (发展|中|国家).
 */
function onWordBoundaries(text: string, start: number, end: number): boolean {
  if (end - start < 2 || end - start > SHORT_MAX) return true;
  return onWordEdges(text, start, end);
}

/** onWordBoundaries for a span of any length: both its edges are word edges of the text (key terms, select/term-occurrences.ts). */
export function onWordEdges(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - WINDOW);
  const to = Math.min(text.length, end + WINDOW);
  const win = new WindowBoundaries(text.slice(from, to));
  if (!win.at(start - from)) {
    const n = start - from;
    // the last word of the left side is two or more characters long
    if (n < 2 || new WindowBoundaries(text.slice(from, start)).at(n - 1)) return false;
  }
  if (!win.at(end - from)) {
    // the first word of the right side is two or more characters long
    if (to - end < 2 || new WindowBoundaries(text.slice(end, to)).at(1)) return false;
  }
  return true;
}

/** Words for a river, a lake, a mountain…: after a place's name, they name that feature. */
const FEATURE = new Set(['河', '江', '湖', '山', '峡', '湾', '岛', '洋', '海']);

/**
 * Does a place's name end at `end` only to go on as the name of a river, lake or mountain, where the
 * feature word stands as a word of one character (印度|河, not 中国|河北省)? Then the place is not meant.
 */
function namesFeature(text: string, end: number): boolean {
  return FEATURE.has(text.charAt(end)) && isWordBoundary(text, end + 1);
}

/** Numerals a quantity starts with (约100米, 约五公里). */
const NUMERAL = /[0-9０-９〇一二两三四五六七八九十百千万几数]/u;

/**
 * Does the match read across a locative and a quantity: 以 + a direction closing "to the north of", then
 * 约 + a numeral, "about N" (起步区以北约100米: 以北|约100米, not 北约, NATO)? ICU cuts it 以|北约|100.
 */
function acrossLocativeQuantity(text: string, start: number, end: number): boolean {
  return (
    end - start >= 2 &&
    text.charAt(start - 1) === '以' &&
    PLACE_PREFIX.has(text.charAt(start)) &&
    text.charAt(end - 1) === '约' &&
    NUMERAL.test(text.charAt(end))
  );
}

// ---- names inside longer names ----
//
// ICU's dictionary knows few proper names: it cuts 内蒙古 as 内|蒙古, 南苏丹 as 南|苏丹, so 蒙古 (Mongolia)
// passes the boundary test. A direction written straight before a place's name makes a longer name
// (内蒙古, 南苏丹, 北马其顿, 东帝汶) unless it ends a locative word of its own (国内, 境内, 以南, 乌东:
// a one-character name or a place word before the direction). Other longer names (桦加沙, a typhoon;
// 社会保障卡申领, where 卡申 is no one) show only over the whole document: see `scopeMatcher`.

/** Directions that begin a longer place name. */
const PLACE_PREFIX = new Set([...'东西南北内外']);

/**
 * Particles, prepositions and verbs of motion that stand before a place's name: after one of them (or
 * at the start of a text, after punctuation, a space or a digit) a direction begins the name (在内蒙古,
 * 与南苏丹). After any other character the direction closes a word of its own (国内, 境内, 以南, 乌东).
 */
const BEFORE_NAME = new Set([...'在之对于与和同跟及或并而的了是为将被把让使给由受向往从到至赴访经据按随自'].filter(Boolean));

/** Is the place at [start, end) the tail of a longer place name (内蒙古, 南苏丹)? */
export function afterPlacePrefix(text: string, start: number, term: Term): boolean {
  if (term.category !== 'place' || start < 1) return false;
  if (!PLACE_PREFIX.has(text.charAt(start - 1))) return false;
  if (start < 2) return true;
  const head = text.charCodeAt(start - 2);
  return !isIdeograph(head) || BEFORE_NAME.has(text.charAt(start - 2));
}

// ---- short names ----
//
// A person's short name (卡申 of 瓦西里·卡申) is two or three characters that occur inside many words:
// ICU cuts 社会保障卡申领 as 保障|卡|申|领. Sentence by sentence, a short name is not taken next to a
// stray character (one ICU can attach to nothing and that is no particle or suffix): 卡申|领. Over a
// whole document, glossary/scope.ts asks more of it (the full name, or a role).

/**
 * Single characters that stand next to a name as words of their own: particles, conjunctions,
 * prepositions, verbs of speech and motion, localizers and suffixes (中国|的, 在|加沙, 美国|对, 俄|方).
 */
const NAME_NEIGHBOURS = new Set([
  ...'的地得之了着过和与及或并同跟而且也都还又再就才只仅均即乃亦但却则既因',
  ...'在于对向从自至到往赴访经由被把让使令给为是将已曾要会能可应须受据按随以',
  ...'中上下里内外间前后边旁部方面侧端',
  ...'国省市县区州盟旗镇乡村岛洲籍式版型性化者家人员军队界党府院局署办',
  ...'等各每该本此其所这那某诸全整',
  ...'年月日天次个位名项批条场届',
  ...'说称指问答谈讲道曰表认',
]);

/** Is the ideograph at `i` a word of one character (boundaries on both sides) and not a particle? */
export function stray(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charAt(i);
  return isIdeograph(text.charCodeAt(i)) && !NAME_NEIGHBOURS.has(c) && isWordBoundary(text, i) && isWordBoundary(text, i + 1);
}

/** A person's short name: a Chinese variant written inside the entry's full name (卡申 in 瓦西里·卡申). */
export function isShortName(term: Term, form: string): boolean {
  if (term.category !== 'person') return false;
  const full = [term['zh-Hans'], term['zh-Hant']];
  return !full.includes(form) && full.some((f) => f.length > form.length && f.includes(form));
}

/** A short name next to a stray character: part of a longer word (卡申 in 卡申领). */
function shortNameInWord(text: string, start: number, end: number, term: Term): boolean {
  return isShortName(term, text.slice(start, end)) && (stray(text, start - 1) || stray(text, end));
}

/** Does a word start or end at offset `at` of the text (ICU's segmentation of a window around it)? */
export function isWordBoundary(text: string, at: number): boolean {
  const from = Math.max(0, at - WINDOW);
  return new WindowBoundaries(text.slice(from, Math.min(text.length, at + WINDOW))).at(at - from);
}

// ---- choosing among overlapping candidates ----

function select(text: string, hits: number[], refOf: (p: number) => FormRef, wordCheck = false, admit?: Admit): TermMatch[] {
  const n = hits.length / 3;
  const order: number[] = [];
  for (let k = 0; k < n; k++) order.push(k);
  order.sort((a, b) => {
    const la = hits[3 * a + 1] - hits[3 * a];
    const lb = hits[3 * b + 1] - hits[3 * b];
    if (la !== lb) return lb - la;
    if (hits[3 * a] !== hits[3 * b]) return hits[3 * a] - hits[3 * b];
    const ra = refOf(hits[3 * a + 2]);
    const rb = refOf(hits[3 * b + 2]);
    return better(ra, rb) ? -1 : better(rb, ra) ? 1 : 0;
  });
  const taken = new Uint8Array(text.length);
  const out: TermMatch[] = [];
  for (const k of order) {
    const start = hits[3 * k];
    const end = hits[3 * k + 1];
    let free = true;
    for (let i = start; i < end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    if (wordCheck && !onWordBoundaries(text, start, end)) continue;
    const ref = refOf(hits[3 * k + 2]);
    if (admit && !admit(ref.term, text.slice(start, end), ref.lang)) continue;
    if (wordCheck && ref.term.category === 'place' && namesFeature(text, end)) continue;
    if (wordCheck && afterPlacePrefix(text, start, ref.term)) continue;
    if (wordCheck && acrossLocativeQuantity(text, start, end)) continue;
    if (wordCheck && shortNameInWord(text, start, end, ref.term)) continue;
    taken.fill(1, start, end);
    out.push({ term: ref.term, start, end, form: text.slice(start, end), kind: ref.kind, formLang: ref.lang });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Compile the glossary's forms once; `find` then scans a text in one pass per script. */
export function createMatcher(terms: readonly Term[]): TermMatcher {
  const zh = new Automaton();
  const en = new WordTrie();
  for (const term of terms) {
    for (const [form, ref] of formsOf(term, ['zh-Hans', 'zh-Hant'])) if (form) zh.add(form, ref);
    for (const [form, ref] of formsOf(term, ['en'])) if (form) en.add(form, ref);
  }
  zh.build();
  const chosen: Record<'zh-Hans' | 'zh-Hant', FormRef[]> = {
    'zh-Hans': zh.patterns.map((pt) => pick(pt.refs, 'zh-Hans')),
    'zh-Hant': zh.patterns.map((pt) => pick(pt.refs, 'zh-Hant')),
  };
  const matcher = (admit?: Admit): TermMatcher => ({
    size: zh.patterns.length + en.patterns.length,
    find(text: string, lang: Lang): TermMatch[] {
      if (!text) return [];
      if (lang === 'en') return select(text, en.scan(text), (p) => en.patterns[p].ref, false, admit);
      const refs = chosen[lang];
      return select(text, zh.scan(text), (p) => refs[p], true, admit);
    },
    within(next: Admit): TermMatcher {
      return matcher(admit ? (t, f, l) => admit(t, f, l) && next(t, f, l) : next);
    },
  });
  return matcher();
}
