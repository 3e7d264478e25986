import { describe, expect, it } from 'vitest';
import { Corpus } from './Corpus.js';
import { testGenerator } from './fixtures/testTargets.js';
import type { FuzzCall } from './FuzzCall.js';

const g = testGenerator({ seed: 1 });
const seq = (n: number): FuzzCall[] => Array.from({ length: n }, () => g.next());

/** A corpus over a hand-kept table of edge hit counts. */
function corpus(capacity = 1024) {
  const hits = new Map<number, number>();
  const c = new Corpus({ hitsOf: (e) => hits.get(e) ?? 0, capacity });
  const hit = (edge: number, times = 1) => hits.set(edge, (hits.get(edge) ?? 0) + times);
  return { corpus: c, hit };
}

/** A uniform `int(max)` from a fixed list of fractions, so picks are reproducible here. */
const fixedInts = (...fractions: number[]) => {
  let i = 0;
  return (max: number) => Math.floor(fractions[i++ % fractions.length]! * (max + 1));
};

describe('Corpus', () => {
  it('stays within its capacity and lets the entry with the commonest edges go', () => {
    const { corpus: c, hit } = corpus(3);
    for (const edge of [1, 2, 3]) {
      hit(edge);
      c.add(seq(2), [edge]);
    }
    hit(2, 10_000); // every run reaches edge 2 now
    hit(4);
    const newest = c.add(seq(2), [4]);
    expect(c.size).toBe(3);
    expect(c.entries.map((e) => e.edges[0])).toEqual([1, 3, 4]);
    expect(c.entries).toContain(newest);
  });

  it('gives new entries their first runs, newest first, half of the time', () => {
    const { corpus: c, hit } = corpus();
    hit(1);
    hit(2);
    const a = c.add(seq(1), [1]);
    const b = c.add(seq(1), [2]);
    // int(1) === 0: the frontier.
    expect(c.pick(fixedInts(0))).toBe(b);
    for (let k = 0; k < 8; k++) c.record(b, false);
    expect(c.pick(fixedInts(0))).toBe(a);
  });

  it('draws by worth: rare edges and productive entries more often', () => {
    const { corpus: c, hit } = corpus();
    hit(1, 10_000);
    hit(2, 1);
    const common = c.add(seq(1), [1]);
    const rare = c.add(seq(1), [2]);
    for (const e of [common, rare]) for (let k = 0; k < 8; k++) c.record(e, false);
    expect(c.worth(rare)).toBeGreaterThan(c.worth(common));
    const counts = new Map([[common, 0], [rare, 0]]);
    for (let k = 0; k < 1000; k++) {
      const e = c.pick(fixedInts(0.999, k / 1000));
      counts.set(e, counts.get(e)! + 1);
    }
    expect(counts.get(rare)!).toBeGreaterThan(3 * counts.get(common)!);
    const before = c.worth(common);
    c.record(common, true);
    expect(c.worth(common)).toBeGreaterThan(before);
  });

  it('lists the worthiest entries first, and copies what it is given', () => {
    const { corpus: c, hit } = corpus();
    hit(1, 100);
    hit(2);
    const calls = seq(3);
    const edges = [1];
    c.add(calls, edges);
    c.add(seq(2), [2]);
    calls.pop();
    edges.push(9);
    expect(c.best(2).map((e) => e.edges)).toEqual([[2], [1]]);
    expect(c.best(1)).toHaveLength(1);
    expect(c.entries[0]!.calls).toHaveLength(3);
  });
});
