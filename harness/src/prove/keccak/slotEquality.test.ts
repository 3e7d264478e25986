import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecEnv } from '../exec/ExecEnv.js';
import { pathNodes } from '../exec/PathCond.js';
import { wordToCells } from '../bytes/Cell.js';
import { createSymbolicState } from '../state/createSymbolicState.js';
import { sym, type BV } from '../word/Word.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { KeccakFunctions } from './KeccakFunctions.js';
import { keccakBytes, keccakOf } from './keccakOf.js';
import { slotEquality } from './slotEquality.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
let z3: Z3Session;
beforeAll(async () => {
  z3 = await openZ3();
});
afterAll(async () => {
  await z3.close();
});

const word = (v: bigint) => Array.from({ length: 32 }, (_, k) => Number((v >> BigInt(8 * (31 - k))) & 0xffn));

describe('slotEquality (storage slot comparisons under the path\'s hash axioms)', () => {
  it('compares a symbolic mapping slot with known slots by their inputs, and never with slot numbers or array elements of another length', async () => {
    const ctx: any = z3.ctx;
    const known = new Uint8Array([...word(0xabcn), ...word(3n)]);
    const array = new Uint8Array(word(7n));
    const s = createSymbolicState(ctx, { contracts: [], keccakPreimages: [known, array] });
    const x: ExecEnv = { ctx, keccak: new KeccakFunctions(ctx), tx: undefined as never, options: undefined as never };
    const key = ctx.BitVec.const('key', 256) as BV;
    const keyCells = wordToCells(sym(key));
    const slot = keccakOf(s, x, [...keyCells, ...word(3n)]);
    const eq = slotEquality(ctx, s);
    expect(eq(slot, 5n)).toBe(false);
    expect(eq(slot, keccakBytes(array) + 2n)).toBe(false);
    const same = eq(slot, keccakBytes(known));
    expect(typeof same).not.toBe('boolean');
    // Equal exactly when key = 0xabc, as the axioms say of the uninterpreted hash.
    const solver = new ctx.Solver();
    for (const n of pathNodes(s.path)) solver.add(n.cond);
    solver.add(ctx.Not(ctx.Eq(same, key.eq(ctx.BitVec.val(0xabcn, 256)))));
    expect(await solver.check()).toBe('unsat');
    solver.release();
  }, 60_000);
});
