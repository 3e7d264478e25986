import type { Cond } from '../word/Word.js';
import type { PathState } from './PathState.js';

/**
 * A handler's request to split the path. The explorer keeps each option whose condition
 * may hold (checked with the path's model first, the solver second), applies it to its
 * own copy of the state, and follows any fork the option returns in turn.
 */
export interface Fork {
  readonly options: readonly ForkOption[];
}

export interface ForkOption {
  readonly cond: Cond;
  /** Acts on the copy it is given: read the frame with topFrame(s), never from a closure. */
  readonly apply: (s: PathState) => Fork | void;
}

export function isFork(r: unknown): r is Fork {
  return typeof r === 'object' && r !== null && 'options' in r;
}
