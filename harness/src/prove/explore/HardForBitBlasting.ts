import type { PathCond } from '../exec/PathCond.js';
import type { Ctx } from '../word/Word.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Term = any;

const DIVISIONS = new Set(['bvudiv', 'bvudiv_i', 'bvurem', 'bvurem_i', 'bvsdiv', 'bvsdiv_i', 'bvsrem', 'bvsrem_i', 'bvsmod', 'bvsmod_i']);
/** Products, and checked products: an overflow test of `a * b` builds the same multiplier. */
const PRODUCTS = new Set(['bvmul', 'bvumul_noovfl', 'bvsmul_noovfl', 'bvsmul_noudfl']);

/**
 * Which path conditions Z3 cannot bit-blast within a quick check: a division or remainder
 * by a term, or a product of two terms (a mulDiv, a mulmod in 512 bits, Solidity's overflow
 * check of `a * b`). Their circuits
 * have width² gates; Z3 builds them before its timeout is looked at, so a "1 s" query ran
 * 10–12 s and one reached the 2 GB limit of the wasm heap. Over integers the same queries
 * take milliseconds (see toIntegerQuery). Answers are kept per path node; a path is hard
 * when any of its nodes is.
 */
export class HardForBitBlasting {
  private readonly nodes = new WeakMap<PathCond, boolean>();

  constructor(private readonly ctx: Ctx) {}

  path(p: PathCond | undefined): boolean {
    if (p === undefined) return false;
    const hit = this.nodes.get(p);
    if (hit !== undefined) return hit;
    // Iterative over the prefix not seen yet, oldest first, so long paths do not recurse deeply.
    const unseen: PathCond[] = [];
    for (let n: PathCond | undefined = p; n !== undefined && !this.nodes.has(n); n = n.prev) unseen.push(n);
    for (let i = unseen.length - 1; i >= 0; i--) {
      const n = unseen[i]!;
      this.nodes.set(n, (n.prev !== undefined && this.nodes.get(n.prev) === true) || this.term(n.cond, new Map()));
    }
    return this.nodes.get(p)!;
  }

  /**
   * Does the term hold such an operation? `seen` shares the answers within one walk only:
   * Z3 reuses the id of a term it has freed, so ids key no cache that outlives the terms.
   */
  term(e: Term, seen = new Map<number, boolean>()): boolean {
    const id: number = e.id();
    const hit = seen.get(id);
    if (hit !== undefined) return hit;
    const c = this.ctx as Term;
    let r = false;
    if (c.isApp(e) && e.numArgs() > 0) {
      const name = String(e.decl().name());
      const args: Term[] = Array.from({ length: e.numArgs() }, (_, i) => e.arg(i));
      if (DIVISIONS.has(name)) r = !c.isBitVecVal(args[1]);
      else if (PRODUCTS.has(name)) r = args.filter((a) => !c.isBitVecVal(a)).length > 1;
      r ||= args.some((a) => this.term(a, seen));
    }
    seen.set(id, r);
    return r;
  }
}
