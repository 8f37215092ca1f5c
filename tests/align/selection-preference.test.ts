// Selection with the publisher's English: a sentence whose English alignment kept wins a near tie
// (select/english-preference.ts), a tie-break that never empties a slot nor overrules a clearly better
// sentence. Without the publisher's English, selection is what it was.
import { describe, expect, it } from 'vitest';
import { ALIGNED_CORPUS, alignCorpus, repoGlossary } from './corpus-helpers.js';
import { keptEnglish } from '../../pipeline/align/index.js';
import { selectBrief } from '../../pipeline/select/index.js';
import { NO_ENGLISH_PENALTY, preferPublisherEnglish } from '../../pipeline/select/english-preference.js';
import type { Ranking } from '../../pipeline/select/rank.js';

describe('preferring sentences with the publisher’s English', () => {
  it('lowers only the candidates without kept English, by a small fixed amount, and keeps their order', () => {
    const unit = (id: string) => ({ segment: { id } }) as unknown as Ranking['ranked'][number]['unit'];
    const ranking = { ranked: [0.9, 0.5, 0.3].map((score, k) => ({ unit: unit(`s${k}`), score, centrality: score, prior: 0.1, priorReasons: [] })) } as unknown as Ranking;
    const out = preferPublisherEnglish(ranking, (id) => id === 's1');
    expect(out.ranked.map((r) => r.unit.segment.id)).toEqual(['s0', 's1', 's2']);
    expect(out.ranked.map((r) => Math.round(r.score * 100) / 100)).toEqual([0.9 - NO_ENGLISH_PENALTY, 0.5, 0.3 - NO_ENGLISH_PENALTY]);
    expect(out.ranked[1]).toBe(ranking.ranked[1]);
    // and says so where the explanation lists what moved a sentence's score (the prior, whose reasons add up)
    expect(out.ranked[0].prior).toBeCloseTo(0.1 - NO_ENGLISH_PENALTY);
    expect(out.ranked[0].priorReasons).toEqual([`no publisher's English -${NO_ENGLISH_PENALTY.toFixed(2)}`]);
    expect(NO_ENGLISH_PENALTY).toBeLessThanOrEqual(0.05);
  });

  for (const slug of ALIGNED_CORPUS) {
    it(`${slug}: breaks ties toward kept English without changing the brief's shape`, () => {
      const { doc, alignment } = alignCorpus(slug);
      const { terms } = repoGlossary();
      const has = keptEnglish(alignment);
      const plain = selectBrief(doc, terms).brief;
      const preferring = selectBrief(doc, terms, { hasEnglish: has }).brief;
      const items = (b: typeof plain) => b.slots.flatMap((s) => s.items);
      const lacking = (b: typeof plain) => items(b).filter((i) => !i.segmentIds.every(has)).length;
      // the same slots, as many items; fewer (or as few) without the publisher's English
      expect(preferring.slots.map((s) => [s.name, s.items.length])).toEqual(plain.slots.map((s) => [s.name, s.items.length]));
      expect(lacking(preferring)).toBeLessThanOrEqual(lacking(plain));
      // a tie-break: most items stay
      const before = new Set(items(plain).map((i) => i.text));
      const changed = items(preferring).filter((i) => !before.has(i.text)).length;
      expect(changed).toBeLessThanOrEqual(Math.floor(items(plain).length / 3));
      console.log(JSON.stringify({ slug, items: items(plain).length, changed, lackingBefore: lacking(plain), lackingAfter: lacking(preferring) }));
    }, 60_000);
  }
});
