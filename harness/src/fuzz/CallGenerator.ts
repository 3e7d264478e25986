import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Hex } from 'viem';
import { arbitraryForParam, type ArbitraryEnv } from './arbitraryForParam.js';
import type { FuzzCall } from './FuzzCall.js';
import type { TargetFunction } from './TargetFunction.js';

export interface GeneratorOptions {
  seed: number;
  targets: readonly TargetFunction[];
  senders: readonly Hex[];
  env: ArbitraryEnv;
  maxTimeDelay: number;
  maxBlockDelay: number;
}

/**
 * Draws calls one at a time from fast-check arbitraries and one seeded random stream,
 * so a seed fixes the whole campaign. Calls are drawn lazily, after the previous call
 * ran, so values seen at run time can feed the next draw.
 */
export class CallGenerator {
  private readonly random: fc.Random;
  private readonly argArbitraries: fc.Arbitrary<unknown[]>[];
  private readonly targetIndex: fc.Arbitrary<number>;
  private readonly sender: fc.Arbitrary<Hex>;
  private readonly value: fc.Arbitrary<bigint>;
  private readonly delay: fc.Arbitrary<[bigint, bigint]>;

  constructor(private readonly options: GeneratorOptions) {
    this.random = new fc.Random(xoroshiro128plus(options.seed));
    this.argArbitraries = options.targets.map((t) => fc.tuple(...t.fn.inputs.map((p) => arbitraryForParam(p, options.env))));
    this.targetIndex = fc.nat(options.targets.length - 1);
    this.sender = fc.constantFrom(...options.senders);
    this.value = fc.oneof(
      { weight: 6, arbitrary: fc.constant(0n) },
      { weight: 2, arbitrary: fc.bigInt(1n, 10n ** 18n) },
      { weight: 1, arbitrary: fc.nat().map((i) => options.env.dictionary.values[i % Math.max(1, options.env.dictionary.values.length)] ?? 0n) },
    );
    const time = BigInt(options.maxTimeDelay);
    const blocks = BigInt(options.maxBlockDelay);
    this.delay =
      time > 0n
        ? fc.oneof(
            { weight: 6, arbitrary: fc.constant<[bigint, bigint]>([0n, 0n]) },
            { weight: 1, arbitrary: fc.tuple(fc.bigInt(1n, time), fc.bigInt(blocks > 0n ? 1n : 0n, blocks)) },
          )
        : fc.constant<[bigint, bigint]>([0n, 0n]);
  }

  next(): FuzzCall {
    const index = this.draw(this.targetIndex);
    const target = this.options.targets[index]!;
    const args = this.draw(this.argArbitraries[index]!);
    const sender = this.draw(this.sender);
    let value = 0n;
    if (target.fn.stateMutability === 'payable') value = this.draw(this.value);
    const [timeDelta, blockDelta] = this.draw(this.delay);
    return { target, args, sender, value, timeDelta, blockDelta };
  }

  private draw<T>(arbitrary: fc.Arbitrary<T>): T {
    return arbitrary.generate(this.random, undefined).value;
  }
}
