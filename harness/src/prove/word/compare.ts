import { boolWord, ctxOf, isSym, lift, toSigned, type BoolExpr, type Cond, type Word } from './Word.js';

/** Comparisons produce 0/1 words that remember their boolean (see Sym.b). */

function fromCond(c: Cond): Word {
  return typeof c === 'boolean' ? (c ? 1n : 0n) : boolWord(c);
}

export function eqCond(a: Word, b: Word): Cond {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (isSym(a) && isSym(b) && (a === b || a.e.eqIdentity(b.e))) return true;
  const ctx = ctxOf(a, b);
  return lift(ctx, a).eq(lift(ctx, b));
}

export function ltCond(a: Word, b: Word): Cond {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b;
  if (b === 0n) return false; // no word is below zero (a call of no value: its sender can pay)
  const ctx = ctxOf(a, b);
  return lift(ctx, a).ult(lift(ctx, b));
}

export function sltCond(a: Word, b: Word): Cond {
  if (typeof a === 'bigint' && typeof b === 'bigint') return toSigned(a) < toSigned(b);
  const ctx = ctxOf(a, b);
  return lift(ctx, a).slt(lift(ctx, b));
}

/** The JUMPI reading of a word: non-zero. */
export function truthy(w: Word): Cond {
  if (typeof w === 'bigint') return w !== 0n;
  if (w.b !== undefined) return w.b;
  return w.e.neq(w.e.ctx.BitVec.val(0n, 256));
}

export function notCond(c: Cond): Cond {
  if (typeof c === 'boolean') return !c;
  return c.ctx.Not(c);
}

export function andCond(a: Cond, b: Cond): Cond {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return a.ctx.And(a, b as BoolExpr);
}

export const lt = (a: Word, b: Word): Word => fromCond(ltCond(a, b));
export const gt = (a: Word, b: Word): Word => fromCond(ltCond(b, a));
export const slt = (a: Word, b: Word): Word => fromCond(sltCond(a, b));
export const sgt = (a: Word, b: Word): Word => fromCond(sltCond(b, a));
export const eq = (a: Word, b: Word): Word => fromCond(eqCond(a, b));
export const iszero = (a: Word): Word => fromCond(notCond(truthy(a)));

/** ite over words, folded when the condition is decided or both sides are the same. */
export function iteWord(c: Cond, a: Word, b: Word): Word {
  if (c === true) return a;
  if (c === false) return b;
  if (a === b) return a;
  const ctx = c.ctx;
  return { e: ctx.If(c, lift(ctx, a), lift(ctx, b)) as ReturnType<typeof lift> };
}
