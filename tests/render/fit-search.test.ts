import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { largestFitting } from '../../pipeline/render/fit.js';
import { contentFill } from '../../pipeline/render/pdf.js';

const steps = [1, 0.95, 0.9, 0.85, 0.8, 0.761905];

/** A brief whose content height is `h` page heights at scale 1 and grows with scale^e; it breaks onto a second page a little early. */
function model(h: number, e: number, slack = 0) {
  const calls: number[] = [];
  const probe = async (i: number) => {
    calls.push(i);
    const fill = h * Math.pow(steps[i], e);
    return { pages: fill + slack <= 1 ? 1 : 2, fill };
  };
  const expected = steps.findIndex((s) => h * Math.pow(s, e) + slack <= 1);
  return { probe, calls, expected: expected < 0 ? steps.length : expected };
}

describe('largestFitting (the type size fitting chooses)', () => {
  it('lays a brief that fits out once, at full size', async () => {
    const m = model(0.9, 2);
    expect(await largestFitting(steps, m.probe)).toBe(0);
    expect(m.calls).toEqual([0]);
  });

  it('finds the largest fitting size from the overflow of the full-size layout', async () => {
    const m = model(1.2, 2);
    const got = await largestFitting(steps, m.probe);
    expect(got).toBe(m.expected);
    expect(steps[got]).toBe(0.9);
    // full size, the predicted size, its larger neighbour
    expect(m.calls.length).toBeLessThanOrEqual(3);
  });

  it('starting from the right size (another language’s), settles with its larger neighbour only', async () => {
    const m = model(1.2, 2);
    expect(await largestFitting(steps, m.probe, m.expected)).toBe(m.expected);
    expect(m.calls).toEqual([m.expected, m.expected - 1]);
  });

  it('says so when nothing fits, after trying the floor', async () => {
    const m = model(3, 2);
    expect(await largestFitting(steps, m.probe)).toBe(steps.length);
    expect(m.calls).toContain(steps.length - 1);
  });

  it('gives what an exhaustive search gives, whatever the growth, early page breaks and starting hint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.3, max: 3, noNaN: true }), fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.integer({ min: -1, max: 7 }), async (h, e, slack, hint) => {
        const m = model(h, e, slack);
        expect(await largestFitting(steps, m.probe, hint)).toBe(m.expected);
        // never the same layout twice, never more layouts than sizes
        expect(new Set(m.calls).size).toBe(m.calls.length);
        expect(m.calls.length).toBeLessThanOrEqual(steps.length);
      }),
    );
  });
});

describe('contentFill', () => {
  const line = (y: number, h: number) => ({ type: 'line', item: { y, getHeight: () => h } });
  const page = (items: ReturnType<typeof line>[]) => ({ pageSize: { height: 1000 }, pageMargins: { top: 100, bottom: 100 }, items });

  it('measures the last page down to its lowest text line, ignoring the footer below the margin', () => {
    expect(contentFill([page([line(100, 20), line(480, 20), line(950, 10)])])).toBeCloseTo(0.5);
    expect(contentFill([page([line(100, 800)]), page([line(100, 200)])])).toBeCloseTo(1.25);
    expect(contentFill([])).toBe(0);
  });
});
