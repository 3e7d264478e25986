import type { SymbolicState } from '../exec/PathState.js';
import { knownKeccakApps } from '../keccak/keccakOf.js';
import type { Ctx, Word, Z3Array } from '../word/Word.js';
import { toCode, type Code } from './Code.js';
import type { Storage } from './Storage.js';

export interface ContractInput {
  address: bigint;
  code: Uint8Array;
  /** Known slots (every other slot holds 0), or 'symbolic': any storage (inductive steps). */
  storage: ReadonlyMap<bigint, Word> | 'symbolic';
}

export interface WorldInput {
  contracts: readonly ContractInput[];
  /** Known balances; every other account's balance is any value. */
  balances?: ReadonlyMap<bigint, Word>;
  /** Inputs hashed to reach the known storage (mapping keys): they tie symbolic keys to known slots. */
  keccakPreimages?: readonly Uint8Array[];
}

function anyArray(ctx: Ctx, name: string): Z3Array {
  return ctx.Array.const(name, ctx.BitVec.sort(256), ctx.BitVec.sort(256)) as unknown as Z3Array;
}

/** The state before the first explored call: the deployed contracts, no path condition yet. */
export function createSymbolicState(ctx: Ctx, input: WorldInput): SymbolicState {
  const code = new Map<bigint, Code>();
  const storage = new Map<bigint, Storage>();
  for (const c of input.contracts) {
    code.set(c.address, toCode(c.code));
    const hex = c.address.toString(16);
    storage.set(
      c.address,
      c.storage === 'symbolic'
        ? { base: { entries: new Map(), fallback: anyArray(ctx, `storage_${hex}`) }, writes: [] }
        : { base: { entries: c.storage, fallback: 0n }, writes: [] },
    );
  }
  const balances: Storage = { base: { entries: input.balances ?? new Map(), fallback: anyArray(ctx, 'balance') }, writes: [] };
  return {
    world: { code, storage, transient: new Map(), balances },
    path: undefined,
    model: undefined,
    keccak: knownKeccakApps(input.keccakPreimages ?? []),
    keccakDefined: new Set(),
    fresh: 0,
    notes: [],
    refinements: [],
  };
}
