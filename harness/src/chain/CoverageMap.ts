/** Which instruction offsets of each runtime code ran; keyed by the code's identity. */
export class CoverageMap {
  private readonly byCode = new Map<Uint8Array, Uint8Array>();
  /** Instruction offsets hit for the first time, counted as they happen (cheap "new coverage?" test). */
  newHits = 0;

  bitmapFor(code: Uint8Array): Uint8Array {
    let bitmap = this.byCode.get(code);
    if (bitmap === undefined) this.byCode.set(code, (bitmap = new Uint8Array(code.length)));
    return bitmap;
  }

  /** Instructions hit and instructions in total for one runtime code. */
  summarize(code: Uint8Array): { covered: number; total: number } {
    const bitmap = this.byCode.get(code);
    let covered = 0;
    let total = 0;
    for (let pc = 0; pc < code.length; pc++) {
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
    for (const bitmap of this.byCode.values()) for (const b of bitmap) n += b;
    return n;
  }
}
