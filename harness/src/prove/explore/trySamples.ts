import { pathNodes, type PathCond } from '../exec/PathCond.js';
import type { BV, Ctx, Z3Model } from '../word/Word.js';

type Term = BV;

/** The bit-vector constants of a term (its free variables), found by walking the DAG once. */
function variables(ctx: Ctx, root: Term, limit = 64): Term[] {
  const seen = new Set<number>();
  const out: Term[] = [];
  const stack: Term[] = [root];
  while (stack.length > 0 && out.length < limit && seen.size < 20_000) {
    const t = stack.pop()!;
    const id = t.id();
    if (seen.has(id)) continue;
    seen.add(id);
    if (!ctx.isApp(t)) continue;
    const n = t.numArgs();
    if (n === 0) {
      if (ctx.isConst(t) && ctx.isBitVec(t) && !ctx.isBitVecVal(t)) out.push(t);
      continue;
    }
    for (let k = 0; k < n; k++) stack.push(t.arg(k) as Term);
  }
  return out;
}

/** xorshift: samples are reproducible run to run. */
function random(seed: number): () => bigint {
  let x = BigInt(seed) | 1n;
  const mask = (1n << 64n) - 1n;
  return () => {
    x ^= (x << 13n) & mask;
    x ^= x >> 7n;
    x ^= (x << 17n) & mask;
    return x;
  };
}

function pick(next: () => bigint, bits: number, current: bigint): bigint {
  const max = (1n << BigInt(bits)) - 1n;
  const r = next();
  const wide = () => (next() << 192n) | (next() << 128n) | (next() << 64n) | next();
  switch (Number(r % 8n)) {
    case 0: return 0n;
    case 1: return 1n;
    case 2: return max;
    case 3: return 1n << BigInt(bits - 1);
    case 4: return (current + 1n) & max;
    case 5: return (current - 1n) & max;
    case 6: return next() & 0xffffn;
    default: return wide() & max;
  }
}

/**
 * Concrete values before the solver (hevm's tryCexFuzz): the variables of `cond` take
 * edge and random values in copies of the path's model, and a copy under which every
 * condition of the path holds is a model. Finds in microseconds what costs a 256-bit
 * multiplier seconds to bit-blast (an overflowing product of two symbolic words).
 */
export function trySamples(ctx: Ctx, model: Z3Model, path: PathCond, cond: Term | Parameters<Z3Model['eval']>[0], tries: number): Z3Model | undefined {
  const vars = variables(ctx, cond as Term);
  if (vars.length === 0) return undefined;
  const nodes = pathNodes(path);
  const next = random(path.depth * 7919 + vars.length);
  for (let k = 0; k < tries; k++) {
    const copy: Z3Model = model.translate(ctx);
    for (const v of vars) {
      const current = (model.eval(v, true) as unknown as { value(): bigint }).value();
      copy.updateValue(v, ctx.BitVec.val(pick(next, v.size(), current), v.size()));
    }
    let ok = true;
    for (let i = nodes.length - 1; i >= 0 && ok; i--) ok = ctx.isTrue(copy.eval(nodes[i]!.cond, true));
    if (ok) return copy;
  }
  return undefined;
}
