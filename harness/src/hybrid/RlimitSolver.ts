import type { Solver } from 'z3-solver';
import { pathNodes, type PathCond } from '../prove/exec/PathCond.js';
import type { BoolExpr, Ctx, Z3Model } from '../prove/word/Word.js';

/**
 * Z3 bounded by its resource limit (`rlimit`), not by a clock: the limit counts Z3's own
 * work, so a query gives the same answer on a busy machine as on an idle one, and the
 * campaign stays deterministic. One solver per campaign; each query is pushed and popped.
 */
export class RlimitSolver {
  private readonly solver: Solver<'sevm'>;
  queries = 0;
  /** Queries that ran out of the resource limit (neither sat nor unsat). */
  exhausted = 0;

  constructor(ctx: Ctx, rlimit: number) {
    this.solver = new ctx.Solver();
    this.solver.set('rlimit', rlimit);
  }

  /** A model of the path and `extra`, or undefined when unsat or over the limit. */
  async model(path: PathCond | undefined, ...extra: BoolExpr[]): Promise<Z3Model | undefined> {
    this.queries++;
    this.solver.push();
    try {
      for (const node of pathNodes(path)) this.solver.add(node.cond);
      for (const e of extra) this.solver.add(e);
      const r = await this.solver.check();
      if (r === 'unknown') this.exhausted++;
      return r === 'sat' ? this.solver.model() : undefined;
    } finally {
      this.solver.pop();
    }
  }
}
