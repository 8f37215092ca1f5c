// Mining candidate glossary entries from source texts (for `glossary suggest` and `glossary check`):
//   (a) glosses: a Chinese term followed by its English in brackets — 安全保障(Security Guarantee);
//   (b) quoted terms used repeatedly — “冻结冲突”;
//   (c) frequent Chinese n-grams that do not cross punctuation.
// Pure functions of located pieces of text; deterministic order.
import { isWordBoundary } from './match.js';
import type { Term, TermCategory } from '../model.js';
import type { Piece } from './corpus.js';

export interface MinedText {
  slug: string;
  /** The source file, for diagnostics. */
  file?: string;
  pieces: Piece[];
}

export interface Evidence {
  slug: string;
  line: number;
  column: number;
  /** A few characters around the find, for people. */
  context: string;
}

export type CandidateKind = 'gloss' | 'quoted' | 'ngram';

export interface Candidate {
  'zh-Hans': string;
  en?: string;
  category: TermCategory;
  kind: CandidateKind;
  count: number;
  evidence: Evidence[];
}

const HAN_CHAR = /\p{Script=Han}/u;
const isHan = (c: string | undefined): boolean => !!c && HAN_CHAR.test(c);
const NAME_JOINERS = new Set(['·', '•', '・', '－', '-', '‧']);

function contextAt(text: string, start: number, end: number, pad = 12): string {
  const a = Math.max(0, start - pad);
  const b = Math.min(text.length, end + pad);
  return (a > 0 ? '…' : '') + text.slice(a, b).replace(/\s+/g, ' ') + (b < text.length ? '…' : '');
}

function evidenceAt(slug: string, p: Piece, start: number, end: number): Evidence {
  // column: offset within the piece's line (pieces are lines or segments starting at their place)
  const before = p.text.slice(0, start);
  const nl = before.lastIndexOf('\n');
  const line = p.line + (before.match(/\n/g)?.length ?? 0);
  const column = nl >= 0 ? start - nl : p.column + start;
  return { slug, line, column, context: contextAt(p.text, start, end) };
}

// ---- (a) glosses ----

const TITLES = [
  '国防部长', '外交部长', '部长', '首相', '主席', '法官', '总统', '总理', '外长', '防长', '国务卿', '秘书长', '学者', '专员',
  '大使', '特使', '发言人', '议员', '教授', '研究员', '主任', '院长', '领导人', '司令', '将军', '国王', '女王', '检察官',
  '记者', '作者', '顾问', '上校', '参谋长', '局长', '署长', '委员', '代表', '议长', '总监', '总裁', '董事长', '首席执行官',
];
const CONNECTIVES = /[与和及同跟、]/;
const PARTICLES = new Set(['的', '了', '被', '把', '将', '是', '在', '对', '向', '从', '与', '和', '及', '由', '即']);
const VERBS = [
  '表示', '提出', '认为', '指出', '强调', '宣布', '称', '说', '包括', '通过', '举行', '参加', '出席', '签署', '发表', '加入',
  '退出', '踢出', '建立', '成立', '举办', '召开', '主持', '呼吁', '要求', '希望', '批评', '支持', '反对', '会见', '访问',
];
const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'la', 'le', 'du', 'da', 'di', 'bin', 'al', 'el', 'ibn']);
const COMMON_WORDS = new Set(
  (
    'security guarantee assurance council court union organization organisation treaty forum group agreement act charter ' +
    'conference initiative plan fund party ministry department institute institutes university commission bank force operation ' +
    'war peace state states nations united international national federation republic strategy policy order system summit ' +
    'office house agency committee assembly parliament army navy alliance coalition community partnership program programme ' +
    'project report review declaration convention statute protocol accord deal crisis conflict'
  ).split(' '),
);

