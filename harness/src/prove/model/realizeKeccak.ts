import { extendPath } from '../exec/PathCond.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import type { EndPath } from '../explore/types.js';
import { keccakBytes } from '../keccak/keccakOf.js';
import type { BV, Z3Model } from '../word/Word.js';

function toBytes(x: bigint, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let k = len - 1; k >= 0; k--) {
    out[k] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

const valueOf = (model: Z3Model, t: BV): bigint => (model.eval(t, true) as unknown as { value(): bigint }).value();

/**
 * A model of the path in which every keccak application has its real value. The solver
 * may pick any hash for the uninterpreted function; to replay a path on the real EVM its
 * hashed inputs are fixed one by one, in the order they were hashed (an input may hold
 * an earlier hash), each with its real keccak256. Undefined when the path needs hash
 * values keccak256 does not give (then its model does not replay).
 */
export async function realizeKeccak(sevm: SymbolicEvm, path: EndPath): Promise<Z3Model | undefined> {
  let model = path.model;
  if (model === undefined) return undefined;
  let cond = path.path;
  const ctx = sevm.ctx;
  for (const app of path.keccak) {
    if (typeof app.input === 'bigint' || typeof app.out === 'bigint') continue;
    const input = valueOf(model, app.input);
    const real = keccakBytes(toBytes(input, app.len));
    if (valueOf(model, app.out) === real) {
      cond = extendPath(cond, app.input.eq(ctx.BitVec.val(input, app.len * 8)));
      continue;
    }
    cond = extendPath(cond, ctx.And(app.input.eq(ctx.BitVec.val(input, app.len * 8)), app.out.eq(ctx.BitVec.val(real, 256))));
    const r = await sevm.check(cond);
    if (r.status !== 'sat') return undefined;
    model = r.model;
  }
  return model;
}
