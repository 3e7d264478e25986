import type { Ctx } from '../word/Word.js';
import { TermBounds } from './TermBounds.js';

// z3-solver's expression types are parameterised by context name; this module walks terms
// of any sort generically, so it works on a loose view of them.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Term = any;

/**
 * The query over unbounded integers instead of bit-vectors, for proving it unsatisfiable.
 *
 * A SAT solver finds two different arrangements of 256-bit adders hard to tell equal
 * (a token's `supply − a == (x − a) + y + z` given `supply == x + y + z`: undecided in
 * 60 s), while linear integer arithmetic decides it at once. Every bit-vector term of
 * width w becomes an integer in [0, 2^w) with the same value: sums, differences and
 * products by constants modulo 2^w, concatenation, extraction, extension, shifts and
 * division by constants, comparisons (signed ones through the two's-complement value),
 * `ite`, storage arrays as arrays of integers over the same bit-vector indices, and a
 * check's own integer arithmetic over view results (`bv2int`, `int2bv`). A sum, difference
 * or product the path's facts keep from wrapping (see TermBounds) has no `mod 2^w`. What
 * has no such form (a product of two terms, bitwise operations, hashes, a divisor that is
 * a term) becomes a fresh integer in its range, or a fresh boolean: the result then
 * allows more assignments than the original, never fewer. So UNSAT here means UNSAT for
 * the original; SAT or unknown means nothing (the caller asks the bit-vector query).
 */
export function toIntegerQuery(ctx: Ctx, conds: readonly Term[]): Term[] {
  return new IntegerTranslation(ctx, conds).translate();
}

/**
 * The same, with the integer standing for each bit-vector variable: an integer model read
 * back through them is a candidate bit-vector model (exact wherever the translation is).
 */
export function toIntegerQueryWithVariables(ctx: Ctx, conds: readonly Term[]): { conds: Term[]; variables: [Term, Term][]; arrays: boolean } {
  const t = new IntegerTranslation(ctx, conds);
  const out = t.translate();
  return { conds: out, variables: t.variables, arrays: t.usesArrays() };
}

class IntegerTranslation {
  private readonly ints = new Map<number, Term>();
  private readonly bools = new Map<number, Term>();
  private readonly nums = new Map<number, Term>();
  private readonly arrays = new Map<number, Term>();
  private readonly side: Term[] = [];
  /** Each bit-vector variable met, with its integer. */
  readonly variables: [Term, Term][] = [];
  private fresh = 0;

  private readonly bounds: TermBounds;

  constructor(private readonly ctx: Ctx, private readonly conds: readonly Term[]) {
    this.bounds = new TermBounds(ctx, conds);
  }

  /** Does the query read storage arrays (which Z3's nonlinear integer tactic does not take)? */
  usesArrays(): boolean {
    return [...this.arrays.values()].some((a) => a !== undefined);
  }

  translate(): Term[] {
    const out = this.conds.map((c) => this.bool(c));
    return [...out, ...this.side];
  }

  private pow2(n: number): Term {
    return (this.ctx as Term).Int.val(1n << BigInt(n));
  }

  /** An integer in [0, 2^w) standing for a term this translation does not model. */
  private opaque(w: number, why: string): Term {
    const c = this.ctx as Term;
    const v = c.Int.const(`int!${why}!${this.fresh++}`);
    this.side.push(v.ge(0), v.lt(this.pow2(w)));
    return v;
  }

  /** x / d for a divisor that is a term: a fresh q with d·q ≤ x < d·q + d (EVM: 2^w − 1 when d = 0, as bvudiv). */
  private quotient(x: Term, d: Term, w: number): Term {
    const c = this.ctx as Term;
    const q = c.Int.const(`int!quotient!${this.fresh++}`);
    const max = (1n << BigInt(w)) - 1n;
    this.side.push(q.ge(0), q.le(c.Int.val(max)));
    this.side.push(c.Implies(d.eq(0), q.eq(c.Int.val(max))));
    this.side.push(c.Implies(d.gt(0), c.And(d.mul(q).le(x), x.lt(d.mul(q).add(d)))));
    return q;
  }

  private modW(x: Term, w: number): Term {
    return x.mod(this.pow2(w));
  }

