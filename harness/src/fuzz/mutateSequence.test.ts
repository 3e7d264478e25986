import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, type AbiParameter, type Hex } from 'viem';
import type { CallGenerator } from './CallGenerator.js';
import { Dictionary } from './Dictionary.js';
import { SENDERS, testGenerator, testTargets } from './fixtures/testTargets.js';
import type { FuzzCall } from './FuzzCall.js';
import { mutateArgument } from './mutateArgument.js';
import { mutateSequence, sequenceMutations } from './mutateSequence.js';

const take = (g: CallGenerator, n: number) => Array.from({ length: n }, () => g.next());
const freeze = (calls: FuzzCall[]) => Object.freeze(calls.map((c) => Object.freeze({ ...c, args: Object.freeze([...c.args]) as unknown[] })));

type Param = AbiParameter & { components?: readonly AbiParameter[] };

/** Whether a value is one of its ABI type: integer ranges, address form, fixed sizes, array lengths. */
function inType(param: Param, v: unknown): boolean {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array) {
    const inner = { ...param, type: array[1]! };
    return Array.isArray(v) && (array[2] === '' ? v.length <= 6 : v.length === Number(array[2])) && v.every((x) => inType(inner, x));
  }
  if (param.type === 'tuple') {
    const parts = param.components!;
    return parts.every((c, i) => inType(c, Array.isArray(v) ? v[i] : (v as Record<string, unknown>)[c.name!]));
  }
  const int = /^(u?)int(\d*)$/.exec(param.type);
  if (int) {
    const bits = BigInt(int[2] || 256);
    if (typeof v !== 'bigint') return false;
    return int[1] === 'u' ? v >= 0n && v < 1n << bits : v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n);
  }
  if (param.type === 'address') return typeof v === 'string' && /^0x[0-9a-f]{40}$/i.test(v);
  if (param.type === 'bool') return typeof v === 'boolean';
  const fixed = /^bytes(\d+)$/.exec(param.type);
  if (fixed) return typeof v === 'string' && v.length === 2 + 2 * Number(fixed[1]);
  return param.type === 'bytes' ? typeof v === 'string' && v.startsWith('0x') : typeof v === 'string';
}

