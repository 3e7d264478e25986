import type { Z3Session } from '../prove/z3/openZ3.js';
import type { Cover } from './types.js';

export interface CoverProblem {
  /** Lever ids with their (positive, integer) weights. */
  weights: Record<string, number>;
  /** One row per counterexample: the levers that each stop it alone. A cover must hit every row. */
  rows: string[][];
  /** Lever sets shown not to work together (re-fuzzing found a way around them). */
  excluded: string[][];
}

/** Per query; a cover problem has a few dozen booleans and is solved in milliseconds. */
const TIMEOUT_MS = 10_000;

/**
 * The least-weight set of levers that hits every row (a weighted hitting set), then the
 * next best, each not a superset of one found before, up to `count` covers. Solved
 * exactly with Z3's Optimize; an empty list when no set of levers stops every row.
 */
export async function solveCovers(z3: Z3Session<'recommend'>, problem: CoverProblem, count: number): Promise<Cover[]> {
  const { ctx } = z3;
  const ids = Object.keys(problem.weights).sort();
  const vars = new Map(ids.map((id, i) => [id, ctx.Bool.const(`l${i}`)]));
  const opt = new ctx.Optimize();
  opt.set('timeout', TIMEOUT_MS);
  for (const row of problem.rows) {
    const hits = row.filter((id) => vars.has(id)).map((id) => vars.get(id)!);
    if (hits.length === 0) return [];
    opt.add(ctx.Or(...hits));
  }
  const forbid = (set: string[]) => {
    const chosen = set.filter((id) => vars.has(id)).map((id) => vars.get(id)!);
    if (chosen.length > 0) opt.add(ctx.Not(ctx.And(...chosen)));
  };
  for (const set of problem.excluded) forbid(set);
  const terms = ids.map((id) => ctx.If(vars.get(id)!, ctx.Int.val(problem.weights[id]!), ctx.Int.val(0)));
  if (terms.length === 0) return [];
  const [first, ...rest] = terms;
  opt.minimize(ctx.Sum(first!, ...rest));
  const covers: Cover[] = [];
  while (covers.length < count) {
    if ((await opt.check()) !== 'sat') break;
    const model = opt.model();
    const levers = ids.filter((id) => ctx.isTrue(model.eval(vars.get(id)!, true)));
    covers.push({ levers, weight: levers.reduce((s, id) => s + problem.weights[id]!, 0) });
    forbid(levers);
  }
  return covers;
}
