import { uniformBigInt } from 'pure-rand/distribution/uniformBigInt';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Rng = ReturnType<typeof xoroshiro128plus>;

/**
 * The maze generator's only source of randomness: pure-rand's xoroshiro128+ (pinned),
 * so one seed gives the same maze, byte for byte, on every machine.
 */
export class MazeRandom {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** Uniform in [from, to]. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** Uniform in [from, to]. */
  bigint(from: bigint, to: bigint): bigint {
    return uniformBigInt(this.rng, from, to);
  }

  /** True with probability `p` (to 1/1,000,000). */
  chance(p: number): boolean {
    return this.int(0, 999_999) < Math.round(p * 1_000_000);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('internal: pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** A copy in random order (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /**
   * A constant of random magnitude: a bit width uniform in [4, 64], then a value uniform
   * below it. Small and huge constants are both common, as in real code.
   */
  word(): bigint {
    const bits = this.int(4, 64);
    return this.bigint(0n, (1n << BigInt(bits)) - 1n);
  }
}
