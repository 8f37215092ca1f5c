// The scale bench's RSS split (bench/memory-split.ts): the parts add up to the process's RSS, and memory
// a thread allocates shows in them.
import { describe, it, expect } from 'vitest';
import { memorySplit } from '../../bench/memory-split.js';

const total = (s: NonNullable<ReturnType<typeof memorySplit>>) => s.brkMb + s.arenasMb + s.anonMb + s.filesMb;

describe.skipIf(process.platform !== 'linux')('memorySplit', () => {
  it("adds up to the process's RSS, and grows by what is allocated and touched", () => {
    const before = memorySplit()!;
    const rss = process.memoryUsage.rss() / 2 ** 20;
    expect(Math.abs(total(before) - rss)).toBeLessThan(Math.max(8, rss * 0.05));
    const held = Buffer.alloc(96 * 2 ** 20, 1);
    const after = memorySplit()!;
    expect(total(after) - total(before)).toBeGreaterThan(80);
    expect(after.filesMb - before.filesMb).toBeLessThan(8);
    expect(held[held.length - 1]).toBe(1);
  });
});
