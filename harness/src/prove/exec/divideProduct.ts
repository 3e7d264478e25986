import { ltCond, notCond } from '../word/compare.js';
import { evalWord } from '../model/evalWord.js';
import { MASK, lift, type BV, type Sym, type Word, type Z3Model } from '../word/Word.js';
import type { ExecEnv } from './ExecEnv.js';
import { freshWord } from './freshWord.js';
import { assume, type PathState } from './PathState.js';

function same(a: Word, b: Word): boolean {
  if (typeof a === 'bigint' || typeof b === 'bigint') return a === b;
  return a === b || a.e.eqIdentity(b.e);
}

/**
 * `(a * b) / a`, solc's test that a checked product did not overflow. As a division Z3
 * needs seconds per query (a 256-bit divider); here it is `b` when the product fits and
 * otherwise a fresh q < b, which is true of the real quotient (the wrapped product is
 * below a * b). That loosens only the overflowing case, and its exact value is added to
 * the path's refinements, checked when the path ends (most often by computing q from
 * the path's model, see confirmPath, without another query).
 */
export function divideProduct(s: PathState, x: ExecEnv, product: Sym, divisor: Word): Word | undefined {
  const [a, b] = product.factors!;
  const other = same(a, divisor) ? b : same(b, divisor) ? a : undefined;
  if (other === undefined || divisor === 0n) return undefined;
  const ctx = x.ctx;
  // A known factor k makes "fits" a bound on the other (t ≤ MASK / k), which needs no multiplier.
  const k = typeof a === 'bigint' ? a : typeof b === 'bigint' ? b : undefined;
  const t = k === a ? b : a;
  const fits = k !== undefined ? (k === 0n ? true : notCond(ltCond(MASK / k, t))) : lift(ctx, a).mulNoOverflow(lift(ctx, b), false);
  if (fits === true) return other;
  const q = freshWord(s, ctx, 'quotient');
  assume(s, ltCond(q, other));
  const d = lift(ctx, divisor);
  const zero = ctx.BitVec.val(0n, 256);
  const fitsTerm = typeof fits === 'boolean' ? ctx.Bool.val(fits) : fits;
  const exact = ctx.Implies(ctx.And(d.neq(zero), ctx.Not(fitsTerm)), exactQuotient(x, q, product.e, divisor));
  const value = (m: Z3Model) => {
    const dv = evalWord(m, divisor);
    return dv === 0n ? 0n : ((evalWord(m, a) * evalWord(m, b)) & MASK) / dv;
  };
  s.refinements = [...s.refinements, { exact, q: q.e, value }];
  const result = ctx.If(fitsTerm, lift(ctx, other), q.e) as BV;
  return typeof divisor === 'bigint' ? { e: result } : { e: ctx.If(d.eq(zero), zero, result) as BV };
}

/** q = n / d exactly: bounds in a wide multiply for a known d (cheaper than a divider), bvudiv otherwise. */
function exactQuotient(x: ExecEnv, q: Sym, n: BV, divisor: Word) {
  const ctx = x.ctx;
  if (typeof divisor !== 'bigint') return q.e.eq(n.udiv(divisor.e));
  const extra = divisor.toString(2).length + 1;
  const dw = ctx.BitVec.val(divisor, 256 + extra) as BV;
  const dq = (q.e.zeroExt(extra) as BV).mul(dw);
  const nw = n.zeroExt(extra) as BV;
  return ctx.And(dq.ule(nw), nw.ult(dq.add(dw)));
}
