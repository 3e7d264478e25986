import type { Cell } from '../bytes/Cell.js';
import type { Word, Z3Model } from '../word/Word.js';

/** The value of a word under a model (unconstrained terms take their default). */
export function evalWord(model: Z3Model, w: Word): bigint {
  if (typeof w === 'bigint') return w;
  return (model.eval(w.e, true) as unknown as { value(): bigint }).value();
}

/** Concrete bytes of cells under a model, evaluating each symbolic word once. */
export function evalCells(model: Z3Model, cells: readonly Cell[]): Uint8Array {
  const out = new Uint8Array(cells.length);
  const values = new Map<object, bigint>();
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    if (typeof c === 'number') {
      out[k] = c;
      continue;
    }
    let v = values.get(c.w);
    if (v === undefined) values.set(c.w, (v = evalWord(model, c.w)));
    out[k] = Number((v >> BigInt(8 * (31 - c.i))) & 0xffn);
  }
  return out;
}
