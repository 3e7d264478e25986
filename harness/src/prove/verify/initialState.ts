import { encodeAbiParameters, hexToBytes, type Hex } from 'viem';
import type { SpecSession } from '../../campaign/SpecSession.js';
import type { SymbolicState } from '../exec/PathState.js';
import { keccakBytes } from '../keccak/keccakOf.js';
import { createSymbolicState, type WorldInput } from '../state/createSymbolicState.js';
import { worldFromChain } from '../state/worldFromChain.js';
import type { Ctx } from '../word/Word.js';

/** Declaration slots searched for mapping keys; enough for the simple layouts specs target. */
const SLOTS = 16n;

/** Every address the spec names: its contracts, actors and senders. */
export function knownAddresses(session: SpecSession): Hex[] {
  const all = [...session.deployment.contracts.map((c) => c.address), ...session.deployment.actors, ...session.senders];
  return [...new Set(all.map((a) => a.toLowerCase() as Hex))];
}

/**
 * The set-up state of a session as the explorer's start. The mapping keys of the known
 * addresses whose slots hold values are passed as keccak preimages: without them a model
 * may alias a symbolic key's slot with one of those slots, which is sound but does not replay.
 */
export async function readSetupWorld(session: SpecSession): Promise<WorldInput> {
  const contracts = session.deployment.contracts.map((c) => c.address);
  const keys = knownAddresses(session);
  const plain = await worldFromChain(session.chain, contracts, keys);
  const used = new Set<bigint>();
  for (const c of plain.contracts) if (c.storage !== 'symbolic') for (const slot of c.storage.keys()) used.add(slot);
  const preimages: Uint8Array[] = [];
  for (let slot = 0n; slot < SLOTS; slot++) {
    for (const k of keys) {
      const inner = hexToBytes(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [k, slot]));
      const h = keccakBytes(inner);
      let nestedUsed = false;
      for (const k2 of keys) {
        const outer = hexToBytes(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [k2, h]));
        if (used.has(keccakBytes(outer))) {
          preimages.push(outer);
          nestedUsed = true;
        }
      }
      if (nestedUsed || used.has(h)) preimages.push(inner);
    }
  }
  return { ...plain, keccakPreimages: preimages };
}

export function setupState(ctx: Ctx, world: WorldInput): SymbolicState {
  return createSymbolicState(ctx, world);
}

/**
 * Any storage in every contract and any balances: the start of an inductive step. No
 * preimages: they only tie symbolic keys to a concrete state's slots, and cost the solver.
 */
export function anyState(ctx: Ctx, world: WorldInput): SymbolicState {
  return createSymbolicState(ctx, { contracts: world.contracts.map((c) => ({ ...c, storage: 'symbolic' as const })) });
}
