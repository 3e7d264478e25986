import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import { add, addmod, div, exp, mod, mul, mulmod, sdiv, signextend, smod, sub } from './arith.js';
import { and, byte, not, or, sar, shl, shr, xor } from './bits.js';
import { eq, gt, iszero, lt, sgt, slt } from './compare.js';
import { cellsToWord, wordToCells } from '../bytes/Cell.js';
import { MASK, type Word } from './Word.js';

let z3: Z3Session;
beforeAll(async () => {
  z3 = await openZ3();
});
afterAll(() => z3.close());

/** The same number as a term, so the operation takes its symbolic branch. */
const asTerm = (v: bigint): Word => ({ e: z3.ctx.BitVec.val(v, 256) as never });
const value = (w: Word): bigint => (typeof w === 'bigint' ? w : (new z3.ctx.Model().eval(w.e, true) as unknown as { value(): bigint }).value());

const word = fc.oneof(
  fc.bigInt(0n, MASK),
  fc.constantFrom(0n, 1n, 2n, 3n, 31n, 32n, 255n, 256n, MASK, MASK - 1n, 1n << 255n, (1n << 255n) - 1n, (1n << 160n) - 1n),
  fc.bigInt(0n, 300n),
);

const binaries: [string, (a: Word, b: Word) => Word][] = [
  ['add', add], ['sub', sub], ['mul', mul], ['div', div], ['sdiv', sdiv], ['mod', mod], ['smod', smod],
  ['and', and], ['or', or], ['xor', xor], ['byte', byte], ['shl', shl], ['shr', shr], ['sar', sar],
  ['lt', lt], ['gt', gt], ['slt', slt], ['sgt', sgt], ['eq', eq],
];

describe('words: symbolic operations agree with concrete folding', () => {
  for (const [name, op] of binaries) {
    it(name, () => {
      fc.assert(
        fc.property(word, word, fc.integer({ min: 0, max: 2 }), (a, b, which) => {
          const expected = op(a, b);
          expect(typeof expected).toBe('bigint');
          const x = which === 1 ? a : asTerm(a);
          const y = which === 2 ? b : asTerm(b);
          expect(value(op(x, y))).toBe(expected);
        }),
        { numRuns: 60, seed: 7 },
      );
    });
  }

  it('addmod, mulmod (512-bit intermediate)', () => {
    fc.assert(
      fc.property(word, word, word, (a, b, n) => {
        expect(value(addmod(asTerm(a), b, asTerm(n)))).toBe(addmod(a, b, n));
        expect(value(mulmod(a, asTerm(b), n))).toBe(mulmod(a, b, n));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('exp with a known exponent, and with a symbolic one on bases 0, 1 and powers of two', () => {
    fc.assert(
      fc.property(word, fc.bigInt(0n, 300n), fc.constantFrom(0n, 1n, 2n, 4n, 16n, 1n << 128n), (a, e, base) => {
        expect(value(exp(asTerm(a), e))).toBe(exp(a, e));
        expect(value(exp(base, asTerm(e)))).toBe(exp(base, e));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('signextend, not, iszero', () => {
    fc.assert(
      fc.property(fc.bigInt(0n, 40n), word, (b, x) => {
        expect(value(signextend(b, asTerm(x)))).toBe(signextend(b, x));
        expect(value(not(asTerm(x)))).toBe(not(x));
        expect(value(iszero(asTerm(x)))).toBe(iszero(x));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('byte-aligned shifts and masks of a word read from cells act on the cells', () => {
    const v = z3.ctx.BitVec.const('v', 256) as never;
    // selector (4 known bytes) followed by the first 28 bytes of a symbolic argument
    const cells = [0x12, 0x34, 0x56, 0x78, ...wordToCells({ e: v }).slice(0, 28)];
    const w = cellsToWord(cells, 0);
    expect(typeof w).not.toBe('bigint');
    expect(shr(224n, w)).toBe(0x12345678n);
    expect(and(w, MASK << 224n)).toBe(0x12345678n << 224n);
    expect(byte(2n, w)).toBe(0x56n);
  });
});
