import { cellsToWord, sliceCells, wordToCells, type Cell } from '../bytes/Cell.js';
import { PathUnknown } from '../exec/signals.js';
import type { Word } from '../word/Word.js';

/**
 * A frame's memory: known bytes as numbers, symbolic ones as references into their
 * words (see Cell). Offsets are concrete here; the opcode handlers pin symbolic ones
 * first. The size grows in words, as MSIZE reports it.
 */
export class Memory {
  private constructor(
    private cells: Cell[],
    private readonly limit: number,
  ) {}

  static empty(limit: number): Memory {
    return new Memory([], limit);
  }

  get size(): number {
    return this.cells.length;
  }

  clone(): Memory {
    return new Memory(this.cells.slice(), this.limit);
  }

  /** Expands to cover [offset, offset + len); nothing for len 0, as in the EVM. */
  expand(offset: number, len: number): void {
    if (len === 0) return;
    const end = offset + len;
    if (end > this.limit) {
      throw new PathUnknown('memory-budget', `memory access up to byte ${end} exceeds the bound of ${this.limit} bytes`);
    }
    const words = Math.ceil(end / 32) * 32;
    for (let k = this.cells.length; k < words; k++) this.cells.push(0);
  }

  load(offset: number): Word {
    this.expand(offset, 32);
    return cellsToWord(this.cells, offset);
  }

  store(offset: number, w: Word): void {
    this.write(offset, wordToCells(w));
  }

  store8(offset: number, w: Word): void {
    this.expand(offset, 1);
    this.cells[offset] = typeof w === 'bigint' ? Number(w & 0xffn) : { w, i: 31 };
  }

  read(offset: number, len: number): Cell[] {
    this.expand(offset, len);
    return sliceCells(this.cells, offset, len);
  }

  write(offset: number, data: readonly Cell[]): void {
    this.expand(offset, data.length);
    for (let k = 0; k < data.length; k++) this.cells[offset + k] = data[k]!;
  }
}
