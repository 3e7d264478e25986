import { PathUnknown } from '../exec/signals.js';
import { MASK, MOD, ctxOf, fromSigned, lift, sym, toSigned, type BV, type Word } from './Word.js';

/**
 * EVM arithmetic over words: concrete operands fold in bigint and never touch Z3;
 * symbolic ones build terms with the EVM's conventions (x / 0 = 0, x % 0 = 0), which
 * differ from SMT-LIB's (x / 0 = all ones, x % 0 = x).
 */

export function add(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') return (a + b) & MASK;
  if (a === 0n) return b;
  if (b === 0n) return a;
  const ctx = ctxOf(a, b);
  return sym(lift(ctx, a).add(lift(ctx, b)));
}

export function sub(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') return (a - b) & MASK;
  if (b === 0n) return a;
  const ctx = ctxOf(a, b);
  return sym(lift(ctx, a).sub(lift(ctx, b)));
}

export function mul(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') return (a * b) & MASK;
  if (a === 0n || b === 0n) return 0n;
  if (a === 1n) return b;
  if (b === 1n) return a;
  const ctx = ctxOf(a, b);
  return { e: lift(ctx, a).mul(lift(ctx, b)), factors: [a, b] };
}

/** `op` unless the divisor is zero, then 0 (EVM), decided concretely when the divisor is known. */
function guardZero(a: Word, b: Word, op: (x: BV, y: BV) => BV): Word {
  const ctx = ctxOf(a, b);
  const x = lift(ctx, a);
  const y = lift(ctx, b);
  if (typeof b === 'bigint') return b === 0n ? 0n : sym(op(x, y));
  const zero = ctx.BitVec.val(0n, 256);
  return sym(ctx.If(y.eq(zero), zero, op(x, y)) as BV);
}

export function div(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') return b === 0n ? 0n : a / b;
  if (b === 1n) return a;
  return guardZero(a, b, (x, y) => x.udiv(y));
}

export function sdiv(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (b === 0n) return 0n;
    return fromSigned(toSigned(a) / toSigned(b));
  }
  return guardZero(a, b, (x, y) => x.sdiv(y));
}

export function mod(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') return b === 0n ? 0n : a % b;
  return guardZero(a, b, (x, y) => x.urem(y));
}

/** SMOD takes the sign of the dividend, like SMT-LIB's bvsrem (not bvsmod). */
export function smod(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (b === 0n) return 0n;
    return fromSigned(toSigned(a) % toSigned(b));
  }
  return guardZero(a, b, (x, y) => x.srem(y));
}

/** ADDMOD / MULMOD compute in 512 bits, so the intermediate never wraps. */
function wideMod(a: Word, b: Word, n: Word, op: (x: BV, y: BV) => BV): Word {
  const ctx = ctxOf(a, b, n);
  const wide = (w: Word) => lift(ctx, w).zeroExt(256) as BV;
  const r = op(wide(a), wide(b)).urem(wide(n)).extract(255, 0) as BV;
  if (typeof n === 'bigint') return n === 0n ? 0n : sym(r);
  const zero = ctx.BitVec.val(0n, 256);
  return sym(ctx.If(lift(ctx, n).eq(zero), zero, r) as BV);
}

export function addmod(a: Word, b: Word, n: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint' && typeof n === 'bigint') return n === 0n ? 0n : (a + b) % n;
  if (n === 0n) return 0n;
  return wideMod(a, b, n, (x, y) => x.add(y));
}

export function mulmod(a: Word, b: Word, n: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint' && typeof n === 'bigint') return n === 0n ? 0n : (a * b) % n;
  if (n === 0n) return 0n;
  return wideMod(a, b, n, (x, y) => x.mul(y));
}

function powMod(base: bigint, e: bigint): bigint {
  let result = 1n;
  let b = base;
  let x = e;
  while (x > 0n) {
    if (x & 1n) result = (result * b) & MASK;
    b = (b * b) & MASK;
    x >>= 1n;
  }
  return result;
}

/**
 * A concrete exponent unrolls into square-and-multiply (at most 2 x 256 products). A
 * symbolic exponent is exact only for bases 0, 1 and powers of two (a shift); any other
 * base makes the path unknown rather than guessing.
 */
export function exp(a: Word, e: Word): Word {
  if (typeof a === 'bigint' && typeof e === 'bigint') return powMod(a, e);
  if (typeof e === 'bigint') {
    let result: Word = 1n;
    let b: Word = a;
    for (let x = e; x > 0n; x >>= 1n) {
      if (x & 1n) result = mul(result, b);
      if (x > 1n) b = mul(b, b);
    }
    return result;
  }
  const ctx = e.e.ctx;
  const zero = ctx.BitVec.val(0n, 256);
  if (a === 0n) return sym(ctx.If(e.e.eq(zero), ctx.BitVec.val(1n, 256), zero) as BV);
  if (a === 1n) return 1n;
  if (typeof a === 'bigint' && (a & (a - 1n)) === 0n) {
    const k = BigInt(a.toString(2).length - 1);
    // 2^(k*e) is 0 once k*e >= 256; compare e against 256/k before multiplying so the product cannot wrap.
    const limit = ctx.BitVec.val((256n + k - 1n) / k, 256);
    const shift = e.e.mul(ctx.BitVec.val(k, 256));
    return sym(ctx.If(e.e.uge(limit), zero, (ctx.BitVec.val(1n, 256) as BV).shl(shift)) as BV);
  }
  throw new PathUnknown('unsupported', 'EXP with a symbolic exponent and a base other than 0, 1 or a power of two');
}

export function signextend(b: Word, x: Word): Word {
  if (typeof b !== 'bigint') throw new PathUnknown('unsupported', 'SIGNEXTEND with a symbolic byte index');
  if (b >= 31n) return x;
  const bits = Number(b) * 8 + 8;
  if (typeof x === 'bigint') {
    const low = x & ((1n << BigInt(bits)) - 1n);
    return low >= 1n << BigInt(bits - 1) ? (low | (MASK ^ ((1n << BigInt(bits)) - 1n))) & MASK : low;
  }
  return sym(x.e.extract(bits - 1, 0).signExt(256 - bits) as BV);
}

export { MOD };
