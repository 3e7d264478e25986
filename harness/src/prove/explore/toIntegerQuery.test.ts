import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { toIntegerQuery } from './toIntegerQuery.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
let z3: Z3Session;
beforeAll(async () => {
  z3 = await openZ3();
});
afterAll(async () => {
  await z3.close();
});

async function solve(conds: any[], timeoutMs = 20_000): Promise<string> {
  const s = new z3.ctx.Solver();
  for (const c of conds) s.add(c);
  s.set('timeout', timeoutMs);
  const r = await s.check();
  s.release();
  return r;
}

const W = 8;

/** A random 8-bit term over three variables and one array, using every operator the translation knows and some it does not. */
type Shape = { op: string; kids: Shape[]; k?: number };
const leaf = fc.oneof(
  fc.constantFrom('x', 'y', 'z').map((v): Shape => ({ op: v, kids: [] })),
  fc.integer({ min: 0, max: 255 }).map((k): Shape => ({ op: 'num', kids: [], k })),
);
const term: fc.Arbitrary<Shape> = fc.letrec<{ t: Shape }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ op: fc.constantFrom('add', 'sub', 'mul', 'and', 'udiv', 'urem', 'shl', 'lshr', 'neg', 'select', 'ite', 'ext', 'mulk', 'int'), kids: fc.array(tie('t'), { minLength: 2, maxLength: 2 }), k: fc.integer({ min: 0, max: 9 }) }),
  ),
})).t;
const rel = fc.constantFrom('ule', 'ult', 'eq', 'slt', 'neq', 'ile', 'ieq');

function build(ctx: any, s: Shape, arr: any): any {
  const bv = (k: number) => ctx.BitVec.val(BigInt(k), W);
  const [a, b] = s.kids.map((k) => build(ctx, k, arr));
  switch (s.op) {
    case 'x': case 'y': case 'z': return ctx.BitVec.const(s.op, W);
    case 'num': return bv(s.k!);
    case 'add': return a.add(b);
    case 'sub': return a.sub(b);
    case 'mul': return a.mul(b);
    case 'mulk': return a.mul(bv(255 - s.k!));
    case 'and': return a.and(s.k! % 2 === 0 ? bv(15) : b);
    case 'udiv': return a.udiv(s.k! % 2 === 0 ? bv(s.k!) : b);
    case 'urem': return a.urem(s.k! % 2 === 0 ? bv(s.k! + 1) : b);
    case 'shl': return a.shl(bv(s.k!));
    case 'lshr': return a.lshr(bv(s.k!));
    case 'neg': return a.neg();
    case 'select': return arr.store(b, a).select(a.add(bv(s.k!)));
    case 'ite': return ctx.If(a.ult(b), a, b.sub(a));
    // A check's arithmetic over integers, turned back into a word (a view result passed as an argument).
    case 'int': return ctx.Int2BV(ctx.BV2Int(a, false).mul(s.k! + 1).sub(ctx.BV2Int(b, true)).add(ctx.If(a.ult(b), ctx.Int.val(s.k!), ctx.BV2Int(b, false).div(3))), W);
    case 'ext': return ctx.Concat(ctx.BitVec.val(0n, 4), a.extract(7, 4)).add(a.extract(3, 0).signExt(4));
    default: throw new Error(s.op);
  }
}

