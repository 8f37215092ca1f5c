// A bound on how many sources a pool build holds at once, in the order they were asked for.
//
// A pool build hands every source to the pool at once (run.ts), and a worker goes on to its next source
// as soon as it returns one; the returned source (its files, its PDFs) then waits in the main process
// for the one thumbnail thread. On two cores the workers return sources faster than that thread draws
// them: the waiting sources piled up with the build (27 after 100 sources, 66 after 140 of 200; the main
// thread's malloc heap and RSS grew with them, bench/README.md, Session 12). With a bound, a worker
// waits for the drawing to catch up, which also leaves the thread the CPU it needs.

/** Let at most `limit` holders in at a time; the others wait, first come first in. */
export function admission(limit: number): { enter(): Promise<() => void>; readonly inside: number; readonly waiting: number } {
  const max = Math.max(1, Math.floor(limit));
  const queue: (() => void)[] = [];
  let inside = 0;
  const leave = () => {
    const next = queue.shift();
    if (next) next(); // the place passes to the next waiting, inside stays the same
    else inside--;
  };
  return {
    enter: () => {
      const once = () => {
        let left = false;
        return () => {
          if (left) return;
          left = true;
          leave();
        };
      };
      if (inside < max) {
        inside++;
        return Promise.resolve(once());
      }
      return new Promise((resolve) => queue.push(() => resolve(once())));
    },
    get inside() {
      return inside;
    },
    get waiting() {
      return queue.length;
    },
  };
}
