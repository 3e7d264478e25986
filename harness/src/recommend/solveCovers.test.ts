import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZ3, type Z3Session } from '../prove/z3/openZ3.js';
import { solveCovers } from './solveCovers.js';

describe('solveCovers (real Z3 Optimize)', () => {
  let z3: Z3Session<'recommend'>;
  beforeAll(async () => {
    z3 = await openZ3('recommend');
  }, 60_000);
  afterAll(async () => z3.close());

  it('picks the least-weight hitting set, then ranks the next covers without supersets', async () => {
    const covers = await solveCovers(z3, { weights: { freezeA: 20, freezeB: 20, pause: 200, limit: 5 }, rows: [['freezeA', 'pause'], ['freezeB', 'pause']], excluded: [] }, 4);
    expect(covers).toEqual([{ levers: ['freezeA', 'freezeB'], weight: 40 }, { levers: ['pause'], weight: 200 }]);
  });

  it('honours excluded sets and reports no cover when a row has no lever', async () => {
    expect(await solveCovers(z3, { weights: { a: 1, b: 9 }, rows: [['a', 'b']], excluded: [['a']] }, 1)).toEqual([{ levers: ['b'], weight: 9 }]);
    expect(await solveCovers(z3, { weights: { a: 1 }, rows: [['a'], []], excluded: [] }, 1)).toEqual([]);
  });
});
