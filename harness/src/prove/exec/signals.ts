import type { Sym } from '../word/Word.js';

/** Why a path stopped without a verdict of its own. */
export type UnknownKind =
  | 'loop-bound'
  | 'step-budget'
  | 'memory-budget'
  | 'time-budget'
  | 'path-budget'
  | 'pending-budget'
  | 'call-depth'
  | 'solver-unknown'
  | 'symbolic-value'
  | 'unsupported';

/** This path ends here as `unknown`: the engine cannot follow it exactly (never a silent drop). */
export class PathUnknown extends Error {
  constructor(
    readonly kind: UnknownKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** The current frame halts exceptionally (invalid opcode, bad jump, stack error, static write). */
export class FrameHalt extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * A handler needs this word concrete. The explorer pins it to the value of the path's
 * model (adding `w == v` to the path) and re-runs the instruction; the case `w != v`
 * ends as unknown. Handlers raise it before changing any state but the operands.
 */
export class NeedConcrete extends Error {
  constructor(
    readonly word: Sym,
    readonly what: string,
  ) {
    super(`symbolic ${what}`);
  }
}

/** An assumption contradicts the path: there is no such execution, so no path ends here. */
export class Infeasible extends Error {}
