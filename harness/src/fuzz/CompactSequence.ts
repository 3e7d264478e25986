import type { FuzzCall } from './FuzzCall.js';

/**
 * The calls of a run that changed state. A reverted call changes nothing but the clock
 * (calls pay no gas and bump no nonce here), so it is left out and its time and block jumps
 * are carried to the next call: the compact sequence ends in the same chain state, with
 * fewer calls to replay and to mutate. Corpus entries are built from it.
 */
export class CompactSequence {
  private readonly kept: FuzzCall[] = [];
  private time = 0n;
  private blocks = 0n;

  /** `call` with the jumps of the reverted calls before it added to its own. */
  carry(call: FuzzCall): FuzzCall {
    if (this.time === 0n && this.blocks === 0n) return call;
    return { ...call, timeDelta: call.timeDelta + this.time, blockDelta: call.blockDelta + this.blocks };
  }

  /** The compact sequence so far, ending with `call` (as `carry` returns it) whether or not it reverted. */
  endingWith(call: FuzzCall): FuzzCall[] {
    return [...this.kept, this.carry(call)];
  }

  /** Books a call that ran: kept if it changed state, else its jumps wait for the next call. */
  push(call: FuzzCall, reverted: boolean): void {
    if (reverted) {
      this.time += call.timeDelta;
      this.blocks += call.blockDelta;
      return;
    }
    this.kept.push(this.carry(call));
    this.time = 0n;
    this.blocks = 0n;
  }
}
