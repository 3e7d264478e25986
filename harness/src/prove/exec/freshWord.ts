import { sym, type BV, type Ctx, type Sym } from '../word/Word.js';
import type { SymbolicState } from './PathState.js';

/** A new unconstrained word (GAS, an unknown account's code hash); the counter keeps names unique across calls. */
export function freshWord(s: SymbolicState, ctx: Ctx, name: string, bits = 256): Sym {
  const v = ctx.BitVec.const(`${name}#${s.fresh++}`, bits) as BV;
  return sym(bits === 256 ? v : (v.zeroExt(256 - bits) as BV));
}
