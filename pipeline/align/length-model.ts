// Gale & Church (1993) length model: the length of a translation is about c times the length of its
// source, with a variance that grows with the length (s² per source character). Both c and s² are
// estimated from the document itself (from paragraphs that pair one to one), so a zh→en text whose
// English runs at 2.4 or at 3.5 characters per Chinese character is judged by its own measure.

export interface LengthModel {
  /** Expected target characters per source character. */
  ratio: number;
  /** Variance of the target length per source character. */
  variance: number;
}

/** Characters that count for length: everything but white space. */
export function textLength(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\s/.test(ch)) n++;
  return n;
}

/**
 * Length of a Chinese sentence in Han-character units: Latin words and digits written inside it pass into
 * the English as they are, about a third of a Han character each (GitHub is 6 characters in both).
 */
export function chineseLength(s: string): number {
  let han = 0;
  let other = 0;
  for (const ch of s) {
    if (/\s/.test(ch)) continue;
    if (/\p{Script=Han}/u.test(ch)) han++;
    else other++;
  }
  return han + other / 3;
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z > 0 ? 1 - p : p;
}

/** Probability (two-sided) that lengths `src` and `trg` are translations of each other, in (0, 1]. */
export function lengthProbability(model: LengthModel, src: number, trg: number): number {
  const mean = (src + trg / model.ratio) / 2;
  const delta = (trg - src * model.ratio) / Math.sqrt(Math.max(mean, 1) * model.variance);
  return Math.max(2 * (1 - normalCdf(Math.abs(delta))), 1e-12);
}

/** Default when a document gives too little to measure: English runs ~3 characters per Chinese one. */
export const DEFAULT_MODEL: LengthModel = { ratio: 3, variance: 6.8 * 3 * 3 };

/**
 * The model measured on paired lengths: c = Σtrg / Σsrc; s² = Σ(trg − c·src)² / Σsrc, over pairs whose
 * ratio is within a factor 3 of c (outliers are misalignments, not variance).
 */
export function estimateModel(pairs: readonly [number, number][]): LengthModel {
  const src = pairs.reduce((a, p) => a + p[0], 0);
  const trg = pairs.reduce((a, p) => a + p[1], 0);
  if (pairs.length < 3 || src < 50 || trg < 50) return DEFAULT_MODEL;
  const ratio = trg / src;
  let num = 0;
  let den = 0;
  for (const [s, t] of pairs) {
    if (s === 0 || t === 0) continue;
    const r = t / s / ratio;
    if (r > 3 || r < 1 / 3) continue;
    num += (t - s * ratio) ** 2;
    den += s;
  }
  const variance = den > 0 ? Math.max(num / den, ratio) : DEFAULT_MODEL.variance;
  return { ratio, variance };
}
