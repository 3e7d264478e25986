import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendPath } from '../exec/PathCond.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { IncrementalSolver } from './IncrementalSolver.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
let z3: Z3Session;
beforeAll(async () => {
  z3 = await openZ3();
});
afterAll(async () => {
  await z3.close();
});

describe('IncrementalSolver.checkIntegers (the integer form as a branch decision)', () => {
  it('gives a bit-vector model read off the integer one when it satisfies every condition of the path', async () => {
    const ctx: any = z3.ctx;
    const x = ctx.BitVec.const('x', 256);
    const y = ctx.BitVec.const('y', 256);
    // A sum that must wrap and a quotient far from any small value.
    const path = extendPath(extendPath(undefined, x.add(ctx.BitVec.val(5n, 256)).eq(ctx.BitVec.val(2n, 256))), y.udiv(ctx.BitVec.val(1000n, 256)).eq(ctx.BitVec.val(1n << 200n, 256)));
    const r = await new IncrementalSolver(ctx).checkIntegers(path, 10_000);
    expect(r.status).toBe('sat');
    if (r.status !== 'sat') return;
    expect((r.model.eval(x, true) as any).value()).toBe((1n << 256n) - 3n);
    expect((r.model.eval(y, true) as any).value() / 1000n).toBe(1n << 200n);
  }, 60_000);

  it('is unsat only when the bit-vector path is, and unknown when the integer model is not a bit-vector one', async () => {
    const ctx: any = z3.ctx;
    const x = ctx.BitVec.const('x', 256);
    const solver = new IncrementalSolver(ctx);
    const impossible = extendPath(extendPath(undefined, x.ult(ctx.BitVec.val(10n, 256))), x.add(ctx.BitVec.val(1n, 256)).ugt(ctx.BitVec.val(11n, 256)));
    expect((await solver.checkIntegers(impossible, 10_000)).status).toBe('unsat');
    // x & 1 is opaque over integers: a model of the rest need not give it the value 1.
    const masked = extendPath(extendPath(undefined, x.and(ctx.BitVec.val(1n, 256)).eq(ctx.BitVec.val(1n, 256))), x.ult(ctx.BitVec.val(1000n, 256)));
    const r = await solver.checkIntegers(masked, 10_000);
    expect(r.status === 'unsat').toBe(false);
    if (r.status === 'sat') expect((r.model.eval(x, true) as any).value() & 1n).toBe(1n);
  }, 60_000);
});