  bool(e: Term): Term {
    const id = e.id();
    const hit = this.bools.get(id);
    if (hit !== undefined) return hit;
    const r = this.boolUncached(e);
    this.bools.set(id, r);
    return r;
  }

  private boolUncached(e: Term): Term {
    const c = this.ctx as Term;
    const name = String(e.decl().name());
    const n = e.numArgs();
    const args = () => Array.from({ length: n }, (_, i) => e.arg(i));
    switch (name) {
      case 'true':
      case 'false':
        return e;
      case 'and':
        return c.And(...args().map((a) => this.bool(a)));
      case 'or':
        return c.Or(...args().map((a) => this.bool(a)));
      case 'not':
        return c.Not(this.bool(e.arg(0)));
      case '=>':
        return c.Implies(this.bool(e.arg(0)), this.bool(e.arg(1)));
      case 'xor':
        return c.Xor(this.bool(e.arg(0)), this.bool(e.arg(1)));
      case 'if':
        return c.If(this.bool(e.arg(0)), this.bool(e.arg(1)), this.bool(e.arg(2)));
      case '=':
      case 'distinct': {
        const a = args();
        let parts: Term[];
        if (a.every((x) => c.isBitVec(x))) parts = a.map((x) => this.int(x));
        else if (a.every((x) => c.isArith(x))) parts = a.map((x) => this.num(x));
        else if (a.every((x) => c.isBool(x))) parts = a.map((x) => this.bool(x));
        else return this.freshBool('eq');
        if (name === '=') return c.And(...parts.slice(1).map((p) => parts[0].eq(p)));
        const ne: Term[] = [];
        for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) ne.push(c.Not(parts[i].eq(parts[j])));
        return c.And(...ne);
      }
      case 'bvule':
        return this.int(e.arg(0)).le(this.int(e.arg(1)));
      case 'bvult':
        return this.int(e.arg(0)).lt(this.int(e.arg(1)));
      case 'bvuge':
        return this.int(e.arg(0)).ge(this.int(e.arg(1)));
      case 'bvugt':
        return this.int(e.arg(0)).gt(this.int(e.arg(1)));
      case 'bvsle':
        return this.signed(e.arg(0)).le(this.signed(e.arg(1)));
      case 'bvslt':
        return this.signed(e.arg(0)).lt(this.signed(e.arg(1)));
      case 'bvsge':
        return this.signed(e.arg(0)).ge(this.signed(e.arg(1)));
      case 'bvsgt':
        return this.signed(e.arg(0)).gt(this.signed(e.arg(1)));
      case '<=':
        return this.num(e.arg(0)).le(this.num(e.arg(1)));
      case '<':
        return this.num(e.arg(0)).lt(this.num(e.arg(1)));
      case '>=':
        return this.num(e.arg(0)).ge(this.num(e.arg(1)));
      case '>':
        return this.num(e.arg(0)).gt(this.num(e.arg(1)));
      case 'bvumul_noovfl':
        // The exact meaning; linear when a factor is known.
        return this.int(e.arg(0)).mul(this.int(e.arg(1))).lt(this.pow2(e.arg(0).size()));
      default:
        // A boolean variable means the same here; anything else is left free.
        return n === 0 && !c.isBool(e) ? this.freshBool(name) : n === 0 ? e : this.freshBool(name);
    }
  }

  /**
   * A term that is an integer already (a check's arithmetic over view results): the same
   * term over the translated bit-vectors. What is not arithmetic stays a fresh integer.
   */
  private num(e: Term): Term {
    const id = e.id();
    const hit = this.nums.get(id);
    if (hit !== undefined) return hit;
    const c = this.ctx as Term;
    const name = String(e.decl().name());
    const n = e.numArgs();
    const args = () => Array.from({ length: n }, (_, i) => this.num(e.arg(i)));
    let r: Term;
    if (c.isIntVal(e)) r = e;
    else if (name === 'ubv_to_int' || name === 'bv2int') r = this.int(e.arg(0));
    else if (name === 'sbv_to_int') r = this.signed(e.arg(0));
    else if (name === '+') r = c.Sum(...args());
    else if (name === '*') r = c.Product(...args());
    else if (name === '-' && n === 1) r = c.Int.val(0).sub(this.num(e.arg(0)));
    else if (name === '-') r = args().reduce((a: Term, b: Term) => a.sub(b));
    else if (name === 'div' && n === 2) r = this.num(e.arg(0)).div(this.num(e.arg(1)));
    else if (name === 'mod' && n === 2) r = this.num(e.arg(0)).mod(this.num(e.arg(1)));
    else if (name === 'if') r = c.If(this.bool(e.arg(0)), this.num(e.arg(1)), this.num(e.arg(2)));
    else if (n === 0 && c.isInt(e)) r = e;
    else r = c.Int.const(`int!${name.replace(/[^A-Za-z0-9_]/g, '_')}!${this.fresh++}`);
    this.nums.set(id, r);
    return r;
  }

  private freshBool(why: string): Term {
    return (this.ctx as Term).Bool.const(`bool!${why}!${this.fresh++}`);
  }

  private signed(e: Term): Term {
    const c = this.ctx as Term;
    const w = e.size();
    const x = this.int(e);
    return c.If(x.ge(this.pow2(w - 1)), x.sub(this.pow2(w)), x);
  }

  int(e: Term): Term {
    const id = e.id();
    const hit = this.ints.get(id);
    if (hit !== undefined) return hit;
    const r = this.intUncached(e);
    this.ints.set(id, r);
    return r;
  }

  private intUncached(e: Term): Term {
    const c = this.ctx as Term;
    const w: number = e.size();
    if (c.isBitVecVal(e)) return c.Int.val(e.value());
    const name = String(e.decl().name());
    const n = e.numArgs();
    const args = () => Array.from({ length: n }, (_, i) => e.arg(i));
    const constant = (x: Term): bigint | undefined => (c.isBitVecVal(x) ? (x.value() as bigint) : undefined);
    switch (name) {
      case 'bvadd': {
        const sum = c.Sum(...args().map((a) => this.int(a)));
        return this.bounds.addFits(e) ? sum : this.modW(sum, w);
      }
      case 'bvsub': {
        const diff = this.int(e.arg(0)).sub(this.int(e.arg(1)));
        return this.bounds.atLeast(e.arg(0), e.arg(1)) ? diff : this.modW(diff, w);
      }
      case 'bvneg':
        return this.modW(c.Int.val(0).sub(this.int(e.arg(0))), w);
      case 'bvmul': {
        let k = 1n;
        const terms: Term[] = [];
        for (const a of args()) {
          const v = constant(a);
          if (v === undefined) terms.push(a);
          else k = (k * v) % (1n << BigInt(w));
        }
        if (terms.length === 0) return c.Int.val(k);
        if (terms.length > 1) {
          // A product of terms, exactly (nonlinear: Z3's NIA procedures, which often refute
          // what bit-blasting cannot, e.g. a mulDiv rounding down).
          let p: Term = k === 1n ? this.int(terms[0]) : this.int(terms[0]).mul(c.Int.val(k));
          for (const t of terms.slice(1)) p = p.mul(this.int(t));
          return this.bounds.mulFits(e) ? p : this.modW(p, w);
        }
        // k·x mod 2^w with k = 2^w − 1 is −x mod 2^w: small coefficients keep the arithmetic easy.
        const x = this.int(terms[0]);
        if (this.bounds.mulFits(e)) return x.mul(c.Int.val(k));
        const neg = (1n << BigInt(w)) - k;
        return neg < k ? this.modW(c.Int.val(0).sub(x.mul(c.Int.val(neg))), w) : this.modW(x.mul(c.Int.val(k)), w);
      }
      case 'concat': {
        let acc: Term = c.Int.val(0);
        for (const a of args()) acc = acc.mul(this.pow2(a.size())).add(this.int(a));
        return acc;
      }
      case 'extract': {
        const [hi, lo] = e.params() as number[];
        const x = this.int(e.arg(0));
        const shifted = lo === 0 ? x : x.div(this.pow2(lo));
        return hi - lo + 1 >= e.arg(0).size() - lo || this.bounds.upper(e.arg(0)) < 1n << BigInt(hi + 1) ? shifted : this.modW(shifted, hi - lo + 1);
      }
      case 'zero_extend':
        return this.int(e.arg(0));
      case 'int_to_bv':
      case 'int2bv':
        return this.modW(this.num(e.arg(0)), w);
      case 'sign_extend': {
        const inner = e.arg(0);
        const v = inner.size();
        const x = this.int(inner);
        return c.If(x.ge(this.pow2(v - 1)), x.add(this.pow2(w)).sub(this.pow2(v)), x);
      }
      case 'if':
        return c.If(this.bool(e.arg(0)), this.int(e.arg(1)), this.int(e.arg(2)));
      case 'bvudiv':
      case 'bvudiv_i': {
        const d = constant(e.arg(1));
        if (d === undefined) return this.quotient(this.int(e.arg(0)), this.int(e.arg(1)), w);
        return d === 0n ? c.Int.val((1n << BigInt(w)) - 1n) : this.int(e.arg(0)).div(c.Int.val(d));
      }
      case 'bvurem':
      case 'bvurem_i': {
        const d = constant(e.arg(1));
        if (d === undefined) {
          const x = this.int(e.arg(0));
          const dv = this.int(e.arg(1));
          return c.If(dv.eq(0), x, x.sub(dv.mul(this.quotient(x, dv, w))));
        }
        return d === 0n ? this.int(e.arg(0)) : this.int(e.arg(0)).mod(c.Int.val(d));
      }
      case 'bvshl': {
        const k = constant(e.arg(1));
        if (k === undefined) return this.opaque(w, 'shl');
        if (k >= BigInt(w)) return c.Int.val(0);
        const shifted = this.int(e.arg(0)).mul(this.pow2(Number(k)));
        return this.bounds.upper(e.arg(0)) << k < 1n << BigInt(w) ? shifted : this.modW(shifted, w);
      }
      case 'bvlshr': {
        const k = constant(e.arg(1));
        if (k === undefined) return this.opaque(w, 'lshr');
        return k >= BigInt(w) ? c.Int.val(0) : this.int(e.arg(0)).div(this.pow2(Number(k)));
      }
      case 'bvand': {
        // x & (2^k − 1), the masks of narrowing casts.
        const a = args();
        if (a.length === 2) {
          for (const [m, x] of [[a[0], a[1]], [a[1], a[0]]]) {
            const v = constant(m);
            if (v !== undefined && (v & (v + 1n)) === 0n) return v === 0n ? c.Int.val(0) : this.modW(this.int(x), v.toString(2).length);
          }
        }
        return this.opaque(w, 'and');
      }
      case 'select': {
        const arr = this.array(e.arg(0));
        if (arr === undefined) return this.opaque(w, 'select');
        const v = arr.select(e.arg(1));
        this.side.push(v.ge(0), v.lt(this.pow2(w)));
        return v;
      }
      default:
        if (n === 0) {
          // A variable: its own integer, in range.
          const v = c.Int.const(`int!${String(name)}!${e.id()}`);
          this.side.push(v.ge(0), v.lt(this.pow2(w)));
          this.variables.push([e, v]);
          return v;
        }
        return this.opaque(w, name.replace(/[^A-Za-z0-9_]/g, '_'));
    }
  }

  /** Storage arrays (bit-vector indices, bit-vector values) as arrays of integers over the same indices. */
  private array(e: Term): Term | undefined {
    const id = e.id();
    if (this.arrays.has(id)) return this.arrays.get(id);
    const c = this.ctx as Term;
    const domain = e.domain();
    const range = e.range();
    let r: Term | undefined;
    if (!c.isBitVecSort(range)) r = undefined;
    else {
      const name = String(e.decl().name());
      if (name === 'store') {
        const base = this.array(e.arg(0));
        r = base === undefined ? undefined : base.store(e.arg(1), this.int(e.arg(2)));
      } else if (name === 'const' && e.numArgs() === 1) {
        r = c.Array.K(domain, this.int(e.arg(0)));
      } else if (name === 'if') {
        const a = this.array(e.arg(1));
        const b = this.array(e.arg(2));
        r = a === undefined || b === undefined ? undefined : c.If(this.bool(e.arg(0)), a, b);
      } else if (e.numArgs() === 0) {
        r = c.Array.const(`ints!${name}!${id}`, domain, c.Int.sort());
      }
    }
    this.arrays.set(id, r);
    return r;
  }
}
