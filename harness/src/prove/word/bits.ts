import { cellsToWord, type Cell } from '../bytes/Cell.js';
import { MASK, boolWord, ctxOf, lift, sym, type BV, type Sym, type Word } from './Word.js';

/** Byte-aligned shifts of a word read from cells, done on the cells (see Sym.cells). */
function shiftCells(x: Sym, bytes: number): Word | undefined {
  if (x.cells === undefined) return undefined;
  const out: Cell[] = new Array(32).fill(0);
  for (let k = 0; k < 32; k++) {
    const from = k - bytes;
    if (from >= 0 && from < 32) out[k] = x.cells[from]!;
  }
  return cellsToWord(out, 0);
}

/** A mask of whole 0x00 / 0xff bytes applied to a word read from cells. */
function maskCells(x: Sym, mask: bigint): Word | undefined {
  if (x.cells === undefined) return undefined;
  const out: Cell[] = new Array(32);
  for (let k = 0; k < 32; k++) {
    const m = Number((mask >> BigInt(8 * (31 - k))) & 0xffn);
    if (m !== 0 && m !== 0xff) return undefined;
    out[k] = m === 0 ? 0 : x.cells[k]!;
  }
  return cellsToWord(out, 0);
}

/** Bitwise EVM operations with concrete folding and a few identities that keep terms small. */

/** k when m = 2^k - 1 (a low mask, as solc uses to clean addresses and small ints), else -1. */
function lowMaskBits(m: bigint): number {
  return (m & (m + 1n)) === 0n ? m.toString(2).length : -1;
}

export function and(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a & b;
  if (a === 0n || b === 0n) return 0n;
  if (a === MASK) return b;
  if (b === MASK) return a;
  if (typeof a !== 'bigint' && typeof b !== 'bigint' && a.b !== undefined && b.b !== undefined) {
    return boolWord(a.e.ctx.And(a.b, b.b));
  }
  const [s, c] = typeof a === 'bigint' ? [b, a] : [a, b];
  if (typeof s !== 'bigint' && typeof c === 'bigint') {
    if (c === 1n && s.b !== undefined) return s;
    const viaCells = maskCells(s, c);
    if (viaCells !== undefined) return viaCells;
    const k = lowMaskBits(c);
    if (k > 0) return sym(s.e.extract(k - 1, 0).zeroExt(256 - k) as BV);
  }
  const ctx = ctxOf(a, b);
  return sym(lift(ctx, a).and(lift(ctx, b)));
}

export function or(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a | b;
  if (a === 0n) return b;
  if (b === 0n) return a;
  if (typeof a !== 'bigint' && typeof b !== 'bigint' && a.b !== undefined && b.b !== undefined) {
    return boolWord(a.e.ctx.Or(a.b, b.b));
  }
  const ctx = ctxOf(a, b);
  return sym(lift(ctx, a).or(lift(ctx, b)));
}

export function xor(a: Word, b: Word): Word {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a ^ b;
  if (a === 0n) return b;
  if (b === 0n) return a;
  const ctx = ctxOf(a, b);
  return sym(lift(ctx, a).xor(lift(ctx, b)));
}

export function not(a: Word): Word {
  if (typeof a === 'bigint') return MASK ^ a;
  return sym(a.e.not());
}

/** BYTE(i, x): the i-th byte from the most significant end, 0 when i >= 32. */
export function byte(i: Word, x: Word): Word {
  if (typeof i === 'bigint') {
    if (i >= 32n) return 0n;
    if (typeof x === 'bigint') return (x >> (8n * (31n - i))) & 0xffn;
    const cell = x.cells?.[Number(i)];
    if (typeof cell === 'number') return BigInt(cell);
    const hi = 255 - 8 * Number(i);
    return sym(x.e.extract(hi, hi - 7).zeroExt(248) as BV);
  }
  const ctx = i.e.ctx;
  const v = lift(ctx, x);
  const shift = (ctx.BitVec.val(31n, 256) as BV).sub(i.e).mul(ctx.BitVec.val(8n, 256));
  const zero = ctx.BitVec.val(0n, 256);
  return sym(ctx.If(i.e.uge(ctx.BitVec.val(32n, 256)), zero, v.lshr(shift).and(ctx.BitVec.val(0xffn, 256))) as BV);
}

/** SMT-LIB shifts agree with the EVM for counts >= 256 (0, or all sign bits for SAR). */
export function shl(shift: Word, x: Word): Word {
  if (typeof shift === 'bigint' && typeof x === 'bigint') return shift >= 256n ? 0n : (x << shift) & MASK;
  if (shift === 0n) return x;
  if (typeof shift === 'bigint' && shift >= 256n) return 0n;
  if (typeof shift === 'bigint' && typeof x !== 'bigint' && shift % 8n === 0n) {
    const viaCells = shiftCells(x, -Number(shift / 8n));
    if (viaCells !== undefined) return viaCells;
  }
  const ctx = ctxOf(shift, x);
  return sym(lift(ctx, x).shl(lift(ctx, shift)));
}

export function shr(shift: Word, x: Word): Word {
  if (typeof shift === 'bigint' && typeof x === 'bigint') return shift >= 256n ? 0n : x >> shift;
  if (shift === 0n) return x;
  if (typeof shift === 'bigint' && shift >= 256n) return 0n;
  if (typeof shift === 'bigint' && typeof x !== 'bigint' && shift % 8n === 0n) {
    const viaCells = shiftCells(x, Number(shift / 8n));
    if (viaCells !== undefined) return viaCells;
  }
  const ctx = ctxOf(shift, x);
  return sym(lift(ctx, x).lshr(lift(ctx, shift)));
}

export function sar(shift: Word, x: Word): Word {
  if (typeof shift === 'bigint' && typeof x === 'bigint') {
    const negative = x >> 255n === 1n;
    if (shift >= 256n) return negative ? MASK : 0n;
    const signed = negative ? x - (1n << 256n) : x;
    return (signed >> shift) & MASK;
  }
  if (shift === 0n) return x;
  const ctx = ctxOf(shift, x);
  return sym(lift(ctx, x).shr(lift(ctx, shift)));
}
