import type { KeccakApp, SymbolicState } from '../exec/PathState.js';
import { eqCond } from '../word/compare.js';
import type { BV, Cond, Ctx, Word } from '../word/Word.js';
import { KECCAK_GAP } from './keccakOf.js';

/** Slot equality as storage reads use it (see readStorage). */
export type SlotEquality = (a: Word, b: Word) => Cond;

/**
 * Slot equality that uses what the path already assumes of its hashes (see keccakOf): two
 * hashes of the same length are equal exactly when their inputs are, hashes of different
 * lengths never meet, and a hash is never a small slot number. So `keccak(x ‖ 3) == H` for a
 * known H = keccak(c ‖ 3) becomes `x ‖ 3 == c ‖ 3`, which Z3 reduces to `x == c` (false at
 * once when x is an address the path keeps apart from c), instead of an equation through the
 * uninterpreted function that every storage read of a symbolic key repeats for every known
 * slot. Likewise a hash is never an element slot h + i of an array at a known hash h of another
 * input length. The rewrites are equivalent under the path's axioms: no answer changes, only speed.
 */
export function slotEquality(ctx: Ctx, s: SymbolicState): SlotEquality {
  let known: Map<bigint, KeccakApp> | undefined;
  const appOf = (w: Word): KeccakApp | undefined => {
    if (typeof w === 'bigint') {
      known ??= new Map(s.keccak.filter((a) => typeof a.out === 'bigint').map((a) => [a.out as bigint, a]));
      return known.get(w);
    }
    return s.keccak.find((a) => typeof a.out !== 'bigint' && (a.out === w.e || a.out.eqIdentity(w.e)));
  };
  return (a, b) => {
    const plain = eqCond(a, b);
    if (typeof plain === 'boolean') return plain;
    const ta = appOf(a);
    const tb = appOf(b);
    if (ta !== undefined && tb !== undefined) {
      if (ta.len !== tb.len) return false;
      return inputTerm(ctx, ta).eq(inputTerm(ctx, tb));
    }
    // A symbolic hash against a number no hash can be: slot numbers, small counters.
    const [app, other] = ta !== undefined ? [ta, b] : tb !== undefined ? [tb, a] : [undefined, undefined];
    if (app !== undefined && typeof app.out !== 'bigint' && typeof other === 'bigint') {
      if (other < KECCAK_GAP || other > (1n << 256n) - KECCAK_GAP) return false;
      // An element h + i of an array at a known hash h of another input length: the path keeps
      // hashes of different lengths at least KECCAK_GAP apart (see keccakOf's link).
      for (const u of s.keccak) {
        if (typeof u.out === 'bigint' && u.len !== app.len && other - u.out >= 0n && other - u.out < KECCAK_GAP) return false;
      }
    }
    return plain;
  };
}

function inputTerm(ctx: Ctx, app: KeccakApp): BV {
  return typeof app.input === 'bigint' ? (ctx.BitVec.val(app.input, app.len * 8) as BV) : app.input;
}
