import type { BV, Ctx, Z3Func } from '../word/Word.js';

/**
 * keccak256 as one uninterpreted function per input length (bits = 8 * bytes), with an
 * inverse per length: `inv(f(x)) = x` for each application makes f injective with one
 * axiom per application instead of one per pair (Halmos' encoding).
 */
export class KeccakFunctions {
  private readonly fns = new Map<number, { f: Z3Func; inv: Z3Func }>();

  constructor(private readonly ctx: Ctx) {}

  private get(len: number): { f: Z3Func; inv: Z3Func } {
    let pair = this.fns.get(len);
    if (pair === undefined) {
      const input = this.ctx.BitVec.sort(len * 8);
      const word = this.ctx.BitVec.sort(256);
      pair = { f: this.ctx.Function.declare(`keccak256_${len}`, input, word), inv: this.ctx.Function.declare(`keccak256_inv_${len}`, word, input) };
      this.fns.set(len, pair);
    }
    return pair;
  }

  apply(len: number, input: BV): BV {
    return this.get(len).f.call(input) as BV;
  }

  inverse(len: number, out: BV): BV {
    return this.get(len).inv.call(out) as BV;
  }
}
