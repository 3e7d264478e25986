import type { Address } from '@ethereumjs/util';
import type { Hex } from 'viem';

export interface Prank {
  /** The contract whose calls are pranked, as `0x` + 40 lower-case hex digits. */
  caller: string;
  /** Message depth of the calls it applies to. */
  depth: number;
  sender: Address;
  origin?: Address;
  /** startPrank: until stopPrank; prank: the next call only. */
  persistent: boolean;
}

export interface ExpectedRevert {
  caller: string;
  depth: number;
  /** undefined: any revert; 4 bytes: the selector; otherwise the exact revert data. */
  data?: Uint8Array;
}

export interface ExpectedEmit {
  caller: string;
  depth: number;
  topics: [boolean, boolean, boolean];
  data: boolean;
  emitter?: string;
  /** The event the test emitted after expectEmit: what the next call must emit. */
  expected?: { address: string; topics: Uint8Array[]; data: Uint8Array };
}

export interface CheatAssertionFailure {
  /** The contract whose `vm.assert*` failed. */
  address: Hex;
  /** e.g. "assertEq". */
  cheat: string;
  message: string;
}

/**
 * The cheatcodes' own state for one chain: pranks, expectations, labels, and the
 * assertion failures of the current top-level call. Not part of the EVM state, so it
 * survives snapshots; `endCall` drops what must not outlive a top-level call.
 */
export class CheatState {
  prank: Prank | undefined;
  expectedRevert: ExpectedRevert | undefined;
  expectedEmit: ExpectedEmit | undefined;
  readonly labels = new Map<string, string>();
  failures: CheatAssertionFailure[] = [];
  /** Unsupported cheatcodes called so far (signature or selector), for warnings. */
  readonly unsupported = new Set<string>();

  /** After a top-level call: one-shot pranks and expectations never leak into the next one. */
  endCall(): CheatAssertionFailure[] {
    if (this.prank !== undefined && !this.prank.persistent) this.prank = undefined;
    this.expectedRevert = undefined;
    this.expectedEmit = undefined;
    const out = this.failures;
    this.failures = [];
    return out;
  }

  private basePrank: Prank | undefined;

  /** The prank left running by set-up (a `startPrank` without `stopPrank`) is part of every run's start. */
  commitBaseline(): void {
    this.basePrank = this.prank?.persistent ? this.prank : undefined;
  }

  /** Back to the state right after set-up (a new run starts). */
  reset(): void {
    this.prank = this.basePrank;
    this.expectedRevert = undefined;
    this.expectedEmit = undefined;
    this.failures = [];
  }
}
