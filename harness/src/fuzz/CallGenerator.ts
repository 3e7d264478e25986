import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Hex } from 'viem';
import { arbitraryForParam, type ArbitraryEnv } from './arbitraryForParam.js';
import { Dictionary } from './Dictionary.js';
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
  /** Per target function: operands its comparisons were seen with. */
  private readonly local = new Map<TargetFunction, Dictionary>();
  /** Per target function and argument position: values that argument was compared with. */
  private readonly hints = new Map<TargetFunction, Map<number, bigint[]>>();
  private readonly selectors: Set<bigint>;

  constructor(private readonly options: GeneratorOptions) {
    this.random = new fc.Random(xoroshiro128plus(options.seed));
    this.selectors = new Set(options.targets.map((t) => BigInt(t.selector)));
    this.argArbitraries = options.targets.map((t) => {
      const local = new Dictionary();
      this.local.set(t, local);
      return fc.tuple(...t.fn.inputs.map((p) => arbitraryForParam(p, { ...options.env, local })));
    });
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
    const sender = this.draw(this.sender);
    const args = this.echoSender(target, this.applyHints(target, this.draw(this.argArbitraries[index]!)), sender);
    let value = 0n;
    if (target.fn.stateMutability === 'payable') value = this.draw(this.value);
    const [timeDelta, blockDelta] = this.draw(this.delay);
    return { target, args, sender, value, timeDelta, blockDelta };
  }

  /**
   * Learns from a call's comparisons: each operand becomes a candidate argument for that
   * function (a guard `x == 42` makes 42 likely next time) and joins the shared dictionary.
   * Function selectors compared by the dispatcher are left out.
   */
  learn(target: TargetFunction, compares: readonly bigint[], args: readonly unknown[] = []): void {
    if (compares.length === 0) return;
    const local = this.local.get(target);
    const argWords = args.map(toWord);
    for (let k = 0; k + 1 < compares.length; k += 2) {
      const pair = [compares[k]!, compares[k + 1]!] as const;
      for (const [mine, other] of [pair, [pair[1], pair[0]] as const]) {
        const position = argWords.indexOf(mine);
        // An argument compared with something else: that something is what the guard wants there.
        if (position >= 0 && other !== mine) this.hint(target, position, other);
      }
      for (const v of pair) {
        if ((v < 1n << 32n && this.selectors.has(v)) || argWords.includes(v)) continue;
        local?.addWord(v);
        this.options.env.dictionary.addWord(v);
      }
    }
  }

  private hint(target: TargetFunction, position: number, value: bigint): void {
    let byPosition = this.hints.get(target);
    if (byPosition === undefined) this.hints.set(target, (byPosition = new Map()));
    const list = byPosition.get(position) ?? [];
    if (list.includes(value) || list.length >= 16) return;
    list.push(value);
    byPosition.set(position, list);
  }

  /**
   * Guards like `require(who == msg.sender)` and bugs like a transfer to oneself need an
   * address argument equal to the caller: one address argument in eight is the sender.
   */
  private echoSender(target: TargetFunction, args: unknown[], sender: Hex): unknown[] {
    let out = args;
    target.fn.inputs.forEach((input, i) => {
      if (input.type !== 'address' || this.draw(fc.nat(7)) !== 0) return;
      if (out === args) out = [...args];
      out[i] = sender;
    });
    return out;
  }

  /** A third of the calls put learned values at the positions they were compared at (input-to-state), most positions at once. */
  private applyHints(target: TargetFunction, args: unknown[]): unknown[] {
    const byPosition = this.hints.get(target);
    if (byPosition === undefined || this.draw(fc.nat(2)) !== 0) return args;
    const out = [...args];
    for (const [position, values] of byPosition) {
      if (this.draw(fc.nat(3)) === 0) continue;
      const fitted = fitWord(target.fn.inputs[position]?.type ?? '', values[this.draw(fc.nat(values.length - 1))]!);
      if (fitted !== undefined && this.allowedAddress(fitted)) out[position] = fitted;
    }
    return out;
  }

  /**
   * How a run starts: half the time (once there are any) by replaying a sequence that
   * reached new coverage, so the search extends progress instead of starting over.
   */
  startRun(corpus: readonly (readonly FuzzCall[])[]): FuzzCall[] {
    if (corpus.length === 0 || this.draw(fc.boolean())) return [];
    // The newest entries went furthest; favour them, but keep older branches alive.
    const recent = Math.min(corpus.length, 8);
    const index = this.draw(fc.boolean()) ? corpus.length - 1 - this.draw(fc.nat(recent - 1)) : this.draw(fc.nat(corpus.length - 1));
    return [...corpus[index]!];
  }

  /** Learnt values respect `targets.addresses`: a spec confined to its actors never sees another address. */
  private allowedAddress(value: unknown): boolean {
    const domain = this.options.env.addressDomain ?? 'any';
    if (domain === 'any' || typeof value !== 'string' || !value.startsWith('0x') || value.length !== 42) return true;
    return this.options.env.addresses.includes(value as Hex);
  }

  private draw<T>(arbitrary: fc.Arbitrary<T>): T {
    return arbitrary.generate(this.random, undefined).value;
  }
}

/** An argument as the EVM compares it: numbers as they are, addresses and bools as words. */
function toWord(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return BigInt.asUintN(256, v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v)) return BigInt(v);
  return undefined;
}

/** A compared word as a value of an ABI type, or undefined if it does not fit. */
function fitWord(type: string, word: bigint): unknown {
  const int = /^(u?)int(\d*)$/.exec(type);
  if (int) {
    const bits = Number(int[2] || 256);
    return int[1] === 'u' ? (word < 1n << BigInt(bits) ? word : undefined) : BigInt.asIntN(bits, word);
  }
  if (type === 'address') return word < 1n << 160n ? `0x${word.toString(16).padStart(40, '0')}` : undefined;
  if (type === 'bool') return word !== 0n;
  return undefined;
}