/** Does an English gloss look like a personal name (2–4 capitalized words, name particles allowed)? */
export function looksLikePersonName(en: string): boolean {
  const words = en.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (!/^\p{Lu}/u.test(words[0]) || !/^\p{Lu}/u.test(words[words.length - 1])) return false;
  for (const w of words) {
    if (NAME_PARTICLES.has(w)) continue;
    if (!/^\p{Lu}[\p{Ll}’']+(?:[-‐][\p{Lu}]?[\p{Ll}’']+)*\.?$/u.test(w) && !/^\p{Lu}\.$/u.test(w)) return false;
    if (COMMON_WORDS.has(w.toLowerCase().replace(/[.’']/g, ''))) return false;
  }
  return true;
}

function guessCategory(zh: string, en: string): TermCategory {
  const e = en.toLowerCase();
  if (/\bv\.?\s/.test(e) || /案$/.test(zh)) return 'other';
  if (/\b(treaty|convention|charter|act|agreement|statute|declaration|accord|protocol|memorandum|communiqu[eé]|plan)s?$/.test(e)) return 'document';
  if (/^g\d+$/.test(e) || /\b(court|council|union|organi[sz]ation|commission|group|institutes?|ministry|department|party|agency|committee|assembly|parliament|alliance|bank|fund)\b/.test(e)) return 'organisation';
  if (/\b(forum|conference|summit|war|operation|talks|crisis)$/.test(e)) return 'event';
  if (/[国州省市岛洲]$/.test(zh) && !/[A-Z]{2,}/.test(en)) return 'place';
  return 'concept';
}

/** The Chinese term in the run of Han text that stands right before a bracketed gloss. */
export function termBeforeGloss(run: string, person: boolean): string {
  let s = run;
  if (person) {
    let cut = -1;
    for (const t of TITLES) {
      const i = s.lastIndexOf(t);
      if (i >= 0 && i + t.length > cut && i + t.length < s.length) cut = i + t.length;
    }
    if (cut > 0) s = s.slice(cut);
    if (s.length > 4) {
      const parts = s.split(CONNECTIVES);
      if (parts[parts.length - 1].length >= 2) s = parts[parts.length - 1];
    }
    if ([...s].filter(isHan).length > 8) s = s.slice(-4);
    return s.replace(/^[·•・－\-‧]+/, '');
  }
  // the longest plausible noun phrase: after the last particle or verb
  let cut = 0;
  for (let i = 0; i < s.length; i++) {
    if (PARTICLES.has(s[i]) && s.length - (i + 1) >= 2) cut = Math.max(cut, i + 1);
  }
  for (const v of VERBS) {
    const i = s.lastIndexOf(v);
    if (i >= 0 && s.length - (i + v.length) >= 2) cut = Math.max(cut, i + v.length);
  }
  s = s.slice(cut);
  if (s.length > 12) s = s.slice(-12);
  return s;
}

const GLOSS = /[（(]\s*\*{0,2}([A-Za-z][A-Za-z0-9 .,'’&\-–]{0,80}?)\*{0,2}\s*[）)]/g;

export function mineGlosses(texts: MinedText[]): Candidate[] {
  const found = new Map<string, Candidate>();
  for (const { slug, pieces } of texts) {
    for (const p of pieces) {
      const text = p.text;
      GLOSS.lastIndex = 0;
      for (let m = GLOSS.exec(text); m; m = GLOSS.exec(text)) {
        const en = m[1].trim().replace(/\s+/g, ' ').replace(/[,]$/, '');
        if (en.length < 2 || !/[A-Za-z]{2}/.test(en) || /https?:|www\./i.test(en) || en.split(' ').length > 8) continue;
        // look back over closing quotes to the Chinese run
        let j = m.index;
        let quoted = false;
        while (j > 0 && /[”」』"'’\s]/.test(text[j - 1])) {
          if (/[”」』"]/.test(text[j - 1])) quoted = true;
          j--;
        }
        const end = j;
        while (j > 0 && (isHan(text[j - 1]) || (NAME_JOINERS.has(text[j - 1]) && isHan(text[j - 2])))) j--;
        const run = text.slice(j, end);
        if ([...run].filter(isHan).length < 2) continue;
        const person = !quoted && looksLikePersonName(en);
        const zh = termBeforeGloss(run, person);
        if ([...zh].filter(isHan).length < 2) continue;
        const start = end - zh.length;
        const key = `${zh}\u0000${en.toLowerCase()}`;
        const c = found.get(key) ?? {
          'zh-Hans': zh,
          en,
          category: person ? 'person' : guessCategory(zh, en),
          kind: 'gloss' as const,
          count: 0,
          evidence: [],
        };
        c.count++;
        c.evidence.push(evidenceAt(slug, p, start, m.index + m[0].length));
        found.set(key, c);
      }
    }
  }
  return [...found.values()];
}

// ---- (b) quoted terms ----

const QUOTED = /[“「『]([^“”「」『』\n]{2,10})[”」』]/g;

export function mineQuoted(texts: MinedText[], minCount = 2): Candidate[] {
  const found = new Map<string, Candidate>();
  for (const { slug, pieces } of texts) {
    for (const p of pieces) {
      QUOTED.lastIndex = 0;
      for (let m = QUOTED.exec(p.text); m; m = QUOTED.exec(p.text)) {
        const zh = m[1];
        if (![...zh].every((c) => isHan(c) || NAME_JOINERS.has(c))) continue;
        const c = found.get(zh) ?? { 'zh-Hans': zh, category: 'concept' as TermCategory, kind: 'quoted' as const, count: 0, evidence: [] };
        c.count++;
        c.evidence.push(evidenceAt(slug, p, m.index + 1, m.index + 1 + zh.length));
        found.set(zh, c);
      }
    }
  }
  return [...found.values()].filter((c) => c.count >= minCount);
}

// ---- (c) frequent n-grams ----

const BAD_START = new Set([...'的了和与及在是对将被把也都而并其之或等以为于从向就这那些个各该此但且即又再所已曾使让给']);
const BAD_END = new Set([...'的了和与及在是对将被把也都而并其之或等以为于从向就这那些个各该此但且即又再所已曾使让给中上下有新']);
const BAD_ANY = new Set([...'的了']);
/** Discourse phrases, frequent in any text and never glossary terms. */
const STOP_GRAMS = ['一方面', '另一方面', '进一步', '与此同时', '事实上', '换言之', '总体来看', '从目前看', '在此背景下', '由此可见'];
/** Words that turn a known term into a phrase, not a new term (欧洲国家, 特朗普政府, 加入北约). */
const GENERIC_AFFIXES = ['国家', '政府', '方面', '问题', '双方', '地区', '当局', '领导人', '加入', '支持', '反对', '推动', '实现'];

export interface NgramOptions {
  min?: number;
  max?: number;
  minCount?: number;
  limit?: number;
}

/**
 * Pairs (a, b) of a gram one character shorter and the character that follows it, numbered in the
 * order first seen: an open-addressing table on typed arrays, so counting a place makes no string
 * and hashes no string (one table, cleared for each length).
 */
class PairIds {
  private keyA: Int32Array;
  private keyB: Int32Array;
  private id: Int32Array;
  private mask: number;
  size = 0;
  constructor(capacity: number) {
    let n = 16;
    while (n < 2 * capacity) n *= 2;
    this.keyA = new Int32Array(n).fill(-1);
    this.keyB = new Int32Array(n);
    this.id = new Int32Array(n);
    this.mask = n - 1;
  }
  clear(): void {
    this.keyA.fill(-1);
    this.size = 0;
  }
  /** The number of the pair, a new one (`size` before the call) if it was not seen yet. */
  idOf(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) & this.mask;
    for (;;) {
      const k = this.keyA[h];
      if (k === -1) {
        this.keyA[h] = a;
        this.keyB[h] = b;
        this.id[h] = this.size;
        return this.size++;
      }
      if (k === a && this.keyB[h] === b) return this.id[h];
      h = (h + 1) & this.mask;
    }
  }
}

/**
 * The grams of `min` to `max` characters (UTF-16 code units) of the texts seen at least `floor` times,
 * with their counts, each length in the order the grams are first seen. Length by length: a gram occurs
 * no more often than either of its two grams one character shorter, so only the places where both of
 * those are frequent are counted again (counting every gram of every length held each place of the text
 * in a map four times over, most of them seen once). A gram is a number here — its first character's
 * code, then the number of (its gram one shorter, its last character) — so a count makes no string;
 * only the frequent grams are cut from the text at the end.
 */
export function frequentGrams(texts: readonly string[], min: number, max: number, floor: number): Map<string, number> {
  const out = new Map<string, number>();
  const all = texts.join('');
  const length = all.length;
  const starts: number[] = [];
  let offset = 0;
  for (const t of texts) {
    starts.push(offset);
    offset += t.length;
  }
  starts.push(length);
  const codes = new Uint16Array(length);
  for (let i = 0; i < length; i++) codes[i] = all.charCodeAt(i);
  // ids[i]: the number of the gram of the current length at place i, -1 where none is counted
  let ids = new Int32Array(length);
  let counts = new Int32Array(65536);
  for (let i = 0; i < length; i++) counts[(ids[i] = codes[i])]++;
  const table = new PairIds(length);
  const emit = (n: number) => {
    const done = new Uint8Array(counts.length);
    for (let t = 0; t < texts.length; t++) {
      for (let i = starts[t], last = starts[t + 1] - n; i <= last; i++) {
        const id = ids[i];
        if (id < 0 || counts[id] < floor || done[id]) continue;
        done[id] = 1;
        out.set(all.slice(i, i + n), counts[id]);
      }
    }
  };
  if (min <= 1 && max >= 1) emit(1);
  for (let n = 2; n <= max; n++) {
    const next = new Int32Array(length).fill(-1);
    table.clear();
    const nextCounts = new Int32Array(length + 1);
    for (let t = 0; t < texts.length; t++) {
      for (let i = starts[t], last = starts[t + 1] - n; i <= last; i++) {
        const a = ids[i];
        const b = ids[i + 1];
        // both grams one shorter frequent: only then can this one be (a gram shorter than `min` is
        // never written out, but the same holds for it)
        if (a < 0 || b < 0 || counts[a] < floor || counts[b] < floor) continue;
        const id = table.idOf(a, codes[i + n - 1]);
        next[i] = id;
        nextCounts[id]++;
      }
    }
    ids = next;
    counts = nextCounts;
    if (n >= min) emit(n);
    if (table.size === 0) break;
  }
  return out;
}

export function mineNgrams(texts: MinedText[], opts: NgramOptions = {}): Candidate[] {
  const min = opts.min ?? 3;
  // seven: the name of an actor (个人信息处理者), which the key-terms table lists (select/terms.ts)
  const max = opts.max ?? 7;
  const minCount = opts.minCount ?? 5;
  const limit = opts.limit ?? 40;
  const first = new Map<string, Evidence>();
  const runs: { slug: string; p: Piece; start: number; text: string }[] = [];
  for (const { slug, pieces } of texts) {
    for (const p of pieces) {
      for (const m of p.text.matchAll(/\p{Script=Han}+/gu)) runs.push({ slug, p, start: m.index ?? 0, text: m[0] });
    }
  }
  // a gram seen fewer times than this can neither be chosen (minCount) nor make a chosen gram its
  // fragment (0.6 × its count, below)
  const counts = frequentGrams(
    runs.map((r) => r.text),
    min,
    max + 1,
    Math.ceil(0.6 * minCount),
  );
  // the runs one after the other, apart by a character no gram holds: a gram's places in document order
  // come from indexOf on one string (and the run each is in, by its start), not from every run in turn
  const joined = runs.map((r) => r.text).join('\n');
  const runStarts: number[] = [];
  let at = 0;
  for (const r of runs) {
    runStarts.push(at);
    at += r.text.length + 1;
  }
  const runAt = (offset: number): number => {
    let lo = 0;
    let hi = runStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** The first `most` places of a gram (overlapping ones too), each as its run and the place in it. */
  const placesOf = (g: string, most: number, each: (run: string, i: number) => void): number => {
    let seen = 0;
    for (let p = joined.indexOf(g); p >= 0 && seen < most; p = joined.indexOf(g, p + 1)) {
      const r = runAt(p);
      seen++;
      each(runs[r].text, p - runStarts[r]);
    }
    return seen;
  };
  // a gram one character longer that is nearly as frequent means this gram is its fragment
  const longest = new Map<string, number>();
  for (const [x, xc] of counts) {
    if (x.length <= min) continue;
    for (const part of [x.slice(1), x.slice(0, -1)]) if ((longest.get(part) ?? 0) < xc) longest.set(part, xc);
  }
  const fragment = (g: string, c: number): boolean => (longest.get(g) ?? 0) >= 0.6 * c;
  // a grammar character at an edge (个 of 一个国家, 和 of 和数据) ends the gram on a word of grammar, unless
  // the text binds it into a word there (个人信息, 和平发展: ICU's segmentation, in most occurrences)
  const edgesOk = (g: string): boolean => {
    const start = BAD_START.has(g[0]);
    const end = BAD_END.has(g[g.length - 1]);
    if (!start && !end) return true;
    if (g.length < 3) return false;
    let bound = 0;
    const seen = placesOf(g, 5, (run, i) => {
      if ((!start || !isWordBoundary(run, i + 1)) && (!end || !isWordBoundary(run, i + g.length - 1))) bound++;
    });
    return bound * 2 > seen;
  };
  // the cheap tests first: edgesOk asks ICU
  const ok = (g: string, c: number) =>
    g.length <= max &&
    c >= minCount &&
    !fragment(g, c) &&
    ![...g].some((ch) => BAD_ANY.has(ch)) &&
    !STOP_GRAMS.some((w) => g.includes(w)) &&
    edgesOk(g);
  const frequent = [...counts].filter(([g, c]) => ok(g, c)).sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const kept: [string, number][] = [];
  for (const [g, c] of frequent) {
    // a gram mostly seen inside a longer kept gram is that gram's fragment
    if (kept.some(([k, kc]) => k.length > g.length && k.includes(g) && kc >= 0.75 * c)) continue;
    kept.push([g, c]);
  }
  // a term is a word, or words: a gram that mostly starts or ends inside a word (克斯坦 of 哈萨克斯坦,
  // 型机制 of 条约型机制) is a piece of something else
  const aligned = ([g]: [string, number]): boolean => {
    let whole = 0;
    const seen = placesOf(g, 5, (run, i) => {
      if (isWordBoundary(run, i) && isWordBoundary(run, i + g.length)) whole++;
    });
    return whole * 2 >= seen;
  };
  const chosen = kept
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .filter(aligned)
    .slice(0, limit);
  for (const [g] of chosen) {
    if (first.has(g)) continue;
    const p = joined.indexOf(g);
    if (p < 0) continue;
    const r = runs[runAt(p)];
    const i = p - runStarts[runAt(p)];
    first.set(g, evidenceAt(r.slug, r.p, r.start + i, r.start + i + g.length));
  }
  return chosen.map(([g, c]) => ({
    'zh-Hans': g,
    category: 'concept' as TermCategory,
    kind: 'ngram' as const,
    count: c,
    evidence: first.has(g) ? [first.get(g)!] : [],
  }));
}

// ---- all together ----

export interface SuggestOptions extends NgramOptions {
  minQuoted?: number;
  kinds?: CandidateKind[];
}

/** Every form of the glossary, to leave known entries out: Chinese as written, English lowercased. */
export function knownForms(terms: readonly Term[]): { zh: Set<string>; zhParts: Set<string>; en: Set<string> } {
  const zh = new Set<string>();
  const en = new Set<string>();
  for (const t of terms) {
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      zh.add(t[lang]);
      for (const v of t.variants?.[lang] ?? []) zh.add(v);
      for (const f of t.forbidden?.[lang] ?? []) zh.add(f.term);
    }
    en.add(t.en.toLowerCase());
    for (const v of t.variants?.en ?? []) en.add(v.toLowerCase());
    for (const f of t.forbidden?.en ?? []) en.add(f.term.toLowerCase());
  }
  const zhParts = new Set<string>();
  for (const f of zh) for (let i = 0; i < f.length; i++) for (let j = i + 2; j <= f.length; j++) zhParts.add(f.slice(i, j));
  return { zh, zhParts, en };
}

const KIND_ORDER: Record<CandidateKind, number> = { gloss: 0, quoted: 1, ngram: 2 };

/** Candidates from every miner, known entries left out, one per Chinese term; sorted by kind, then count, then term. */
export function suggestEntries(texts: MinedText[], terms: readonly Term[], opts: SuggestOptions = {}): Candidate[] {
  const kinds = new Set(opts.kinds ?? ['gloss', 'quoted', 'ngram']);
  const known = knownForms(terms);
  const all: Candidate[] = [
    ...(kinds.has('gloss') ? mineGlosses(texts) : []),
    ...(kinds.has('quoted') ? mineQuoted(texts, opts.minQuoted ?? 2) : []),
    ...(kinds.has('ngram') ? mineNgrams(texts, opts) : []),
  ];
  const out = new Map<string, Candidate>();
  for (const c of all) {
    if (known.zh.has(c['zh-Hans'])) continue;
    if (c.en && known.en.has(c.en.toLowerCase())) continue;
    if (c.kind === 'ngram' && known.zhParts.has(c['zh-Hans'])) continue;
    if (c.kind === 'ngram' && isKnownPlusAffix(c['zh-Hans'], known.zh)) continue;
    const prev = out.get(c['zh-Hans']);
    if (prev) {
      if (prev.kind === c.kind && c.kind === 'gloss') {
        // the same Chinese term glossed two ways: keep both apart
        out.set(`${c['zh-Hans']}\u0000${c.en ?? ''}`, c);
      }
      continue;
    }
    out.set(c['zh-Hans'], c);
  }
  for (const c of out.values()) c.evidence.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : a.line - b.line || a.column - b.column));
  return [...out.values()].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.kind === 'gloss' ? cmpEvidence(a, b) : b.count - a.count) ||
      (a['zh-Hans'] < b['zh-Hans'] ? -1 : a['zh-Hans'] > b['zh-Hans'] ? 1 : 0) ||
      ((a.en ?? '') < (b.en ?? '') ? -1 : (a.en ?? '') > (b.en ?? '') ? 1 : 0),
  );
}

function isKnownPlusAffix(g: string, known: Set<string>): boolean {
  for (const a of GENERIC_AFFIXES) {
    if (g.endsWith(a) && known.has(g.slice(0, -a.length))) return true;
    if (g.startsWith(a) && known.has(g.slice(a.length))) return true;
  }
  return false;
}

function cmpEvidence(a: Candidate, b: Candidate): number {
  const ea = a.evidence[0];
  const eb = b.evidence[0];
  if (!ea || !eb) return 0;
  return ea.slug < eb.slug ? -1 : ea.slug > eb.slug ? 1 : ea.line - eb.line || ea.column - eb.column;
}
