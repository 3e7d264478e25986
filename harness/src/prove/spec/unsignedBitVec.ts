import type { BV, Ctx } from '../word/Word.js';
import type { IntTerm } from './jsValues.js';

/** A non-negative integer term as a bit-vector wide enough that nothing wraps. */
export interface WideBitVec {
  bv: BV;
  bits: number;
}

/** Past this the bit-vector form buys nothing over the Int one. */
const MAX_BITS = 512;

interface Z3App {
  decl(): { name(): string };
  numArgs(): number;
  arg(i: number): unknown;
}

/**
 * The same integer as a bit-vector, for the terms view calls and `sum` build: numerals,
 * unsigned `BV2Int`, sums and `?:` of those. Every such value is in [0, 2^bits), so
 * comparing two of them zero-extended to one width is exactly the Int comparison; Z3
 * decides that by bit-blasting in a fraction of the time the mixed Int/BV query takes
 * (Coin's sum of three balances ≤ supply: under a second against 17–28 s). Undefined for
 * anything else (signed values, products, free integers), which stays an Int.
 */
export function unsignedBitVec(ctx: Ctx, e: IntTerm): WideBitVec | undefined {
  if (ctx.isIntVal(e)) {
    const v = e.value();
    if (v < 0n) return undefined;
    const bits = Math.max(1, v.toString(2).length);
    return bits > MAX_BITS ? undefined : { bv: ctx.BitVec.val(v, bits) as BV, bits };
  }
  const app = e as unknown as Z3App;
  const name = app.decl().name();
  // Z3 prints unsigned BV2Int as ubv_to_int (bv2int before 4.13); a signed one is another op.
  if (name === 'ubv_to_int' || name === 'bv2int') {
    const bv = app.arg(0) as BV;
    return { bv, bits: bv.size() };
  }
  const parts: WideBitVec[] = [];
  const start = name === 'if' ? 1 : 0;
  if (name !== '+' && name !== 'if') return undefined;
  for (let i = start; i < app.numArgs(); i++) {
    const p = unsignedBitVec(ctx, app.arg(i) as IntTerm);
    if (p === undefined) return undefined;
    parts.push(p);
  }
  const widest = Math.max(...parts.map((p) => p.bits));
  if (name === 'if') {
    const [a, b] = parts.map((p) => widen(p, widest));
    return { bv: ctx.If(app.arg(0) as never, a as never, b as never) as unknown as BV, bits: widest };
  }
  // n addends below 2^w sum below n·2^w ≤ 2^(w + ⌈log2 n⌉).
  const bits = widest + Math.ceil(Math.log2(parts.length));
  if (bits > MAX_BITS) return undefined;
  let acc = widen(parts[0]!, bits);
  for (const p of parts.slice(1)) acc = acc.add(widen(p, bits)) as BV;
  return { bv: acc, bits };
}

export function widen(x: WideBitVec, bits: number): BV {
  return x.bits === bits ? x.bv : (x.bv.zeroExt(bits - x.bits) as BV);
}
