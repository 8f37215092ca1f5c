// Ranking: LexRank centrality over TF-IDF cosine similarity of character bigrams, plus structure and
// position priors and a glossary weight. Every component is kept so the choice can be explained.
import { isSpeech, speechPrior } from './genre/speech.js';
import type { SourceDoc } from '../model.js';
import { charTokens } from './text.js';
import { crossReferenceCue, definitionCue, dependentOpening, leadInCue, methodCue } from './cues.js';
import { figureCount, formulaicScore, hasFigure } from './formulaic.js';
import type { TermFinder } from './terms.js';
import { inAbstract, type Unit } from './units.js';
import { SPOKEN_WEIGHTS, shortTurn, spokenGenre, spokenPrior } from './spoken.js';
import { decisionPrior } from './genre/transcript.js';
import { underPrinciples } from './genre/plan.js';

export interface Ranked {
  unit: Unit;
  tokens: string[];
  /** Term ids found in the sentence (distinct, in order of first occurrence). */
  termIds: string[];
  /** LexRank score scaled so the most central sentence has 1. */
  centrality: number;
  prior: number;
  priorReasons: string[];
  /** Glossary weight in [0, 1]. */
  glossary: number;
  /** Share of the sentence made of the genre's stock phrases, in [0, 1] (formulaic.ts). */
  formulaic: number;
  /** centrality·W_C·(1 − formulaic) + prior + glossary·W_G */
  score: number;
}

export const WEIGHTS = {
  centrality: 0.6,
  glossary: 0.15,
  /**
   * Down-weight per unit of formulaic share (formulaic.ts), in the prior; the share also discounts
   * centrality (a sentence central only through stock phrases it shares with others is not central in
   * what it says). Together a sentence of stock phrases only loses at most W_C + this.
   */
  formulaic: 0.2,
  /** A figure (a number with a unit, a percentage, a date) carries information. */
  figure: 0.05,
  /** Edges below this cosine are dropped from the similarity graph. */
  edgeThreshold: 0.08,
  damping: 0.85,
};

/**
 * What bounds the cost of ranking. A document with up to `exactUnits` eligible sentences is ranked
 * through the whole similarity graph (every normal source: a long report has a few thousand). A larger
 * one would cost time and memory quadratic in its length (Σ df² products and as many stored cosines:
 * a 5 MB source took 40 s and 2.9 GB), so its distinct sentences are scored by cheap means first
 * (priors, glossary, cosine to the document's centroid) and only the best `candidates` of them go
 * through the graph; see rankLarge.
 */
export const LIMITS = {
  exactUnits: 2500,
  candidates: 2500,
  /**
   * MMR looks at most this many sentences of a pool (pick.ts boundedPool): the best-scored distinct
   * ones, and the pinned. Never fewer than exactUnits, so a document within it is not affected.
   */
  pool: 5000,
};

/** What a sentence that points to another part of the source (cues.ts crossReferenceCue) loses in the prior. */
export const CROSS_REFERENCE_PENALTY = 0.3;

/** What a method note (cues.ts methodCue) loses in the prior: as much as a definition. */
export const METHOD_PENALTY = 0.3;

/** Sparse unit vector: parallel arrays of token index (ascending) and weight. */
interface Vec {
  idx: number[];
  w: number[];
}

export interface Similarity {
  /** Cosine similarity of two ranked units by their position in the ranked array. */
  (a: number, b: number): number;
}

export interface Ranking {
  ranked: Ranked[];
  sim: Similarity;
  /** Every unit of the document (eligible or not), in reading order: neighbours for merging. */
  units: Unit[];
  /** Names of actors as written in the text: glossary places, organisations and people found. */
  actors: { name: string; category: string }[];
  /** What the similarity graph cost: its nodes and the products summed to build it (Σ df² over its tokens). */
  cost: GraphCost;
}

export interface GraphCost {
  /** Sentences in the graph (all eligible units, or the candidates of a large document). */
  nodes: number;
  /** Multiply-adds spent on pairwise cosines. */
  products: number;
}

