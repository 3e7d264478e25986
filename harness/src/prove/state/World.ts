import type { Code } from './Code.js';
import type { Storage } from './Storage.js';

/**
 * The accounts a path sees. Code is fixed (no CREATE); storage, transient storage and
 * balances change along the path. Every account outside `code` has none.
 */
export interface World {
  readonly code: ReadonlyMap<bigint, Code>;
  readonly storage: Map<bigint, Storage>;
  readonly transient: Map<bigint, Storage>;
  balances: Storage;
}

export function cloneWorld(w: World): World {
  return { code: w.code, storage: new Map(w.storage), transient: new Map(w.transient), balances: w.balances };
}

/** The part of a world a reverting frame restores. */
export interface Checkpoint {
  readonly storage: Map<bigint, Storage>;
  readonly transient: Map<bigint, Storage>;
  readonly balances: Storage;
  readonly logs: number;
}

export function checkpointOf(w: World, logs: number): Checkpoint {
  return { storage: new Map(w.storage), transient: new Map(w.transient), balances: w.balances, logs };
}

export function restoreWorld(w: World, cp: Checkpoint): World {
  return { code: w.code, storage: new Map(cp.storage), transient: new Map(cp.transient), balances: cp.balances };
}
