import { describe, expect, it } from 'vitest';
import { CompactSequence } from './CompactSequence.js';
import { testGenerator } from './fixtures/testTargets.js';

const g = testGenerator({ seed: 2 });
const call = (timeDelta: bigint, blockDelta: bigint) => ({ ...g.next(), timeDelta, blockDelta });

describe('CompactSequence', () => {
  it('leaves out reverted calls and carries their time and block jumps to the next call', () => {
    const s = new CompactSequence();
    const a = call(0n, 0n);
    const r1 = call(100n, 2n);
    const r2 = call(5n, 1n);
    const b = call(1n, 1n);
    s.push(a, false);
    s.push(r1, true);
    s.push(r2, true);
    const last = call(0n, 0n);
    expect(s.endingWith(last)).toEqual([a, { ...last, timeDelta: 105n, blockDelta: 3n }]);
    s.push(b, false);
    const out = s.endingWith(last);
    expect(out).toEqual([a, { ...b, timeDelta: 106n, blockDelta: 4n }, last]);
    // The same time passes in the compact sequence as in the run.
    const total = (cs: { timeDelta: bigint }[]) => cs.reduce((t, c) => t + c.timeDelta, 0n);
    expect(total(out)).toBe(total([a, r1, r2, b, last]));
  });

  it('keeps the last call even when it reverted (it is the one that reached something new)', () => {
    const s = new CompactSequence();
    const a = call(0n, 0n);
    s.push(a, false);
    const reverted = call(0n, 0n);
    expect(s.endingWith(reverted)).toEqual([a, reverted]);
    expect(s.endingWith(reverted)[1]).toBe(reverted);
  });
});