function tfidf(tokens: string[][]): { vecs: Vec[]; vocabSize: number } {
  // tokens → ids once; term frequencies and document frequencies in flat arrays
  const vocab = new Map<string, number>();
  const ids: Int32Array[] = tokens.map((toks) => {
    const a = new Int32Array(toks.length);
    for (let k = 0; k < toks.length; k++) {
      let id = vocab.get(toks[k]);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(toks[k], id);
      }
      a[k] = id;
    }
    return a;
  });
  const V = vocab.size;
  const df = new Int32Array(V);
  const tf = new Int32Array(V);
  const lastDoc = new Int32Array(V).fill(-1);
  ids.forEach((a, d) => {
    for (const id of a)
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        df[id]++;
      }
  });
  const n = tokens.length;
  const vecs = ids.map((a) => {
    const distinct: number[] = [];
    for (const id of a) if (tf[id]++ === 0) distinct.push(id);
    distinct.sort((x, y) => x - y);
    const w = new Array<number>(distinct.length);
    let norm = 0;
    for (let k = 0; k < distinct.length; k++) {
      const i = distinct[k];
      w[k] = (1 + Math.log(tf[i])) * (Math.log((n + 1) / (df[i] + 1)) + 1);
      norm += w[k] * w[k];
      tf[i] = 0;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < w.length; k++) w[k] /= norm;
    return { idx: distinct, w };
  });
  return { vecs, vocabSize: V };
}

/**
 * Pairwise cosines, sparse: per row the columns with a nonzero cosine (ascending) and their values.
 * Built through an inverted index with one scratch row, so the cost is Σ df² over the tokens rather
 * than n², and memory is the number of nonzero pairs.
 */
export interface SparseSim {
  n: number;
  cols: Int32Array[];
  vals: Float32Array[];
  /** Multiply-adds it took. */
  products: number;
}

function similarities(vecs: Vec[], vocabSize: number): SparseSim {
  const n = vecs.length;
  // inverted index as flat arrays (CSR): postings of token t are [start[t], start[t + 1])
  const start = new Int32Array(vocabSize + 1);
  for (const v of vecs) for (const t of v.idx) start[t + 1]++;
  for (let t = 0; t < vocabSize; t++) start[t + 1] += start[t];
  const fill = start.slice(0, vocabSize);
  const pDoc = new Int32Array(start[vocabSize]);
  const pW = new Float64Array(start[vocabSize]);
  vecs.forEach((v, d) => {
    for (let k = 0; k < v.idx.length; k++) {
      const at = fill[v.idx[k]]++;
      pDoc[at] = d;
      pW[at] = v.w[k];
    }
  });
  const acc = new Float64Array(n);
  const mark = new Uint8Array(n);
  const touched = new Int32Array(n);
  const cols: Int32Array[] = [];
  const vals: Float32Array[] = [];
  let products = 0;
  for (let i = 0; i < n; i++) {
    const v = vecs[i];
    let m = 0;
    for (let k = 0; k < v.idx.length; k++) {
      const wi = v.w[k];
      products += start[v.idx[k] + 1] - start[v.idx[k]];
      for (let p = start[v.idx[k]], end = start[v.idx[k] + 1]; p < end; p++) {
        const j = pDoc[p];
        if (j === i) continue;
        if (!mark[j]) {
          mark[j] = 1;
          touched[m++] = j;
        }
        acc[j] += wi * pW[p];
      }
    }
    // the row's columns in ascending order: a scan when the row is dense, else a sort
    const c = new Int32Array(m);
    if (m * 8 > n) {
      let q = 0;
      for (let j = 0; j < n; j++) if (mark[j]) c[q++] = j;
    } else {
      c.set(touched.subarray(0, m));
      c.sort();
    }
    const w = new Float32Array(m);
    for (let k = 0; k < m; k++) {
      w[k] = acc[c[k]];
      acc[c[k]] = 0;
      mark[c[k]] = 0;
    }
    cols.push(c);
    vals.push(w);
  }
  return { n, cols, vals, products };
}

