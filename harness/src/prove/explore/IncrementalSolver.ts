import type { Solver } from 'z3-solver';
import { pathNodes, type PathCond } from '../exec/PathCond.js';
import type { BoolExpr, Ctx, Z3Model } from '../word/Word.js';
import { toIntegerQueryWithVariables } from './toIntegerQuery.js';

/** How long past its limit a solver call may run before the context is interrupted. */
const INTERRUPT_GRACE_MS = 250;

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
      const r = await this.withDeadline(() => this.solver.check(), timeoutMs);
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
   * rearranged 256-bit sums equal where bit-blasting cannot: its UNSAT is final, and so is
   * its model when every condition holds under it (see checkIntegers). Anything else goes
   * on to the exact bit-vector query with the time left, unless `bitVectors` is false (a
   * query too hard to bit-blast, see HardForBitBlasting): then it is unknown.
   */
  async checkOnce(path: PathCond | undefined, timeoutMs: number, bitVectors = true): Promise<CheckResult> {
    const started = Date.now();
    const integer = await this.checkIntegers(path, Math.max(1, Math.floor(bitVectors ? timeoutMs / 2 : timeoutMs)));
    if (integer.status !== 'unknown' || !bitVectors) return integer;
    const conds = pathNodes(path).map((n) => n.cond);
    return this.solveOnce(conds, Math.max(1, timeoutMs - (Date.now() - started)), undefined, (m) => m);
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
    const { conds, variables, arrays } = toIntegerQueryWithVariables(this.ctx, nodes.map((n) => n.cond));
    // Without arrays, Z3's nonlinear integer tactic: it refutes a vault's rounding (nested
    // mulDivs) in seconds where the default solver times out.
    return this.solveOnce(conds, timeoutMs, arrays ? undefined : 'QF_NIA', (ints) => {
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
   * One query on a fresh solver (for `logic` when given). A `sat` answer gives the solver's model, or what `toModel`
   * makes of it (`undefined`: no model of the original query, so `unknown`).
   */
  private async solveOnce(conds: readonly BoolExpr[], timeoutMs: number, logic: 'QF_NIA' | undefined, toModel: (m: Z3Model) => Z3Model | undefined): Promise<CheckResult> {
    const solver = logic === undefined ? new this.ctx.Solver() : new this.ctx.Solver(logic);
    for (const c of conds) solver.add(c);
    solver.set('timeout', Math.max(1, Math.floor(timeoutMs)));
    const started = Date.now();
    this.checks++;
    try {
      const r = await this.withDeadline(() => solver.check(), timeoutMs);
      if (r === 'unsat') return { status: 'unsat' };
      if (r !== 'sat') return { status: 'unknown', reason: solver.reasonUnknown() };
      const model = toModel(solver.model());
      return model !== undefined ? { status: 'sat', model } : { status: 'unknown', reason: 'sat over integers' };
    } finally {
      this.ms += Date.now() - started;
      solver.release();
    }
  }

  /**
   * A solver call that ends soon after its time limit. Z3 looks at its `timeout` only
   * between steps of its procedures: a nonlinear integer tactic given 5 s ran 410 s. So the
   * context is interrupted a little after the limit (the call then answers unknown). Calls
   * on a context never overlap, and the timer is cleared before the next call can start.
   */
  private async withDeadline<T>(call: () => Promise<T>, timeoutMs: number): Promise<T> {
    const timer = setTimeout(() => this.ctx.interrupt(), Math.floor(timeoutMs) + INTERRUPT_GRACE_MS);
    try {
      return await call();
    } finally {
      clearTimeout(timer);
    }
  }

  /** An empty model: every term at its default, which satisfies the empty path. */
  emptyModel(): Z3Model {
    return new this.ctx.Model();
  }
}
