import type { Abi, AbiFunction } from 'viem';
import type { Cell } from '../bytes/Cell.js';
import type { TxEnv } from '../exec/ExecEnv.js';
import type { SymbolicState } from '../exec/PathState.js';
import type { SevmOptions } from '../exec/SevmOptions.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import type { Cond, Ctx, Word } from '../word/Word.js';

/** A deployed contract of the spec, by its key in `contracts`. */
export interface CheckContract {
  address: bigint;
  abi: Abi;
}

/** The call a property is checked after (all parts may be symbolic). */
export interface CheckCall {
  /** Contract key of the target. */
  contract: string;
  fn: AbiFunction;
  /** The call's calldata (selector first): static arguments are read from their head words. */
  calldata: readonly Cell[];
  sender: Word;
  value: Word;
  /** True on the paths where the call reverted (the state is then `pre`'s world). */
  reverted: Cond;
  /** What the call returned on a success path (`call.result` decodes it). */
  returnData?: readonly Cell[];
}

/** What a check is evaluated against. */
export interface CheckEnv {
  ctx: Ctx;
  sevm: SymbolicEvm;
  /** The state the check reads (after the call, for properties). */
  state: SymbolicState;
  /** Properties: the state before the call, read by `old(handle)`. */
  pre?: SymbolicState;
  contracts: ReadonlyMap<string, CheckContract>;
  /** The spec's actors, in order (what `sum/forall/exists(actors, ...)` range over). */
  actors: readonly bigint[];
  /** Sender of view calls (CheckRunner reads as the deployer). */
  viewSender: bigint;
  /** Transaction/block environment of view calls. */
  tx: TxEnv;
  /** Properties: the call. */
  call?: CheckCall;
  /** Limits of each view call's exploration. */
  options?: Partial<SevmOptions>;
}

/**
 * The check's value on the state. `holds` is true exactly where the check would return
 * `true` in the fuzzer: a reverting view call makes it false (CheckRunner's broken check),
 * so does a throw; `throws` says where evaluation would throw instead (INVARIANT_THREW:
 * a type error, a division by zero, an argument out of its ABI range). Both are stated
 * under the view calls' exploration being complete; `unknown` says why it was not.
 */
export interface CheckValue {
  holds: import('../word/Word.js').BoolExpr;
  throws: import('../word/Word.js').BoolExpr;
  unknown?: string;
}
