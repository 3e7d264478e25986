import { eqCond, iteWord } from '../word/compare.js';
import { lift, sym, type BV, type Word, type Z3Array } from '../word/Word.js';

/**
 * What a storage holds before the path's writes: known slots, and for every other slot
 * either a number (0 for a fresh contract) or an SMT array (any value: inductive steps,
 * unknown balances).
 */
export interface StorageBase {
  readonly entries: ReadonlyMap<bigint, Word>;
  readonly fallback: bigint | Z3Array;
}

/**
 * An immutable storage: the base plus the path's writes in order. Paths fork by sharing
 * it; a write returns a new one. Keyed by any word, so it serves contract storage,
 * transient storage and balances (keyed by address) alike.
 */
export interface Storage {
  readonly base: StorageBase;
  readonly writes: readonly (readonly [Word, Word])[];
}

export function emptyStorage(): Storage {
  return { base: { entries: new Map(), fallback: 0n }, writes: [] };
}

/** How two slots compare; plain term equality unless the caller knows more (see slotEquality). */
export type SlotEq = (a: Word, b: Word) => ReturnType<typeof eqCond>;

function readBase(base: StorageBase, slot: Word, eq: SlotEq): Word {
  if (typeof slot === 'bigint') {
    const known = base.entries.get(slot);
    if (known !== undefined) return known;
    if (typeof base.fallback === 'bigint') return base.fallback;
    const ctx = base.fallback.ctx;
    return sym(ctx.Select(base.fallback, lift(ctx, slot)) as BV);
  }
  const ctx = slot.e.ctx;
  let value: Word = typeof base.fallback === 'bigint' ? base.fallback : sym(ctx.Select(base.fallback, slot.e) as BV);
  for (const [k, v] of base.entries) value = iteWord(eq(slot, k), v, value);
  return value;
}

export function readStorage(st: Storage, slot: Word, eq: SlotEq = eqCond): Word {
  // The newest write that certainly hits the slot hides everything older.
  let from = -1;
  const conds = new Array<ReturnType<typeof eqCond>>(st.writes.length);
  for (let k = st.writes.length - 1; k >= 0; k--) {
    const c = eq(slot, st.writes[k]![0]);
    conds[k] = c;
    if (c === true) {
      from = k;
      break;
    }
  }
  let value: Word = from >= 0 ? st.writes[from]![1] : readBase(st.base, slot, eq);
  for (let k = from + 1; k < st.writes.length; k++) value = iteWord(conds[k]!, st.writes[k]![1], value);
  return value;
}

export function writeStorage(st: Storage, slot: Word, value: Word): Storage {
  // An older write to the same known slot can never be read again.
  const writes = typeof slot === 'bigint' ? st.writes.filter(([s]) => s !== slot) : st.writes.slice();
  writes.push([slot, value]);
  return { base: st.base, writes };
}
