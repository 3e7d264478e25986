import fc from 'fast-check';
import { bytesToHex, type AbiParameter, type Hex } from 'viem';
import type { Dictionary } from './Dictionary.js';

export interface ArbitraryEnv {
  dictionary: Dictionary;
  /** Values this function's own comparisons were seen to test (input-to-state); drawn first. */
  local?: Dictionary;
  /** Actors and deployed contracts: the addresses most calls should use. */
  addresses: readonly Hex[];
  /** `'actors'`: only `addresses`; `'known'`: those and addresses seen; `'any'`: also zero and random ones. */
  addressDomain?: 'actors' | 'known' | 'any';
}

type Param = AbiParameter & { components?: readonly AbiParameter[] };

const MAX_ARRAY = 6;

/**
 * A fast-check arbitrary for one ABI type, producing values viem can encode. Numbers
 * are biased toward edge values, small values and the dictionary, whose contents grow
 * during the campaign: it is read when a value is drawn, not when the arbitrary is built.
 */
export function arbitraryForParam(param: Param, env: ArbitraryEnv): fc.Arbitrary<unknown> {
  const type = param.type;
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    const inner = arbitraryForParam({ ...param, type: array[1]! } as Param, env);
    const fixed = array[2] === '' ? undefined : Number(array[2]);
    return fixed === undefined ? fc.array(inner, { maxLength: MAX_ARRAY }) : fc.array(inner, { minLength: fixed, maxLength: fixed });
  }
  if (type === 'tuple') {
    const parts = (param.components ?? []).map((c) => arbitraryForParam(c as Param, env));
    const named = (param.components ?? []).every((c) => c.name);
    const tuple = fc.tuple(...parts);
    return named ? tuple.map((vs) => Object.fromEntries(vs.map((v, i) => [param.components![i]!.name!, v]))) : tuple;
  }
  if (type === 'bool') return fc.boolean();
  if (type === 'address') return addressArbitrary(env);
  if (type === 'string') return fc.oneof(fc.constantFrom('', 'a', 'vigil'), fc.string({ maxLength: 40 }));
  if (type === 'bytes') return fc.uint8Array({ maxLength: 64 }).map((b) => bytesToHex(b));
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes) return fixedBytesArbitrary(Number(fixedBytes[1]), env);
  const int = /^(u?)int(\d*)$/.exec(type);
  if (int) return integerArbitrary(int[1] === 'u', Number(int[2] || 256), env);
  throw new Error(`no arbitrary for ABI type ${type}`);
}

function integerArbitrary(unsigned: boolean, bits: number, env: ArbitraryEnv): fc.Arbitrary<bigint> {
  const max = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = unsigned ? 0n : -(1n << BigInt(bits - 1));
  const fit = (v: bigint) => (v > max || v < min ? (unsigned ? v & max : BigInt.asIntN(bits, v)) : v);
  const edges = unsigned
    ? [0n, 1n, 2n, max, max - 1n, 1n << BigInt(bits - 1), 10n ** 18n].map(fit)
    : [0n, 1n, -1n, min, max, min + 1n, max - 1n].map(fit);
  const dictionary = fc.nat().map((i) => fit(pickValue(env, i)));
  // Log-uniform up to 2^16: rounding and off-by-one bugs live at 1, 7, 300 as much as at 9,000.
  const small = fc
    .tuple(fc.integer({ min: 0, max: 16 }), fc.bigInt(0n, (1n << 16n) - 1n), fc.boolean())
    .map(([bits, raw, negative]) => fit((unsigned || !negative ? 1n : -1n) * (raw & ((1n << BigInt(bits)) - 1n))));
  const any = fc.bigInt(min, max);
  return fc.oneof(
    { weight: 4, arbitrary: dictionary },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 3, arbitrary: small },
    { weight: 2, arbitrary: any },
  );
}

function addressArbitrary(env: ArbitraryEnv): fc.Arbitrary<Hex> {
  const known = fc.nat().map((i) => env.addresses[i % env.addresses.length]!);
  const seen = fc.nat().map((i) => {
    const local = env.local?.addresses ?? [];
    const list = local.length > 0 && i % 2 === 0 ? local : env.dictionary.addresses;
    return list.length === 0 ? env.addresses[0]! : list[(i >>> 1) % list.length]!;
  });
  if (env.addressDomain === 'actors') return known;
  if (env.addressDomain === 'known') return fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: seen });
  const zero = fc.constant('0x0000000000000000000000000000000000000000' as Hex);
  const random = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => bytesToHex(b));
  return fc.oneof({ weight: 8, arbitrary: known }, { weight: 2, arbitrary: seen }, { weight: 1, arbitrary: zero }, { weight: 1, arbitrary: random });
}

function fixedBytesArbitrary(size: number, env: ArbitraryEnv): fc.Arbitrary<Hex> {
  const fromDictionary = fc.nat().map((i) => {
    const v = pickValue(env, i) & ((1n << BigInt(size * 8)) - 1n);
    return `0x${v.toString(16).padStart(size * 2, '0')}` as Hex;
  });
  const random = fc.uint8Array({ minLength: size, maxLength: size }).map((b) => bytesToHex(b));
  return fc.oneof(fromDictionary, random, fc.constant(`0x${'00'.repeat(size)}` as Hex));
}

/**
 * A dictionary value: one time in four a constant of the targets' bytecode, half the time
 * from the function's own comparisons when it has any, else from everything seen.
 */
function pickValue(env: ArbitraryEnv, i: number): bigint {
  const local = env.local?.values ?? [];
  const constants = env.dictionary.constants;
  const values = i % 4 === 0 && constants.length > 0 ? constants : local.length > 0 && i % 4 !== 1 ? local : env.dictionary.values;
  return values.length === 0 ? 0n : values[(i >>> 2) % values.length]!;
}
