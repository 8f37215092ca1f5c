// --shard i/n: a deterministic share of the sources, so a CI matrix or an indexed job array can split a
// corpus. A source's shard depends only on its slug (a hash), so adding sources never moves the others.
import { createHash } from 'node:crypto';
import { UsageError } from '../diagnostics.js';

export interface Shard {
  /** 1-based index. */
  index: number;
  count: number;
}

export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n (e.g. 2/4), not "${spec}"`);
  }
  return { index, count };
}

export function shardOf(slug: string, count: number): number {
  const h = createHash('sha256').update(slug).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function selectShard<T extends { slug: string }>(items: T[], shard: Shard): T[] {
  return items.filter((s) => shardOf(s.slug, shard.count) === shard.index);
}
