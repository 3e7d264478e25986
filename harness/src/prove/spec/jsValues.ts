import type { Arith, Bool } from 'z3-solver';
import type { BV } from '../word/Word.js';
import type { BinaryOp } from './CheckIR.js';
import { unsignedBitVec, widen } from './unsignedBitVec.js';

export type IntTerm = Arith<'sevm'>;
export type BoolTerm = Bool<'sevm'>;
type Ctx = import('../word/Word.js').Ctx;

/**
 * A JS value of a check as a Z3 term, tagged with its JS type (which is static in the
 * subset). bigints are unbounded Int terms; numbers are only ever integers here (literals
 * and small ABI integers viem decodes as numbers); addresses are viem's lowercase hex
 * strings, kept as their Int value (equal strings ⇔ equal values, and same-length
 * lowercase hex orders like the number).
 */
export type JsVal = { t: 'bigint' | 'number' | 'address'; e: IntTerm } | { t: 'bool'; e: BoolTerm };

/** The result of an operation: its value, where it throws, and why it is not modelled (if so). */
export interface OpResult {
  v: JsVal;
  thr: BoolTerm;
  unknown?: string;
}

export function jsFalse(ctx: Ctx): JsVal {
  return { t: 'bool', e: ctx.Bool.val(false) };
}

/** JS truthiness: 0n, 0 and false are falsy; an address string never is. */
export function truthy(ctx: Ctx, v: JsVal): BoolTerm {
  if (v.t === 'bool') return v.e;
  if (v.t === 'address') return ctx.Bool.val(true);
  return v.e.neq(0);
}

const arithmeticOps = new Set<BinaryOp>(['+', '-', '*', '/', '%', '**']);
const orderOps = new Set<BinaryOp>(['<', '<=', '>', '>=']);

export async function binaryOp(ctx: Ctx, op: BinaryOp, l: JsVal, r: JsVal): Promise<OpResult> {
  const no = ctx.Bool.val(false);
  const unknown = (why: string): OpResult => ({ v: jsFalse(ctx), thr: no, unknown: `${op} on ${l.t} and ${r.t}: ${why}` });
  if (arithmeticOps.has(op)) {
    if (l.t === 'bigint' && r.t === 'bigint') return bigintArithmetic(ctx, op, l.e, r.e);
    const numeric = (t: string) => t === 'bigint' || t === 'number';
    // TypeError: Cannot mix BigInt and other types.
    if ((l.t === 'bigint' && r.t !== 'bigint' && r.t !== 'address') || (r.t === 'bigint' && l.t !== 'bigint' && l.t !== 'address')) {
      if (numeric(l.t) || numeric(r.t)) return { v: jsFalse(ctx), thr: ctx.Bool.val(true) };
    }
    return unknown('floating-point or string arithmetic is not modelled');
  }
  if (orderOps.has(op)) {
    const comparable = (l.t === 'address') === (r.t === 'address');
    if (!comparable || l.t === 'bool' || r.t === 'bool') return unknown('comparison of mixed types is not modelled');
    const wide = bothUnsigned(ctx, l, r);
    if (wide !== undefined) {
      const [a, b] = wide;
      return { v: { t: 'bool', e: op === '<' ? a.ult(b) : op === '<=' ? a.ule(b) : op === '>' ? a.ugt(b) : a.uge(b) }, thr: no };
    }
    const e: BoolTerm = op === '<' ? l.e.lt(r.e) : op === '<=' ? l.e.le(r.e) : op === '>' ? l.e.gt(r.e) : l.e.ge(r.e);
    return { v: { t: 'bool', e }, thr: no };
  }
  const negate = op === '!==' || op === '!=';
  let equal: BoolTerm | undefined;
  const numbers = (l.t === 'bigint' || l.t === 'number') && (r.t === 'bigint' || r.t === 'number');
  // Equal types, or == between a number and a bigint; the bit-vector form as for order comparisons.
  const wide = (l.t === r.t || (numbers && (op === '==' || op === '!='))) && l.t !== 'bool' ? bothUnsigned(ctx, l, r) : undefined;
  if (wide !== undefined) equal = wide[0].eq(wide[1]);
  else if (l.t === r.t) equal = l.t === 'bool' ? ctx.Eq(l.e, r.e as BoolTerm) : (l.e as IntTerm).eq(r.e as IntTerm);
  else if (op === '===' || op === '!==') equal = ctx.Bool.val(false);
  else if (numbers) equal = (l.e as IntTerm).eq(r.e as IntTerm);
  if (equal === undefined) return unknown('loose equality across these types is not modelled');
  return { v: { t: 'bool', e: negate ? ctx.Not(equal) : equal }, thr: no };
}

