import type { BV, Ctx, Sym, Word } from '../word/Word.js';

/** Byte `i` (0 = most significant) of a symbolic word. */
export interface SymByte {
  readonly w: Sym;
  readonly i: number;
}

/**
 * One byte of memory, calldata or returndata: a number while it is known, else a
 * reference into the symbolic word it came from. A word stored and loaded back at the
 * same offset is therefore the same term, not 32 extracts glued together.
 */
export type Cell = number | SymByte;

export function wordToCells(w: Word): Cell[] {
  const out: Cell[] = new Array(32);
  if (typeof w === 'bigint') {
    let x = w;
    for (let i = 31; i >= 0; i--) {
      out[i] = Number(x & 0xffn);
      x >>= 8n;
    }
    return out;
  }
  if (w.cells !== undefined) return w.cells.slice();
  for (let i = 0; i < 32; i++) out[i] = { w, i };
  return out;
}

/**
 * The big-endian value of `len` cells from `start` (missing cells read as zero): a bigint
 * when all are known, else a term of `8 * len` bits built from runs of known bytes and
 * runs of consecutive bytes of one word.
 */
export function packCells(cells: readonly Cell[], start: number, len: number): bigint | BV {
  let concrete = true;
  for (let k = 0; k < len; k++) {
    const c = cells[start + k];
    if (c !== undefined && typeof c !== 'number') {
      concrete = false;
      break;
    }
  }
  if (concrete) {
    let x = 0n;
    for (let k = 0; k < len; k++) x = (x << 8n) | BigInt((cells[start + k] as number | undefined) ?? 0);
    return x;
  }
  let ctx: Ctx | undefined;
  const parts: (BV | { bits: number; value: bigint })[] = [];
  let k = 0;
  while (k < len) {
    const c = cells[start + k];
    if (c === undefined || typeof c === 'number') {
      let x = 0n;
      const from = k;
      while (k < len) {
        const d = cells[start + k];
        if (d !== undefined && typeof d !== 'number') break;
        x = (x << 8n) | BigInt(d ?? 0);
        k++;
      }
      parts.push({ bits: (k - from) * 8, value: x });
      continue;
    }
    ctx ??= c.w.e.ctx;
    const from = c.i;
    let to = c.i;
    k++;
    while (k < len) {
      const d = cells[start + k];
      if (d === undefined || typeof d === 'number' || d.w !== c.w || d.i !== to + 1) break;
      to++;
      k++;
    }
    parts.push(from === 0 && to === 31 ? c.w.e : (c.w.e.extract(255 - 8 * from, 248 - 8 * to) as BV));
  }
  const terms = parts.map((p) => ('bits' in p ? (ctx!.BitVec.val(p.value, p.bits) as BV) : p));
  return terms.length === 1 ? terms[0]! : (ctx!.Concat(...terms) as BV);
}

/** A 32-byte word read from cells, keeping the original Sym when the cells are exactly one word. */
export function cellsToWord(cells: readonly Cell[], start: number): Word {
  const first = cells[start];
  if (first !== undefined && typeof first !== 'number' && first.i === 0) {
    let same = true;
    for (let k = 1; k < 32; k++) {
      const c = cells[start + k];
      if (c === undefined || typeof c === 'number' || c.w !== first.w || c.i !== k) {
        same = false;
        break;
      }
    }
    if (same) return first.w;
  }
  const packed = packCells(cells, start, 32);
  return typeof packed === 'bigint' ? packed : { e: packed, cells: sliceCells(cells, start, 32) };
}

/** Cells [start, start + len), zero-filled past the end. */
export function sliceCells(cells: readonly Cell[], start: number, len: number): Cell[] {
  const out: Cell[] = new Array(len);
  for (let k = 0; k < len; k++) out[k] = cells[start + k] ?? 0;
  return out;
}

export function concreteCells(bytes: Uint8Array): Cell[] {
  return Array.from(bytes);
}

/** The bytes when every cell is known. */
export function cellsToBytes(cells: readonly Cell[]): Uint8Array | undefined {
  const out = new Uint8Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    if (typeof c !== 'number') return undefined;
    out[k] = c;
  }
  return out;
}
