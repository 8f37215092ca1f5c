// Ranking: LexRank centrality over TF-IDF cosine similarity of word tokens, plus structure and
// position priors and a glossary weight. Every component is kept so the choice can be explained.
import type { SourceDoc } from '../model.js';
import { wordTokens } from './text.js';
import type { TermFinder } from './terms.js';
import { inAbstract, type Unit } from './units.js';

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
  /** centrality·W_C + prior + glossary·W_G */
  score: number;
}

export const WEIGHTS = {
  centrality: 0.6,
  glossary: 0.15,
  /** Edges below this cosine are dropped from the similarity graph. */
  edgeThreshold: 0.08,
  damping: 0.85,
};

/** Sparse unit vector: parallel arrays of token index and weight. */
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
}

function tfidf(tokens: string[][]): Vec[] {
  const vocab = new Map<string, number>();
  const df: number[] = [];
  for (const toks of tokens) {
    const seen = new Set<number>();
    for (const t of toks) {
      let id = vocab.get(t);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(t, id);
        df.push(0);
      }
      if (!seen.has(id)) {
        seen.add(id);
        df[id]++;
      }
    }
  }
  const n = tokens.length;
  return tokens.map((toks) => {
    const tf = new Map<number, number>();
    for (const t of toks) {
      const id = vocab.get(t)!;
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const idx = [...tf.keys()].sort((a, b) => a - b);
    const w = idx.map((i) => (1 + Math.log(tf.get(i)!)) * (Math.log((n + 1) / (df[i] + 1)) + 1));
    const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0)) || 1;
    return { idx, w: w.map((x) => x / norm) };
  });
}

/** Dense matrix of pairwise cosines (n × n, Float32), computed through an inverted index. */
export interface SimMatrix {
  n: number;
  m: Float32Array;
}

function similarities(vecs: Vec[]): SimMatrix {
  const n = vecs.length;
  const m = new Float32Array(n * n);
  const postings = new Map<number, { doc: number; w: number }[]>();
  vecs.forEach((v, d) => {
    v.idx.forEach((t, k) => {
      const p = postings.get(t);
      if (p) p.push({ doc: d, w: v.w[k] });
      else postings.set(t, [{ doc: d, w: v.w[k] }]);
    });
  });
  for (const list of postings.values())
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const x = list[a].w * list[b].w;
        m[list[a].doc * n + list[b].doc] += x;
        m[list[b].doc * n + list[a].doc] += x;
      }
  return { n, m };
}

/** LexRank (continuous): PageRank over the thresholded cosine graph, edges weighted by cosine. */
export function lexRank(sim: SimMatrix | Map<number, number>[], threshold = WEIGHTS.edgeThreshold, d = WEIGHTS.damping): number[] {
  const S = Array.isArray(sim) ? fromRows(sim) : sim;
  const n = S.n;
  if (n === 0) return [];
  // outgoing edges per node, in target order (a fixed summation order)
  const targets: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const outSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t: number[] = [];
    const w: number[] = [];
    for (let j = 0; j < n; j++) {
      const c = S.m[i * n + j];
      if (j !== i && c >= threshold) {
        t.push(j);
        w.push(c);
        outSum[i] += c;
      }
    }
    targets.push(Int32Array.from(t));
    weights.push(Float64Array.from(w));
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

function fromRows(rows: Map<number, number>[]): SimMatrix {
  const n = rows.length;
  const m = new Float32Array(n * n);
  rows.forEach((row, i) => row.forEach((c, j) => (m[i * n + j] = c)));
  return { n, m };
}

/** Openings that tie a sentence to the previous one. */
export const CONNECTIVE = /^(但是?|而且?|然而|因此|所以|因而|此外|另外|同时|其中|对此|为此|不过|可见|于是|并且|甚至|当然|这也|这一|这种|这些|此举|该)/;

/** "这一立场…", "上述措施…" early in a sentence: it points back to what came before. */
export const ANAPHORA = /^[^，。；]{0,8}(这一|这种|这些|这个|上述|前述|此类)/;

function isFirstInSection(u: Unit): boolean {
  return u.textBlockIndex === 0 && u.posInBlock === 0 && (u.role === 'paragraph' || u.role === 'lead');
}

/** Structure and position priors for one unit (points added to the score, with reasons). */
export function priorOf(u: Unit, doc: SourceDoc, total: number): { prior: number; reasons: string[] } {
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
  // a sentence that opens with a connective (但, 因此, 其中…) leans on the one before it
  if (CONNECTIVE.test(u.segment.text)) add(-0.1, 'connective');
  else if (ANAPHORA.test(u.segment.text)) add(-0.1, 'anaphora');
  return { prior: p, reasons };
}

/**
 * Rank the eligible units of a document. Centrality comes from LexRank over TF-IDF cosine similarity
 * (word tokens per sentence, glossary terms added as whole tokens so a term split by the segmenter
 * still counts as one concept).
 */
export function rankUnits(units: Unit[], doc: SourceDoc, findTerms: TermFinder): Ranking {
  const eligible = units.filter((u) => u.eligible);
  const tokens: string[][] = [];
  const termIds: string[][] = [];
  for (const u of eligible) {
    const toks = wordTokens(u.segment.text);
    const ids: string[] = [];
    for (const h of findTerms(u.segment.text)) {
      toks.push('§' + h.term.id);
      if (!ids.includes(h.term.id)) ids.push(h.term.id);
    }
    tokens.push(toks);
    termIds.push(ids);
  }
  const vecs = tfidf(tokens);
  const S = similarities(vecs);
  const lr = lexRank(S);
  const maxLr = Math.max(0, ...lr) || 1;
  // glossary weight: terms frequent in this document weigh more
  const termCount = new Map<string, number>();
  for (const ids of termIds) for (const id of ids) termCount.set(id, (termCount.get(id) ?? 0) + 1);
  const maxCount = Math.max(1, ...termCount.values());
  const ranked: Ranked[] = eligible.map((unit, i) => {
    const { prior, reasons } = priorOf(unit, doc, units.length);
    const glossary = Math.min(1, termIds[i].reduce((s, id) => s + (termCount.get(id) ?? 0) / maxCount, 0));
    const centrality = lr[i] / maxLr;
    return {
      unit,
      tokens: tokens[i],
      termIds: termIds[i],
      centrality,
      prior,
      priorReasons: reasons,
      glossary,
      score: WEIGHTS.centrality * centrality + prior + WEIGHTS.glossary * glossary,
    };
  });
  const sim: Similarity = (a, b) => (a === b ? 1 : S.m[a * S.n + b]);
  return { ranked, sim };
}
