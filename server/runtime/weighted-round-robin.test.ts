import { describe, expect, it } from 'vitest';

import { SmoothWeightedRoundRobin } from './weighted-round-robin';

function picks(
  picker: SmoothWeightedRoundRobin<string>,
  count: number,
  eligible?: (item: string) => boolean,
): string[] {
  return Array.from({ length: count }, () => picker.next(eligible) ?? 'none');
}

function tally(items: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

describe('SmoothWeightedRoundRobin', () => {
  it('gives every item exactly its share of each cycle, interleaved', () => {
    const picker = new SmoothWeightedRoundRobin([
      { item: 'old', weight: 70 },
      { item: 'new', weight: 30 },
    ]);
    const first = picks(picker, 10);
    expect(tally(first)).toEqual({ old: 7, new: 3 });
    expect(first.join('')).not.toContain('newnew'); // spread out, not in a burst
    expect(tally(picks(picker, 990))).toEqual({ old: 693, new: 297 });
  });

  it('is exact for awkward percentages too', () => {
    const picker = new SmoothWeightedRoundRobin([
      { item: 'a', weight: 33 },
      { item: 'b', weight: 33 },
      { item: 'c', weight: 34 },
    ]);
    expect(tally(picks(picker, 1000))).toEqual({ a: 330, b: 330, c: 340 });
  });

  it('never picks an item of weight 0, and nothing from an empty list', () => {
    expect(
      tally(
        picks(
          new SmoothWeightedRoundRobin([
            { item: 'a', weight: 100 },
            { item: 'b', weight: 0 },
          ]),
          50,
        ),
      ),
    ).toEqual({ a: 50 });
    expect(new SmoothWeightedRoundRobin<string>([]).next()).toBeUndefined();
  });

  it('lets the eligible items share the turns of an ineligible one', () => {
    const picker = new SmoothWeightedRoundRobin([
      { item: 'a', weight: 50 },
      { item: 'b', weight: 50 },
    ]);
    expect(tally(picks(picker, 20, (item) => item !== 'b'))).toEqual({ a: 20 });
    expect(picker.next(() => false)).toBeUndefined();
  });
});
