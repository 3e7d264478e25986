import { EVMError } from '@ethereumjs/evm';
import type { Address } from '@ethereumjs/util';
import type { CommonLike, EvmInternals, RunState } from './evmInternals.js';
import { addressKey, type JournalState } from './JournalState.js';
import type { GasFn } from './syncGas.js';
import { bytesToBigInt, isZero, sameNumber, shortBytes, wordHex } from './words.js';

export interface SyncOp {
  gas: GasFn;
  handler: (rs: RunState, common: CommonLike) => void;
}

/** The EVM journal's warm sets (EIP-2929), keyed by unprefixed hex as the library keys them. */
interface WarmJournal {
  journal: Map<string, Set<string>>;
  alwaysWarmJournal: Map<string, Set<string>>;
  journalDiff: [number, [Set<string>, Map<string, Set<string>>, Set<string>]][];
  accessList?: Map<string, Set<string>>;
  addWarmedAddress(address: Uint8Array): void;
}

type StorageRunState = RunState & {
  env: { address: Address; contract: unknown };
  interpreter: { journal: WarmJournal; refundGas(amount: bigint): void; subRefund(amount: bigint): void };
};

interface AddressKeys {
  /** As the journal keys it: 40 hex digits. */
  hex: string;
  /** As JournalState keys it: `0x` + 40 hex digits. */
  key: string;
}

const addressKeys = new WeakMap<Address, AddressKeys>();

function keysOf(address: Address): AddressKeys {
  let keys = addressKeys.get(address);
  if (keys === undefined) {
    const key = addressKey(address);
    addressKeys.set(address, (keys = { hex: key.slice(2), key }));
  }
  return keys;
}

/**
 * SLOAD and SSTORE without promises or byte conversions. The library reads storage
 * through the async state interface (two awaits per opcode, so both break every
 * synchronous batch) and turns each key into 32 bytes and back into hex several times
 * (gas, warm check, warm set, state lookup). A JournalState answers synchronously and
 * keys slots by hex, as the journal's warm sets do, so these work on one hex string
 * per key. The rules are the library's for forks from Berlin on: EIP-2929 warm / cold
 * access (accessStorageEIP2929) and EIP-2200 SSTORE gas and refunds with EIP-2929's
 * warm adjustments (updateSstoreGasEIP2200, adjustSstoreGasEIP2929), step for step.
 * The caller installs them only with EIP-2929 and none of 6800/7864/7928/8037/8038.
 */
export function syncStorageOps(lib: EvmInternals, state: JournalState): { sload: SyncOp; sstore: SyncOp } {
  const { trap } = lib;
  /** accessStorageEIP2929 with gas charged: warms the slot, returns its access cost. */
  const access = (rs: StorageRunState, address: Address, slotHex: string, isSstore: boolean, common: CommonLike): bigint => {
    const journal = rs.interpreter.journal;
    const addressHex = keysOf(address).hex;
    if (!isWarm(journal, addressHex, slotHex)) {
      warmSlot(journal, address, addressHex, slotHex);
      return common.param('coldsloadGas');
    }
    return isSstore ? 0n : common.param('warmstoragereadGas');
  };
  const sload: SyncOp = {
    gas: (rs, gas, common) => gas + access(rs as StorageRunState, (rs as StorageRunState).env.address, wordHex(rs.stack.peek(1)[0]!), false, common),
    handler: (rs) => {
      const value = state.slotNow(keysOf((rs as StorageRunState).env.address).key, `0x${wordHex(rs.stack.pop())}`);
      rs.stack.push(value.length === 0 ? 0n : bytesToBigInt(value));
    },
  };
  const sstore: SyncOp = {
    gas: (rs, gas, common) => {
      const srs = rs as StorageRunState;
      if (rs.interpreter.isStatic()) trap(EVMError.errorMessages.STATIC_STATE_CHANGE);
      const [key, val] = rs.stack.peek(2) as [bigint, bigint];
      const address = srs.env.address;
      const keys = keysOf(address);
      const slotHex = wordHex(key);
      const slot = `0x${slotHex}`;
      const current = state.slotNow(keys.key, slot);
      const original = state.originalSlotNow(keys.key, slot);
      const warm = isWarm(srs.interpreter.journal, keys.hex, slotHex);
      gas += sstoreGas(srs, current, original, shortBytes(val), warm, common, trap);
      return gas + access(srs, address, slotHex, true, common);
    },
    handler: (rs) => {
      const [key, val] = rs.stack.popN(2) as [bigint, bigint];
      const env = (rs as StorageRunState).env;
      state.putSlotNow(keysOf(env.address).key, `0x${wordHex(key)}`, shortBytes(val));
      // The library re-reads the account after every store (storageStore); so does this.
      const account = state.accountNow(env.address);
      if (account === undefined) throw new Error('could not read account while persisting memory');
      env.contract = account;
    },
  };
  return { sload, sstore };
}

