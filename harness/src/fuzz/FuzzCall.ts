import type { Hex } from 'viem';
import type { TargetFunction } from './TargetFunction.js';

/** One step of a call sequence, as generated and shrunk. */
export interface FuzzCall {
  target: TargetFunction;
  args: unknown[];
  sender: Hex;
  value: bigint;
  /** Seconds and blocks the chain advances before the call. */
  timeDelta: bigint;
  blockDelta: bigint;
}
