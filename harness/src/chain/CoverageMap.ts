import { metadataLength } from '../compile/metadataLength.js';
/** What ran of one runtime code: instructions for reports, jump edges for the search. */
export interface CodeCoverage {
  readonly code: Uint8Array;
  /** One byte per offset, 1 once the instruction there ran. */
  readonly instructions: Uint8Array;
  /**
   * Hit counts of jump edges (JUMP or JUMPI at `from` → next pc), in a table of
   * `mask + 1` slots indexed by edgeSlot (hashed, as AFL does; a collision costs one edge).
   * A JUMPI taken and the same JUMPI falling through are two edges.
   */
  readonly edges: Uint32Array;
  readonly mask: number;
  /** Position of this code in first-seen order; edge ids are `ordinal * EDGE_ID_STRIDE + slot` (edgeIdOf). */
  readonly ordinal: number;
}

/** Edge tables stay below this many slots, so an id fits a double exactly with room to spare. */
export const EDGE_ID_STRIDE = 1 << 22;

/** The table slot of the edge from the jump at `from` to `to`: distinct targets of one jump never collide. */
export function edgeSlot(from: number, to: number, mask: number): number {
  return (Math.imul(from, 0x9e3779b1) ^ to) & mask;
}

/**
 * Coverage of every runtime code the chain ran, keyed by the code's identity. The patched
 * interpreter loop (evmPatches) writes into it; `newHits` counts edges hit for the first time
 * (the campaign's cheap "did this call reach something new?" test) and `freshEdges` lists them.
 */
export class CoverageMap {
  private readonly byCode = new Map<Uint8Array, CodeCoverage>();
  private readonly codes: CodeCoverage[] = [];
  /** Distinct edges hit so far. */
  newHits = 0;
  /** Ids of the edges hit for the first time since the campaign last emptied it. */
  readonly freshEdges: number[] = [];
  /** Whether the current top-level call counts edges (set by the interpreter loop: not in a static call's frames). */
  countEdges = true;

  forCode(code: Uint8Array): CodeCoverage {
    let entry = this.byCode.get(code);
    if (entry === undefined) {
      // About one jump in ten instructions: a table of 2× the code length keeps collisions rare.
      let size = 256;
      while (size < code.length * 2 && size < EDGE_ID_STRIDE) size *= 2;
      entry = { code, instructions: new Uint8Array(code.length), edges: new Uint32Array(size), mask: size - 1, ordinal: this.codes.length };
      this.byCode.set(code, entry);
      this.codes.push(entry);
    }
    return entry;
  }

  /** The instruction bitmap of one code (1 where an instruction ran). */
  bitmapFor(code: Uint8Array): Uint8Array {
    return this.forCode(code).instructions;
  }

  /** The instruction bitmap of a code that has run, without making an entry for one that has not (reports read it). */
  instructionsRun(code: Uint8Array): Uint8Array | undefined {
    return this.byCode.get(code)?.instructions;
  }

  /** Called by the interpreter loop when an edge's count goes from 0 to 1. */
  noteNewEdge(coverage: CodeCoverage, slot: number): void {
    this.newHits++;
    this.freshEdges.push(coverage.ordinal * EDGE_ID_STRIDE + slot);
  }

  /** How often an edge (an id from `freshEdges`) has run: how common the behaviour behind it is. */
  hitsOf(edge: number): number {
    const entry = this.codes[Math.floor(edge / EDGE_ID_STRIDE)];
    return entry === undefined ? 0 : entry.edges[edge % EDGE_ID_STRIDE]!;
  }

  /** Instructions hit and instructions in total for one runtime code. */
  summarize(code: Uint8Array): { covered: number; total: number } {
    const bitmap = this.byCode.get(code)?.instructions;
    let covered = 0;
    let total = 0;
    // The metadata trailer is data (and differs between checkouts): not instructions.
    const end = code.length - metadataLength(code);
    for (let pc = 0; pc < end; pc++) {
      total++;
      if (bitmap !== undefined && bitmap[pc] === 1) covered++;
      const op = code[pc]!;
      if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
    }
    return { covered, total };
  }

  /** Number of distinct (code, pc) pairs hit: a cheap progress figure. */
  count(): number {
    let n = 0;
    for (const { instructions } of this.codes) for (const b of instructions) n += b;
    return n;
  }
}
