import { encodeAbiParameters, hexToBytes, type Hex } from 'viem';
import type { SpecSession } from '../../campaign/SpecSession.js';
import type { SymbolicState } from '../exec/PathState.js';
import { keccakBytes } from '../keccak/keccakOf.js';
import { createSymbolicState, type WorldInput } from '../state/createSymbolicState.js';
import { worldFromChain } from '../state/worldFromChain.js';
import type { Ctx } from '../word/Word.js';

/** Declaration slots searched for mapping keys; enough for the simple layouts specs target. */
const SLOTS = 16n;
/** Elements of a dynamic array looked for past its first slot. */
const ARRAY_ELEMENTS = 8n;

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
  const plain = await worldFromChain(session.chain, contracts, knownAddresses(session));
  // Mapping keys: also the deployer and the addresses the set-up passed around (a pauser).
  const keys = [...new Set([...knownAddresses(session), session.deployment.deployer.toLowerCase() as Hex, ...session.dictionary.addresses.map((a) => a.toLowerCase() as Hex)])];
  const used = new Set<bigint>();
  for (const c of plain.contracts) if (c.storage !== 'symbolic') for (const slot of c.storage.keys()) used.add(slot);
  const preimages: Uint8Array[] = [];
  // Mapping keys: the known addresses, and the 32-byte constants of the code (role ids such as
  // keccak256("PAUSER_ROLE"), which solc inlines) and 0 (DEFAULT_ADMIN_ROLE) as outer keys.
  const constants = [0n, ...new Set(plain.contracts.flatMap((c) => push32Constants(c.code)))];
  // An address encodes as the uint256 of its value, so one loop serves both kinds of key.
  const word = (a: bigint, b: bigint) => hexToBytes(encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [a, b]));
  const outerKeys = keys.map((k) => BigInt(k));
  const innerKeys = [...new Set([...constants, ...outerKeys])];
  for (let slot = 0n; slot < SLOTS; slot++) {
    for (const k of innerKeys) {
      const inner = word(k, slot);
      const h = keccakBytes(inner);
      let nestedUsed = false;
      for (const k2 of outerKeys) {
        const outer = word(k2, h);
        if (used.has(keccakBytes(outer))) {
          preimages.push(outer);
          nestedUsed = true;
        }
      }
      if (nestedUsed || used.has(h)) preimages.push(inner);
    }
  }
  // Dynamic arrays: elements at keccak(p) + i, for p a slot number or a mapping slot found above.
  const near = (h: bigint) => {
    for (let i = 0n; i < ARRAY_ELEMENTS; i++) if (used.has(h + i)) return true;
    return false;
  };
  const bases = [...Array.from({ length: Number(SLOTS) }, (_, k) => BigInt(k)), ...preimages.map((p) => keccakBytes(p))];
  for (const p of bases) {
    const input = hexToBytes(encodeAbiParameters([{ type: 'uint256' }], [p]));
    if (near(keccakBytes(input))) preimages.push(input);
  }
  return { ...plain, keccakPreimages: preimages };
}

/** The values of the PUSH32 instructions of some bytecode (push data skipped as data). */
export function push32Constants(code: Uint8Array): bigint[] {
  const out: bigint[] = [];
  for (let pc = 0; pc < code.length; pc++) {
    const op = code[pc]!;
    if (op === 0x7f && pc + 32 < code.length) {
      let v = 0n;
      for (let k = 1; k <= 32; k++) v = (v << 8n) | BigInt(code[pc + k]!);
      out.push(v);
    }
    if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
  }
  return out;
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
