import type { Cell } from '../bytes/Cell.js';
import type { Log, SymbolicState } from '../exec/PathState.js';
import type { UnknownKind } from '../exec/signals.js';
import type { Word } from '../word/Word.js';

/** One transaction to explore: any part may be symbolic except the target. */
export interface SymbolicCall {
  from: Word;
  to: bigint;
  value: Word;
  calldata: readonly Cell[];
}

export type PathStatus = 'success' | 'revert' | 'halt' | 'unknown';

/**
 * How one path of the call ended, with the state after it (for the next call of a
 * sequence, or to evaluate a property). A reverted or halted path carries the world as
 * it was before the call. `model` satisfies `path` when set.
 */
export interface EndPath extends SymbolicState {
  status: PathStatus;
  /** RETURN or REVERT data (REVERT keeps Panic and custom-error data). */
  returnData: readonly Cell[];
  logs: readonly Log[];
  /** Halt reason, or what made the path unknown. */
  reason?: string;
  unknown?: UnknownKind;
  /** Contract and pc where the path ended. */
  address: bigint;
  pc: number;
  steps: number;
}

export type GlobalBudget = 'time' | 'paths' | 'pending';

export interface ExploreStats {
  paths: number;
  steps: number;
  forks: number;
  /** Options proved infeasible (and infeasible ends), not paths lost. */
  pruned: number;
  solverChecks: number;
  solverMs: number;
  ms: number;
}

export interface ExploreResult {
  paths: EndPath[];
  stats: ExploreStats;
  /** The global budget that ended exploration early; the paths it cut are `unknown`. */
  budget?: GlobalBudget;
}
