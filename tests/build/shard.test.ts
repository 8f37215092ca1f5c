import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseShard, selectShard, shardOf } from '../../pipeline/build/shard.js';
import { UsageError } from '../../pipeline/diagnostics.js';

describe('--shard i/n', () => {
  it('parses i/n and refuses anything else as a usage error', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '2', '1/2/3']) expect(() => parseShard(bad)).toThrow(UsageError);
  });

  it('splits any set of sources into disjoint shards that cover it, whatever the order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (slugs, n) => {
        const items = slugs.map((slug) => ({ slug }));
        const shards = Array.from({ length: n }, (_, i) => selectShard(items, { index: i + 1, count: n }).map((s) => s.slug));
        expect(shards.flat().sort()).toEqual([...slugs].sort());
        const reversed = selectShard([...items].reverse(), { index: 1, count: n }).map((s) => s.slug).sort();
        expect(reversed).toEqual([...shards[0]].sort());
      }),
    );
  });

  it('keeps a source in its shard when others are added', () => {
    expect(shardOf('report-a', 4)).toBe(shardOf('report-a', 4));
    const before = selectShard([{ slug: 'a' }, { slug: 'b' }], { index: shardOf('a', 3), count: 3 }).map((s) => s.slug);
    const after = selectShard([{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }, { slug: 'd' }], { index: shardOf('a', 3), count: 3 }).map((s) => s.slug);
    expect(after).toContain('a');
    expect(before.every((s) => after.includes(s))).toBe(true);
  });
});
