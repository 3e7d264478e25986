import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendPath } from '../exec/PathCond.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { HardForBitBlasting } from './HardForBitBlasting.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
let z3: Z3Session;
beforeAll(async () => {
  z3 = await openZ3();
});
afterAll(async () => {
  await z3.close();
});

describe('HardForBitBlasting', () => {
  it('marks divisions by terms and products of terms, not constant divisors or factors, and paths through them', () => {
    const ctx: any = z3.ctx;
    const [x, y] = ['x', 'y'].map((n) => ctx.BitVec.const(n, 256));
    const k = ctx.BitVec.val(1000n, 256);
    const hard = new HardForBitBlasting(ctx);
    expect(hard.term(x.mul(k).udiv(k).ult(y.add(k)))).toBe(false);
    expect(hard.term(x.urem(k).eq(y))).toBe(false);
    expect(hard.term(x.mul(k).udiv(y).ult(k))).toBe(true);
    expect(hard.term(ctx.Not(x.mul(y).eq(k)))).toBe(true);
    // Solidity's checked `x * y`, and with a constant factor (cheap: a shift-and-add circuit).
    expect(hard.term(ctx.Not(x.mulNoOverflow(y, false)))).toBe(true);
    expect(hard.term(x.mulNoOverflow(k, false))).toBe(false);
    expect(hard.term(x.zeroExt(256).mul(k.zeroExt(256)).urem(y.zeroExt(256)).extract(255, 0).eq(k))).toBe(true);
    const easy = extendPath(extendPath(undefined, x.ult(k)), y.ugt(x));
    const through = extendPath(easy, x.mul(y).ult(k));
    expect(hard.path(easy)).toBe(false);
    expect(hard.path(through)).toBe(true);
    expect(hard.path(extendPath(through, x.eq(k)))).toBe(true);
    expect(hard.path(undefined)).toBe(false);
  });
});
