import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { AbiParameter, Hex } from 'viem';
import { fitWord, toWord } from './abiWord.js';
import { arbitraryForParam, type ArbitraryEnv } from './arbitraryForParam.js';
import { Dictionary } from './Dictionary.js';
import type { FuzzCall } from './FuzzCall.js';
import type { MutationSource } from './mutateSequence.js';
import type { TargetFunction } from './TargetFunction.js';

/** An argument position of a call and a value it was compared with there. */
export interface Replacement {
  position: number;
  value: unknown;
}

const NONE: readonly Replacement[] = [];
/** Replacements reported per call, at most. */
const MAX_REPLACEMENTS = 8;
/** Of which derived-value shifts (see `shifted`), at most. */
const MAX_SHIFTED = 2;
/** Operands below this are never shifted to (see `shifted`). */
const MIN_SHIFTED = 1n << 16n;

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
export class CallGenerator implements MutationSource {
  private readonly random: fc.Random;
  private readonly argArbitraries: fc.Arbitrary<unknown[]>[];
  private readonly targetIndex: fc.Arbitrary<number>;
  private readonly senders: fc.Arbitrary<Hex>;
  private readonly value: fc.Arbitrary<bigint>;
  private readonly delays: fc.Arbitrary<[bigint, bigint]>;
  private readonly freshArbitraries = new Map<string, fc.Arbitrary<unknown>>();
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
    this.senders = fc.constantFrom(...options.senders);
    this.value = fc.oneof(
      { weight: 6, arbitrary: fc.constant(0n) },
      { weight: 2, arbitrary: fc.bigInt(1n, 10n ** 18n) },
      { weight: 1, arbitrary: fc.nat().map((i) => options.env.dictionary.values[i % Math.max(1, options.env.dictionary.values.length)] ?? 0n) },
    );
    const time = BigInt(options.maxTimeDelay);
    const blocks = BigInt(options.maxBlockDelay);
    this.delays =
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
    const sender = this.draw(this.senders);
    const args = this.echoSender(target, this.applyHints(target, this.draw(this.argArbitraries[index]!)), sender);
    let value = 0n;
    if (target.fn.stateMutability === 'payable') value = this.draw(this.value);
    const [timeDelta, blockDelta] = this.draw(this.delays);
    return { target, args, sender, value, timeDelta, blockDelta };
  }

  /**
   * Learns from a call's comparisons: each operand becomes a candidate argument for that
   * function (a guard `x == 42` makes 42 likely next time) and joins the shared dictionary.
   * Function selectors compared by the dispatcher are left out. Returns, for this call,
   * each argument position with a value it was compared with, as a value of its type.
   */
  learn(target: TargetFunction, compares: readonly bigint[], args: readonly unknown[] = []): readonly Replacement[] {
    if (compares.length === 0) return NONE;
    const local = this.local.get(target);
    const argWords = args.map(toWord);
    let replacements: Replacement[] | undefined;
    for (let k = 0; k + 1 < compares.length; k += 2) {
      const pair = [compares[k]!, compares[k + 1]!] as const;
      for (const [mine, other] of [pair, [pair[1], pair[0]] as const]) {
        const position = argWords.indexOf(mine);
        // An argument compared with something else: that something is what the guard wants there.
        if (position < 0 || other === mine) continue;
        this.hint(target, position, other);
        const value = fitWord(target.fn.inputs[position]!.type, other);
        if (value === undefined || !this.allowedAddress(value)) continue;
        replacements ??= [];
        if (replacements.length < MAX_REPLACEMENTS && !replacements.some((r) => r.position === position && r.value === value)) {
          replacements.push({ position, value });
        }
      }
      for (const v of pair) {
        if ((v < 1n << 32n && this.selectors.has(v)) || argWords.includes(v)) continue;
        local?.addWord(v);
        this.options.env.dictionary.addWord(v);
      }
    }
    return this.shifted(target, compares, argWords, replacements ?? []);
  }

  /**
   * Input-to-state for guards on a value derived from an argument (`a + b == K`): when
   * neither operand is an argument, shifting a numeric argument by the operands' difference
   * makes an additive derivation hit the other operand exactly.
   * Deepest comparisons first (they are the guards the call stopped at); a few per call.
   */
  private shifted(target: TargetFunction, compares: readonly bigint[], argWords: readonly (bigint | undefined)[], found: Replacement[]): readonly Replacement[] {
    // An argument compared directly says exactly what to try; shifts are for when none was.
    if (found.length > 0) return found;
    const numeric = target.fn.inputs.map((input, i) => (/^u?int\d*$/.test(input.type) && argWords[i] !== undefined ? i : -1)).filter((i) => i >= 0);
    if (numeric.length === 0) return NONE;
    let added = 0;
    for (let k = compares.length - 2; k >= 0 && added < MAX_SHIFTED && found.length < MAX_REPLACEMENTS; k -= 2) {
      const x = compares[k]!;
      const y = compares[k + 1]!;
      // Only sums of arguments against a constant look like this; small operands are counters,
      // flags and states (`stage == 2`), where a shift is noise that costs whole runs.
      if (x === y || x < MIN_SHIFTED || y < MIN_SHIFTED || argWords.includes(x) || argWords.includes(y)) continue;
      for (const [derived, wanted] of [[x, y], [y, x]] as const) {
        for (const position of numeric) {
          const value = fitWord(target.fn.inputs[position]!.type, BigInt.asUintN(256, argWords[position]! + wanted - derived));
          if (value === undefined || found.some((r) => r.position === position && r.value === value)) continue;
          found.push({ position, value });
          added++;
          if (added >= MAX_SHIFTED || found.length >= MAX_REPLACEMENTS) break;
        }
        if (added >= MAX_SHIFTED || found.length >= MAX_REPLACEMENTS) break;
      }
    }
    return found.length > 0 ? found : NONE;
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

  // MutationSource: what mutateSequence and mutateArgument draw from, on the same random stream.

  int(max: number): number {
    return this.random.nextInt(0, max);
  }

  call(): FuzzCall {
    return this.next();
  }

  hinted(): FuzzCall {
    const call = this.next();
    const positions = this.hints.get(call.target)?.keys();
    if (positions === undefined) return call;
    const args = [...call.args];
    for (const position of positions) {
      const values = this.learnt(call.target, position);
      if (values.length > 0) args[position] = values[this.int(values.length - 1)];
    }
    return { ...call, args };
  }

  sender(): Hex {
    return this.draw(this.senders);
  }

  delay(): readonly [bigint, bigint] {
    return this.draw(this.delays);
  }

  fresh(target: TargetFunction, param: AbiParameter): unknown {
    const key = `${target.contract.key}.${target.signature}:${JSON.stringify(param)}`;
    let arbitrary = this.freshArbitraries.get(key);
    if (arbitrary === undefined) {
      arbitrary = arbitraryForParam(param, { ...this.options.env, local: this.local.get(target) });
      this.freshArbitraries.set(key, arbitrary);
    }
    return this.draw(arbitrary);
  }

  words(target: TargetFunction): readonly bigint[] {
    const local = this.local.get(target)?.values ?? [];
    return local.length > 0 && this.int(1) === 0 ? local : this.options.env.dictionary.values;
  }

  learnt(target: TargetFunction, position: number): readonly unknown[] {
    const values = this.hints.get(target)?.get(position) ?? [];
    const type = target.fn.inputs[position]?.type ?? '';
    return values.map((v) => fitWord(type, v)).filter((v) => v !== undefined && this.allowedAddress(v));
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

