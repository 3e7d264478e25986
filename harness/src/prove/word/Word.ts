import type { BitVec, Bool, Context, FuncDecl, Model, SMTArray } from 'z3-solver';

export type Ctx = Context<'sevm'>;
export type BV = BitVec<number, 'sevm'>;
export type BoolExpr = Bool<'sevm'>;
export type Z3Model = Model<'sevm'>;
export type Z3Func = FuncDecl<'sevm'>;
export type Z3Array = SMTArray<'sevm'>;

/**
 * A symbolic 256-bit word. `b` is set when the word is exactly `ite(b, 1, 0)`, so that
 * comparisons, ISZERO chains and JUMPI branch on the boolean itself rather than on a
 * bit-vector wrapped around it.
 */
export interface Sym {
  readonly e: BV;
  readonly b?: BoolExpr;
  /**
   * The 32 bytes the word was read from, when it was assembled from memory or calldata
   * cells: byte-aligned shifts and masks then act on the cells and often give a known
   * value back (the selector in `shr(224, calldataload(0))`) without building a term.
   */
  readonly cells?: readonly import('../bytes/Cell.js').Cell[];
  /** The factors, when the word is a product: solc's overflow check divides it by one of them. */
  readonly factors?: readonly [Word, Word];
}

/** A stack word: a bigint in [0, 2^256) while it is known, a Z3 term once it is not. */
export type Word = bigint | Sym;

/** A branch or path condition: a JS boolean while it is decided, a Z3 term otherwise. */
export type Cond = boolean | BoolExpr;

export const MOD = 1n << 256n;
export const MASK = MOD - 1n;
export const SIGN = 1n << 255n;

export function isSym(w: Word): w is Sym {
  return typeof w !== 'bigint';
}

export function sym(e: BV): Sym {
  return { e };
}

export function boolWord(b: BoolExpr): Sym {
  const ctx = b.ctx;
  return { e: ctx.If(b, ctx.BitVec.val(1n, 256), ctx.BitVec.val(0n, 256)) as BV, b };
}

/** The Z3 term of a word; concrete words become 256-bit numerals. */
export function lift(ctx: Ctx, w: Word): BV {
  return typeof w === 'bigint' ? (ctx.BitVec.val(w, 256) as BV) : w.e;
}

export function toSigned(x: bigint): bigint {
  return x >= SIGN ? x - MOD : x;
}

export function fromSigned(x: bigint): bigint {
  return ((x % MOD) + MOD) % MOD;
}

/** The context of the first symbolic operand (every symbolic word carries its own). */
export function ctxOf(...ws: Word[]): Ctx {
  for (const w of ws) if (typeof w !== 'bigint') return w.e.ctx;
  throw new Error('internal: ctxOf called on concrete words only');
}
