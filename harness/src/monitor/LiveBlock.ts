import type { Hex } from 'viem';
import type { LogRecord } from '../chain/types.js';

/** A transaction as the node reported it. */
export interface LiveTx {
  hash: Hex;
  index: number;
  from: Hex;
  /** Absent for a contract creation. */
  to?: Hex;
  input: Hex;
  value: bigint;
  nonce: bigint;
  gas: bigint;
}

/** One block, its transactions and logs, and when the monitor first saw it. */
export interface LiveBlock {
  number: bigint;
  hash: Hex;
  parentHash: Hex;
  timestamp: bigint;
  txs: LiveTx[];
  logs: LogRecord[];
  /** Wall clock (ms since the epoch) when eth_blockNumber first reported this block or a later one. */
  seenAt: number;
}
