import type { Solver } from 'z3-solver';
import { pathNodes, type PathCond } from '../exec/PathCond.js';
import type { BoolExpr, Ctx, Z3Model } from '../word/Word.js';
import { toIntegerQuery, toIntegerQueryWithVariables } from './toIntegerQuery.js';

export type CheckResult = { status: 'sat'; model: Z3Model } | { status: 'unsat' } | { status: 'unknown'; reason: string };

/**
 * One Z3 solver whose assertion stack mirrors the last path checked, one scope per path
 * node. Depth-first exploration checks a path, then a sibling or an extension of it, so
 * most of the stack stays put and Z3 keeps what it learnt about the shared prefix.
 */
export class IncrementalSolver {
  private readonly solver: Solver<'sevm'>;
  private readonly asserted: PathCond[] = [];
  checks = 0;
  ms = 0;

  constructor(private readonly ctx: Ctx) {
    this.solver = new ctx.Solver();
  }

  async check(path: PathCond | undefined, timeoutMs: number): Promise<CheckResult> {
    const nodes = pathNodes(path);
    let common = 0;
    while (common < this.asserted.length && common < nodes.length && this.asserted[common] === nodes[common]) common++;
    if (this.asserted.length > common) {
      this.solver.pop(this.asserted.length - common);
      this.asserted.length = common;
    }
    for (let k = common; k < nodes.length; k++) {
      this.solver.push();
      this.solver.add(nodes[k]!.cond);
      this.asserted.push(nodes[k]!);
    }
    this.solver.set('timeout', Math.max(1, Math.floor(timeoutMs)));
    const started = Date.now();
    this.checks++;
    try {
      const r = await this.solver.check();
      if (r === 'sat') return { status: 'sat', model: this.solver.model() };
      if (r === 'unsat') return { status: 'unsat' };
      return { status: 'unknown', reason: this.solver.reasonUnknown() };
    } finally {
      this.ms += Date.now() - started;
    }
  }

  /**
   * One final query (is this state reachable with the check broken?), on solvers of its
   * own: Z3 only preprocesses (simplifies, bit-blasts with its QF_BV tactics) a solver that
   * never had a scope pushed. First the integer form (see toIntegerQuery), which proves
   * rearranged 256-bit sums equal where bit-blasting cannot; its UNSAT is final, anything
   * else goes on to the exact bit-vector query with the time left, which gives the model.
   */
  async checkOnce(path: PathCond | undefined, timeoutMs: number): Promise<CheckResult> {
    const conds = pathNodes(path).map((n) => n.cond);
    const started = Date.now();
    const integer = await this.solveOnce(toIntegerQuery(this.ctx, conds), Math.max(1, Math.floor(timeoutMs / 2)), () => undefined);
    if (integer.status === 'unsat') return integer;
    return this.solveOnce(conds, Math.max(1, timeoutMs - (Date.now() - started)), (m) => m);
  }

  /**
   * Only the integer form (see checkOnce): `unsat` is final. An integer model, its values
   * put on the bit-vector variables (over `near`, for the rest), is a candidate: `sat` when
   * every condition of the path holds under it, as trySamples accepts a sample. Integer
   * solving finds a 256-bit sum that must wrap, or a quotient far from the last model, in
   * milliseconds where bit-blasting takes seconds.
   */
  async checkIntegers(path: PathCond | undefined, timeoutMs: number, near?: Z3Model): Promise<CheckResult> {
    const nodes = pathNodes(path);
    const { conds, variables } = toIntegerQueryWithVariables(this.ctx, nodes.map((n) => n.cond));
    return this.solveOnce(conds, timeoutMs, (ints) => {
      const candidate: Z3Model = near !== undefined ? near.translate(this.ctx) : new this.ctx.Model();
      const c = this.ctx as unknown as { BitVec: { val(v: bigint, w: number): never } };
      for (const [bv, int] of variables) candidate.updateValue(bv, c.BitVec.val(BigInt(String(ints.eval(int, true))), bv.size()));
      for (let i = nodes.length - 1; i >= 0; i--) {
        if (!this.ctx.isTrue(candidate.eval(nodes[i]!.cond, true))) return undefined;
      }
      return candidate;
    });
  }

  /**
   * One query on a fresh solver. A `sat` answer gives the solver's model, or what `toModel`
   * makes of it (`undefined`: no model of the original query, so `unknown`).
   */
  private async solveOnce(conds: readonly BoolExpr[], timeoutMs: number, toModel: (m: Z3Model) => Z3Model | undefined): Promise<CheckResult> {
    const solver = new this.ctx.Solver();
    for (const c of conds) solver.add(c);
    solver.set('timeout', Math.max(1, Math.floor(timeoutMs)));
    const started = Date.now();
    this.checks++;
    try {
      const r = await solver.check();
      if (r === 'unsat') return { status: 'unsat' };
      if (r !== 'sat') return { status: 'unknown', reason: solver.reasonUnknown() };
      const model = toModel(solver.model());
      return model !== undefined ? { status: 'sat', model } : { status: 'unknown', reason: 'sat over integers' };
    } finally {
      this.ms += Date.now() - started;
      solver.release();
    }
  }

  /** An empty model: every term at its default, which satisfies the empty path. */
  emptyModel(): Z3Model {
    return new this.ctx.Model();
  }
}
