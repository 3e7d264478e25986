import type { Ctx } from '../word/Word.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Term = any;

/**
 * What a conjunction of path conditions says about the size of its bit-vector terms, so
 * the integer form (see toIntegerQuery) can leave out `mod 2^w` where a sum, difference or
 * product cannot wrap. Z3's nonlinear procedures handle those mods badly, and a checked
 * Solidity operation always leaves its no-overflow test on the path:
 *
 * - bounds `x ≤ C` from top-level comparisons with a constant;
 * - `a ≥ b` from top-level comparisons of two terms (a checked `a − b`);
 * - `a + b ≥ a` (a checked addition: the two-term sum did not wrap), and through it a
 *   bound on the variable of `v + K ≤ C`;
 * - `bvumul_noovfl(a, b)` (a checked product);
 * - and what the operators themselves bound (a sum of small terms, a quotient, an extract).
 *
 * Every fact holds in every model of the conjunction, so a term translated with it has
 * the same value there as with the mod: the integer form stays implied by the original.
 */
export class TermBounds {
  private readonly facts = new Map<number, bigint>();
  private readonly lowerFacts = new Map<number, bigint>();
  private readonly lowers = new Map<number, bigint>();
  private readonly atLeastPairs = new Set<string>();
  private readonly noOverflowProducts = new Set<string>();
  private readonly uppers = new Map<number, bigint>();

  constructor(private readonly ctx: Ctx, conds: readonly Term[]) {
    const top: Term[] = [];
    for (const cond of conds) this.conjuncts(cond, top);
    for (const f of top) this.learn(f);
    // v + K ≤ C without wrapping bounds v by C − K.
    for (const f of top) this.learnThroughSums(f);
  }

  /** An upper bound on the term's value (2^w − 1 when nothing better is known). */
  upper(e: Term): bigint {
    const id: number = e.id();
    const hit = this.uppers.get(id);
    if (hit !== undefined) return hit;
    const computed = this.computeUpper(e);
    const fact = this.facts.get(id);
    const u = fact !== undefined && fact < computed ? fact : computed;
    this.uppers.set(id, u);
    return u;
  }

  /** A lower bound on the term's value (0 when nothing better is known). */
  lower(e: Term): bigint {
    const id: number = e.id();
    const hit = this.lowers.get(id);
    if (hit !== undefined) return hit;
    const computed = this.computeLower(e);
    const fact = this.lowerFacts.get(id);
    const l = fact !== undefined && fact > computed ? fact : computed;
    this.lowers.set(id, l);
    return l;
  }

  /** Does `a ≥ b` hold (as unsigned values) on the conjunction? */
  atLeast(a: Term, b: Term): boolean {
    if (this.lower(a) >= this.upper(b)) return true;
    return this.atLeastPairs.has(`${a.id()}:${b.id()}`);
  }

  /** Does the sum `e` (a bvadd) equal the sum of its operands, unwrapped? */
  addFits(e: Term): boolean {
    const n: number = e.numArgs();
    let sum = 0n;
    for (let i = 0; i < n; i++) sum += this.upper(e.arg(i));
    if (sum < 1n << BigInt(e.size())) return true;
    // A two-term sum not below one of its terms did not wrap.
    return n === 2 && (this.atLeastPairs.has(`${e.id()}:${e.arg(0).id()}`) || this.atLeastPairs.has(`${e.id()}:${e.arg(1).id()}`));
  }

  /** Does the product `e` (a bvmul) equal the product of its operands, unwrapped? */
  mulFits(e: Term): boolean {
    const n: number = e.numArgs();
    let p = 1n;
    for (let i = 0; i < n; i++) p *= this.upper(e.arg(i));
    if (p < 1n << BigInt(e.size())) return true;
    return n === 2 && (this.noOverflowProducts.has(`${e.arg(0).id()}:${e.arg(1).id()}`) || this.noOverflowProducts.has(`${e.arg(1).id()}:${e.arg(0).id()}`));
  }

  private conjuncts(e: Term, out: Term[]): void {
    const c = this.ctx as Term;
    if (!c.isApp(e)) return void out.push(e);
    const name = String(e.decl().name());
    if (name === 'and') {
      for (let i = 0; i < e.numArgs(); i++) this.conjuncts(e.arg(i), out);
      return;
    }
    if (name === 'not' && c.isApp(e.arg(0)) && String(e.arg(0).decl().name()) === 'not') return this.conjuncts(e.arg(0).arg(0), out);
    out.push(e);
  }

  /** A comparison as `big ≥ small` (strict: big > small), or undefined. */
  private comparison(f: Term): { big: Term; small: Term; strict: boolean } | undefined {
    const c = this.ctx as Term;
    if (!c.isApp(f)) return undefined;
    let name = String(f.decl().name());
    let e = f;
    let negated = false;
    if (name === 'not') {
      e = f.arg(0);
      if (!c.isApp(e)) return undefined;
      name = String(e.decl().name());
      negated = true;
    }
    if (e.numArgs() !== 2 || !c.isBitVec(e.arg(0))) return undefined;
    const [x, y] = [e.arg(0), e.arg(1)];
    // x ≤ y, x < y, x ≥ y, x > y; negation swaps the sides and strictness.
    const forms: Record<string, { big: Term; small: Term; strict: boolean }> = {
      bvule: { big: y, small: x, strict: false },
      bvult: { big: y, small: x, strict: true },
      bvuge: { big: x, small: y, strict: false },
      bvugt: { big: x, small: y, strict: true },
    };
    const form = forms[name];
    if (form === undefined) return undefined;
    return negated ? { big: form.small, small: form.big, strict: !form.strict } : form;
  }

