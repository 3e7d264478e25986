import { PathUnknown, NeedConcrete } from './signals.js';
import type { PathState } from './PathState.js';
import type { Word } from '../word/Word.js';

/** The value of a word the handler cannot use symbolically: known, pinned, or pinned now. */
export function concrete(s: PathState, w: Word, what: string): bigint {
  if (typeof w === 'bigint') return w;
  const pin = s.pinned.get(w.e.id());
  if (pin !== undefined && pin.e.eqIdentity(w.e)) return pin.v;
  throw new NeedConcrete(w, what);
}

/** A memory / data range [offset, offset + size) with concrete numbers; size 0 never touches the offset. */
export function range(s: PathState, offset: Word, size: Word, what: string): [number, number] {
  const len = concrete(s, size, `${what} size`);
  if (len === 0n) return [0, 0];
  const off = concrete(s, offset, `${what} offset`);
  if (off + len > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new PathUnknown('memory-budget', `${what} range ${off} + ${len} is beyond any memory bound`);
  }
  return [Number(off), Number(len)];
}

/** A small concrete number (a data offset); past the limit it is only compared, never indexed. */
export function smallOffset(s: PathState, w: Word, what: string): number {
  const v = concrete(s, w, what);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}