/** Two numeric values as bit-vectors of one width, when both have that exact form. */
function bothUnsigned(ctx: Ctx, l: JsVal, r: JsVal): [BV, BV] | undefined {
  if (l.t === 'bool' || r.t === 'bool') return undefined;
  const a = unsignedBitVec(ctx, l.e);
  const b = a && unsignedBitVec(ctx, r.e);
  if (a === undefined || b === undefined) return undefined;
  const bits = Math.max(a.bits, b.bits);
  return [widen(a, bits), widen(b, bits)];
}

/** bigint arithmetic: unbounded, `/` truncates toward zero, `%` takes the dividend's sign, both throw on 0n. */
async function bigintArithmetic(ctx: Ctx, op: BinaryOp, a: IntTerm, b: IntTerm): Promise<OpResult> {
  const no = ctx.Bool.val(false);
  const big = (e: IntTerm): JsVal => ({ t: 'bigint', e });
  switch (op) {
    case '+':
      return { v: big(a.add(b)), thr: no };
    case '-':
      return { v: big(a.sub(b)), thr: no };
    case '*':
      return { v: big(a.mul(b)), thr: no };
    case '/':
      return { v: big((await truncDiv(ctx, a, b))), thr: b.eq(0) };
    case '%':
      return { v: big(a.sub(b.mul((await truncDiv(ctx, a, b))))), thr: b.eq(0) };
    default:
      return power(ctx, a, b);
  }
}

/** SMT-LIB `div` is Euclidean (remainder in [0, |b|)); JS rounds toward zero, one step closer when a < 0. */
async function truncDiv(ctx: Ctx, a: IntTerm, b: IntTerm): Promise<IntTerm> {
  const x = await constant(ctx, a);
  const y = await constant(ctx, b);
  if (x !== undefined && y !== undefined) return ctx.Int.val(y === 0n ? 0n : x / y);
  const q = a.div(b);
  const r = a.mod(b);
  return ctx.If(ctx.And(a.lt(0), r.neq(0)), ctx.If(b.gt(0), q.add(1), q.sub(1)), q) as IntTerm;
}

/** Largest exponent unrolled into products when the base is a term. */
const MAX_UNROLLED_EXPONENT = 512n;

async function power(ctx: Ctx, a: IntTerm, b: IntTerm): Promise<OpResult> {
  const no = ctx.Bool.val(false);
  const exponent = await constant(ctx, b);
  if (exponent === undefined) return { v: jsFalse(ctx), thr: no, unknown: '** with a symbolic exponent is not modelled' };
  // RangeError: Exponent must be non-negative.
  if (exponent < 0n) return { v: jsFalse(ctx), thr: ctx.Bool.val(true) };
  const base = await constant(ctx, a);
  if (base !== undefined) return { v: { t: 'bigint', e: ctx.Int.val(base ** exponent) }, thr: no };
  if (exponent > MAX_UNROLLED_EXPONENT) return { v: jsFalse(ctx), thr: no, unknown: `** ${exponent} of a term is too large to unroll` };
  let acc: IntTerm = ctx.Int.val(1n);
  for (let k = 0n; k < exponent; k++) acc = acc.mul(a);
  return { v: { t: 'bigint', e: acc }, thr: no };
}

/** The value of a term that simplifies to a numeral. */
export async function constant(ctx: Ctx, e: IntTerm): Promise<bigint | undefined> {
  if (ctx.isIntVal(e)) return e.value();
  const s = await ctx.simplify(e);
  return ctx.isIntVal(s) ? s.value() : undefined;
}
