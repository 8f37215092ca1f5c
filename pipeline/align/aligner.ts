// Sentence alignment of a Chinese text with its English: paragraphs first, then sentences within each
// aligned group of paragraphs (so the search stays near-linear in the document), each level by dynamic
// programming over 1–1, 1–0, 0–1, 2–1 and 1–2 beads priced by the Gale–Church length model and by the
// anchors both sides share. Every kept pair gets a score in [0, 1]: how likely it is right.
import { alignSequences, type Bead } from './dp.js';
import { DEFAULT_MODEL, chineseLength, estimateModel, lengthProbability, textLength, type LengthModel } from './length-model.js';
import { agreement, chineseAnchors, englishAnchors, mergeAnchors, type AnchorContext, type Anchors } from './anchors.js';

export interface ZhSentence {
  /** The segment id the build uses. */
  id: string;
  text: string;
}

export interface AlignInput {
  /** Chinese paragraphs, each a list of sentences (segments). */
  zh: ZhSentence[][];
  /** English paragraphs, each a list of sentences. */
  en: string[][];
  anchors?: AnchorContext;
}

export interface AlignedPair {
  zh: ZhSentence[];
  en: string[];
  /** How likely the pair is right, 0..1 (two decimals). */
  score: number;
  /** What the score rests on, for the report: length probability and anchors. */
  evidence: { length: number; matched: number; unmatched: number };
}

export interface AlignResult {
  pairs: AlignedPair[];
  /** Chinese sentences with no English (1–0 beads) and English sentences with no Chinese (0–1). */
  zhOnly: ZhSentence[];
  enOnly: string[];
  model: LengthModel;
}

/** Prior probabilities of the beads (Gale & Church 1993, Table 5). */
const PRIOR: Record<string, number> = { '1-1': 0.89, '1-0': 0.0099 / 2, '0-1': 0.0099 / 2, '2-1': 0.089 / 2, '1-2': 0.089 / 2 };

const ANCHOR_BONUS = 2.5;
const ANCHOR_PENALTY = 1.5;
/** At most this many anchors count either way: a long paragraph full of numbers must not drown its length. */
const ANCHOR_CAP = 6;

function anchorCost(zh: Anchors, en: { keys: Set<string>; words: Set<string> }): { cost: number; matched: number; unmatched: number } {
  const { matched, unmatched } = agreement(zh, en);
  return { cost: -ANCHOR_BONUS * Math.min(matched, ANCHOR_CAP) + ANCHOR_PENALTY * Math.min(unmatched, ANCHOR_CAP), matched, unmatched };
}

interface Side<T> {
  len: number[];
  anchors: T[];
  /** Merged anchors of units i..i+a-1, keyed i·4+a (the DP asks for each many times). */
  merged?: Map<number, T>;
}

function anchorsOf<T extends { keys: Set<string>; words: Set<string> }>(side: Side<T>, i: number, a: number): T {
  if (a === 1) return side.anchors[i];
  const memo = (side.merged ??= new Map());
  let m = memo.get(i * 4 + a);
  if (!m) memo.set(i * 4 + a, (m = mergeAnchors(side.anchors.slice(i, i + a))));
  return m;
}

function beadCost<T extends { keys: Set<string>; words: Set<string> }>(
  model: LengthModel,
  zh: Side<Anchors>,
  en: Side<T>,
  i: number,
  a: number,
  j: number,
  b: number,
): number {
  const prior = -Math.log(PRIOR[`${a}-${b}`] ?? 1e-4);
  if (a === 0 || b === 0) return prior + (a + b > 1 ? 5 : 0);
  let lz = 0;
  let le = 0;
  for (let k = i; k < i + a; k++) lz += zh.len[k];
  for (let k = j; k < j + b; k++) le += en.len[k];
  const lenCost = -Math.log(lengthProbability(model, lz, le));
  return prior + lenCost + anchorCost(anchorsOf(zh, i, a), anchorsOf(en, j, b)).cost;
}

function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * The evidence for a sentence bead on a logit scale: length probability and anchors; a 1–2 bead whose
 * Chinese fits one of its English sentences alone at least as well (the other is a neighbour's, or a
 * heading the Chinese lacks) counts against; a 1–1 bead in paragraphs that pair sentence for sentence
 * throughout counts for.
 */
function pairEvidence(lengthP: number, matched: number, unmatched: number, a: number, b: number, extraSentence: boolean, oneToOne: boolean): number {
  // a 1–2 bead is where a neighbour's sentence most often slips in (measured: README, "Alignment")
  return (
    Math.log(lengthP) +
    1.0 * Math.min(matched, 4) -
    1.5 * Math.min(unmatched, 4) +
    3 -
    (a === 1 && b === 1 ? 0 : 1.5) -
    (extraSentence ? 2 : 0) +
    (oneToOne ? 1 : 0)
  );
}

/** A bead next to one that found no partner, or a doubtful one, is itself often shifted by one sentence. */
const NEIGHBOUR_PENALTY = 1.5;
const DOUBTFUL = 0; // evidence below this (score < 0.5) makes a bead doubtful

