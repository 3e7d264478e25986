import { pathNodes, type PathCond } from '../prove/exec/PathCond.js';
import type { BV, BoolExpr, Ctx, Z3Model } from '../prove/word/Word.js';

/** Terms visited per condition, at most: a guard's constants sit near its top. */
const MAX_NODES = 4_000;
/** Models tried per condition, at most. */
const MAX_TRIES = 48;

/**
 * Concrete values before the solver: each free variable of `cond` set, one at a time in
 * a copy of the model, to each constant the condition mentions (and its neighbours, cut
 * to the variable's width), then any `extra` values. A copy under which the whole path and
 * `cond` hold is a model, found by evaluation alone: `x == 0xC0FFEE` or `x > K` never
 * reaches Z3. Deterministic: variables and constants in the order the term lists them.
 */
export function tryConstants(ctx: Ctx, model: Z3Model, path: PathCond, cond: BoolExpr, extra: readonly bigint[] = []): Z3Model | undefined {
  const { vars, constants } = leaves(ctx, cond);
  if (vars.length === 0) return undefined;
  const nodes = pathNodes(path);
  let tries = 0;
  for (const v of vars) {
    const bits = v.size();
    const mask = (1n << BigInt(bits)) - 1n;
    const values = new Set<bigint>();
    for (const k of [...constants, ...extra]) for (const d of [0n, 1n, -1n]) values.add((k + d) & mask);
    for (const value of values) {
      if (tries++ >= MAX_TRIES) return undefined;
      const copy: Z3Model = model.translate(ctx);
      copy.updateValue(v, ctx.BitVec.val(value, bits));
      let ok = true;
      for (let i = nodes.length - 1; i >= 0 && ok; i--) ok = ctx.isTrue(copy.eval(nodes[i]!.cond, true));
      if (ok) return copy;
    }
  }
  return undefined;
}

function leaves(ctx: Ctx, root: BoolExpr): { vars: BV[]; constants: bigint[] } {
  const vars: BV[] = [];
  const constants: bigint[] = [];
  const seen = new Set<number>();
  const stack: unknown[] = [root];
  while (stack.length > 0 && seen.size < MAX_NODES) {
    const t = stack.pop() as BV;
    const id = t.id();
    if (seen.has(id)) continue;
    seen.add(id);
    if (ctx.isBitVecVal(t)) {
      const k = (t as unknown as { value(): bigint }).value();
      if (!constants.includes(k)) constants.push(k);
      continue;
    }
    if (!ctx.isApp(t)) continue;
    const n = t.numArgs();
    if (n === 0) {
      if (ctx.isConst(t) && ctx.isBitVec(t)) vars.push(t);
      continue;
    }
    for (let k = n - 1; k >= 0; k--) stack.push(t.arg(k));
  }
  return { vars, constants };
}