/** Cosine of rows a and b in a sparse similarity (binary search in row a). */
export function simAt(S: SparseSim, a: number, b: number): number {
  if (a === b) return 1;
  const c = S.cols[a];
  let lo = 0;
  let hi = c.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid] === b) return S.vals[a][mid];
    if (c[mid] < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** LexRank (continuous): PageRank over the thresholded cosine graph, edges weighted by cosine. */
export function lexRank(sim: SparseSim | Map<number, number>[], threshold = WEIGHTS.edgeThreshold, d = WEIGHTS.damping): number[] {
  const S = Array.isArray(sim) ? fromRows(sim) : sim;
  const n = S.n;
  if (n === 0) return [];
  // outgoing edges per node, in target order (a fixed summation order)
  const targets: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const outSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = S.cols[i];
    const v = S.vals[i];
    let m = 0;
    for (let k = 0; k < c.length; k++) if (c[k] !== i && v[k] >= threshold) m++;
    const t = new Int32Array(m);
    const w = new Float64Array(m);
    m = 0;
    for (let k = 0; k < c.length; k++)
      if (c[k] !== i && v[k] >= threshold) {
        t[m] = c[k];
        w[m++] = v[k];
        outSum[i] += v[k];
      }
    targets.push(t);
    weights.push(w);
  }
  let r = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iter = 0; iter < 300; iter++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outSum[i] === 0) dangling += r[i];
    next.fill((1 - d) / n + (d * dangling) / n);
    for (let i = 0; i < n; i++) {
      if (outSum[i] === 0) continue;
      const f = (d * r[i]) / outSum[i];
      const t = targets[i];
      const w = weights[i];
      for (let k = 0; k < t.length; k++) next[t[k]] += f * w[k];
    }
    let diff = 0;
    for (let j = 0; j < n; j++) diff += Math.abs(next[j] - r[j]);
    [r, next] = [next, r];
    if (diff < 1e-9) break;
  }
  return Array.from(r);
}

function fromRows(rows: Map<number, number>[]): SparseSim {
  const cols: Int32Array[] = [];
  const vals: Float32Array[] = [];
  for (const row of rows) {
    const c = Int32Array.from([...row.keys()]).sort();
    cols.push(c);
    vals.push(Float32Array.from(c, (j) => row.get(j)!));
  }
  return { n: rows.length, cols, vals, products: 0 };
}

/**
 * Rhetoric rather than content: an exclamation outside quotation marks, a call opening with
 * 让我们/同志们/朋友们, or a sentence addressed to the audience (各位代表，… 亲爱的同胞们，…).
 */
