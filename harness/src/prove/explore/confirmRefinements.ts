import { extendPath, pathNodes } from '../exec/PathCond.js';
import type { SymbolicState } from '../exec/PathState.js';
import type { Ctx, Z3Model } from '../word/Word.js';

/**
 * Makes a path's refinements (exact meanings of abstracted terms) part of it. First the
 * cheap way: give each abstracted term its exact value in a copy of the path's model and
 * check that every condition still holds there. Otherwise the exact facts join the path
 * condition and the model is dropped, so the path is checked by the solver again.
 */
export function confirmRefinements(ctx: Ctx, s: SymbolicState): void {
  const pending = s.refinements.filter((r) => s.model === undefined || !ctx.isTrue(s.model.eval(r.exact, true)));
  s.refinements = [];
  if (pending.length === 0) return;
  if (s.model !== undefined) {
    const copy: Z3Model = s.model.translate(ctx);
    for (const r of pending) copy.updateValue(r.q, ctx.BitVec.val(r.value(copy), r.q.size()));
    const holds = (c: Parameters<Z3Model['eval']>[0]) => ctx.isTrue(copy.eval(c, true));
    if (pending.every((r) => holds(r.exact)) && pathNodes(s.path).every((n) => holds(n.cond))) {
      for (const r of pending) s.path = extendPath(s.path, r.exact);
      s.model = copy;
      return;
    }
  }
  for (const r of pending) s.path = extendPath(s.path, r.exact);
  if (s.model !== undefined) s.near = s.model;
  s.model = undefined;
}
