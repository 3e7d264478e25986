import type { Hex } from 'viem';

export type CallStatus = 'success' | 'revert' | 'halt';

export interface LogRecord {
  address: Hex;
  topics: Hex[];
  data: Hex;
}

export interface StorageChange {
  address: Hex;
  slot: Hex;
  before: Hex;
  after: Hex;
}

/** What a call did. A revert or a halt (out of gas, invalid opcode) is a result, not an exception. */
export interface CallResult {
  status: CallStatus;
  returnData: Hex;
  gasUsed: bigint;
  logs: LogRecord[];
  /** The EVM's reason for a halt, e.g. "out of gas"; "revert" for REVERT. */
  error?: string;
  /** Set for a successful deployment. */
  createdAddress?: Hex;
  storageChanges: StorageChange[];
  /** Panic(0x01) reverts in any frame of this call (assertion mode only). */
  assertions: import('./evmPatches.js').AssertionHit[];
  /** Operands of comparisons executed (when the chain collects them). */
  compares: bigint[];
  /** Failed `vm.assert*` cheatcodes in any frame (cheatcodes on). */
  cheatFailures?: import('../cheats/CheatState.js').CheatAssertionFailure[];
}

export interface CallRequest {
  from: Hex;
  to?: Hex;
  data: Hex;
  value?: bigint;
  gasLimit?: bigint;
}

export interface BlockEnv {
  timestamp: bigint;
  number: bigint;
}
