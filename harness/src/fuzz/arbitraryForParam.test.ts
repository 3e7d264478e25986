import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, isHex, type AbiParameter, type Hex } from 'viem';
import { arbitraryForParam, type ArbitraryEnv } from './arbitraryForParam.js';
import { Dictionary } from './Dictionary.js';

const ACTORS: Hex[] = ['0x0000000000000000000000000000000000010000', '0x0000000000000000000000000000000000020000'];
const DRAWS = 1000;

function env(): ArbitraryEnv {
  return { dictionary: new Dictionary(), addresses: ACTORS };
}

/** Draws as the campaign does: one seeded stream, no bias. */
function draw(arb: fc.Arbitrary<unknown>, seed: number, n = DRAWS): unknown[] {
  const random = new fc.Random(xoroshiro128plus(seed));
  return Array.from({ length: n }, () => arb.generate(random, undefined).value);
}

type Param = AbiParameter & { components?: readonly AbiParameter[] };
const order: Param = {
  type: 'tuple',
  name: 'order',
  components: [
    { name: 'id', type: 'uint256' },
    { name: 'owner', type: 'address' },
    { name: 'open', type: 'bool' },
    { name: 'tags', type: 'bytes4[]' },
  ],
};

const isAddress = (v: unknown) => typeof v === 'string' && /^0x[0-9a-f]{40}$/i.test(v);
const intRange = (bits: number, signed: boolean) => (v: unknown) =>
  typeof v === 'bigint' &&
  (signed ? v >= -(1n << BigInt(bits - 1)) && v < 1n << BigInt(bits - 1) : v >= 0n && v < 1n << BigInt(bits));

const families: { param: Param; valid: (v: unknown) => boolean }[] = [
  { param: { type: 'uint8' }, valid: intRange(8, false) },
  { param: { type: 'uint256' }, valid: intRange(256, false) },
  { param: { type: 'uint' }, valid: intRange(256, false) },
  { param: { type: 'int8' }, valid: intRange(8, true) },
  { param: { type: 'int256' }, valid: intRange(256, true) },
  { param: { type: 'address' }, valid: isAddress },
  { param: { type: 'bool' }, valid: (v) => typeof v === 'boolean' },
  { param: { type: 'bytes4' }, valid: (v) => isHex(v) && v.length === 10 },
  { param: { type: 'bytes32' }, valid: (v) => isHex(v) && v.length === 66 },
  { param: { type: 'bytes' }, valid: (v) => isHex(v) && v.length % 2 === 0 && (v.length - 2) / 2 <= 64 },
  { param: { type: 'string' }, valid: (v) => typeof v === 'string' },
  { param: { type: 'uint256[]' }, valid: (v) => Array.isArray(v) && v.length <= 6 && v.every(intRange(256, false)) },
  { param: { type: 'uint8[3]' }, valid: (v) => Array.isArray(v) && v.length === 3 && v.every(intRange(8, false)) },
  {
    param: order,
    valid: (v) => {
      const o = v as Record<string, unknown>;
      return Object.keys(o).join() === 'id,owner,open,tags' && intRange(256, false)(o.id) && isAddress(o.owner) && typeof o.open === 'boolean';
    },
  },
  {
    param: { ...order, type: 'tuple[]' },
    valid: (v) => Array.isArray(v) && v.every((o) => typeof o === 'object' && o !== null && 'owner' in o),
  },
  {
    param: { type: 'tuple', components: [{ type: 'uint16' }, { type: 'bytes' }] },
    valid: (v) => Array.isArray(v) && v.length === 2 && intRange(16, false)(v[0]),
  },
  { param: { type: 'int24[2][]' }, valid: (v) => Array.isArray(v) && v.every((x) => Array.isArray(x) && x.length === 2 && x.every(intRange(24, true))) },
];

describe('arbitraryForParam', () => {
  it.each(families.map((f) => [f.param.type + (f.param.components ? `(${f.param.components.map((c) => c.type).join(',')})` : ''), f] as const))(
    '%s: 1000 draws are in range and encode with viem',
    (_, { param, valid }) => {
      const values = draw(arbitraryForParam(param, env()), 42);
      for (const v of values) {
        expect(valid(v), `${param.type}: ${String(v)}`).toBe(true);
        expect(() => encodeAbiParameters([param], [v])).not.toThrow();
      }
      // Not a constant: the search needs variety.
      expect(new Set(values.map((v) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x)))).size).toBeGreaterThan(1);
    },
  );

  it.each([
    ['uint8', [0n, 1n, 255n, 128n]],
    ['uint256', [0n, 1n, (1n << 256n) - 1n, 1n << 255n, 10n ** 18n]],
    ['int8', [0n, -1n, -128n, 127n]],
    ['int256', [0n, -1n, -(1n << 255n), (1n << 255n) - 1n]],
  ] as const)('%s draws include the edge values', (type, edges) => {
    const values = new Set(draw(arbitraryForParam({ type }, env()), 7));
    for (const e of edges) expect(values.has(e), `${type} edge ${e}`).toBe(true);
  });

  it('draws small values often, for loops and counters', () => {
    const values = draw(arbitraryForParam({ type: 'uint256' }, env()), 3) as bigint[];
    expect(values.filter((v) => v <= 10_000n).length).toBeGreaterThan(DRAWS / 4);
  });

  it('reads the dictionary when drawing, so values added later appear', () => {
    const e = env();
    const arb = arbitraryForParam({ type: 'uint256' }, e);
    expect(draw(arb, 11)).not.toContain(0xbadc0de5n);
    e.dictionary.addValue(0xbadc0de5n);
    const after = draw(arb, 11);
    expect(after.filter((v) => v === 0xbadc0de5n).length).toBeGreaterThan(50);
  });

  it('fits dictionary values into narrow types', () => {
    const e = env();
    e.dictionary.addValue(0x1ffn);
    const values = draw(arbitraryForParam({ type: 'uint8' }, e), 5);
    expect(values).toContain(0xffn);
    expect(values.every(intRange(8, false))).toBe(true);
    const signed = draw(arbitraryForParam({ type: 'int8' }, e), 5);
    expect(signed).toContain(-1n);
  });

  it('uses dictionary values for fixed-size bytes', () => {
    const e = env();
    e.dictionary.addValue(0xdeadbeefn);
    expect(draw(arbitraryForParam({ type: 'bytes32' }, e), 9)).toContain(`0x${'deadbeef'.padStart(64, '0')}`);
    expect(draw(arbitraryForParam({ type: 'bytes4' }, e), 9)).toContain('0xdeadbeef');
  });

  it('draws mostly the known addresses, sometimes zero and dictionary addresses', () => {
    const e = env();
    const arb = arbitraryForParam({ type: 'address' }, e);
    const before = draw(arb, 13) as Hex[];
    expect(before.filter((a) => ACTORS.includes(a)).length).toBeGreaterThan(DRAWS / 2);
    expect(before).toContain('0x0000000000000000000000000000000000000000');
    for (const a of ACTORS) expect(before).toContain(a);
    const seen = '0x00000000000000000000000000000000c0ffee01';
    expect(before).not.toContain(seen);
    e.dictionary.addAddress(seen);
    expect(draw(arb, 13)).toContain(seen);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const arb = arbitraryForParam(order, env());
    expect(draw(arb, 99, 50)).toEqual(draw(arb, 99, 50));
    expect(draw(arb, 99, 50)).not.toEqual(draw(arb, 100, 50));
  });

  it('refuses an ABI type it does not know', () => {
    expect(() => arbitraryForParam({ type: 'fixed128x18' }, env())).toThrow(/fixed128x18/);
  });
});
