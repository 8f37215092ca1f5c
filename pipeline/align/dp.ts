// Dynamic programming over beads (Gale & Church): the cheapest sequence of beads — each takes `a`
// units of the first text and `b` of the second — that covers both texts in order. The search keeps to
// a band around the diagonal, so the cost is O(n · band) and bounded on huge input; when the band is
// too narrow for the texts' shape it widens (up to a cap) rather than fail.

export interface BeadShape {
  a: number;
  b: number;
}

export interface Bead extends BeadShape {
  /** First unit of each side. */
  i: number;
  j: number;
  cost: number;
}

/** The beads of Gale & Church and hunalign: 1–1, 1–0, 0–1, 2–1, 1–2. */
export const STANDARD_BEADS: readonly BeadShape[] = [
  { a: 1, b: 1 },
  { a: 1, b: 0 },
  { a: 0, b: 1 },
  { a: 2, b: 1 },
  { a: 1, b: 2 },
];

export interface DpOptions {
  beads?: readonly BeadShape[];
  /** Half-width of the band around the diagonal (default: 30 + |n − m|, at most maxBand). */
  band?: number;
  maxBand?: number;
}

/** Align sequences of lengths n and m; `cost(i, a, j, b)` prices the bead taking units i..i+a-1 and j..j+b-1. */
export function alignSequences(n: number, m: number, cost: (i: number, a: number, j: number, b: number) => number, opts: DpOptions = {}): Bead[] {
  const beads = opts.beads ?? STANDARD_BEADS;
  const maxBand = opts.maxBand ?? 400;
  const band = Math.min(opts.band ?? 30 + Math.abs(n - m), maxBand);
  if (n === 0 && m === 0) return [];
  const centre = (i: number) => (n === 0 ? 0 : Math.round((i * m) / n));
  const lo = (i: number) => Math.max(0, centre(i) - band);
  const hi = (i: number) => Math.min(m, centre(i) + band);
  const width = 2 * band + 2;
  const total = new Float64Array((n + 1) * width).fill(Infinity);
  const back = new Int8Array((n + 1) * width).fill(-1);
  const at = (i: number, j: number) => (j < lo(i) || j > hi(i) ? -1 : i * width + (j - lo(i)));
  total[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      const here = at(i, j);
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let arg = -1;
      for (let k = 0; k < beads.length; k++) {
        const { a, b } = beads[k];
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0) continue;
        const prev = at(pi, pj);
        if (prev < 0 || total[prev] === Infinity) continue;
        const c = total[prev] + cost(pi, a, pj, b);
        if (c < best) {
          best = c;
          arg = k;
        }
      }
      total[here] = best;
      back[here] = arg;
    }
  }
  const end = at(n, m);
  if (end < 0 || total[end] === Infinity) {
    if (band >= maxBand && band >= Math.max(n, m)) throw new Error('alignment: no path');
    return alignSequences(n, m, cost, { ...opts, band: Math.min(Math.max(band * 2, Math.abs(n - m) + 2), Math.max(n, m) + 1), maxBand: Math.max(maxBand, Math.max(n, m) + 1) });
  }
  const out: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = at(i, j);
    const k = back[here];
    const { a, b } = beads[k];
    const prev = at(i - a, j - b);
    out.push({ a, b, i: i - a, j: j - b, cost: total[here] - total[prev] });
    i -= a;
    j -= b;
  }
  return out.reverse();
}
