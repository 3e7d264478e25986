import type { Address } from '@ethereumjs/util';
import type { Hex } from 'viem';
import type { JournalState } from '../chain/JournalState.js';
import type { BlockEnv } from '../chain/types.js';
import type { CheatState } from './CheatState.js';

/** What a cheatcode sees of the world: who called it, the state, the clock, the cheat state. */
export interface CheatContext {
  /** The contract that called the cheatcode address. */
  caller: Address;
  callerHex: Hex;
  /** Depth of the cheat call's message; the caller's next call has the same depth. */
  depth: number;
  state: JournalState;
  cheats: CheatState;
  block: {
    get(): BlockEnv;
    set(env: Partial<BlockEnv>): void;
  };
  /** Environment lookups (`vm.envOr`): process.env unless a run supplies its own. */
  env: (name: string) => string | undefined;
}

/**
 * One cheatcode: its Solidity signature as forge-std's `Vm` declares it, and what it does.
 * `run` returns the values to ABI-encode as the call's output, or nothing.
 * It throws CheatFailure to make the cheat call revert.
 */
export interface Cheatcode {
  signature: string;
  run(ctx: CheatContext, args: readonly unknown[]): readonly unknown[] | void | Promise<readonly unknown[] | void>;
}
