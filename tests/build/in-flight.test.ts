// The bound on sources a pool build holds at once (build/in-flight.ts, used by build/pool.ts): never more
// than the limit inside, the waiting let in in the order they came, a place freed once however often
// its holder leaves.
import { describe, it, expect } from 'vitest';
import { admission } from '../../pipeline/build/in-flight.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('admission', () => {
  it('lets at most the limit in, and the others in the order they asked', async () => {
    const gate = admission(2);
    const order: number[] = [];
    let inside = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 7 }, (_, i) =>
      gate.enter().then((leave) => {
        order.push(i);
        inside++;
        most = Math.max(most, inside);
        releases.push(() => {
          inside--;
          leave();
        });
      }),
    );
    await tick();
    expect(order).toEqual([0, 1]);
    expect(gate.waiting).toBe(5);
    // the holders leave in another order than they came: the next in line comes in each time
    releases[1]();
    await tick();
    releases[0]();
    await tick();
    expect(order).toEqual([0, 1, 2, 3]);
    while (order.length < 7) {
      releases[order.length - 2]();
      await tick();
    }
    releases.slice(5).forEach((r) => r());
    await Promise.all(jobs);
    expect(most).toBe(2);
    expect(gate.inside).toBe(0);
    expect(gate.waiting).toBe(0);
  });

  it('frees a place once when its holder leaves twice', async () => {
    const gate = admission(1);
    const leave = await gate.enter();
    let second = false;
    let third = false;
    void gate.enter().then(() => (second = true));
    void gate.enter().then(() => (third = true));
    leave();
    leave();
    await tick();
    expect(second).toBe(true);
    expect(third).toBe(false);
    expect(gate.inside).toBe(1);
  });

  it('a limit below one still lets one in', async () => {
    const gate = admission(0);
    await gate.enter();
    expect(gate.inside).toBe(1);
  });
});
