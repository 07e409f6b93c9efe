type Entry<Item> = { item: Item; weight: number; current: number };

/**
 * Smooth weighted round-robin (the algorithm nginx uses for upstream weights): deterministic and exact, so 30% means
 * exactly 3 of every 10 picks, interleaved rather than in bursts. Random choice would only be right on average, and a
 * traffic chart at 30% would wobble for no reason.
 */
export class SmoothWeightedRoundRobin<Item> {
  private readonly entries: Entry<Item>[];

  constructor(choices: Array<{ item: Item; weight: number }>) {
    this.entries = choices.filter((choice) => choice.weight > 0).map((choice) => ({ ...choice, current: 0 }));
  }

  /**
   * The next item among those `eligible` accepts. Ineligible items (e.g. a deployment with no healthy instance) sit
   * the turn out and the others share it by their weights.
   */
  next(eligible: (item: Item) => boolean = () => true): Item | undefined {
    let total = 0;
    let best: Entry<Item> | undefined;
    for (const entry of this.entries) {
      if (!eligible(entry.item)) continue;
      entry.current += entry.weight;
      total += entry.weight;
      if (!best || entry.current > best.current) best = entry;
    }
    if (!best) return undefined;
    best.current -= total;
    return best.item;
  }
}
