import type { AbiParameter, Hex } from 'viem';
import type { FuzzCall } from './FuzzCall.js';
import type { TargetFunction } from './TargetFunction.js';

/** Where a mutation draws its randomness and its values from; CallGenerator is one. */
export interface ValueSource {
  /** A uniform integer in [0, max]. */
  int(max: number): number;
  /** A fresh value of `param`'s type for a call to `target`, drawn as a fresh call's would be. */
  fresh(target: TargetFunction, param: AbiParameter): unknown;
  /** Dictionary words worth trying in `target`, its own comparison operands among them. */
  words(target: TargetFunction): readonly bigint[];
  /** Values the argument at `position` of `target` was compared with, as values of its type (input-to-state). */
  learnt(target: TargetFunction, position: number): readonly unknown[];
}

type Param = AbiParameter & { components?: readonly AbiParameter[] };

interface Context {
  source: ValueSource;
  call: FuzzCall;
}

/** As in arbitraryForParam: dynamic arrays stay this short. */
const MAX_ARRAY = 6;

/**
 * The call with one argument changed within its ABI type: a value that argument was
 * compared with, or a small change of the value it had (a bit flipped, ±1..16, a
 * dictionary word, an edge value of the type, one element of an array or tuple).
 * A uint8 stays below 256, an address stays an address of the spec's address domain.
 */
export function mutateArgument(call: FuzzCall, position: number, source: ValueSource): FuzzCall {
  const param = call.target.fn.inputs[position] as Param | undefined;
  if (param === undefined) return call;
  const learnt = source.learnt(call.target, position);
  const value =
    learnt.length > 0 && source.int(2) === 0
      ? learnt[source.int(learnt.length - 1)]
      : mutateValue(param, call.args[position], { source, call });
  const args = [...call.args];
  args[position] = value;
  return { ...call, args };
}

function mutateValue(param: Param, value: unknown, ctx: Context): unknown {
  const { type } = param;
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) return mutateArray(param, { ...param, type: array[1]! }, array[2] !== '', value as unknown[], ctx);
  if (type === 'tuple') return mutateTuple(param, value, ctx);
  if (type === 'bool') return !(value as boolean);
  // The caller itself, or another address of the domain (owner checks, transfers to oneself).
  if (type === 'address') return ctx.source.int(3) === 0 ? ctx.call.sender : ctx.source.fresh(ctx.call.target, param);
  const int = /^(u?)int(\d*)$/.exec(type);
  if (int) return mutateInteger(int[1] === 'u', Number(int[2] || 256), value as bigint, ctx);
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) return mutateFixedBytes(Number(fixed[1]), value as Hex, ctx);
  return ctx.source.fresh(ctx.call.target, param); // bytes, string
}

function mutateInteger(unsigned: boolean, bits: number, v: bigint, ctx: Context): bigint {
  const { source } = ctx;
  const fit = (x: bigint) => (unsigned ? BigInt.asUintN(bits, x) : BigInt.asIntN(bits, x));
  switch (source.int(3)) {
    case 0:
      return fit(v ^ (1n << BigInt(source.int(bits - 1))));
    case 1: {
      const delta = BigInt(1 + source.int(15));
      return fit(source.int(1) === 0 ? v + delta : v - delta);
    }
    case 2: {
      const words = source.words(ctx.call.target);
      if (words.length > 0) return fit(words[source.int(words.length - 1)]!);
      break;
    }
  }
  const edges = integerEdges(unsigned, bits);
  return edges[source.int(edges.length - 1)]!;
}

/** Bounds of the type and of the narrower types it holds, where overflow and truncation bugs live. */
function integerEdges(unsigned: boolean, bits: number): bigint[] {
  if (!unsigned) {
    const max = (1n << BigInt(bits - 1)) - 1n;
    return [0n, 1n, -1n, max, max - 1n, -max - 1n, -max];
  }
  const max = (1n << BigInt(bits)) - 1n;
  const edges = [0n, 1n, 2n, max, max - 1n, 1n << BigInt(bits - 1)];
  for (const narrow of [8, 16, 32, 64, 128]) if (narrow < bits) edges.push((1n << BigInt(narrow)) - 1n);
  if (10n ** 18n < max) edges.push(10n ** 18n);
  return edges;
}

function mutateFixedBytes(size: number, v: Hex, ctx: Context): Hex {
  const { source } = ctx;
  const bits = size * 8;
  let word = BigInt(v);
  const choice = source.int(2);
  const words = source.words(ctx.call.target);
  if (choice === 0 || words.length === 0) word ^= 1n << BigInt(source.int(bits - 1));
  else if (choice === 1) word = words[source.int(words.length - 1)]! & ((1n << BigInt(bits)) - 1n);
  else return ctx.source.fresh(ctx.call.target, { type: `bytes${size}` }) as Hex;
  return `0x${word.toString(16).padStart(size * 2, '0')}`;
}

function mutateArray(param: Param, inner: Param, fixed: boolean, value: unknown[], ctx: Context): unknown[] {
  const { source } = ctx;
  const n = value.length;
  const choice = source.int(3);
  if (n > 0 && choice <= 1) {
    const out = [...value];
    const i = source.int(n - 1);
    out[i] = mutateValue(inner, out[i], ctx);
    return out;
  }
  if (!fixed && n > 0 && (choice === 2 || n >= MAX_ARRAY)) {
    const drop = source.int(n - 1);
    return value.filter((_, i) => i !== drop);
  }
  if (!fixed && n > 0) {
    const i = source.int(n - 1);
    return [...value.slice(0, i + 1), value[i], ...value.slice(i + 1)];
  }
  return source.fresh(ctx.call.target, param) as unknown[];
}

function mutateTuple(param: Param, value: unknown, ctx: Context): unknown {
  const components = (param.components ?? []) as Param[];
  if (components.length === 0) return value;
  const i = ctx.source.int(components.length - 1);
  const component = components[i]!;
  if (Array.isArray(value)) {
    const out = [...value];
    out[i] = mutateValue(component, out[i], ctx);
    return out;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [component.name!]: mutateValue(component, record[component.name!], ctx) };
}