/** Latin names in an English sentence, lower-cased: words with an inner capital or a digit (OpenAI, GPT-4o, o1). */
function namesLatin(s: string): string[] {
  return (s.match(/[A-Za-z0-9]+(?:[.+#-][A-Za-z0-9]+)*/g) ?? []).filter((w) => /[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]|^[A-Z]{2,}[a-z]/.test(w)).map((w) => w.toLowerCase());
}

function toScore(e: number): number {
  return Math.round(sigmoid(e) * 100) / 100;
}

export function alignTexts(input: AlignInput): AlignResult {
  const ctx = input.anchors ?? {};
  const zhSent = input.zh.map((p) => p.map((s) => ({ s, len: chineseLength(s.text), anchors: chineseAnchors(s.text, ctx) })));
  const enSent = input.en.map((p) => p.map((s) => ({ s, len: textLength(s), anchors: englishAnchors(s, ctx) })));
  const zhPara: Side<Anchors> = {
    len: zhSent.map((p) => sum(p.map((x) => x.len))),
    anchors: zhSent.map((p) => (p.length ? mergeAnchors(p.map((x) => x.anchors)) : { keys: new Set(), words: new Set(), names: new Map() })),
  };
  const enPara: Side<{ keys: Set<string>; words: Set<string> }> = {
    len: enSent.map((p) => sum(p.map((x) => x.len))),
    anchors: enSent.map((p) => (p.length ? mergeAnchors(p.map((x) => x.anchors)) : { keys: new Set<string>(), words: new Set<string>() })),
  };
  const totalZh = sum(zhPara.len);
  const totalEn = sum(enPara.len);
  const ratio = totalZh > 0 && totalEn > 0 ? totalEn / totalZh : 3;
  // first pass: the document's overall ratio; then the model measured on the paragraphs that paired 1–1
  let model: LengthModel = { ratio, variance: 6.8 * ratio * ratio };
  let paraBeads = alignSequences(zhPara.len.length, enPara.len.length, (i, a, j, b) => beadCost(model, zhPara, enPara, i, a, j, b));
  const measured = estimateModel(paraBeads.filter((p) => p.a === 1 && p.b === 1).map((p) => [zhPara.len[p.i], enPara.len[p.j]] as [number, number]));
  if (measured !== DEFAULT_MODEL) {
    model = measured;
    paraBeads = alignSequences(zhPara.len.length, enPara.len.length, (i, a, j, b) => beadCost(model, zhPara, enPara, i, a, j, b));
  }

  const pairs: AlignedPair[] = [];
  const zhOnly: ZhSentence[] = [];
  const enOnly: string[] = [];
  for (const pb of paraBeads) {
    const zs = zhSent.slice(pb.i, pb.i + pb.a).flat();
    const es = enSent.slice(pb.j, pb.j + pb.b).flat();
    if (zs.length === 0 || es.length === 0) {
      zhOnly.push(...zs.map((x) => x.s));
      enOnly.push(...es.map((x) => x.s));
      continue;
    }
    const zSide: Side<Anchors> = { len: zs.map((x) => x.len), anchors: zs.map((x) => x.anchors) };
    const eSide = { len: es.map((x) => x.len), anchors: es.map((x) => x.anchors) };
    const beads: Bead[] = alignSequences(zs.length, es.length, (i, a, j, b) => beadCost(model, zSide, eSide, i, a, j, b));
    // paragraphs whose sentences pair one to one throughout confirm each pair by their structure
    const oneToOne = beads.every((b) => b.a === 1 && b.b === 1);
    const evidence = beads.map((b) => {
      if (b.a === 0 || b.b === 0) return { b, e: -Infinity, lengthP: 0, matched: 0, unmatched: 0 };
      const lz = sum(zSide.len.slice(b.i, b.i + b.a));
      const enLens = eSide.len.slice(b.j, b.j + b.b);
      const lengthP = lengthProbability(model, lz, sum(enLens));
      const zhWords = anchorsOf(zSide, b.i, b.a).words;
      const extra =
        b.b > 1 &&
        (enLens.some((l) => lengthProbability(model, lz, l) >= lengthP) ||
          // one of the English sentences names something (OpenAI, GPT-4o) that the Chinese, which writes such names in Latin letters, does not
          (zhWords.size > 0 && es.slice(b.j, b.j + b.b).some((x) => namesLatin(x.s).some((w) => !zhWords.has(w)))));
      const { matched, unmatched } = agreement(anchorsOf(zSide, b.i, b.a), anchorsOf(eSide, b.j, b.b));
      // or the anchors the Chinese shares (two or more) all stand in one of the English sentences
      const lopsided = b.b > 1 && matched >= 2 && es.slice(b.j, b.j + b.b).some((x) => agreement(anchorsOf(zSide, b.i, b.a), x.anchors).matched === 0);
      return { b, e: pairEvidence(lengthP, matched, unmatched, b.a, b.b, extra || lopsided, oneToOne), lengthP, matched, unmatched };
    });
    evidence.forEach(({ b, e, lengthP, matched, unmatched }, k) => {
      if (b.a === 0 || b.b === 0) {
        zhOnly.push(...zs.slice(b.i, b.i + b.a).map((x) => x.s));
        enOnly.push(...es.slice(b.j, b.j + b.b).map((x) => x.s));
        return;
      }
      const doubtfulNeighbour = [evidence[k - 1], evidence[k + 1]].some((n) => n !== undefined && n.e < DOUBTFUL);
      pairs.push({
        zh: zs.slice(b.i, b.i + b.a).map((x) => x.s),
        en: es.slice(b.j, b.j + b.b).map((x) => x.s),
        score: toScore(e - (doubtfulNeighbour ? NEIGHBOUR_PENALTY : 0)),
        evidence: { length: Math.round(lengthP * 1000) / 1000, matched, unmatched },
      });
    });
  }
  return { pairs, zhOnly, enOnly, model };
}
