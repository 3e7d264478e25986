import { ARGS, type Arg, type Guard } from './Maze.js';
import type { MoveArgs } from './guards.js';
import { openZ3 } from '../../prove/z3/openZ3.js';

export type GuardVerdict = { status: 'sat'; args: MoveArgs } | { status: 'unsat' } | { status: 'unknown'; reason: string };

export interface GuardSolver {
  /** Arguments under which every guard holds (or, with `negate`, not all of them do). */
  solve(guards: readonly Guard[], options?: { negate?: boolean }): Promise<GuardVerdict>;
  /** Ends Z3's worker threads; Node does not exit while they live. */
  close(): Promise<void>;
}

/** Per query; the guards are a handful of 64-bit constraints, solved in milliseconds. */
const TIMEOUT_MS = 10_000;

/**
 * Z3 over 64-bit vectors, one per move argument, with Solidity's semantics: arithmetic
 * guards compute in uint256 (they never overflow), so sums and products are widened to
 * 128 bits, enough for a uint64 times 9 plus a 65-bit constant. z3-solver (WebAssembly,
 * a few MB) is loaded only when a bench or test asks for reachability (see openZ3).
 */
export async function openGuardSolver(): Promise<GuardSolver> {
  const z3 = await openZ3('maze');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const ctx: any = z3.ctx;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const vars = Object.fromEntries(ARGS.map((a) => [a, ctx.BitVec.const(a, 64)])) as Record<Arg, any>;
  const wide = (a: Arg) => vars[a].zeroExt(64);
  const toZ3 = (g: Guard): unknown => {
    const v = (a: Arg) => vars[a];
    switch (g.kind) {
      case 'eq':
        return v(g.v).eq(ctx.BitVec.val(g.k, 64));
      case 'lt':
        return v(g.v).ult(ctx.BitVec.val(g.k, 64));
      case 'gt':
        return v(g.v).ugt(ctx.BitVec.val(g.k, 64));
      case 'range':
        return ctx.And(v(g.v).uge(ctx.BitVec.val(g.lo, 64)), v(g.v).ule(ctx.BitVec.val(g.hi, 64)));
      case 'xor':
        return v(g.v).eq(v(g.u).xor(ctx.BitVec.val(g.k, 64)));
      case 'sum':
        return wide(g.u).add(wide(g.v)).eq(ctx.BitVec.val(g.k, 128));
      case 'mod':
        return v(g.v).urem(ctx.BitVec.val(g.m, 64)).eq(ctx.BitVec.val(g.r, 64));
      case 'order':
        return v(g.u).ult(v(g.v));
      case 'byte':
        return v(g.v).lshr(ctx.BitVec.val(BigInt(g.shift), 64)).and(ctx.BitVec.val(0xffn, 64)).eq(ctx.BitVec.val(g.k, 64));
      case 'linear':
        return wide(g.u).mul(ctx.BitVec.val(g.m, 128)).add(ctx.BitVec.val(g.k, 128)).eq(wide(g.v));
    }
  };
  let closed = false;
  return {
    async solve(guards, options = {}) {
      if (closed) throw new Error('internal: the guard solver is closed');
      const solver = new ctx.Solver();
      solver.set('timeout', TIMEOUT_MS);
      const all = guards.length === 0 ? ctx.Bool.val(true) : ctx.And(...guards.map(toZ3));
      solver.add(options.negate ? ctx.Not(all) : all);
      const result = (await solver.check()) as 'sat' | 'unsat' | 'unknown';
      if (result === 'unsat') return { status: 'unsat' };
      if (result === 'unknown') return { status: 'unknown', reason: String(solver.reasonUnknown?.() ?? 'unknown') };
      const model = solver.model();
      const args = Object.fromEntries(ARGS.map((a) => [a, BigInt(model.eval(vars[a], true).value())])) as MoveArgs;
      return { status: 'sat', args };
    },
    async close() {
      if (closed) return;
      closed = true;
      await z3.close();
    },
  };
}
