// Precision of the kept pairs on the real bilingual documents, recomputed from the hand-checked pairs
// in tests/align/gold/pairs.tsv: a change to the aligner that keeps wrong pairs, or loses the English a
// person judged right for a segment, fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALIGNED_CORPUS, alignCorpus } from './corpus-helpers.js';

interface Judged {
  slug: string;
  id: string;
  right: boolean;
  en: string;
}

function gold(): Judged[] {
  return readFileSync(path.join(__dirname, 'gold', 'pairs.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [slug, id, verdict, , , en] = l.split('\t');
      if (verdict !== 'right' && verdict !== 'wrong') throw new Error(`pairs.tsv: bad verdict in ${l.slice(0, 60)}`);
      return { slug, id, right: verdict === 'right', en };
    });
}

/** Kept pairs the gold judges: a pair matching a judged one takes its verdict; English other than the
 *  English judged right for that segment is wrong; English other than those judged wrong is not judged. */
export function measure(): { judged: number; right: number; bySlug: Record<string, { judged: number; right: number; kept: number }> } {
  const g = gold();
  const bySlug: Record<string, { judged: number; right: number; kept: number }> = {};
  let judged = 0;
  let right = 0;
  for (const slug of ALIGNED_CORPUS) {
    // a segment may have been judged with more than one English (a pair judged wrong, then its right English)
    const judgedHere = new Map<string, Judged[]>();
    for (const x of g.filter((y) => y.slug === slug)) judgedHere.set(x.id, [...(judgedHere.get(x.id) ?? []), x]);
    const { alignment } = alignCorpus(slug);
    const s = (bySlug[slug] = { judged: 0, right: 0, kept: alignment.kept.length });
    for (const p of alignment.kept) {
      const js = judgedHere.get(p.zh[0].id);
      if (!js) continue;
      const en = p.en.join(' ');
      let ok: boolean | undefined = js.find((j) => j.en === en)?.right;
      if (ok === undefined && js.some((j) => j.right)) ok = false;
      if (ok === undefined) continue;
      s.judged++;
      if (ok) s.right++;
    }
    judged += s.judged;
    right += s.right;
  }
  return { judged, right, bySlug };
}

describe('alignment precision on the hand-checked pairs', () => {
  it('keeps at least 95 % right pairs among at least 100 judged kept pairs', () => {
    const m = measure();
    const precision = m.right / m.judged;
    // printed for the README's table
    console.log(JSON.stringify({ precision: Math.round(precision * 1000) / 10, ...m }));
    expect(m.judged).toBeGreaterThanOrEqual(100);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('gives quotes and brackets the English of their pair that a person judged right, at least 95 % of them, every one judged', () => {
    const judged = new Map<string, boolean>();
    for (const l of readFileSync(path.join(__dirname, 'gold', 'parts.tsv'), 'utf8').split('\n')) {
      if (!l.trim() || l.startsWith('#')) continue;
      const [slug, , verdict, zh, en] = l.split('\t');
      if (verdict !== 'right' && verdict !== 'wrong') throw new Error(`parts.tsv: bad verdict in ${l.slice(0, 60)}`);
      judged.set([slug, zh, en].join('\t'), verdict === 'right');
    }
    let right = 0;
    const parts = ALIGNED_CORPUS.flatMap((slug) => alignCorpus(slug).alignment.parts.filter((p) => p.how !== 'label').map((p) => [slug, p.zh, p.en].join('\t')));
    const unjudged = parts.filter((k) => !judged.has(k));
    for (const k of parts) if (judged.get(k)) right++;
    console.log(JSON.stringify({ parts: parts.length, right, precision: Math.round((right / parts.length) * 1000) / 10 }));
    // a part the gold does not know (a new one, or another English for a judged one) must be read first
    expect(unjudged).toEqual([]);
    expect(parts.length).toBeGreaterThanOrEqual(50);
    expect(right / parts.length).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
