import { add, addmod, div, exp, mod, mul, mulmod, sdiv, signextend, smod, sub } from '../../word/arith.js';
import { and, shr } from '../../word/bits.js';
import type { BV, Sym, Word } from '../../word/Word.js';
import type { ExecEnv } from '../ExecEnv.js';
import { divideProduct } from '../divideProduct.js';
import { freshWord } from '../freshWord.js';
import { assume, type PathState } from '../PathState.js';
import type { OpDef, OpGroup } from './OpDef.js';

/**
 * x / d for a known d that is not a power of two, as a fresh q with d*q <= x < d*q + d
 * (exact, in 256 + bits(d) + 1 bits). Z3 handles that multiply-by-constant far better than a 256-bit
 * divider circuit: solc's overflow check `x * 3 / 3 == x` took seconds as bvudiv.
 */
function quotient(s: PathState, x: ExecEnv, a: Sym, d: bigint): Sym {
  const ctx = x.ctx;
  const q = freshWord(s, ctx, 'quotient');
  // d*q + d < 2^(256 + bits(d)): just wide enough, and narrower terms solve faster.
  const extra = d.toString(2).length + 1;
  const wide = (t: BV) => t.zeroExt(extra) as BV;
  const dw = ctx.BitVec.val(d, 256 + extra) as BV;
  const dq = wide(q.e).mul(dw);
  const xa = wide(a.e);
  assume(s, ctx.And(dq.ule(xa), xa.ult(dq.add(dw))));
  return q;
}

const isPow2 = (d: bigint) => d > 0n && (d & (d - 1n)) === 0n;
const log2 = (d: bigint) => BigInt(d.toString(2).length - 1);

const divide: OpDef = {
  name: 'DIV',
  inputs: 2,
  run: (s, f, x) => {
    const a = f.stack.pop()!;
    const b = f.stack.pop()!;
    const viaProduct = typeof a !== 'bigint' && a.factors !== undefined ? divideProduct(s, x, a, b) : undefined;
    if (viaProduct !== undefined) return void f.stack.push(viaProduct);
    if (typeof a === 'bigint' || typeof b !== 'bigint' || b === 0n) return void f.stack.push(div(a, b));
    f.stack.push(isPow2(b) ? shr(log2(b), a) : quotient(s, x, a, b));
  },
};

const modulo: OpDef = {
  name: 'MOD',
  inputs: 2,
  run: (s, f, x) => {
    const a = f.stack.pop()!;
    const b = f.stack.pop()!;
    if (typeof a === 'bigint' || typeof b !== 'bigint' || b === 0n) return void f.stack.push(mod(a, b));
    f.stack.push(isPow2(b) ? and(a, b - 1n) : sub(a, mul(quotient(s, x, a, b), b)));
  },
};

export function binary(name: string, fn: (a: Word, b: Word) => Word): OpDef {
  return {
    name,
    inputs: 2,
    run: (_s, f) => {
      const a = f.stack.pop()!;
      const b = f.stack.pop()!;
      f.stack.push(fn(a, b));
    },
  };
}

function ternary(name: string, fn: (a: Word, b: Word, c: Word) => Word): OpDef {
  return {
    name,
    inputs: 3,
    run: (_s, f) => {
      const a = f.stack.pop()!;
      const b = f.stack.pop()!;
      const c = f.stack.pop()!;
      f.stack.push(fn(a, b, c));
    },
  };
}

export const arithmetic: OpGroup = {
  0x01: binary('ADD', add),
  0x02: binary('MUL', mul),
  0x03: binary('SUB', sub),
  0x04: divide,
  0x05: binary('SDIV', sdiv),
  0x06: modulo,
  0x07: binary('SMOD', smod),
  0x08: ternary('ADDMOD', addmod),
  0x09: ternary('MULMOD', mulmod),
  0x0a: binary('EXP', exp),
  0x0b: binary('SIGNEXTEND', signextend),
};