  private learn(f: Term): void {
    const c = this.ctx as Term;
    if (c.isApp(f) && String(f.decl().name()) === 'bvumul_noovfl') {
      this.noOverflowProducts.add(`${f.arg(0).id()}:${f.arg(1).id()}`);
      return;
    }
    if (c.isApp(f) && String(f.decl().name()) === '=' && f.numArgs() === 2 && c.isBitVec(f.arg(0))) {
      const [x, y] = [f.arg(0), f.arg(1)];
      this.atLeastPairs.add(`${x.id()}:${y.id()}`).add(`${y.id()}:${x.id()}`);
      for (const [t, k] of [[x, y], [y, x]]) {
        if (c.isBitVecVal(k)) {
          this.bound(t, k.value() as bigint);
          this.boundBelow(t, k.value() as bigint);
        }
      }
      return;
    }
    const cmp = this.comparison(f);
    if (cmp === undefined) return;
    this.atLeastPairs.add(`${cmp.big.id()}:${cmp.small.id()}`);
    if (c.isBitVecVal(cmp.big)) {
      const v = (cmp.big.value() as bigint) - (cmp.strict ? 1n : 0n);
      if (v >= 0n) this.bound(cmp.small, v);
    }
    if (c.isBitVecVal(cmp.small)) this.boundBelow(cmp.big, (cmp.small.value() as bigint) + (cmp.strict ? 1n : 0n));
  }

  private learnThroughSums(f: Term): void {
    const c = this.ctx as Term;
    const cmp = this.comparison(f);
    if (cmp === undefined || !c.isBitVecVal(cmp.big)) return;
    const s = cmp.small;
    if (!c.isApp(s) || String(s.decl().name()) !== 'bvadd' || s.numArgs() !== 2 || !this.addFits(s)) return;
    const limit = this.facts.get(s.id());
    if (limit === undefined) return;
    for (const [v, k] of [[s.arg(0), s.arg(1)], [s.arg(1), s.arg(0)]]) {
      if (c.isBitVecVal(k) && !c.isBitVecVal(v) && limit >= (k.value() as bigint)) this.bound(v, limit - (k.value() as bigint));
    }
  }

  private bound(e: Term, v: bigint): void {
    const id: number = e.id();
    const old = this.facts.get(id);
    if (old === undefined || v < old) this.facts.set(id, v);
    this.uppers.clear();
  }

  private boundBelow(e: Term, v: bigint): void {
    const id: number = e.id();
    const old = this.lowerFacts.get(id);
    if (old === undefined || v > old) this.lowerFacts.set(id, v);
    this.lowers.clear();
    this.uppers.clear();
  }

  /** What the operators bound from below: sums that do not wrap, extensions, `ite`. */
  private computeLower(e: Term): bigint {
    const c = this.ctx as Term;
    if (c.isBitVecVal(e)) return e.value() as bigint;
    if (!c.isApp(e)) return 0n;
    const name = String(e.decl().name());
    const n: number = e.numArgs();
    if (name === 'bvadd' && this.addFits(e)) {
      let sum = 0n;
      for (let i = 0; i < n; i++) sum += this.lower(e.arg(i));
      return sum;
    }
    if (name === 'zero_extend') return this.lower(e.arg(0));
    if (name === 'if') {
      const [x, y] = [this.lower(e.arg(1)), this.lower(e.arg(2))];
      return x < y ? x : y;
    }
    return 0n;
  }

  private computeUpper(e: Term): bigint {
    const c = this.ctx as Term;
    const w: number = e.size();
    const max = (1n << BigInt(w)) - 1n;
    const cap = (v: bigint) => (v > max ? max : v);
    if (c.isBitVecVal(e)) return e.value() as bigint;
    if (!c.isApp(e)) return max;
    const name = String(e.decl().name());
    const n: number = e.numArgs();
    const a = (i: number) => e.arg(i);
    const k = (i: number): bigint | undefined => (c.isBitVecVal(a(i)) ? (a(i).value() as bigint) : undefined);
    switch (name) {
      case 'bvadd': {
        let sum = 0n;
        for (let i = 0; i < n; i++) sum += this.upper(a(i));
        return sum > max ? max : sum;
      }
      case 'bvmul': {
        let p = 1n;
        for (let i = 0; i < n; i++) p *= this.upper(a(i));
        return p > max ? max : p;
      }
      case 'concat': {
        let acc = 0n;
        for (let i = 0; i < n; i++) acc = (acc << BigInt(a(i).size())) + this.upper(a(i));
        return cap(acc);
      }
      case 'extract':
        return cap(this.upper(a(0)) >> BigInt((e.params() as number[])[1]!));
      case 'zero_extend':
        return this.upper(a(0));
      case 'if': {
        const [x, y] = [this.upper(a(1)), this.upper(a(2))];
        return x > y ? x : y;
      }
      case 'bvudiv':
      case 'bvudiv_i': {
        // A divisor that may be 0 gives 2^w − 1 (bvudiv).
        const d = this.lower(a(1));
        return d > 0n ? this.upper(a(0)) / d : max;
      }
      case 'bvurem':
      case 'bvurem_i': {
        const d = k(1);
        const x = this.upper(a(0));
        return d !== undefined && d > 0n && d - 1n < x ? d - 1n : x;
      }
      case 'bvlshr':
        return k(1) !== undefined ? this.upper(a(0)) >> k(1)! : max;
      case 'bvshl':
        return k(1) === undefined ? max : k(1)! >= BigInt(w) ? 0n : cap(this.upper(a(0)) << k(1)!);
      case 'bvand': {
        let u = max;
        for (let i = 0; i < n; i++) if (this.upper(a(i)) < u) u = this.upper(a(i));
        return u;
      }
      default:
        return max;
    }
  }
}
