import type { Abi, Hex } from 'viem';
import type { TargetFunction } from '../../fuzz/TargetFunction.js';
import type { TxEnv } from '../exec/ExecEnv.js';
import type { CheckCall } from '../spec/CheckEnv.js';
import type { SymbolicState } from '../exec/PathState.js';
import type { SymbolicEvm } from '../explore/SymbolicEvm.js';
import type { BoolExpr, Ctx } from '../word/Word.js';

/** A deployed contract of the spec, as checks address it (`token`). */
export interface VerifyContract {
  address: Hex;
  abi: Abi;
}

/** What a check is evaluated against: one symbolic state of the deployed contracts. */
export interface CheckEnv {
  ctx: Ctx;
  sevm: SymbolicEvm;
  state: SymbolicState;
  /** The block view calls see (that of the call that led to `state`). */
  tx: TxEnv;
  contracts: ReadonlyMap<string, VerifyContract>;
  actors: readonly Hex[];
  /** Properties: the state before the call. */
  pre?: SymbolicState;
  /** Properties: the call they are checked after. */
  call?: CheckCall;
}

/** A check's value on a state; `unknown` says why it could not be built (e.g. a view call may revert). */
export interface CheckValue {
  holds: BoolExpr;
  unknown?: string;
}

/**
 * One invariant as the prover sees it, however it was obtained (compiled from the spec, or
 * written against the symbolic EVM): the procedures below only evaluate it.
 */
export interface VerifyCheck {
  kind: 'invariant' | 'property';
  name: string;
  evaluate(env: CheckEnv): Promise<CheckValue>;
  /** Properties: whether the fuzzer checks it after a call to `target` (its `on`); default every call. */
  appliesTo?(target: TargetFunction): boolean;
}

/** Bounds of one proof run; every one that is hit is reported. */
export interface ProveBounds {
  /** Calls per sequence from the deployed state (proved-bounded (k)). */
  depth: number;
  loopBound: number;
  /** Wall-clock budget of one exploration or solver obligation, ms. */
  timeoutMs: number;
}

export const defaultProveBounds: ProveBounds = { depth: 2, loopBound: 3, timeoutMs: 30_000 };
