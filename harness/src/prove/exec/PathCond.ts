import type { BoolExpr } from '../word/Word.js';

/**
 * A path condition as a persistent list, newest first: forks share their prefix, which is
 * what lets the solver keep that prefix asserted between checks (see IncrementalSolver).
 */
export interface PathCond {
  readonly cond: BoolExpr;
  readonly prev: PathCond | undefined;
  readonly depth: number;
}

export function extendPath(prev: PathCond | undefined, cond: BoolExpr): PathCond {
  return { cond, prev, depth: (prev?.depth ?? 0) + 1 };
}

/** The nodes from the oldest to `p`. */
export function pathNodes(p: PathCond | undefined): PathCond[] {
  const out = new Array<PathCond>(p?.depth ?? 0);
  for (let n = p; n !== undefined; n = n.prev) out[n.depth - 1] = n;
  return out;
}