describe('mutateSequence', () => {
  it('gives the same mutants for the same seed, and others for another seed', () => {
    const mutants = (seed: number) => {
      const g = testGenerator({ seed });
      const parent = take(g, 12);
      const donor = take(g, 7);
      return Array.from({ length: 50 }, () => mutateSequence(parent, donor, g, 100));
    };
    expect(mutants(5)).toEqual(mutants(5));
    expect(mutants(6)).not.toEqual(mutants(5));
  });

  it('keeps every argument within its ABI type, encodable, and never changes its inputs', () => {
    const g = testGenerator({ seed: 9 });
    // Learnt values too wide for a uint8 must not land there.
    for (const t of testTargets()) g.learn(t, [1n, 1n << 200n, 1n, -5n, 1n, 200n, 1n, 300n], t.fn.inputs.map(() => 1n));
    const parent = freeze(take(g, 10));
    const donor = freeze(take(g, 10));
    let changed = 0;
    for (let k = 0; k < 400; k++) {
      const mutant = mutateSequence(parent, donor, g, 100);
      for (const call of mutant) {
        call.target.fn.inputs.forEach((p, i) => expect(inType(p, call.args[i]), `${call.target.signature} arg ${i}: ${String(call.args[i])}`).toBe(true));
        expect(() => encodeAbiParameters(call.target.fn.inputs, call.args)).not.toThrow();
        expect(SENDERS).toContain(call.sender);
        expect(call.timeDelta >= 0n && call.timeDelta <= 3600n).toBe(true);
      }
      if (mutant.length !== parent.length || mutant.some((c, i) => c !== parent[i])) changed++;
    }
    expect(changed).toBeGreaterThan(350);
  });

  it('mutates one argument at a time within its type, on every type family', () => {
    const g = testGenerator({ seed: 3 });
    const calls = take(g, 300).filter((c) => c.target.fn.inputs.length > 0);
    for (const call of calls) {
      for (let i = 0; i < call.target.fn.inputs.length; i++) {
        const mutant = mutateArgument(call, i, g);
        expect(inType(call.target.fn.inputs[i]!, mutant.args[i])).toBe(true);
        expect(mutant.args.filter((_, j) => j !== i)).toEqual(call.args.filter((_, j) => j !== i));
        expect(mutant.sender).toBe(call.sender);
      }
    }
  });

  it('keeps address arguments to the actors when the spec says so', () => {
    const g = testGenerator({ seed: 4, env: { dictionary: new Dictionary(), addresses: SENDERS, addressDomain: 'actors' } });
    const big = testTargets()[1]!;
    g.learn(big, [0n, 0xb15n], [1n, 1n, 0n, 1n]); // address argument compared with a stranger
    const call: FuzzCall = { target: big, args: [1n, 1n, SENDERS[0], '0x' + '00'.repeat(32)], sender: SENDERS[1]!, value: 0n, timeDelta: 0n, blockDelta: 0n };
    for (let k = 0; k < 200; k++) expect(SENDERS).toContain(mutateArgument(call, 2, g).args[2] as Hex);
  });

  it('puts a value the argument was compared with in its place (input-to-state)', () => {
    const g = testGenerator({ seed: 2 });
    const big = testTargets()[1]!;
    g.learn(big, [7n, 0xc0ffeen], [7n, 1n, 0n, 0n]);
    const call: FuzzCall = { target: big, args: [7n, 1n, SENDERS[0], '0x' + '00'.repeat(32)], sender: SENDERS[0]!, value: 0n, timeDelta: 0n, blockDelta: 0n };
    const values = Array.from({ length: 100 }, () => mutateArgument(call, 0, g).args[0]);
    // A third of the time by design, plus the dictionary now and then.
    expect(values.filter((v) => v === 0xc0ffeen).length).toBeGreaterThan(25);
  });

  it('splices a prefix of one sequence to a suffix of another', () => {
    const g = testGenerator({ seed: 11 });
    const a = take(g, 8);
    const b = take(g, 5);
    for (let k = 0; k < 200; k++) {
      const out = sequenceMutations.splice(a, b, g);
      const keep = out.findIndex((c) => !a.includes(c));
      expect(keep).toBeGreaterThanOrEqual(1);
      expect(out.slice(0, keep)).toEqual(a.slice(0, keep));
      const from = b.length - (out.length - keep);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(from).toBeLessThan(b.length);
      expect(out.slice(keep)).toEqual(b.slice(from));
    }
  });

  it('inserts, repeats and deletes within their bounds', () => {
    const g = testGenerator({ seed: 12 });
    const calls = take(g, 6);
    for (let k = 0; k < 200; k++) {
      const inserted = sequenceMutations.insert(calls, [], g);
      expect(inserted.length - calls.length).toBeGreaterThanOrEqual(1);
      expect(inserted.length - calls.length).toBeLessThanOrEqual(3);
      expect(inserted.filter((c) => calls.includes(c))).toEqual(calls);

      const repeated = sequenceMutations.repeat(calls, [], g);
      const extra = repeated.length - calls.length;
      expect(extra).toBeGreaterThanOrEqual(1);
      expect(extra).toBeLessThanOrEqual(12);
      expect(repeated.every((c) => calls.includes(c))).toBe(true);

      const deleted = sequenceMutations.delete(calls, [], g);
      expect(calls.length - deleted.length).toBeGreaterThanOrEqual(1);
      expect(calls.length - deleted.length).toBeLessThanOrEqual(4);
      expect(deleted.every((c) => calls.includes(c))).toBe(true);
    }
    expect(sequenceMutations.delete(calls.slice(0, 1), [], g)).toHaveLength(1);
  });

  it('never returns an empty sequence or one longer than the limit', () => {
    const g = testGenerator({ seed: 13 });
    const one = take(g, 1);
    const long = take(g, 30);
    for (let k = 0; k < 300; k++) {
      const a = mutateSequence(one, one, g, 100);
      expect(a.length).toBeGreaterThanOrEqual(1);
      const b = mutateSequence(long, long, g, 20);
      expect(b.length).toBeGreaterThanOrEqual(1);
      expect(b.length).toBeLessThanOrEqual(20);
    }
  });
});