function isWarm(journal: WarmJournal, addressHex: string, slotHex: string): boolean {
  if (journal.journal.get(addressHex)?.has(slotHex) === true) return true;
  return journal.alwaysWarmJournal.get(addressHex)?.has(slotHex) === true;
}

/**
 * Journal.addWarmedStorage with the hex keys at hand (the library converts both from
 * bytes again): marks the slot warm, in the current frame's diff so a revert cools it,
 * and in the access list when one is being reported. Only called for a cold slot.
 */
function warmSlot(journal: WarmJournal, address: Address, addressHex: string, slotHex: string): void {
  let slots = journal.journal.get(addressHex);
  if (slots === undefined) {
    journal.addWarmedAddress(address.bytes);
    slots = journal.journal.get(addressHex)!;
  }
  if (!slots.has(slotHex)) {
    slots.add(slotHex);
    const diff = journal.journalDiff[journal.journalDiff.length - 1]![1][1];
    let diffSlots = diff.get(addressHex);
    if (diffSlots === undefined) diff.set(addressHex, (diffSlots = new Set()));
    diffSlots.add(slotHex);
  }
  journal.accessList?.get(addressHex)!.add(slotHex);
}

/**
 * EIP-2200 SSTORE gas with EIP-2929's warm adjustments, as updateSstoreGasEIP2200 and
 * adjustSstoreGasEIP2929 compute it; `warm` is the slot's state before this SSTORE.
 * Values compare as numbers, as the library's zero-stripped, 32-byte-padded forms do.
 */
function sstoreGas(
  rs: StorageRunState,
  current: Uint8Array,
  original: Uint8Array,
  value: Uint8Array,
  warm: boolean,
  common: CommonLike,
  trap: EvmInternals['trap'],
): bigint {
  if (rs.gasLeft <= common.param('sstoreSentryEIP2200Gas')) trap(EVMError.errorMessages.OUT_OF_GAS);
  const warmRead = common.param('warmstoragereadGas');
  if (sameNumber(current, value)) return warm ? warmRead : common.param('sstoreNoopEIP2200Gas');
  const originalZero = isZero(original);
  if (sameNumber(original, current)) {
    if (originalZero) return common.param('sstoreInitEIP2200Gas');
    if (isZero(value)) rs.interpreter.refundGas(common.param('sstoreClearRefundEIP2200Gas'));
    return common.param('sstoreCleanEIP2200Gas');
  }
  if (!originalZero) {
    if (isZero(current)) rs.interpreter.subRefund(common.param('sstoreClearRefundEIP2200Gas'));
    else if (isZero(value)) rs.interpreter.refundGas(common.param('sstoreClearRefundEIP2200Gas'));
  }
  if (sameNumber(original, value)) {
    if (originalZero) {
      rs.interpreter.refundGas(warm ? common.param('sstoreInitEIP2200Gas') - warmRead : common.param('sstoreInitRefundEIP2200Gas'));
    } else {
      const coldSload = common.param('coldsloadGas');
      rs.interpreter.refundGas(warm ? common.param('sstoreResetGas') - coldSload - warmRead : common.param('sstoreCleanRefundEIP2200Gas'));
    }
  }
  return common.param('sstoreDirtyEIP2200Gas');
}