describe('toIntegerQuery', () => {
  it('never calls a satisfiable bit-vector query unsatisfiable (random 8-bit formulas)', async () => {
    const ctx: any = z3.ctx;
    const arr = ctx.Array.const('m', ctx.BitVec.sort(W), ctx.BitVec.sort(W));
    let agreedUnsat = 0;
    await fc.assert(
      fc.asyncProperty(term, term, rel, fc.boolean(), async (l, r, op, negate) => {
        const a = build(ctx, l, arr);
        const b = build(ctx, r, arr);
        const ints = () => [ctx.BV2Int(a, false), ctx.BV2Int(b, false).mod(7).add(ctx.BV2Int(b, true))];
        const base = op === 'ule' ? a.ule(b) : op === 'ult' ? a.ult(b) : op === 'eq' ? a.eq(b) : op === 'slt' ? a.slt(b)
          : op === 'ile' ? ints()[0].le(ints()[1]) : op === 'ieq' ? ints()[0].eq(ints()[1]) : a.neq(b);
        const f = negate ? ctx.Not(base) : base;
        const original = await solve([f]);
        const integer = await solve(toIntegerQuery(ctx, [f]), 1_000);
        if (integer === 'unsat') {
          agreedUnsat++;
          expect(original).toBe('unsat');
        }
      }),
      { numRuns: 250, seed: 42 },
    );
    // The test must exercise the unsat side, or it proves nothing.
    expect(agreedUnsat).toBeGreaterThan(5);
  }, 300_000);

  it('never calls a satisfiable query unsatisfiable when path facts drop its wrap-arounds (random 8-bit formulas)', async () => {
    const ctx: any = z3.ctx;
    const arr = ctx.Array.const('m', ctx.BitVec.sort(W), ctx.BitVec.sort(W));
    const fact = fc.record({ kind: fc.constantFrom('le', 'ge', 'nowrap', 'noovfl', 'sub', 'eq'), k: fc.integer({ min: 0, max: 255 }) });
    let agreedUnsat = 0;
    await fc.assert(
      fc.asyncProperty(term, term, rel, fc.array(fact, { minLength: 1, maxLength: 3 }), async (l, r, op, fs) => {
        const a = build(ctx, l, arr);
        const b = build(ctx, r, arr);
        const k = (v: number) => ctx.BitVec.val(BigInt(v), W);
        // Facts of the kinds TermBounds reads, about the terms of the query and their parts.
        const facts = fs.map(({ kind, k: v }) =>
          kind === 'le' ? a.ule(k(v)) : kind === 'ge' ? ctx.Not(b.ult(k(v)))
            : kind === 'nowrap' ? ctx.Not(a.add(b).ult(a)) : kind === 'noovfl' ? a.mulNoOverflow(b, false)
              : kind === 'sub' ? a.uge(b) : a.add(k(v)).eq(k(v % 128)));
        const query = [...facts, op === 'ule' ? a.sub(b).add(a.mul(b)).ule(a.add(b)) : op === 'ult' ? a.mul(b).ult(k(7)) : a.add(b).add(k(3)).neq(a.sub(b))];
        const original = await solve(query);
        const integer = await solve(toIntegerQuery(ctx, query), 1_000);
        if (integer === 'unsat') {
          agreedUnsat++;
          expect(original).toBe('unsat');
        }
      }),
      { numRuns: 200, seed: 7 },
    );
    expect(agreedUnsat).toBeGreaterThan(5);
  }, 300_000);

  it('decides the rearranged 256-bit sums a token burn needs, which bit-blasting does not', async () => {
    const ctx: any = z3.ctx;
    const w = (n: string) => ctx.BitVec.const(n, 256);
    const [x, y, z, s, a] = ['x', 'y', 'z', 's', 'a'].map(w);
    const wide = (t: any) => ctx.Concat(ctx.BitVec.val(0n, 2), t);
    const conds = [
      wide(s).eq(wide(x).add(wide(y)).add(wide(z))),
      ctx.Not(x.ult(a)),
      ctx.Not(s.ult(a)),
      ctx.Not(wide(s.sub(a)).eq(wide(x.sub(a)).add(wide(y)).add(wide(z)))),
    ];
    expect(await solve(toIntegerQuery(ctx, conds), 20_000)).toBe('unsat');
  }, 60_000);

  it('keeps a real counterexample satisfiable (an unchecked subtraction that wraps)', async () => {
    const ctx: any = z3.ctx;
    const [x, a] = ['x', 'a'].map((n) => ctx.BitVec.const(n, 256));
    // x − a ≤ x fails exactly when a > x (the subtraction wraps).
    const conds = [ctx.Not(x.sub(a).ule(x))];
    expect(await solve(toIntegerQuery(ctx, conds))).toBe('sat');
    expect(await solve(conds)).toBe('sat');
  }, 60_000);

  it('refutes a vault\'s round-down (shares · (assets + 1) / (shares + 1) > assets) with products and a divisor that are terms', async () => {
    const ctx: any = z3.ctx;
    const [sh, as] = ['shares', 'assets'].map((n) => ctx.BitVec.const(n, 256));
    const bound = ctx.BitVec.val(1n << 120n, 256);
    const one = ctx.BitVec.val(1n, 256);
    const conds = [sh.ult(bound), as.ult(bound), sh.mul(as.add(one)).udiv(sh.add(one)).ugt(as)];
    expect(await solve(toIntegerQuery(ctx, conds), 30_000)).toBe('unsat');
  }, 60_000);

  it('decides a 512-bit mulmod branch over a check\'s integers (previewWithdraw rounding up), which bit-blasting cannot in 10 s', async () => {
    const ctx: any = z3.ctx;
    const amount = ctx.BitVec.const('amount', 256);
    const wide = (t: any) => t.zeroExt(256);
    const d = amount.add(ctx.BitVec.val(10n ** 21n + 1n, 256));
    const c = (v: bigint) => ctx.BitVec.val(v, 256);
    // mulmod(1e18, 1e21 + 1, d) as the EVM computes it, and the spec's integer view of the rounded-up quotient.
    const rem = wide(c(10n ** 18n)).mul(wide(c(10n ** 21n + 1n))).urem(wide(d)).extract(255, 0);
    const q = c(10n ** 18n * (10n ** 21n + 1n)).udiv(d);
    const up = ctx.Int2BV(ctx.If(rem.eq(c(0n)), ctx.BV2Int(q, false), ctx.BV2Int(q, false).add(1)), 256);
    const bound = amount.ule(c(10n ** 24n));
    // The quotient rounds up exactly when the remainder is not zero: both sides are reachable, the impossible one is not.
    expect(await solve(toIntegerQuery(ctx, [bound, rem.neq(c(0n)), ctx.BV2Int(up, false).gt(ctx.BV2Int(q, false))]), 10_000)).toBe('sat');
    expect(await solve(toIntegerQuery(ctx, [bound, rem.eq(c(0n)), ctx.BV2Int(up, false).gt(ctx.BV2Int(q, false))]), 10_000)).toBe('unsat');
    expect(await solve(toIntegerQuery(ctx, [bound, amount.eq(c(0n)), rem.neq(c(0n))]), 10_000)).toBe('unsat');
  }, 60_000);
});