export function isExhortation(text: string): boolean {
  const t = text.trim();
  if (/^[“「"]/.test(t)) return false;
  return /[！!]$/.test(t) || /^(?:让我们|同志们|朋友们|(?:各位|亲爱的|親愛的)[^，,。；：:]{0,12}[，,])/.test(t);
}

function isFirstInSection(u: Unit): boolean {
  return u.textBlockIndex === 0 && u.posInBlock === 0 && (u.role === 'paragraph' || u.role === 'lead');
}

/** What a sentence under a plan's ideology or principles (underPrinciples) loses. */
export const PRINCIPLES_PENALTY = 0.25;

/** Structure and position priors for one unit (points added to the score, with reasons). */
export function priorOf(u: Unit, doc: SourceDoc, total: number): { prior: number; reasons: string[]; formulaic: number } {
  const reasons: string[] = [];
  let p = 0;
  const add = (x: number, why: string) => {
    p += x;
    reasons.push(`${why} ${x >= 0 ? '+' : ''}${x.toFixed(2)}`);
  };
  if (doc.kind === 'report') {
    if (inAbstract(u)) add(0.25, '摘要');
    if (u.path.some((s) => s.kind === 'conclusion')) add(0.1, 'conclusion');
    if (isFirstInSection(u)) {
      if (inAbstract(u)) add(0.05, 'paragraph lead');
      else if (u.section.kind === 'chapter' || u.section.kind === 'conclusion' || u.path.length === 1) add(0.15, 'chapter lead');
      else add(0.1, 'section lead');
    } else if (u.posInBlock === 0 && u.role === 'paragraph') add(0.05, 'paragraph lead');
  } else {
    const lead = doc.sections[0];
    const inLead = lead !== undefined && u.path[0] === lead && !lead.heading;
    if (inLead && u.textBlockIndex === 0) add(0.3, 'news lead');
    else if (inLead) add(0.1, 'lead section');
    else if (isFirstInSection(u)) add(0.1, 'section lead');
    else if (u.posInBlock === 0 && u.role === 'paragraph') add(0.05, 'paragraph lead');
    if (total > 1) add(0.1 * (1 - u.index / (total - 1)), 'early');
  }
  if (u.role === 'lead') add(0.05, 'list lead');
  if (u.role === 'item' && u.posInBlock === 0) add(0.08, 'enumerated');
  if (u.segment.emphasis) add(0.12, 'emphasis');
  // a sentence that opens with a connective (但, 因此…) or points back (这, 该, 上述…) leans on the one before it
  const dep = dependentOpening(u.segment.text);
  if (dep) add(-0.1, dep);
  // a press conference reports its announcements and decisions; the answers to questions talk around them
  if (u.answer) add(-0.3, 'answer in a transcript');
  // what a meeting's record says was settled is what its brief reports first (genre/transcript.ts)
  const d = decisionPrior(u);
  p += d.v;
  reasons.push(...d.why);
  // a definition explains a word the document uses; it is a point only when nothing better is left
  if (definitionCue(u.segment.text)) add(-0.3, 'definition');
  // a method note (数据来源于…, 以…数据为准, 根据…将受访者分为…) says how the figures were made, not what they show
  const method = methodCue(u.segment.text);
  if (method) add(-METHOD_PENALTY, `method note (${[...method].slice(0, 8).join('')}…)`);
  // …and so does a lead-in saying what picture the report draws (…勾勒出…的全景图)
  else if (leadInCue(u.segment.text)) add(-METHOD_PENALTY, 'lead-in');
  // a sentence that sends its reader to an appendix or a section of the source (详见附录 B) is not whole on its own
  if (crossReferenceCue(u.segment.text)) add(-CROSS_REFERENCE_PENALTY, 'cross-reference');
  // an exhortation ("让我们……而努力奋斗！") closes a speech; it states no finding
  if (isExhortation(u.segment.text)) add(-0.3, 'exhortation');
  // the genre's stock phrases (measured against the background corpus) say little about this document;
  // figures say something concrete
  // a plan's guiding ideology and principles (under 指导思想/基本原则, or its run-in label) are the genre's
  // formulas: its measures and targets say what this plan does
  if (underPrinciples(u)) add(-PRINCIPLES_PENALTY, 'guiding ideology or principles');
  const f = formulaicScore(u.segment.text);
  if (f > 0) add(-WEIGHTS.formulaic * f, `formulaic ${f.toFixed(2)} (centrality ×${(1 - f).toFixed(2)})`);
  if (hasFigure(u.segment.text)) add(WEIGHTS.figure, 'figure');
  // talk: a sentence opening with a hedge, an ordinal or a story ranks below a clean statement (spoken.ts)
  // …and a speaker's whole turn of a few words replies to the turn before it, in the meeting's shorthand
  if (spokenGenre(doc) && shortTurn(u.section.blocks, u.blockIndex)) add(-SPOKEN_WEIGHTS.leans, 'spoken: a one-line reply');
  const spoken = spokenPrior(doc, u.segment.text);
  p += spoken.v;
  reasons.push(...spoken.why);
  if (isSpeech(doc)) {
    // a speech or work report: its figures and targets are its findings, its formulas weigh less
    const s = speechPrior(u.segment.text, figureCount(u.segment.text), f);
    p += s.v;
    reasons.push(...s.why);
  }
  return { prior: p, reasons, formulaic: f };
}

/** A sentence's tokens (glossary terms added as whole tokens) and the ids of the terms it names. */
function sentenceTokens(text: string, findTerms: TermFinder, tokenize: (sentence: string) => string[], actorMap: Map<string, string>): { toks: string[]; ids: string[] } {
  const toks = tokenize(text);
  const ids: string[] = [];
  for (const h of findTerms(text)) {
    const cat = h.term.category;
    if (cat === 'place' || cat === 'organisation' || cat === 'person') actorMap.set(text.slice(h.start, h.end), cat);
    toks.push('§' + h.term.id);
    if (!ids.includes(h.term.id)) ids.push(h.term.id);
  }
  return { toks, ids };
}

/** Glossary weight of each sentence: terms frequent in this document weigh more. */
function glossaryWeights(termIds: readonly string[][]): number[] {
  const termCount = new Map<string, number>();
  for (const ids of termIds) for (const id of ids) termCount.set(id, (termCount.get(id) ?? 0) + 1);
  const maxCount = Math.max(1, ...termCount.values());
  return termIds.map((ids) => Math.min(1, ids.reduce((s, id) => s + (termCount.get(id) ?? 0) / maxCount, 0)));
}

function sortedActors(actorMap: Map<string, string>): { name: string; category: string }[] {
  return [...actorMap].map(([name, category]) => ({ name, category })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Rank the eligible units of a document. Centrality comes from LexRank over TF-IDF cosine similarity
 * of character bigrams (text.ts charTokens; `tokenize` swaps in wordTokens for comparison), glossary
 * terms added as whole tokens so a multi-character concept also counts as one unit. A document with
 * more than LIMITS.exactUnits eligible units is ranked by rankLarge (a bounded graph).
 */
export function rankUnits(units: Unit[], doc: SourceDoc, findTerms: TermFinder, tokenize: (sentence: string) => string[] = charTokens): Ranking {
  const eligible = units.filter((u) => u.eligible);
  if (eligible.length > LIMITS.exactUnits) return rankLarge(units, eligible, doc, findTerms, tokenize, LIMITS.candidates);
  const tokens: string[][] = [];
  const termIds: string[][] = [];
  const actorMap = new Map<string, string>();
  for (const u of eligible) {
    const { toks, ids } = sentenceTokens(u.segment.text, findTerms, tokenize, actorMap);
    tokens.push(toks);
    termIds.push(ids);
  }
  const { vecs, vocabSize } = tfidf(tokens);
  const S = similarities(vecs, vocabSize);
  const lr = lexRank(S);
  const maxLr = Math.max(0, ...lr) || 1;
  const glossary = glossaryWeights(termIds);
  const ranked: Ranked[] = eligible.map((unit, i) => {
    const { prior, reasons, formulaic } = priorOf(unit, doc, units.length);
    const centrality = lr[i] / maxLr;
    return {
      unit,
      tokens: tokens[i],
      termIds: termIds[i],
      centrality,
      prior,
      priorReasons: reasons,
      glossary: glossary[i],
      formulaic,
      score: WEIGHTS.centrality * centrality * (1 - formulaic) + prior + WEIGHTS.glossary * glossary[i],
    };
  });
  const sim: Similarity = (a, b) => simAt(S, a, b);
  return { ranked, sim, units, actors: sortedActors(actorMap), cost: { nodes: eligible.length, products: S.products } };
}

/** Cosine of two sparse unit vectors (their token indices ascending). */
function dot(a: Vec, b: Vec): number {
  let s = 0;
  let i = 0;
  let j = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i];
    const y = b.idx[j];
    if (x === y) s += a.w[i++] * b.w[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * Ranking of a large document in time and memory linear in its length (plus a bounded graph):
 *
 * 1. Each distinct sentence is one vector, however often it recurs (a repeated boilerplate sentence,
 *    or a whole report pasted twice, says nothing more the second time); document frequencies count
 *    distinct sentences.
 * 2. Cheap centrality: a sentence's summed cosine to every other distinct sentence, v·Σv − 1, in one
 *    pass — the weighted degree of the complete cosine graph, to which LexRank's stationary
 *    distribution is close on an undirected graph.
 * 3. Each distinct sentence's cheap score is the best prior + glossary weight among its occurrences
 *    plus WEIGHTS.centrality × its degree (scaled to the most central); the best `limit` of them
 *    (ties in reading order) are the candidates.
 * 4. The candidates go through the similarity graph and LexRank as in rankUnits: that centrality is
 *    theirs; a sentence outside the candidates has centrality 0 (it keeps its prior and glossary).
 *
 * Every eligible unit is still ranked (structural slots look up their units' scores). Similarities
 * for MMR are computed on demand per pair of distinct sentences and cached by column (the chosen
 * sentence), so MMR costs O(pool × chosen) dot products.
 */
function rankLarge(units: Unit[], eligible: Unit[], doc: SourceDoc, findTerms: TermFinder, tokenize: (sentence: string) => string[], limit: number): Ranking {
  const groupIndex = new Map<string, number>();
  const groupOf = new Int32Array(eligible.length);
  const gTokens: string[][] = [];
  const gTerms: string[][] = [];
  const actorMap = new Map<string, string>();
  eligible.forEach((u, i) => {
    const text = u.segment.text;
    let g = groupIndex.get(text);
    if (g === undefined) {
      g = gTokens.length;
      groupIndex.set(text, g);
      const { toks, ids } = sentenceTokens(text, findTerms, tokenize, actorMap);
      gTokens.push(toks);
      gTerms.push(ids);
    }
    groupOf[i] = g;
  });
  groupIndex.clear();
  const m = gTokens.length;
  const { vecs, vocabSize } = tfidf(gTokens);
  const glossary = glossaryWeights(eligible.map((_, i) => gTerms[groupOf[i]]));
  const priors = eligible.map((u) => priorOf(u, doc, units.length));

  // cheap centrality: v·Σv − 1 (each vector has norm 1), clamped at 0
  const sum = new Float64Array(vocabSize);
  for (const v of vecs) for (let k = 0; k < v.idx.length; k++) sum[v.idx[k]] += v.w[k];
  const degree = new Float64Array(m);
  let maxDegree = 0;
  for (let g = 0; g < m; g++) {
    const v = vecs[g];
    let d = 0;
    for (let k = 0; k < v.idx.length; k++) d += v.w[k] * sum[v.idx[k]];
    degree[g] = Math.max(0, d - 1);
    if (degree[g] > maxDegree) maxDegree = degree[g];
  }
  const best = new Float64Array(m).fill(-Infinity);
  const firstUnit = new Int32Array(m).fill(-1);
  eligible.forEach((_, i) => {
    const g = groupOf[i];
    const c = priors[i].prior + WEIGHTS.glossary * glossary[i];
    if (c > best[g]) best[g] = c;
    if (firstUnit[g] < 0) firstUnit[g] = i;
  });
  const cheap = new Float64Array(m);
  // the same text has the same formulaic share wherever it occurs
  for (let g = 0; g < m; g++) cheap[g] = best[g] + (maxDegree > 0 ? (WEIGHTS.centrality * degree[g] * (1 - priors[firstUnit[g]].formulaic)) / maxDegree : 0);
  const candidates = Array.from({ length: m }, (_, g) => g)
    .sort((a, b) => cheap[b] - cheap[a] || firstUnit[a] - firstUnit[b])
    .slice(0, limit)
    .sort((a, b) => a - b);

  // the bounded graph: exact cosines and LexRank among the candidates
  const S = similarities(
    candidates.map((g) => vecs[g]),
    vocabSize,
  );
  const lr = lexRank(S);
  const maxLr = Math.max(0, ...lr) || 1;
  const centralityOf = new Float64Array(m);
  candidates.forEach((g, k) => (centralityOf[g] = lr[k] / maxLr));

  const ranked: Ranked[] = eligible.map((unit, i) => {
    const g = groupOf[i];
    const { prior, reasons, formulaic } = priors[i];
    const centrality = centralityOf[g];
    return {
      unit,
      tokens: gTokens[g],
      termIds: gTerms[g],
      centrality,
      prior,
      priorReasons: reasons,
      glossary: glossary[i],
      formulaic,
      score: WEIGHTS.centrality * centrality * (1 - formulaic) + prior + WEIGHTS.glossary * glossary[i],
    };
  });
  // cosines on demand, one cached column per distinct sentence asked about as `b` (MMR: the chosen)
  const columns = new Map<number, Float32Array>();
  const sim: Similarity = (a, b) => {
    const ga = groupOf[a];
    const gb = groupOf[b];
    if (ga === gb) return 1;
    let col = columns.get(gb);
    if (!col && columns.size < 64) {
      col = new Float32Array(m).fill(NaN);
      columns.set(gb, col);
    }
    if (col && !Number.isNaN(col[ga])) return col[ga];
    const v = Math.fround(dot(vecs[ga], vecs[gb]));
    if (col) col[ga] = v;
    return v;
  };
  return { ranked, sim, units, actors: sortedActors(actorMap), cost: { nodes: candidates.length, products: S.products } };
}
